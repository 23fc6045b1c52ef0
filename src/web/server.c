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
#include "db/memo.h"
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
/* MHD's memory per connection: the request line and headers (MHD answers
 * 431 to more: with 24 KiB a Cookie header of 11 KB still passes, more
 * than nginx's default 8 KB per header line), the response headers. MHD
 * clears it for every request on a kept-alive connection, so more costs
 * time on each (bench/RESULTS.md). */
#define CONNECTION_MEMORY (24 * 1024)
#define OUT_INITIAL (16 * 1024) /* room for the response body at first */

/* What the server shares between its threads. */
struct server {
	const char *db_path;     /* the database */
	FILE *log;               /* the access log */
	int proxy;               /* trust X-Forwarded-For and -Proto */
	atomic_int in_flight;    /* requests being answered */
	pthread_key_t db_key;    /* each thread's connection */
	pthread_key_t arena_key; /* each thread's spare arena (reused) */
};

/* One request as MHD delivers it in pieces. */
struct conn {
	struct arena arena;    /* its memory */
	struct request req;    /* the request being built */
	char *uri;             /* the raw request URI, with the query */
	int started;           /* the first call has been made */
	int too_large;         /* the body passed HTTP_MAX_BODY */
	struct timespec start; /* when it began */
	size_t body_len;       /* bytes of the response body (the log) */
	struct server *srv;    /* the server it belongs to */
};

/* Close a thread's connection when the thread ends. */
static void close_thread_db(void *p)
{
	db_close(p);
}

/* A thread's spare arena: the memory of its last request, kept for the
 * next one. */
struct spare_arena {
	struct arena arena; /* emptied, one chunk kept (arena_reset) */
	int held;           /* 1 while arena is here, not in a request */
};

/* Free a thread's spare arena when the thread ends. */
static void free_spare_arena(void *p)
{
	struct spare_arena *sp = p;
	if (sp->held)
		arena_free(&sp->arena);
	free(sp);
}

/* Start the arena of a request: the thread's spare one when it has one
 * (no allocation for most requests). */
static void take_arena(struct server *srv, struct arena *a)
{
	struct spare_arena *sp = pthread_getspecific(srv->arena_key);
	if (sp && sp->held) {
		*a = sp->arena;
		sp->held = 0;
	} else {
		arena_init(a);
	}
}

/* End the arena of a request: empty it and keep it as the thread's spare
 * when that place is free, else free it. */
static void give_back_arena(struct server *srv, struct arena *a)
{
	struct spare_arena *sp = pthread_getspecific(srv->arena_key);
	if (!sp) {
		sp = xcalloc(1, sizeof(*sp));
		pthread_setspecific(srv->arena_key, sp);
	}
	if (!sp->held) {
		arena_reset(a);
		sp->arena = *a;
		sp->held = 1;
	} else {
		arena_free(a);
	}
	arena_init(a);
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
	take_arena(cn->srv, &cn->arena);
	cn->uri = arena_strdup(&cn->arena, uri ? uri : "/");
	clock_gettime(CLOCK_MONOTONIC, &cn->start);
	buf_init(&cn->req.body);
	buf_init(&cn->req.out);
	buf_grow(&cn->req.out, OUT_INITIAL); /* a page without growing */
	atomic_fetch_add(&cn->srv->in_flight, 1);
	return cn;
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
	const char *cookies, *path;
	req->a = &cn->arena;
	req->method = arena_strdup(&cn->arena, method);
	req->status = 200;
	req->ctype = "text/html; charset=utf-8";
	int bad = target_parse(&cn->arena, cn->uri, &path, &req->query);
	req->path = path;
	if (bad)
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
	char csp[512];
	snprintf(csp, sizeof(csp),
		 "default-src 'none'; script-src 'nonce-%s'; style-src 'self'; img-src 'self' data:; "
		 "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
		 "base-uri 'none'",
		 req->nonce);
	MHD_add_response_header(r, "Content-Security-Policy", csp);
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

/* Send the response of req. The body's memory passes to MHD, which frees
 * it when the response is sent (no copy). */
static enum MHD_Result send_response(struct MHD_Connection *c, struct conn *cn)
{
	struct request *req = &cn->req;
	int head = req->method && strcmp(req->method, "HEAD") == 0;
	struct MHD_Response *r;
	enum MHD_Result ok;
	cn->body_len = req->out.len;
	if (head || !req->out.len) {
		r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	} else {
		size_t len;
		char *body = buf_detach(&req->out, &len);
		r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
		if (!r)
			free(body);
	}
	if (!r)
		return MHD_NO;
	add_common_headers(r, req);
	for (size_t i = 0; i < req->nheaders; i++)
		MHD_add_response_header(r, req->headers[i].name, req->headers[i].value);
	ok = MHD_queue_response(c, (unsigned)req->status, r);
	MHD_destroy_response(r);
	return ok;
}

/* Answer with an error page before the router: with a nonce of its own
 * (the router makes it for every other answer). */
static enum MHD_Result send_error(struct MHD_Connection *c, struct conn *cn, int status, const char *message)
{
	random_hex(cn->req.nonce, 16);
	http_error(&cn->req, status, message);
	return send_response(c, cn);
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
	if (bad || cn->too_large) {
		req->a = &cn->arena;
		if (!req->path)
			req->path = "/";
		i18n_set(LANG_NL);
		return send_error(c, cn, cn->too_large ? 413 : 400,
				  cn->too_large ? _("The request is larger than steiger accepts.")
						: _("The address or its parameters cannot be read."));
	}
	if (req->body.len && req->content_type && starts_with(req->content_type, "application/x-www-form-urlencoded") &&
	    form_parse(req->a, req->body.data, req->body.len, &req->form) < 0)
		return send_error(c, cn, 400, _("The form cannot be read."));
	req->db = thread_db(cn->srv);
	if (!req->db)
		return send_error(c, cn, 503, _("The database cannot be opened; try again later."));
	db_memo_request(req->db); /* the data version is read once for it */
	router_dispatch(req, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token"));
	return send_response(c, cn);
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
			cn->req.method, cn->req.path ? cn->req.path : "-", cn->req.status, cn->body_len, ms,
			cn->req.logged_in ? cn->req.user.name : "-");
		fflush(srv->log);
		funlockfile(srv->log);
	}
	buf_free(&cn->req.body);
	buf_free(&cn->req.out);
	give_back_arena(srv, &cn->arena);
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
	pthread_key_create(&srv.arena_key, free_spare_arena);
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
			     (unsigned)30, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
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
