/*
 * http.h - one HTTP request and its response, as the pages and the API see
 * them: parsed, bounded, with the user it comes from; and the helpers that
 * build responses (HTML pages, redirects, JSON, problem+json errors).
 *
 * Nothing here knows libmicrohttpd (server.c does): handlers can be called
 * from tests with a request built by hand.
 */
#ifndef STEIGER_HTTP_H
#define STEIGER_HTTP_H

#include "core/auth.h"
#include "db/account.h"
#include "lib/form.h"

/* A response header. */
struct http_header {
	const char *name;  /* e.g. "Location" */
	const char *value; /* its value (in the request's arena) */
};

/* The largest request body accepted. */
#define HTTP_MAX_BODY (4u * 1024 * 1024)

struct request {
	struct arena *a; /* memory of this request, freed with it */
	struct db *db;   /* this thread's database connection */
	/* What came in. */
	const char *method;        /* "GET", "POST", ... */
	const char *path;          /* the decoded path, e.g. "/items/de-entree" */
	struct pairs query;        /* the decoded query parameters */
	struct pairs form;         /* the decoded urlencoded body */
	struct buf body;           /* the body as received */
	const char *content_type;  /* of the body, or NULL */
	struct pairs cookies;      /* the cookies */
	const char *host;          /* Host header */
	const char *origin;        /* Origin header, or NULL */
	const char *referer;       /* Referer header, or NULL */
	const char *accept;        /* Accept header, or NULL */
	const char *accept_lang;   /* Accept-Language header, or NULL */
	const char *authorization; /* Authorization header, or NULL */
	const char *remote;        /* the client's address */
	int secure;                /* it came over TLS (by the proxy's word) */
	const char *params[4];     /* the route's parameters (":id") */
	size_t nparams;
	/* Who asks. */
	int logged_in;          /* user is set */
	struct account user;    /* the account, when logged in */
	int has_session;        /* session is set (cookie login) */
	struct session session; /* the web session */
	int by_token;           /* authenticated by an API token */
	enum lang lang;         /* the language of the response */
	char nonce[33];         /* the CSP nonce of this response */
	/* What goes out. */
	int status;                  /* HTTP status, 200 by default */
	const char *ctype;           /* Content-Type */
	struct buf out;              /* the body */
	struct http_header *headers; /* extra headers */
	size_t nheaders, capheaders;
	int no_store;      /* Cache-Control: no-store (authenticated) */
	int cache_forever; /* immutable asset */
};

/* Add a response header (both strings are copied into the arena). */
void http_header(struct request *req, const char *name, const char *value);

/* Respond with a redirect (303 See Other) to location. Returns 0. */
int http_redirect(struct request *req, const char *location);

/* The form field name, or NULL. */
const char *http_form(const struct request *req, const char *name);

/* The query parameter name, or NULL. */
const char *http_query(const struct request *req, const char *name);

/* The value of cookie name, or NULL. */
const char *http_cookie(const struct request *req, const char *name);

/* Set cookie name=value with the secure attributes (HttpOnly,
 * SameSite=Lax, Path=/, Secure behind TLS); max_age seconds (0: for the
 * browser session; -1: delete). */
void http_set_cookie(struct request *req, const char *name, const char *value, long max_age);

/* Whether the request asks for JSON (an API path, or Accept JSON only). */
int http_wants_json(const struct request *req);

/* Respond with an RFC 9457 problem: status, a title and a detail (both
 * translated already), as application/problem+json. invalid (may be NULL)
 * adds "invalid-params" (a JSON array text). Returns status. */
int http_problem(struct request *req, int status, const char *title, const char *detail, const char *invalid);

/* Respond with an error: an HTML page or, for JSON requests, a problem.
 * Never shows internals (SQL, paths, stack): detail is for people. */
int http_error(struct request *req, int status, const char *detail);

/* The origin of this server as the browser sees it ("https://host"). */
const char *http_origin(const struct request *req);

/* Whether a state-changing request comes from a page of this site: its
 * Origin (or, without one, its Referer) is this server's origin. */
int http_same_origin(const struct request *req);

/* The Unix time now. */
long long http_now(void);

#endif
