/*
 * users.c - managing accounts (PERM_ADMIN):
 *
 *   GET  /users                           the accounts
 *   GET  /users/new, POST /users          create an account; the password
 *                                         is typed twice or generated and
 *                                         shown once
 *   GET  /users/:name                     one account: details, role,
 *                                         access, password, API tokens
 *   POST /users/:name                     action=details (display name,
 *                                         e-mail), role, disable, enable or
 *                                         reset (a new password, shown once)
 *   POST /users/:name/tokens              make an API token (shown once)
 *   POST /users/:name/tokens/:id/revoke   revoke one
 *
 * Every change goes through db/account.h (or, for the details, the users
 * register) in one transaction and is audited with the administrator as
 * actor. Disabling an account or a new password ends its sessions. No
 * change may leave the application without an active administrator: the
 * last active beheerder cannot be disabled or given another role.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/account_list.h"
#include "pages/pages.h"
#include "pages/people.h"
#include "pages/recordform.h"
#include "render/html.h"

/* The longest token description. */
#define TEXT_MAX 200

/* Append a term and its description to an open <dl>. */
static void dl_row(struct buf *o, const char *term, const char *value)
{
	buf_printf(o,
		   "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">%h</dt>"
		   "<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\">%h</dd></div>\n",
		   term, value);
}

/* Open a table with a caption and column headers (a NULL-ended list). */
static void table_begin(struct buf *o, const char *caption, const char *const *heads)
{
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n"
		   "<caption class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\">"
		   "<tr class=\"utrecht-table__row\">",
		   caption);
	for (size_t i = 0; heads[i]; i++)
		buf_printf(o, "<th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>", heads[i]);
	buf_adds(o, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
}

/* Close a table. */
static void table_end(struct buf *o)
{
	buf_adds(o, "</tbody>\n</table></div>\n");
}

/* Open a form to action with a hidden action field. */
static void action_form(struct request *req, const char *href, const char *action)
{
	form_begin(req, href);
	buf_printf(&req->out, "<input type=\"hidden\" name=\"action\" value=\"%h\">\n", action);
}

/* A secondary submit button that asks question first (steiger.js; without
 * JavaScript the action goes ahead). */
static void confirm_button(struct request *req, const char *label, const char *question, const char *aria_label)
{
	buf_printf(&req->out,
		   "<button type=\"submit\" class=\"utrecht-button utrecht-button--secondary-action\" "
		   "data-confirm=\"%h\" aria-label=\"%h\">%h</button>\n",
		   question, aria_label ? aria_label : label, label);
}

/* The address of the page of account name. */
static const char *user_href(struct request *req, const char *name)
{
	return arena_printf(req->a, "/users/%t", name);
}

/* Whether name is a valid login name: 1 to 64 of a-z 0-9 - _ ., starting
 * with a letter or digit (as db_account_add wants). */
static int valid_login(const char *name)
{
	size_t n = strlen(name);
	if (!n || n > 64 || !(islower((unsigned char)name[0]) || isdigit((unsigned char)name[0])))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)name[i]) && !isdigit((unsigned char)name[i]) && !strchr("-_.", name[i]))
			return 0;
	return 1;
}

/* A form field, or "" when absent. */
static const char *field(struct request *req, const char *name)
{
	const char *v = http_form(req, name);
	return v ? v : "";
}

/* A page that shows a secret (a password or token) once. */
static int secret_page(struct request *req, const char *title, const char *intro, const char *label, const char *secret,
		       const char *back)
{
	struct buf *o = &req->out;
	req->status = 200;
	page_begin(req, title, "users");
	buf_printf(o,
		   "<h1 class=\"utrecht-heading-1\">%h</h1>\n<div class=\"utrecht-alert utrecht-alert--ok "
		   "steiger-notice\" role=\"status\"><p class=\"utrecht-paragraph\">%h</p></div>\n",
		   title, intro);
	buf_printf(o,
		   "<p class=\"utrecht-paragraph\">%h: <code class=\"utrecht-code steiger-secret\">%h</code></p>\n"
		   "<p class=\"utrecht-paragraph\"><strong>%h</strong></p>\n",
		   label, secret, _("Copy it now: steiger does not keep it and cannot show it again."));
	buf_printf(o, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"%h\">%h</a></p>\n", back,
		   _("Back to the account"));
	page_end(req);
	return 200;
}

/* See pages.h. */
int page_users(struct request *req)
{
	struct account_row *rows;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	size_t n = 0;
	const char *heads[] = { _("Login name"), _("Display name"), _("E-mail"),     _("Role"), _("Status"),
				_("Sessions"),   _("Last active"),  _("API tokens"), NULL };
	if (db_accounts_list(req->db, req->a, &rows, &n, &e) < 0)
		return http_error(req, 500, _("The accounts cannot be read now."));
	page_begin(req, _("Users"), "users");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("Users"));
	buf_printf(o,
		   "<p class=\"utrecht-paragraph\"><a class=\"utrecht-button-link utrecht-button-link--html-a "
		   "utrecht-button-link--primary-action\" href=\"/users/new\">%h</a></p>\n",
		   _("New account"));
	table_begin(o, _("Accounts"), heads);
	for (size_t i = 0; i < n; i++) {
		const struct account_row *r = &rows[i];
		buf_printf(o,
			   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__cell\" scope=\"row\"><a "
			   "class=\"utrecht-link\" href=\"%h\">%h</a></th>",
			   user_href(req, r->name), r->name);
		buf_printf(o,
			   "<td class=\"utrecht-table__cell\">%h</td><td class=\"utrecht-table__cell\">%h</td>"
			   "<td class=\"utrecht-table__cell\">%h</td><td class=\"utrecht-table__cell\">%h</td>",
			   r->display ? r->display : "", r->email ? r->email : "", role_label(r->role),
			   r->disabled ? _("disabled") : _("active account"));
		buf_printf(o,
			   "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%d</td>"
			   "<td class=\"utrecht-table__cell\">%h</td>"
			   "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%d</td></tr>\n",
			   r->sessions, r->last_seen ? time_text(req, r->last_seen) : "", r->tokens);
	}
	table_end(o);
	page_end(req);
	return 200;
}

/* Show the form for a new account. */
static int new_form(struct request *req, const struct form_errors *fe, int status)
{
	const char **codes, **labels;
	struct buf *o = &req->out;
	role_choices(req, &codes, &labels);
	req->status = status;
	page_begin(req, _("New account"), "users");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("New account"));
	form_error_summary(req, fe);
	form_begin(req, "/users");
	field_input(req, fe, "text", "name", _("Login name"), field(req, "name"),
		    _("Lower-case letters, digits, '-', '_' and '.'; it cannot be changed later."), 1);
	field_input(req, fe, "text", "display_name", _("Display name"), field(req, "display_name"), NULL, 0);
	field_input(req, fe, "email", "email", _("E-mail"), field(req, "email"), NULL, 0);
	field_select(req, fe, "role", _("Role"), codes, labels, field(req, "role"), 1);
	field_input(req, fe, "password", "password", _("Password"), "",
		    arena_printf(req->a,
				 _("Leave empty to let steiger make a password, shown once. Typed: at least %d "
				   "characters."),
				 PASSWORD_MIN),
		    0);
	field_input(req, fe, "password", "password_again", _("Password again"), "", NULL, 0);
	button(req, _("Create account"), 1);
	form_end(req);
	page_end(req);
	return status;
}

/* See pages.h. */
int page_user_new(struct request *req)
{
	struct form_errors fe = { .n = 0 };
	return new_form(req, &fe, 200);
}

/* See pages.h. */
int page_user_create(struct request *req)
{
	struct form_errors fe = { .n = 0 };
	const char *name = field(req, "name"), *role = field(req, "role"), *pw = field(req, "password");
	char generated[GENERATED_PASSWORD_LEN + 1], hash[PASSWORD_HASH_SIZE];
	struct err e = { 0, "" };
	int r = role_by_code(role);
	if (!*name)
		form_error(&fe, "name", _("Fill in a login name."));
	else if (!valid_login(name))
		form_error(&fe, "name",
			   _("Use 1 to 64 lower-case letters, digits, '-', '_' and '.', starting with a letter or "
			     "digit."));
	else if (strcmp(name, "new") == 0)
		form_error(&fe, "name", _("This name is reserved; choose another."));
	else if (db_int(req->db, "SELECT count(*) FROM account WHERE name = ?", name, 0))
		form_error(&fe, "name", _("This login name is taken already; choose another."));
	details_check(req, &fe);
	if (r < 0)
		form_error(&fe, "role", _("Choose a role."));
	if (*pw || *field(req, "password_again"))
		password_check_new(req, &fe, "password", "password_again");
	if (fe.n)
		return new_form(req, &fe, 422);
	if (!*pw) {
		password_generate(generated);
		pw = generated;
	}
	if (password_hash(pw, hash) < 0)
		return http_error(req, 500, _("The account cannot be created now; try again later."));
	if (db_account_add(req->db, name, (enum role)r, field(req, "display_name"), field(req, "email"), hash, &e) <
	    0) {
		if (e.code == E_INPUT) {
			form_error(&fe, "name", arena_strdup(req->a, e.msg));
			return new_form(req, &fe, 422);
		}
		return http_error(req, 500, _("The account cannot be created now; try again later."));
	}
	if (pw == generated)
		return secret_page(req, _("Account created"),
				   arena_printf(req->a, _("The account %s is created with the role %s."), name,
						role_label((enum role)r)),
				   _("Its password"), generated, user_href(req, name));
	return http_redirect(req, arena_printf(req->a, "/users/%t?done=created", name));
}

/* What the account page says after a change (?done=...). */
static const char *done_text(const char *done)
{
	static const struct {
		const char *code; /* the value of ?done= */
		const char *text; /* the message (English msgid) */
	} texts[] = {
		{ "created", N_("The account is created.") },
		{ "details", N_("The details are saved.") },
		{ "role", N_("The role is changed.") },
		{ "disabled", N_("The account is disabled; its sessions have ended.") },
		{ "enabled", N_("The account can log in again.") },
		{ "revoked", N_("The token is revoked.") },
	};
	for (size_t i = 0; done && i < ARRAY_SIZE(texts); i++)
		if (strcmp(done, texts[i].code) == 0)
			return tr(texts[i].text);
	return NULL;
}

/* Append the API tokens of account a with their revoke buttons, and the
 * form that makes one. */
static void tokens_section(struct request *req, const struct account *a, const struct form_errors *fe)
{
	struct token_row *rows;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	const char *href = user_href(req, a->name);
	const char *heads[] = { _("Token"), _("Description"), _("Created"), _("Last used"), _("Status"), NULL };
	size_t n = 0;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\" id=\"tokens\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("API tokens"),
		   _("Other systems use the API with a token; they act with the role of this account."));
	if (db_account_tokens(req->db, a->name, req->a, &rows, &n, &e) < 0) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("The tokens cannot be read now."));
		return;
	}
	if (n) {
		table_begin(o, arena_printf(req->a, _("API tokens of %s"), a->name), heads);
		for (size_t i = 0; i < n; i++) {
			const struct token_row *t = &rows[i];
			buf_printf(o,
				   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__cell\" "
				   "scope=\"row\">%h</th><td class=\"utrecht-table__cell\">%h</td>"
				   "<td class=\"utrecht-table__cell\">%h</td><td class=\"utrecht-table__cell\">%h</td>"
				   "<td class=\"utrecht-table__cell\">",
				   t->id, t->description ? t->description : "", iso_time_text(req, t->created_at),
				   t->last_used_at ? iso_time_text(req, t->last_used_at) : "");
			if (t->revoked_at) {
				buf_printf(o, "%h %h", _("revoked"), iso_time_text(req, t->revoked_at));
			} else {
				form_begin(req, arena_printf(req->a, "%s/tokens/%t/revoke", href, t->id));
				confirm_button(req, _("Revoke"),
					       arena_printf(req->a,
							    _("Revoke token %s? The systems that use it can no "
							      "longer use the API."),
							    t->id),
					       arena_printf(req->a, _("Revoke token %s"), t->id));
				form_end(req);
			}
			buf_adds(o, "</td></tr>\n");
		}
		table_end(o);
	}
	form_begin(req, arena_printf(req->a, "%s/tokens", href));
	field_input(req, fe, "text", "description", _("What the new token is for"), field(req, "description"),
		    _("E.g. the name of the system that uses it."), 0);
	button(req, _("Make a token"), 0);
	form_end(req);
}

/* Show the page of account a; fe holds the errors of a form that failed. */
static int user_page(struct request *req, const struct account *a, const struct form_errors *fe, int status)
{
	struct buf *o = &req->out;
	const char *href = user_href(req, a->name), **codes, **labels, *done = http_query(req, "done");
	const char *action = fe->n ? http_form(req, "action") : NULL;
	int typed_details = action && strcmp(action, "details") == 0;
	int typed_role = action && strcmp(action, "role") == 0;
	const char *err = form_error_of(fe, "status");
	long long sessions = db_int(req->db, "SELECT count(*) FROM session WHERE account = ?", a->name, 0);
	role_choices(req, &codes, &labels);
	req->status = status;
	page_begin(req, arena_printf(req->a, _("Account %s"), a->name), "users");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", arena_printf(req->a, _("Account %s"), a->name));
	if (status == 200 && done_text(done))
		notice(req, done_text(done));
	form_error_summary(req, fe);
	buf_adds(o, "<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n");
	dl_row(o, _("Login name"), a->name);
	dl_row(o, _("Display name"), a->display);
	dl_row(o, _("E-mail"), *a->email ? a->email : _("(none)"));
	dl_row(o, _("Role"), role_text(req, a->role));
	dl_row(o, _("Status"), a->disabled ? _("disabled: cannot log in") : _("active account"));
	dl_row(o, _("Sessions"), arena_printf(req->a, "%lld", sessions));
	buf_adds(o, "</dl>\n");
	buf_printf(o,
		   "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/audit?table=account&amp;"
		   "record=%t\">%h</a></p>\n",
		   a->name, _("Changes of this account in the audit log"));

	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Details"));
	action_form(req, href, "details");
	field_input(req, fe, "text", "display_name", _("Display name"),
		    typed_details ? field(req, "display_name") : a->display, NULL, 0);
	field_input(req, fe, "email", "email", _("E-mail"), typed_details ? field(req, "email") : a->email, NULL, 0);
	button(req, _("Save"), 1);
	form_end(req);

	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Role"));
	action_form(req, href, "role");
	field_select(req, fe, "role", _("Role"), codes, labels, typed_role ? field(req, "role") : role_code(a->role),
		     1);
	button(req, _("Change role"), 0);
	form_end(req);

	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Access"));
	action_form(req, href, a->disabled ? "enable" : "disable");
	buf_printf(o, "<div class=\"utrecht-form-field%s\" id=\"field-status\">",
		   err ? " utrecht-form-field--invalid" : ""); /* literal */
	if (err)
		buf_printf(o,
			   "<div class=\"utrecht-form-field-error-message\" id=\"error-status\"><span "
			   "class=\"steiger-visually-hidden\">%h </span>%h</div>\n",
			   _("Error:"), err);
	buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n",
		   a->disabled ? _("This account cannot log in. Enabling it lets it log in again with its password.")
			       : _("Disabling the account ends its sessions; it can no longer log in or use its API "
				   "tokens."));
	if (a->disabled)
		button(req, _("Enable account"), 0);
	else
		confirm_button(req, _("Disable account"),
			       arena_printf(req->a, _("Disable the account %s? Its sessions end at once."), a->name),
			       NULL);
	buf_adds(o, "</div>\n");
	form_end(req);

	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n", _("Password"),
		   _("A new password is made and shown once; the account's sessions end. Give it to the person in a "
		     "safe way."));
	action_form(req, href, "reset");
	confirm_button(req, _("Make a new password"),
		       arena_printf(req->a, _("Make a new password for %s? The current one stops working."), a->name),
		       NULL);
	form_end(req);

	tokens_section(req, a, fe);
	buf_printf(o, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/users\">%h</a></p>\n",
		   _("All accounts"));
	page_end(req);
	return status;
}

/* Read the account of the address (/users/:name) into a; 0, or the
 * status of the error response made. */
static int load_account(struct request *req, struct account *a)
{
	struct err e = { 0, "" };
	int rc = db_account_get(req->db, req->params[0], a, &e);
	if (rc == E_NOTFOUND)
		return http_error(req, 404, _("There is no account with this name."));
	if (rc < 0)
		return http_error(req, 500, _("The account cannot be read now."));
	return 0;
}

/* See pages.h. */
int page_user(struct request *req)
{
	struct account a;
	struct form_errors fe = { .n = 0 };
	int rc = load_account(req, &a);
	return rc ? rc : user_page(req, &a, &fe, 200);
}

/* Whether the change of account a to role (or disabling it) would leave
 * no active administrator. Call inside the transaction. */
static int last_admin(struct request *req, const struct account *a, int role, int disable)
{
	if (a->role != ROLE_BEHEERDER || a->disabled || (!disable && role == ROLE_BEHEERDER))
		return 0;
	return db_active_admins(req->db) <= 1;
}

/* Change the role of a, or disable or enable it (role < 0), in one
 * transaction with the last-administrator check. Returns 0, 1 (refused:
 * the error is in fe) or E_DB. */
static int change_access(struct request *req, const struct account *a, int role, int disable, int enable,
			 struct form_errors *fe)
{
	struct err e = { 0, "" };
	int rc;
	if (db_begin(req->db, &e) < 0)
		return E_DB;
	if (last_admin(req, a, role, disable)) {
		db_rollback(req->db);
		form_error(fe, disable ? "status" : "role",
			   strcmp(a->name, req->user.name) == 0
				   ? _("You are the last active administrator: make another account beheerder first.")
				   : _("This is the last active administrator: make another account beheerder first."));
		return 1;
	}
	if (role >= 0)
		rc = db_account_set_role(req->db, a->name, (enum role)role, &e);
	else
		rc = db_account_set_disabled(req->db, a->name, disable && !enable, &e);
	if (rc < 0 || db_commit(req->db, &e) < 0) {
		db_rollback(req->db);
		return E_DB;
	}
	return 0;
}

/* POST /users/:name action=reset: a new password, shown once. */
static int reset_password(struct request *req, const struct account *a)
{
	char pw[GENERATED_PASSWORD_LEN + 1], hash[PASSWORD_HASH_SIZE];
	struct err e = { 0, "" };
	password_generate(pw);
	if (password_hash(pw, hash) < 0 || db_begin(req->db, &e) < 0)
		return http_error(req, 500, _("The password cannot be changed now; try again later."));
	if (db_account_set_password(req->db, a->name, hash, &e) < 0 || db_commit(req->db, &e) < 0) {
		db_rollback(req->db);
		return http_error(req, 500, _("The password cannot be changed now; try again later."));
	}
	return secret_page(
		req, _("New password"),
		arena_printf(req->a, _("The account %s has a new password; its sessions have ended."), a->name),
		_("The new password"), pw, user_href(req, a->name));
}

/* See pages.h. */
int page_user_update(struct request *req)
{
	static const char *const detail_fields[] = { "display_name", "email", NULL };
	struct account a;
	struct form_errors fe = { .n = 0 };
	const char *action = field(req, "action");
	int rc = load_account(req, &a), role = -1;
	const char *done = NULL;
	if (rc)
		return rc;
	if (strcmp(action, "details") == 0) {
		struct import_result res;
		import_result_init(&res);
		details_check(req, &fe);
		rc = fe.n ? E_INPUT : form_write(req, reg_get(REG_USERS), a.name, detail_fields, &fe, &res);
		import_result_free(&res);
		done = "details";
	} else if (strcmp(action, "role") == 0) {
		role = role_by_code(field(req, "role"));
		if (role < 0) {
			form_error(&fe, "role", _("Choose a role."));
			rc = E_INPUT;
		} else {
			rc = change_access(req, &a, role, 0, 0, &fe);
		}
		done = "role";
	} else if (strcmp(action, "disable") == 0 || strcmp(action, "enable") == 0) {
		int disable = strcmp(action, "disable") == 0;
		rc = change_access(req, &a, -1, disable, !disable, &fe);
		done = disable ? "disabled" : "enabled";
	} else if (strcmp(action, "reset") == 0) {
		return reset_password(req, &a);
	} else {
		return http_error(req, 400, _("This form does not say what to change; reload the page and try again."));
	}
	if (rc == E_INPUT || rc == 1)
		return user_page(req, &a, &fe, 422);
	if (rc < 0)
		return http_error(req, 500, _("The account cannot be changed now; try again later."));
	if (strcmp(a.name, req->user.name) == 0 && strcmp(done, "disabled") == 0)
		return http_redirect(req, "/login"); /* one's own sessions have ended */
	if (strcmp(a.name, req->user.name) == 0 && role >= 0 && !role_can((enum role)role, PERM_ADMIN))
		return http_redirect(req, "/account"); /* no longer an administrator */
	return http_redirect(req, arena_printf(req->a, "/users/%t?done=%s", a.name, done));
}

/* See pages.h. */
int page_user_token_create(struct request *req)
{
	struct account a;
	struct form_errors fe = { .n = 0 };
	const char *description = field(req, "description");
	char id[17], token[65];
	struct err e = { 0, "" };
	int rc = load_account(req, &a);
	if (rc)
		return rc;
	if (strlen(description) > TEXT_MAX)
		form_error(&fe, "description", arena_printf(req->a, _("Use at most %d characters."), TEXT_MAX));
	else if (text_has_control(description))
		form_error(&fe, "description", _("Use one line of text, without tabs or line breaks."));
	if (fe.n)
		return user_page(req, &a, &fe, 422);
	if (db_token_create(req->db, a.name, *description ? description : NULL, id, token, &e) < 0)
		return http_error(req, 500, _("The token cannot be made now; try again later."));
	return secret_page(req, _("New API token"),
			   arena_printf(req->a,
					_("Token %s for %s is made. Send it as \"Authorization: Bearer "
					  "TOKEN\"."),
					id, a.name),
			   _("The token"), token, arena_printf(req->a, "/users/%t#tokens", a.name));
}

/* See pages.h. */
int page_user_token_revoke(struct request *req)
{
	struct account a;
	char owner[65];
	struct err e = { 0, "" };
	int rc = load_account(req, &a);
	if (rc)
		return rc;
	if (db_token_owner(req->db, req->params[1], owner) < 0 || strcmp(owner, a.name) != 0)
		return http_error(req, 404, _("This account has no token with this id."));
	rc = db_token_revoke(req->db, req->params[1], &e);
	if (rc < 0 && rc != E_NOTFOUND) /* E_NOTFOUND: revoked already */
		return http_error(req, 500, _("The token cannot be revoked now; try again later."));
	return http_redirect(req, arena_printf(req->a, "/users/%t?done=revoked#tokens", a.name));
}
