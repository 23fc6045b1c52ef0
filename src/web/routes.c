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
	{ "GET", "/", page_home, PERM_READ, ROUTE_KEEP },
	/* items.c, item_show.c, item_form.c */
	{ "GET", "/items", page_items, PERM_READ, ROUTE_KEEP },
	{ "GET", "/items/new", page_item_new, PERM_EDIT, 0 },
	{ "POST", "/items", page_item_create, PERM_EDIT, 0 },
	{ "GET", "/items/:id", page_item, PERM_READ, ROUTE_KEEP },
	{ "GET", "/items/:id/edit", page_item_edit, PERM_EDIT, 0 },
	{ "POST", "/items/:id", page_item_update, PERM_EDIT, 0 },
	{ "POST", "/items/:id/archive", page_item_archive, PERM_EDIT, 0 },
	{ "POST", "/items/:id/comments", page_item_comment, PERM_COMMENT, 0 },
	/* vision.c */
	{ "GET", "/vision", page_vision, PERM_READ, ROUTE_KEEP },
	{ "GET", "/vision/:id", page_vision_element, PERM_READ, ROUTE_KEEP },
	/* areas.c */
	{ "GET", "/areas", page_areas, PERM_READ, ROUTE_KEEP },
	{ "GET", "/areas/:code", page_area, PERM_READ, ROUTE_KEEP },
	/* organisations.c */
	{ "GET", "/organisations", page_organisations, PERM_READ, ROUTE_KEEP },
	{ "POST", "/organisations", page_organisation_create, PERM_EDIT, 0 },
	{ "GET", "/organisations/new", page_organisation_new, PERM_EDIT, 0 },
	{ "GET", "/organisations/:id", page_organisation, PERM_READ, ROUTE_KEEP },
	{ "GET", "/organisations/:id/edit", page_organisation_edit, PERM_EDIT, 0 },
	{ "POST", "/organisations/:id", page_organisation_update, PERM_EDIT, 0 },
	/* review.c */
	{ "GET", "/review", page_review, PERM_READ_INTERNAL, ROUTE_KEEP },
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
	/* api: the JSON API (src/api/), API tokens accepted; doc/api.md */
	{ "GET", "/api/v1/openapi.json", api_openapi, PUBLIC, ROUTE_API },
	{ "GET", "/api/v1/items", api_items, PERM_READ, ROUTE_API },
	{ "POST", "/api/v1/items", api_item_create, PERM_EDIT, ROUTE_API },
	{ "GET", "/api/v1/items/:id", api_item, PERM_READ, ROUTE_API },
	{ "PATCH", "/api/v1/items/:id", api_item_update, PERM_EDIT, ROUTE_API },
	{ "DELETE", "/api/v1/items/:id", api_item_archive, PERM_EDIT, ROUTE_API },
	{ "GET", "/api/v1/areas", api_areas, PERM_READ, ROUTE_API },
	{ "GET", "/api/v1/areas/:code", api_area, PERM_READ, ROUTE_API },
	{ "GET", "/api/v1/vision", api_vision, PERM_READ, ROUTE_API },
	{ "GET", "/api/v1/vision/:id", api_vision_element, PERM_READ, ROUTE_API },
	{ "GET", "/api/v1/organisations", api_organisations, PERM_READ, ROUTE_API },
	{ "GET", "/api/v1/organisations/:id", api_organisation, PERM_READ, ROUTE_API },
	{ "GET", "/api/v1/assessments", api_assessments, PERM_READ_INTERNAL, ROUTE_API },
	{ "PUT", "/api/v1/assessments", api_assessments_put, PERM_ASSESS, ROUTE_API },
	{ "GET", "/api/v1/review", api_review, PERM_READ_INTERNAL, ROUTE_API },
};

const size_t routes_count = ARRAY_SIZE(routes);
