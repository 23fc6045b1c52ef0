/*
 * routes.c - every address of the web application and the JSON API, the
 * handler that answers it and the permission it needs (see router.h).
 * doc/security.md is this table for people; test/http checks every route
 * for every role against it.
 *
 * Keep one section per page group (src/pages/NAME.c) and the API last.
 */
#include "steiger.h"
#include "pages/pages.h"
#include "web/router.h"

const struct route routes[] = {
	/* login.c */
	{ "GET", "/login", page_login_form, PUBLIC, 0 },
	{ "POST", "/login", page_login, PUBLIC, ROUTE_NOCSRF },
	{ "POST", "/logout", page_logout, PUBLIC, 0 },
	/* home.c */
	{ "GET", "/", page_home, PERM_READ, 0 },
	/* audit.c */
	{ "GET", "/audit", page_audit, PERM_AUDIT, 0 },
	/* account.c: every role has PERM_READ, so every logged-in user */
	{ "GET", "/account", page_account, PERM_READ, 0 },
	{ "POST", "/account", page_account_update, PERM_READ, 0 },
	{ "POST", "/account/password", page_account_password, PERM_READ, 0 },
	{ "POST", "/account/sessions", page_account_sessions, PERM_READ, 0 },
	/* users.c (/users/new before /users/:name) */
	{ "GET", "/users", page_users, PERM_ADMIN, 0 },
	{ "GET", "/users/new", page_user_new, PERM_ADMIN, 0 },
	{ "POST", "/users", page_user_create, PERM_ADMIN, 0 },
	{ "GET", "/users/:name", page_user, PERM_ADMIN, 0 },
	{ "POST", "/users/:name", page_user_update, PERM_ADMIN, 0 },
	{ "POST", "/users/:name/tokens", page_user_token_create, PERM_ADMIN, 0 },
	{ "POST", "/users/:name/tokens/:id/revoke", page_user_token_revoke, PERM_ADMIN, 0 },
};

const size_t routes_count = ARRAY_SIZE(routes);
