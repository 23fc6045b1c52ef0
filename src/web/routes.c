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
	/* items.c, item_show.c, item_form.c */
	{ "GET", "/items", page_items, PERM_READ, 0 },
	{ "GET", "/items/new", page_item_new, PERM_EDIT, 0 },
	{ "POST", "/items", page_item_create, PERM_EDIT, 0 },
	{ "GET", "/items/:id", page_item, PERM_READ, 0 },
	{ "GET", "/items/:id/edit", page_item_edit, PERM_EDIT, 0 },
	{ "POST", "/items/:id", page_item_update, PERM_EDIT, 0 },
	{ "POST", "/items/:id/archive", page_item_archive, PERM_EDIT, 0 },
	{ "POST", "/items/:id/comments", page_item_comment, PERM_COMMENT, 0 },
};

const size_t routes_count = ARRAY_SIZE(routes);
