/*
 * item_pages.c - what the item pages share; see item_pages.h.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/item_detail.h"
#include "pages/item_pages.h"
#include "render/html.h"
#include <time.h>

/* See item_pages.h. */
int item_internal(const struct request *req)
{
	return req->logged_in && role_can(req->user.role, PERM_READ_INTERNAL);
}

/* See item_pages.h. */
int item_find(struct request *req, const char *id, int *archived)
{
	struct err e = { 0, "" };
	int state = db_item_state(req->db, id, &e);
	if (archived)
		*archived = state == 1;
	if (state == E_DB)
		return http_error(req, 500, _("The item cannot be read now; try again later."));
	if (state == E_NOTFOUND || (state == 1 && !item_internal(req)))
		return http_error(req, 404, _("There is no item at this address."));
	return 0;
}

/* See item_pages.h. */
void item_mark_illustrative(struct buf *o)
{
	buf_printf(o,
		   "<span class=\"steiger-illustrative\" aria-hidden=\"true\" title=\"%h\">*</span>"
		   "<span class=\"visually-hidden steiger-visually-hidden\"> (%h)</span>",
		   _("illustrative"), _("illustrative"));
}

/* See item_pages.h. */
void item_figure(struct buf *o, double v, int euros, const char *source)
{
	struct buf t = BUF_INIT;
	int nl = i18n_get() == LANG_NL;
	if (euros)
		eur_format_human(&t, v, nl);
	else
		num_format_short(&t, v, 2, nl);
	buf_printf(o, "%h", t.data);
	if (source && strcmp(source, "illustrative") == 0)
		item_mark_illustrative(o);
	buf_free(&t);
}

/* See item_pages.h. */
void item_illustrative_note(struct request *req)
{
	buf_printf(&req->out,
		   "<div class=\"utrecht-alert utrecht-alert--info steiger-notice\" role=\"note\"><p "
		   "class=\"utrecht-paragraph\">%h</p></div>\n",
		   _("Values marked * are illustrative: examples, not figures of the municipality. They are "
		     "replaced when the municipality imports its own data."));
}

/* See item_pages.h. */
void item_enum_choices(struct request *req, const char *key, const char *const **codes, const char *const **labels)
{
	const struct register_def *r = reg_get(REG_ITEMS);
	int fi = reg_field_index(r, key);
	const char *const *values = fi >= 0 ? r->fields[fi].values : NULL;
	size_t n = 0;
	while (values && values[n])
		n++;
	const char **l = arena_calloc(req->a, n + 1, sizeof(*l));
	for (size_t i = 0; i < n; i++)
		l[i] = code_label(values[i]);
	static const char *const none[] = { NULL };
	*codes = values ? values : none;
	*labels = l;
}

/* See item_pages.h. */
void item_when(struct buf *o, const char *iso)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
	int nl = i18n_get() == LANG_NL;
	if (!iso)
		return;
	if (sscanf(iso, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10 && !iso[10]) {
		if (nl)
			buf_printf(o, "<time datetime=\"%h\">%02d-%02d-%04d</time>", iso, d, mo, y);
		else
			buf_printf(o, "<time datetime=\"%h\">%04d-%02d-%02d</time>", iso, y, mo, d);
		return;
	}
	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) == 6) {
		struct tm utc = { 0 }, local;
		utc.tm_year = y - 1900;
		utc.tm_mon = mo - 1;
		utc.tm_mday = d;
		utc.tm_hour = h;
		utc.tm_min = mi;
		utc.tm_sec = sec;
		time_t t = timegm(&utc);
		if (t != (time_t)-1 && localtime_r(&t, &local)) {
			if (nl)
				buf_printf(o, "<time datetime=\"%h\">%02d-%02d-%04d %02d:%02d</time>", iso,
					   local.tm_mday, local.tm_mon + 1, local.tm_year + 1900, local.tm_hour,
					   local.tm_min);
			else
				buf_printf(o, "<time datetime=\"%h\">%04d-%02d-%02d %02d:%02d</time>", iso,
					   local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour,
					   local.tm_min);
			return;
		}
	}
	buf_printf(o, "%h", iso);
}
