/*
 * http.c - response helpers; see http.h.
 */
#include "steiger.h"
#include "web/http.h"
#include "render/html.h"
#include <time.h>

/* See http.h. */
void http_header(struct request *req, const char *name, const char *value)
{
	if (req->nheaders == req->capheaders) {
		size_t cap = req->capheaders ? req->capheaders * 2 : 8;
		struct http_header *h = arena_calloc(req->a, cap, sizeof(*h));
		if (req->nheaders)
			memcpy(h, req->headers, req->nheaders * sizeof(*h));
		req->headers = h;
		req->capheaders = cap;
	}
	req->headers[req->nheaders].name = arena_strdup(req->a, name);
	req->headers[req->nheaders].value = arena_strdup(req->a, value);
	req->nheaders++;
}

/* See http.h. */
int http_redirect(struct request *req, const char *location)
{
	req->status = 303;
	http_header(req, "Location", location);
	buf_reset(&req->out);
	req->ctype = "text/plain; charset=utf-8";
	return 0;
}

/* See http.h. */
const char *http_form(const struct request *req, const char *name)
{
	return pairs_get(&req->form, name);
}

/* See http.h. */
const char *http_query(const struct request *req, const char *name)
{
	return pairs_get(&req->query, name);
}

/* See http.h. */
const char *http_cookie(const struct request *req, const char *name)
{
	return pairs_get(&req->cookies, name);
}

/* See http.h. */
void http_set_cookie(struct request *req, const char *name, const char *value, long max_age)
{
	struct buf c = BUF_INIT;
	buf_printf(&c, "%s=%s; Path=/; HttpOnly; SameSite=Lax", name, max_age < 0 ? "" : value);
	if (max_age < 0)
		buf_adds(&c, "; Max-Age=0");
	else if (max_age > 0)
		buf_printf(&c, "; Max-Age=%ld", max_age);
	if (req->secure)
		buf_adds(&c, "; Secure");
	http_header(req, "Set-Cookie", c.data);
	buf_free(&c);
}

/* See http.h. */
int http_wants_json(const struct request *req)
{
	if (starts_with(req->path, "/api/"))
		return 1;
	return req->accept && strstr(req->accept, "json") && !strstr(req->accept, "html");
}

/* See http.h. */
int http_problem(struct request *req, int status, const char *title, const char *detail, const char *invalid)
{
	req->status = status;
	req->ctype = "application/problem+json";
	buf_reset(&req->out);
	buf_printf(&req->out,
		   "{\"type\": \"about:blank\", \"title\": %J, \"status\": %d, \"detail\": %J, \"instance\": %J", title,
		   status, detail, req->path);
	if (invalid)
		buf_printf(&req->out, ", \"invalid-params\": %s", invalid);
	buf_adds(&req->out, "}\n");
	return status;
}

/* The standard title of status. */
static const char *status_title(int status)
{
	switch (status) {
	case 400: return _("Bad request");
	case 401: return _("Not logged in");
	case 403: return _("Not allowed");
	case 404: return _("Not found");
	case 405: return _("Method not allowed");
	case 409: return _("Conflict");
	case 413: return _("Too large");
	case 422: return _("Invalid input");
	case 429: return _("Too many requests");
	case 503: return _("Busy");
	default: return _("Something went wrong");
	}
}

/* See http.h. */
int http_error(struct request *req, int status, const char *detail)
{
	if (http_wants_json(req))
		return http_problem(req, status, status_title(status), detail, NULL);
	req->status = status;
	buf_reset(&req->out);
	page_begin(req, status_title(status), NULL);
	buf_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%h</h1>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   status_title(status), detail);
	if (status == 401)
		buf_printf(
			&req->out,
			"<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/login?next=%t\">%h</a></p>\n",
			req->path, _("Log in"));
	else
		buf_printf(&req->out,
			   "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/\">%h</a></p>\n",
			   _("To the start page"));
	page_end(req);
	return status;
}

/* See http.h. */
const char *http_origin(const struct request *req)
{
	return arena_printf(req->a, "%s://%s", req->secure ? "https" : "http", req->host ? req->host : "");
}

/* See http.h. */
int http_same_origin(const struct request *req)
{
	const char *origin = http_origin(req);
	size_t n = strlen(origin);
	if (!req->host)
		return 0;
	if (req->origin)
		return strcmp(req->origin, origin) == 0;
	if (req->referer)
		return strncmp(req->referer, origin, n) == 0 && (req->referer[n] == '/' || req->referer[n] == '\0');
	return 0;
}

/* See http.h. */
long long http_now(void)
{
	return (long long)time(NULL);
}
