/*
 * people.c - roles, new passwords and times for the pages about people;
 * see people.h.
 */
#include "steiger.h"
#include "core/record.h"
#include "pages/people.h"
#include <time.h>

/* See people.h. */
const char *role_label(enum role r)
{
	static const char *const labels[ROLE_COUNT] = {
		N_("administrator"), N_("staff member"), N_("executive"), N_("council"), N_("partner"), N_("resident"),
	};
	return r >= 0 && r < ROLE_COUNT ? tr(labels[r]) : "?";
}

/* See people.h. */
const char *role_text(struct request *req, enum role r)
{
	const char *label = role_label(r), *code = role_code(r);
	return strcmp(label, code) == 0 ? label : arena_printf(req->a, "%s (%s)", label, code);
}

/* See people.h. */
void role_choices(struct request *req, const char ***codes, const char ***labels)
{
	const char **c = arena_calloc(req->a, ROLE_COUNT + 1, sizeof(*c));
	const char **l = arena_calloc(req->a, ROLE_COUNT + 1, sizeof(*l));
	for (int r = 0; r < ROLE_COUNT; r++) {
		c[r] = role_code((enum role)r);
		l[r] = role_text(req, (enum role)r);
	}
	*codes = c;
	*labels = l;
}

/* See people.h. */
void password_generate(char out[GENERATED_PASSWORD_LEN + 1])
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	const unsigned n = sizeof(alphabet) - 1, below = 256 / n * n; /* no modulo bias */
	int filled = 0;
	while (filled < GENERATED_PASSWORD_LEN) {
		char hex[65];
		random_hex(hex, 32);
		for (int i = 0; i < 32 && filled < GENERATED_PASSWORD_LEN; i++) {
			unsigned v = (unsigned)strtoul((char[]){ hex[2 * i], hex[2 * i + 1], '\0' }, NULL, 16);
			if (v < below)
				out[filled++] = alphabet[v % n];
		}
	}
	out[GENERATED_PASSWORD_LEN] = '\0';
}

/* See people.h. */
int password_check_new(struct request *req, struct form_errors *fe, const char *field, const char *again_field)
{
	const char *pw = http_form(req, field), *again = http_form(req, again_field);
	size_t chars = pw ? utf8_count(pw, strlen(pw)) : 0;
	if (!pw || !*pw) {
		form_error(fe, field, _("Fill in a new password."));
		return -1;
	}
	if (chars < PASSWORD_MIN || strlen(pw) > PASSWORD_MAX) {
		form_error(fe, field,
			   arena_printf(req->a, _("Use a password of %d to %d characters; this one has %zu."),
					PASSWORD_MIN, PASSWORD_MAX, chars));
		return -1;
	}
	if (!again || strcmp(pw, again) != 0) {
		form_error(fe, again_field, _("Type the same new password twice."));
		return -1;
	}
	return 0;
}

/* See people.h. */
const char *time_text(struct request *req, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char out[32];
	if (!localtime_r(&tt, &tm) || !strftime(out, sizeof(out), "%Y-%m-%d %H:%M", &tm))
		return "?";
	return arena_strdup(req->a, out);
}

/* See people.h. */
const char *iso_time_text(struct request *req, const char *iso)
{
	struct tm tm;
	time_t t;
	char out[32];
	memset(&tm, 0, sizeof(tm));
	if (!iso)
		return "";
	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
		   &tm.tm_sec) != 6)
		return iso;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (t == (time_t)-1 || !localtime_r(&t, &tm) || !strftime(out, sizeof(out), "%Y-%m-%d %H:%M:%S", &tm))
		return iso;
	return arena_strdup(req->a, out);
}

/* See people.h. */
void notice(struct request *req, const char *text)
{
	buf_printf(&req->out,
		   "<div class=\"utrecht-alert utrecht-alert--ok steiger-notice\" role=\"status\"><p "
		   "class=\"utrecht-paragraph\">%h</p></div>\n",
		   text);
}

/* See people.h. */
int text_has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* See people.h. */
void details_check(struct request *req, struct form_errors *fe)
{
	const char *display = http_form(req, "display_name"), *email = http_form(req, "email");
	if (display && strlen(display) > DETAILS_MAX)
		form_error(fe, "display_name", arena_printf(req->a, _("Use at most %d characters."), DETAILS_MAX));
	else if (display && text_has_control(display))
		form_error(fe, "display_name", _("Use one line of text, without tabs or line breaks."));
	if (email && *email && (strlen(email) > DETAILS_MAX || !is_email(email)))
		form_error(fe, "email", _("Expected an e-mail address such as name@zoetermeer.nl."));
}
