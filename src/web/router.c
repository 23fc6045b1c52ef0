/*
 * router.c - dispatch with authentication and access checks; see router.h.
 */
#include "steiger.h"
#include "web/page_keep.h"
#include "web/router.h"
#include "web/assets.h"

/* See router.h. */
int route_match(const char *pattern, const char *path, struct request *req)
{
	const char *p = pattern, *s = path;
	size_t nparams = 0;
	while (*p && *s) {
		if (*p == ':') {
			const char *end = strchr(s, '/');
			size_t n = end ? (size_t)(end - s) : strlen(s);
			if (!n || nparams == ARRAY_SIZE(req->params))
				return 0;
			req->params[nparams++] = arena_strndup(req->a, s, n);
			s += n;
			while (*p && *p != '/')
				p++;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*p || *s)
		return 0;
	req->nparams = nparams;
	return 1;
}

/* The language an Accept-Language header prefers most (of those steiger
 * speaks) into *lang. Returns 0, or -1 when it names neither. */
static int accepted_language(const char *header, enum lang *lang)
{
	double best = 0;
	for (const char *p = header; *p;) {
		size_t n = strcspn(p, ",");
		char tag[32];
		const char *qp;
		double q = 1;
		enum lang l;
		snprintf(tag, sizeof(tag), "%.*s", (int)(n < sizeof(tag) - 1 ? n : sizeof(tag) - 1), p);
		if ((qp = strstr(tag, ";q=")) && num_parse(qp + 3, &q) < 0)
			q = 0;
		tag[strcspn(tag, "; ")] = '\0';
		if (i18n_parse(tag + strspn(tag, " "), &l) == 0 && q > best) {
			best = q;
			*lang = l;
		}
		p += n;
		p += *p == ',';
	}
	return best > 0 ? 0 : -1;
}

/* The language of the request: ?lang= (remembered in a cookie), else the
 * cookie, else (for the API) the Accept-Language header, else Dutch. */
static void choose_language(struct request *req)
{
	const char *q = http_query(req, "lang"), *c = http_cookie(req, "lang");
	enum lang lang = LANG_NL;
	if (q && i18n_parse(q, &lang) == 0)
		http_set_cookie(req, "lang", lang == LANG_EN ? "en" : "nl", 365L * 24 * 3600);
	else if ((!c || i18n_parse(c, &lang) < 0) && (!starts_with(req->path, "/api/") || !req->accept_lang ||
						      accepted_language(req->accept_lang, &lang) < 0))
		lang = LANG_NL;
	req->lang = lang;
	i18n_set(lang);
}

/* Who asks: an API token (Authorization: Bearer), else the session cookie.
 * Sets req->logged_in and req->user. */
static void authenticate(struct request *req)
{
	struct err e = { 0, "" };
	char account[65];
	const char *cookie;
	if (req->authorization && strncasecmp(req->authorization, "Bearer ", 7) == 0) {
		if (db_token_account(req->db, req->authorization + 7, account) == 0 &&
		    db_account_get(req->db, account, &req->user, &e) == 0 && !req->user.disabled) {
			char now[21];
			req->logged_in = 1;
			req->by_token = 1;
			now_iso(now);
			db_set_actor(req->db, account, "web: API token used");
			db_token_used(req->db, req->authorization + 7, now, &e);
		}
		return;
	}
	cookie = http_cookie(req, SESSION_COOKIE);
	if (cookie && strlen(cookie) == 64) {
		char hash[65];
		long long now = http_now();
		sha256_hex(cookie, hash);
		if (db_session_get(req->db, hash, now, &req->session, &e) == 0 &&
		    db_account_get(req->db, req->session.account, &req->user, &e) == 0 && !req->user.disabled) {
			req->logged_in = 1;
			req->has_session = 1;
			if (now - req->session.seen >= 60) /* not a write on every request */
				db_session_touch(req->db, hash, now, &e);
		}
	}
}

/* Whether the state change req carries the session's CSRF token (a form
 * field, or the X-CSRF-Token header of a script). */
static int csrf_ok(const struct request *req, const char *header_token)
{
	const char *t = http_form(req, "csrf");
	if (!t)
		t = header_token;
	return req->has_session && t && equal_secret(t, req->session.csrf);
}

/* See router.h. */
void router_dispatch(struct request *req, const char *csrf_header)
{
	const struct route *found = NULL;
	int path_known = 0;
	struct buf allow = BUF_INIT;
	random_hex(req->nonce, 16);
	choose_language(req);
	if (starts_with(req->path, "/assets/")) {
		if (strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0)
			asset_serve(req);
		else
			http_error(req, 405, _("This address can only be read."));
		return;
	}
	authenticate(req);
	for (size_t i = 0; i < routes_count; i++) {
		if (!route_match(routes[i].pattern, req->path, req))
			continue;
		path_known = 1;
		buf_printf(&allow, "%s%s", allow.len ? ", " : "", routes[i].method);
		if (strcmp(routes[i].method, req->method) == 0 ||
		    (strcmp(req->method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0)) {
			found = &routes[i];
			break;
		}
	}
	if (!found) {
		if (path_known) {
			http_header(req, "Allow", allow.data);
			http_error(req, 405, _("This address does not take this method."));
		} else {
			http_error(req, 404, _("There is no page at this address."));
		}
		buf_free(&allow);
		return;
	}
	buf_free(&allow);
	route_match(found->pattern, req->path, req); /* the parameters of this route */
	if (req->by_token && !(found->flags & ROUTE_API)) {
		http_error(req, 403, _("API tokens are for the API (/api/v1) only."));
		return;
	}
	if (found->perm != PUBLIC) {
		if (!req->logged_in) {
			if (http_wants_json(req)) {
				http_header(req, "WWW-Authenticate", "Bearer realm=\"steiger\"");
				http_problem(req, 401, _("Not logged in"),
					     _("Log in, or send an API token as Authorization: Bearer TOKEN."), NULL);
			} else {
				http_redirect(req, arena_printf(req->a, "/login?next=%t", req->path));
			}
			return;
		}
		if (!role_can(req->user.role, (enum perm)found->perm)) {
			http_error(req, 403, _("Your role does not allow this."));
			return;
		}
	}
	if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0 && !req->by_token) {
		/* A state change from a browser: it must come from a page of
		 * this site and carry the session's CSRF token. */
		if (!http_same_origin(req)) {
			http_error(req, 403, _("This request does not come from a page of steiger."));
			return;
		}
		if (!(found->flags & ROUTE_NOCSRF) && !csrf_ok(req, csrf_header)) {
			http_error(req, 403,
				   _("The form has expired or is not from steiger; reload the page and try again."));
			return;
		}
	}
	/* Every write of this request is attributed to its user; an anonymous
	 * request must not inherit the actor of this connection's last one. */
	char *context = mprintf("web: %s %s", req->method, req->path);
	db_set_actor(req->db, req->logged_in ? req->user.name : "anonymous", context);
	free(context);
	if (req->logged_in)
		req->no_store = 1;
	if ((found->flags & ROUTE_KEEP) && !req->by_token) {
		struct page_keep k;
		if (!page_keep_find(req, &k)) {
			found->handler(req);
			page_keep_store(req, &k);
		}
		return;
	}
	found->handler(req);
}
