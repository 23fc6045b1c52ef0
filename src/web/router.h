/*
 * router.h - which handler answers a request, and whether the asker may:
 * the route table (routes.c) names for every method and path the
 * permission it needs; dispatch authenticates (session cookie or API
 * token), checks the permission, and for every state change the origin
 * and the CSRF token, before the handler runs.
 */
#ifndef STEIGER_ROUTER_H
#define STEIGER_ROUTER_H

#include "web/http.h"

/* Route flags. */
enum {
	ROUTE_API = 1,    /* part of the JSON API: API tokens accepted */
	ROUTE_NOCSRF = 2, /* a public state change without a session (login)
			     that brings its own CSRF check */
	ROUTE_KEEP = 4,   /* a page that depends only on the data, the asker's
			     account and session, the language, the day and the
			     address: kept until the data changes (page_keep.h) */
};

/* The permission value of routes that anyone may use, logged in or not. */
#define PUBLIC (-1)

/* One route. */
struct route {
	const char *method;  /* "GET", "POST", "PATCH", "PUT", "DELETE" */
	const char *pattern; /* "/items/:id": ':' segments are parameters */
	int (*handler)(struct request *req);
	int perm;       /* the permission needed (enum perm), or PUBLIC */
	unsigned flags; /* ROUTE_* */
};

/* The routes (routes.c). */
extern const struct route routes[];
extern const size_t routes_count;

/* Answer req: authenticate, find the route, check access, run it.
 * csrf_header is the X-CSRF-Token header (scripts send the token there),
 * or NULL. */
void router_dispatch(struct request *req, const char *csrf_header);

/* Whether path matches pattern; the parameters go to req->params. */
int route_match(const char *pattern, const char *path, struct request *req);

/* The name of the session cookie. */
#define SESSION_COOKIE "steiger_session"

#endif
