/*
 * account.c - the user's own account, for every role:
 *
 *   GET  /account            name, role and what it may do, the details
 *                            form, the password form, the open sessions
 *   POST /account            change the display name and e-mail address
 *                            (through the users register: validated and
 *                            audited like every record)
 *   POST /account/password   change the password: the current one is
 *                            needed (failures count towards the login
 *                            throttle), the new one twice; the other
 *                            sessions end and this one gets a new token
 *   POST /account/sessions   end the other sessions
 */
#include "steiger.h"
#include "core/register.h"
#include "db/account_list.h"
#include "pages/pages.h"
#include "pages/people.h"
#include "pages/recordform.h"
#include "render/html.h"
#include "web/router.h"

/* What the page says after a change (?done=...): fixed texts, never text
 * from the address. */
static const char *done_text(const char *done)
{
	if (!done)
		return NULL;
	if (strcmp(done, "details") == 0)
		return _("Your details are saved.");
	if (strcmp(done, "password") == 0)
		return _("Your password is changed. Your other sessions have ended.");
	if (strcmp(done, "sessions") == 0)
		return _("Your other sessions have ended.");
	return NULL;
}

/* Append a term and its description to an open <dl>. */
static void dl_row(struct buf *o, const char *term, const char *value)
{
	buf_printf(o,
		   "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">%h</dt>"
		   "<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\">%h</dd></div>\n",
		   term, value);
}

/* Append what the role may do. */
static void permissions(struct request *req)
{
	struct buf *o = &req->out;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("What your role may do"),
		   arena_printf(req->a, _("Your role is %s. With it you may:"), role_label(req->user.role)));
	buf_adds(o, "<ul class=\"utrecht-unordered-list\">\n");
	for (int p = 0; p < PERM_COUNT; p++)
		if (role_can(req->user.role, (enum perm)p))
			buf_printf(o, "<li>%h</li>\n", perm_label((enum perm)p));
	buf_adds(o, "</ul>\n");
}

/* Append the table of the user's open sessions and the form that ends
 * the others. */
static void sessions(struct request *req)
{
	struct session_row *rows;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	size_t n = 0;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\" id=\"sessions\">%h</h2>\n", _("Your sessions"));
	if (db_account_sessions(req->db, req->user.name, req->has_session ? req->session.token_hash : NULL, http_now(),
				req->a, &rows, &n, &e) < 0) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("The sessions cannot be read now."));
		return;
	}
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n"
		   "<caption class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\">"
		   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>"
		   "<th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>"
		   "<th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th></tr></thead>\n"
		   "<tbody class=\"utrecht-table__body\">\n",
		   _("Where you are logged in"), _("Logged in"), _("Last used"), _("From address"));
	for (size_t i = 0; i < n; i++)
		buf_printf(o,
			   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__cell\" scope=\"row\">%h%h</th>"
			   "<td class=\"utrecht-table__cell\">%h</td><td class=\"utrecht-table__cell\">%h</td></tr>\n",
			   time_text(req, rows[i].created), rows[i].current ? _(" (this session)") : "",
			   time_text(req, rows[i].seen), rows[i].address ? rows[i].address : "");
	buf_adds(o, "</tbody>\n</table></div>\n");
	if (n > 1) {
		form_begin(req, "/account/sessions");
		button(req, _("Log out everywhere else"), 0);
		form_end(req);
	}
}

/* Show the account page; fe holds the errors of a form that failed
 * (status 422), values the fields as typed. */
static int account_page(struct request *req, const struct form_errors *fe, int status)
{
	struct buf *o = &req->out;
	const struct account *u = &req->user;
	const char *done = done_text(http_query(req, "done"));
	const char *display = fe->n && http_form(req, "display_name") ? http_form(req, "display_name") : u->display;
	const char *email = fe->n && http_form(req, "email") ? http_form(req, "email") : u->email;
	req->status = status;
	page_begin(req, _("Your account"), "account");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("Your account"));
	if (done && status == 200)
		notice(req, done);
	form_error_summary(req, fe);
	buf_adds(o, "<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n");
	dl_row(o, _("Login name"), u->name);
	dl_row(o, _("Display name"), u->display);
	dl_row(o, _("E-mail"), *u->email ? u->email : _("(none)"));
	dl_row(o, _("Role"), role_text(req, u->role));
	buf_adds(o, "</dl>\n");
	permissions(req);
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Your details"));
	form_begin(req, "/account");
	field_input(req, fe, "text", "display_name", _("Display name"), display,
		    _("How others see your name; empty: your login name."), 0);
	field_input(req, fe, "email", "email", _("E-mail"), email, NULL, 0);
	button(req, _("Save"), 1);
	form_end(req);
	buf_printf(o, "<h2 class=\"utrecht-heading-2\" id=\"password\">%h</h2>\n", _("Change your password"));
	form_begin(req, "/account/password");
	field_input(req, fe, "password", "current_password", _("Current password"), "", NULL, 1);
	field_input(req, fe, "password", "new_password", _("New password"), "",
		    arena_printf(req->a, _("At least %d characters. A sentence of a few words is easy to remember."),
				 PASSWORD_MIN),
		    1);
	field_input(req, fe, "password", "new_password_again", _("New password again"), "", NULL, 1);
	button(req, _("Change password"), 1);
	form_end(req);
	sessions(req);
	page_end(req);
	return status;
}

/* See pages.h. */
int page_account(struct request *req)
{
	struct form_errors fe = { .n = 0 };
	return account_page(req, &fe, 200);
}

/* See pages.h. */
int page_account_update(struct request *req)
{
	static const char *const fields[] = { "display_name", "email", NULL };
	struct form_errors fe = { .n = 0 };
	struct import_result res;
	int rc;
	details_check(req, &fe);
	if (fe.n)
		return account_page(req, &fe, 422);
	import_result_init(&res);
	rc = form_write(req, reg_get(REG_USERS), req->user.name, fields, &fe, &res);
	import_result_free(&res);
	if (rc == E_INPUT)
		return account_page(req, &fe, 422);
	if (rc < 0)
		return http_error(req, 500, _("Your details cannot be saved now; try again later."));
	return http_redirect(req, "/account?done=details");
}

/* See pages.h. */
int page_account_password(struct request *req)
{
	struct form_errors fe = { .n = 0 };
	const char *current = http_form(req, "current_password");
	const char *key = arena_printf(req->a, "account:%s", req->user.name);
	struct err e = { 0, "" };
	long long now = http_now(), wait;
	char hash[PASSWORD_HASH_SIZE], token[65];
	struct session s;
	if (!req->has_session)
		return http_error(req, 403, _("Log in with your password to change it."));
	if ((wait = db_login_locked(req->db, key, now)) > 0) {
		http_header(req, "Retry-After", arena_printf(req->a, "%lld", wait));
		form_error(&fe, "current_password",
			   arena_printf(req->a, _("Too many failed attempts. Try again in %lld minutes."),
					(wait + 59) / 60));
		return account_page(req, &fe, 429);
	}
	if (!current || !*current) {
		form_error(&fe, "current_password", _("Fill in your current password."));
	} else if (!password_verify(req->user.hash, current)) {
		db_login_failed(req->db, key, LOGIN_ACCOUNT_FAILURES, now, &e);
		form_error(&fe, "current_password", _("This is not your current password."));
	}
	password_check_new(req, &fe, "new_password", "new_password_again");
	if (fe.n)
		return account_page(req, &fe, 422);
	if (password_hash(http_form(req, "new_password"), hash) < 0)
		return http_error(req, 500, _("The password cannot be changed now; try again later."));
	/* A new session token as well: whoever knew the old one is out. */
	memset(&s, 0, sizeof(s));
	random_hex(token, 32);
	sha256_hex(token, s.token_hash);
	random_hex(s.csrf, 32);
	snprintf(s.account, sizeof(s.account), "%s", req->user.name);
	s.created = s.seen = now;
	if (db_begin(req->db, &e) < 0)
		return http_error(req, 503, _("The password cannot be changed now; try again later."));
	if (db_account_set_password(req->db, req->user.name, hash, &e) < 0 ||
	    db_session_add(req->db, &s, req->remote, &e) < 0 || db_commit(req->db, &e) < 0) {
		db_rollback(req->db);
		return http_error(req, 500, _("The password cannot be changed now; try again later."));
	}
	db_login_succeeded(req->db, key, &e);
	http_set_cookie(req, SESSION_COOKIE, token, 0);
	return http_redirect(req, "/account?done=password");
}

/* See pages.h. */
int page_account_sessions(struct request *req)
{
	struct err e = { 0, "" };
	if (db_sessions_end_others(req->db, req->user.name, req->has_session ? req->session.token_hash : NULL, &e) < 0)
		return http_error(req, 500, _("The sessions cannot be ended now; try again later."));
	return http_redirect(req, "/account?done=sessions#sessions");
}
