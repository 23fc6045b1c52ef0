/*
 * login.c - logging in and out.
 *
 * GET /login shows the form; POST /login checks the name and password
 * (argon2id; the same time whether or not the account exists), throttles
 * failures per account and per address, and starts a session: a 256-bit
 * random token in an HttpOnly, SameSite=Lax cookie (Secure behind TLS), of
 * which only the SHA-256 is stored. The login form has no session yet, so
 * its CSRF check is a double submit: a random value in a cookie and in
 * the form must match (besides the router's same-origin check).
 * POST /logout ends the session.
 */
#include "steiger.h"
#include "pages/pages.h"
#include "render/html.h"
#include "web/router.h"

#define LOGIN_CSRF_COOKIE "steiger_login"

/* Whether next is a safe place to go after logging in: a path of this
 * site ("/items"), not another site ("//evil.example", "https://..."). */
static int safe_next(const char *next)
{
	return next && next[0] == '/' && next[1] != '/' && next[1] != '\\' && !strchr(next, '\r') &&
	       !strchr(next, '\n');
}

/* Show the login form, with an error message when there is one. */
static int login_form(struct request *req, const char *name, const char *error, int status)
{
	char token[65];
	const char *next = http_query(req, "next");
	if (!next)
		next = http_form(req, "next");
	random_hex(token, 32);
	http_set_cookie(req, LOGIN_CSRF_COOKIE, token, 3600);
	req->status = status;
	req->no_store = 1;
	page_begin(req, _("Log in"), NULL);
	buf_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("Log in"));
	if (error)
		buf_printf(&req->out,
			   "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><p "
			   "class=\"utrecht-paragraph\">%h</p></div>\n",
			   error);
	buf_printf(&req->out,
		   "<form method=\"post\" action=\"/login\" class=\"steiger-form\">\n"
		   "<input type=\"hidden\" name=\"csrf\" value=\"%h\">\n"
		   "<input type=\"hidden\" name=\"next\" value=\"%h\">\n",
		   token, safe_next(next) ? next : "/");
	buf_printf(
		&req->out,
		"<div class=\"utrecht-form-field utrecht-form-field--text\"><div class=\"utrecht-form-field__label\">"
		"<label class=\"utrecht-form-label\" for=\"field-name\">%h</label></div>"
		"<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox utrecht-textbox--html-input\" "
		"id=\"field-name\" name=\"name\" "
		"value=\"%h\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" "
		"required></div></div>\n",
		_("Login name"), name ? name : "");
	buf_printf(
		&req->out,
		"<div class=\"utrecht-form-field utrecht-form-field--text\"><div class=\"utrecht-form-field__label\">"
		"<label class=\"utrecht-form-label\" for=\"field-password\">%h</label></div>"
		"<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox utrecht-textbox--html-input\" "
		"type=\"password\" "
		"id=\"field-password\" name=\"password\" autocomplete=\"current-password\" required></div></div>\n",
		_("Password"));
	button(req, _("Log in"), 1);
	buf_adds(&req->out, "</form>\n");
	page_end(req);
	return status;
}

/* See pages.h. */
int page_login_form(struct request *req)
{
	if (req->logged_in)
		return http_redirect(req, "/");
	return login_form(req, NULL, NULL, 200);
}

/* See pages.h. */
int page_login(struct request *req)
{
	const char *name = http_form(req, "name"), *password = http_form(req, "password");
	const char *csrf = http_form(req, "csrf"), *cookie = http_cookie(req, LOGIN_CSRF_COOKIE);
	const char *next = http_form(req, "next");
	char *key_account, *key_address;
	long long now = http_now(), wait;
	struct account a;
	struct err e = { 0, "" };
	int ok;
	if (!csrf || !cookie || !equal_secret(csrf, cookie))
		return login_form(req, name, _("The form has expired; please try again."), 403);
	if (!name || !password || !*name || !*password)
		return login_form(req, name, _("Fill in your login name and password."), 422);
	key_account = arena_printf(req->a, "account:%s", name);
	key_address = arena_printf(req->a, "address:%s", req->remote ? req->remote : "-");
	wait = db_login_locked(req->db, key_account, now);
	if (db_login_locked(req->db, key_address, now) > wait)
		wait = db_login_locked(req->db, key_address, now);
	if (wait > 0) {
		http_header(req, "Retry-After", arena_printf(req->a, "%lld", wait));
		return login_form(req, name,
				  arena_printf(req->a, _("Too many failed attempts. Try again in %lld minutes."),
					       (wait + 59) / 60),
				  429);
	}
	ok = db_account_get(req->db, name, &a, &e) == 0;
	/* Always verify, also for an unknown account (against a dummy hash),
	 * so the time taken does not tell whether it exists. */
	ok = password_verify(ok ? a.hash : NULL, password) && ok && !a.disabled;
	if (!ok) {
		db_login_failed(req->db, key_account, LOGIN_ACCOUNT_FAILURES, now, &e);
		db_login_failed(req->db, key_address, LOGIN_ADDRESS_FAILURES, now, &e);
		return login_form(req, name, _("The login name or password is not right."), 401);
	}
	db_login_succeeded(req->db, key_account, &e);
	db_login_succeeded(req->db, key_address, &e);
	char token[65];
	struct session s;
	memset(&s, 0, sizeof(s));
	random_hex(token, 32);
	sha256_hex(token, s.token_hash);
	random_hex(s.csrf, 32);
	snprintf(s.account, sizeof(s.account), "%s", a.name);
	s.created = s.seen = now;
	if (db_session_add(req->db, &s, req->remote, &e) < 0)
		return http_error(req, 503, _("The session cannot be stored; try again later."));
	http_set_cookie(req, SESSION_COOKIE, token, 0);
	http_set_cookie(req, LOGIN_CSRF_COOKIE, "", -1);
	return http_redirect(req, safe_next(next) ? next : "/");
}

/* See pages.h. */
int page_logout(struct request *req)
{
	struct err e = { 0, "" };
	if (req->has_session)
		db_session_delete(req->db, req->session.token_hash, &e);
	http_set_cookie(req, SESSION_COOKIE, "", -1);
	return http_redirect(req, "/login");
}
