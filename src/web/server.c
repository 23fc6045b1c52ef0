/*
 * server.c - `steiger serve`: libmicrohttpd glue, the only place that knows
 * it.
 *
 * A pool of worker threads (MHD's thread pool over epoll), each with its own
 * SQLite connection, opened on its first request. Limits: connections in
 * all and per address, the size of headers (MHD's connection memory) and of
 * bodies (HTTP_MAX_BODY), an idle timeout. Every response gets the security
 * headers here, in one place. SIGTERM or SIGINT stops accepting, lets the
 * requests in flight finish (up to SHUTDOWN_WAIT seconds), then stops. One
 * access-log line per request.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "web/assets.h"
#include "web/http.h"
#include "web/router.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define SHUTDOWN_WAIT 10 /* seconds to let requests in flight finish */

/* What the server shares between its threads. */
struct server {
	const char *db_path;  /* the database */
	FILE *log;            /* the access log */
	int proxy;            /* trust X-Forwarded-For and -Proto */
	atomic_int in_flight; /* requests being answered */
	pthread_key_t db_key; /* each thread's connection */
};

/* One request as MHD delivers it in pieces. */
struct conn {
	struct arena arena;    /* its memory */
	struct request req;    /* the request being built */
	char *uri;             /* the raw request URI, with the query */
	int started;           /* the first call has been made */
	int too_large;         /* the body passed HTTP_MAX_BODY */
	struct timespec start; /* when it began */
	struct server *srv;
};

/* Close a thread's connection when the thread ends. */
static void close_thread_db(void *p)
{
	db_close(p);
}

/* The calling thread's database connection, opened on first use. */
static struct db *thread_db(struct server *srv)
{
	struct db *db = pthread_getspecific(srv->db_key);
	struct err e = { 0, "" };
	if (db)
		return db;
	if (db_open(&db, srv->db_path, DB_NO_MIGRATE, &e) != 0) {
		err_printf("steiger serve: %s\n", e.msg);
		return NULL;
	}
	pthread_setspecific(srv->db_key, db);
	return db;
}

/* MHD's URI log callback: the first thing MHD tells of a request, with the
 * raw URI (the access handler only gets the path, decoded). Its result
 * becomes the request's context. */
static void *begin_request(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct conn *cn = xcalloc(1, sizeof(*cn));
	(void)c;
	cn->srv = cls;
	arena_init(&cn->arena);
	cn->uri = arena_strdup(&cn->arena, uri ? uri : "/");
	clock_gettime(CLOCK_MONOTONIC, &cn->start);
	buf_init(&cn->req.body);
	buf_init(&cn->req.out);
	atomic_fetch_add(&cn->srv->in_flight, 1);
	return cn;
}

/* Decode a %-escaped path (no '+' rule). Returns NULL when it is malformed,
 * holds NUL or is not UTF-8. */
static char *decode_path(struct arena *a, const char *s, size_t n)
{
	char *out = arena_alloc(a, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%') {
			char hex[3] = { 0 };
			if (i + 2 >= n || !isxdigit((unsigned char)s[i + 1]) || !isxdigit((unsigned char)s[i + 2]))
				return NULL;
			hex[0] = s[i + 1];
			hex[1] = s[i + 2];
			c = (char)strtol(hex, NULL, 16);
			i += 2;
		}
		if (!c)
			return NULL;
		out[k++] = c;
	}
	out[k] = '\0';
	return utf8_invalid_at(out, k) == k ? out : NULL;
}

/* A header of the request, copied into the arena, or NULL. */
static const char *header(struct conn *cn, struct MHD_Connection *c, const char *name)
{
	const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
	return v ? arena_strdup(&cn->arena, v) : NULL;
}

/* The client's address as text. */
static const char *client_address(struct conn *cn, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char text[INET6_ADDRSTRLEN] = "unix";
	if (cn->srv->proxy) {
		const char *fwd = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
		if (fwd) {
			/* the address the proxy saw: the last one it added */
			const char *comma = strrchr(fwd, ','), *a = comma ? comma + 1 : fwd;
			while (*a == ' ')
				a++;
			return arena_strndup(&cn->arena, a, strcspn(a, " "));
		}
	}
	if (info && info->client_addr) {
		if (info->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)info->client_addr)->sin_addr, text,
				  sizeof(text));
		else if (info->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)info->client_addr)->sin6_addr, text,
				  sizeof(text));
	}
	return arena_strdup(&cn->arena, text);
}

/* Fill the request from what MHD knows of it. Returns 0, or an HTTP status
 * for a request that cannot be read (400). */
static int read_request(struct conn *cn, struct MHD_Connection *c, const char *method)
{
	struct request *req = &cn->req;
	const char *q = strchr(cn->uri, '?'), *cookies;
	size_t plen = q ? (size_t)(q - cn->uri) : strlen(cn->uri);
	req->a = &cn->arena;
	req->method = arena_strdup(&cn->arena, method);
	req->status = 200;
	req->ctype = "text/html; charset=utf-8";
	req->path = decode_path(&cn->arena, cn->uri, plen);
	if (!req->path || req->path[0] != '/')
		return 400;
	if (form_parse(&cn->arena, q ? q + 1 : "", q ? strlen(q + 1) : 0, &req->query) < 0)
		return 400;
	cookies = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Cookie");
	if (cookie_parse(&cn->arena, cookies ? cookies : "", &req->cookies) < 0)
		return 400;
	req->host = header(cn, c, "Host");
	req->origin = header(cn, c, "Origin");
	req->referer = header(cn, c, "Referer");
	req->accept = header(cn, c, "Accept");
	req->accept_lang = header(cn, c, "Accept-Language");
	req->authorization = header(cn, c, "Authorization");
	req->content_type = header(cn, c, "Content-Type");
	req->remote = client_address(cn, c);
	if (cn->srv->proxy) {
		const char *proto = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Proto");
		const char *fhost = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Host");
		req->secure = proto && strcmp(proto, "https") == 0;
		if (fhost)
			req->host = arena_strdup(&cn->arena, fhost);
	}
	return 0;
}

/* Add the headers every response gets: the security headers, caching. */
static void add_common_headers(struct MHD_Response *r, const struct request *req)
{
	char *csp = mprintf("default-src 'none'; script-src 'nonce-%s'; style-src 'self'; img-src 'self' data:; "
			    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			    "base-uri 'none'",
			    req->nonce);
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	free(csp);
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(r, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
	if (req->secure)
		MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
	if (req->cache_forever)
		MHD_add_response_header(r, "Cache-Control", "public, max-age=31536000, immutable");
	else if (req->no_store)
		MHD_add_response_header(r, "Cache-Control", "no-store");
	else
		MHD_add_response_header(r, "Cache-Control", "no-cache");
	MHD_add_response_header(r, "Content-Type", req->ctype ? req->ctype : "text/plain; charset=utf-8");
	if (starts_with(req->path ? req->path : "", "/api/"))
		MHD_add_response_header(r, "API-Version", "1.0.0");
}

/* Send the response of req. */
static enum MHD_Result send_response(struct MHD_Connection *c, struct request *req)
{
	int head = req->method && strcmp(req->method, "HEAD") == 0;
	struct MHD_Response *r =
		MHD_create_response_from_buffer(head ? 0 : req->out.len, req->out.data, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ok;
	if (!r)
		return MHD_NO;
	add_common_headers(r, req);
	for (size_t i = 0; i < req->nheaders; i++)
		MHD_add_response_header(r, req->headers[i].name, req->headers[i].value);
	ok = MHD_queue_response(c, (unsigned)req->status, r);
	MHD_destroy_response(r);
	return ok;
}

/* MHD's access handler: called once to start, once per piece of body, and
 * once more at the end, when the request is answered. */
static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
			      const char *version, const char *upload_data, size_t *upload_size, void **ctx)
{
	struct conn *cn = *ctx;
	struct request *req;
	(void)url;
	(void)version;
	if (!cn) /* no URI callback: cannot happen with our options */
		return MHD_NO;
	req = &cn->req;
	if (!cn->started) {
		cn->started = 1;
		cn->srv = cls;
		return MHD_YES;
	}
	if (*upload_size) {
		if (req->body.len + *upload_size > HTTP_MAX_BODY)
			cn->too_large = 1;
		else
			buf_add(&req->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	int bad = read_request(cn, c, method);
	random_hex(req->nonce, 16);
	if (bad || cn->too_large) {
		req->a = &cn->arena;
		if (!req->path)
			req->path = "/";
		i18n_set(LANG_NL);
		http_error(req, cn->too_large ? 413 : 400,
			   cn->too_large ? _("The request is larger than steiger accepts.")
					 : _("The address or its parameters cannot be read."));
		return send_response(c, req);
	}
	if (req->body.len && req->content_type && starts_with(req->content_type, "application/x-www-form-urlencoded") &&
	    form_parse(req->a, req->body.data, req->body.len, &req->form) < 0) {
		http_error(req, 400, _("The form cannot be read."));
		return send_response(c, req);
	}
	req->db = thread_db(cn->srv);
	if (!req->db) {
		http_error(req, 503, _("The database cannot be opened; try again later."));
		return send_response(c, req);
	}
	router_dispatch(req, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token"));
	return send_response(c, req);
}

/* MHD's completion callback: log the request and free its memory. */
static void end_request(void *cls, struct MHD_Connection *c, void **ctx, enum MHD_RequestTerminationCode why)
{
	struct server *srv = cls;
	struct conn *cn = *ctx;
	struct timespec now;
	char at[21];
	(void)c;
	(void)why;
	if (!cn)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	now_iso(at);
	if (srv->log && cn->req.method) {
		double ms =
			(double)(now.tv_sec - cn->start.tv_sec) * 1e3 + (double)(now.tv_nsec - cn->start.tv_nsec) / 1e6;
		flockfile(srv->log);
		fprintf(srv->log, "%s %s %s %s %d %zu %.1fms %s\n", at, cn->req.remote ? cn->req.remote : "-",
			cn->req.method, cn->req.path ? cn->req.path : "-", cn->req.status, cn->req.out.len, ms,
			cn->req.logged_in ? cn->req.user.name : "-");
		fflush(srv->log);
		funlockfile(srv->log);
	}
	buf_free(&cn->req.body);
	buf_free(&cn->req.out);
	arena_free(&cn->arena);
	atomic_fetch_sub(&srv->in_flight, 1);
	free(cn);
	*ctx = NULL;
}

/* Make a listening Unix socket at path (replacing a stale one). Returns the
 * socket or -1 with e set. */
static int unix_listener(const char *path, struct err *e)
{
	struct sockaddr_un sa;
	int fd;
	if (strlen(path) >= sizeof(sa.sun_path))
		return err_set(e, E_USAGE, _("socket path too long: %s"), path), -1;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	/* A socket left by an earlier run is replaced; any other file at the
	 * path (a typo for the database?) is left alone and bind fails. */
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
		unlink(path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 128) < 0) {
		err_set(e, E_IO, _("cannot listen on %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	chmod(path, 0660);
	return fd;
}

/* See cmd.h. */
int cmd_serve(struct cmd_ctx *ctx)
{
	const char *listen_at = "127.0.0.1:8040", *threads_arg = NULL, *log_path = NULL;
	int proxy = 0, nargs, rc, ufd = -1;
	char **args;
	long long threads = 0;
	struct server srv;
	struct db *db;
	struct sockaddr_storage ss;
	struct MHD_Daemon *d;
	sigset_t sigs;
	int sig;
	const struct option opts[] = {
		{ "listen", 1, &listen_at, NULL },
		{ "threads", 1, &threads_arg, NULL },
		{ "access-log", 1, &log_path, NULL },
		{ "proxy", 0, NULL, &proxy },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	free(args);
	if (nargs)
		return usage_error(ctx, "serve", _("unexpected argument%s"), "");
	if (threads_arg && int_parse(threads_arg, 1, 256, &threads) < 0)
		return usage_error(ctx, "serve", _("expected a number of threads from 1 to 256, found '%s'"),
				   threads_arg);
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n < 2 ? 2 : n;
	}
	if (auth_init() < 0)
		return err_set(&ctx->err, E_INTERNAL, _("cannot initialise libsodium"));
	/* Migrate once, here, before any worker opens the database. */
	if ((rc = open_db(ctx, &db, 0)) < 0)
		return rc;
	db_close(db);
	memset(&srv, 0, sizeof(srv));
	srv.db_path = ctx->db_path;
	srv.proxy = proxy;
	srv.log = stderr;
	if (log_path && !(srv.log = fopen(log_path, "a")))
		return err_set(&ctx->err, E_IO, _("%s: cannot open: %s"), log_path, strerror(errno));
	pthread_key_create(&srv.db_key, close_thread_db);
	assets_init();
	memset(&ss, 0, sizeof(ss));
	if (starts_with(listen_at, "unix:")) {
		if ((ufd = unix_listener(listen_at + 5, &ctx->err)) < 0)
			return E_IO;
	} else {
		char host[64];
		const char *colon = strrchr(listen_at, ':');
		long long port;
		size_t hl = colon ? (size_t)(colon - listen_at) : 0;
		if (!colon || hl >= sizeof(host) || int_parse(colon + 1, 0, 65535, &port) < 0)
			return usage_error(ctx, "serve", _("expected --listen ADDRESS:PORT or unix:PATH, found '%s'"),
					   listen_at);
		memcpy(host, listen_at, hl);
		host[hl] = '\0';
		if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') {
			struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
			host[hl - 1] = '\0';
			s6->sin6_family = AF_INET6;
			s6->sin6_port = htons((uint16_t)port);
			if (inet_pton(AF_INET6, host + 1, &s6->sin6_addr) != 1)
				return usage_error(ctx, "serve", _("not an IPv6 address: '%s'"), host + 1);
		} else {
			struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
			s4->sin_family = AF_INET;
			s4->sin_port = htons((uint16_t)port);
			if (inet_pton(AF_INET, host[0] ? host : "0.0.0.0", &s4->sin_addr) != 1)
				return usage_error(ctx, "serve", _("not an IPv4 address: '%s'"), host);
		}
	}
	/* Block the stop signals in every thread (MHD's threads inherit the
	 * mask); the main thread waits for them below. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	d = MHD_start_daemon(flags, 0, NULL, NULL, handle, &srv, MHD_OPTION_URI_LOG_CALLBACK, begin_request, &srv,
			     MHD_OPTION_NOTIFY_COMPLETED, end_request, &srv, MHD_OPTION_THREAD_POOL_SIZE,
			     (unsigned)threads, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1024,
			     MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)256, MHD_OPTION_CONNECTION_TIMEOUT,
			     (unsigned)30, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
			     ufd >= 0 ? MHD_OPTION_LISTEN_SOCKET : MHD_OPTION_SOCK_ADDR,
			     ufd >= 0 ? (void *)(intptr_t)ufd : (void *)&ss, MHD_OPTION_END);
	if (!d)
		return err_set(&ctx->err, E_IO, _("cannot listen on %s"), listen_at);
	if (ufd >= 0) {
		out_printf(_("steiger serves %s on %s\n"), ctx->db_path, listen_at);
	} else {
		const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
		char host[64];
		const char *colon = strrchr(listen_at, ':');
		snprintf(host, sizeof(host), "%.*s", (int)(colon - listen_at), listen_at);
		out_printf(_("steiger serves %s on http://%s:%u/\n"), ctx->db_path,
			   strcmp(host, "0.0.0.0") == 0 || !host[0] ? "localhost" : host, info ? info->port : 0);
	}
	fflush(stdout);
	sigwait(&sigs, &sig);
	/* Stop accepting; answer what is in flight; then stop. */
	int lfd = MHD_quiesce_daemon(d);
	for (int i = 0; i < SHUTDOWN_WAIT * 10 && atomic_load(&srv.in_flight) > 0; i++) {
		struct timespec tick = { 0, 100000000 };
		nanosleep(&tick, NULL);
	}
	MHD_stop_daemon(d);
	if (lfd >= 0)
		close(lfd);
	if (starts_with(listen_at, "unix:"))
		unlink(listen_at + 5);
	err_printf(_("steiger serve: stopped (%s)\n"), sig == SIGTERM ? "SIGTERM" : "SIGINT");
	if (srv.log != stderr)
		fclose(srv.log);
	return 0;
}
