/*
 * page_keep.c - rendered pages kept on the connection until the data
 * changes; see page_keep.h.
 */
#include "steiger.h"
#include "web/page_keep.h"

/* How many pages a connection keeps, and the largest page it keeps: a
 * thread serves many people in turn, and memory stays bounded
 * (KEPT_PAGES * KEPT_PAGE_MAX per thread at most). */
#define KEPT_PAGES 24
#define KEPT_PAGE_MAX (256u * 1024)

/* One kept page. */
struct kept_page {
	char *key;       /* language, session, day, path and query */
	char *body;      /* the HTML */
	size_t len;      /* its length */
	size_t nonce_at; /* where the CSP nonce is in body, or SIZE_MAX */
	char *ctype;     /* its Content-Type */
};

/* The pages kept on a connection (the value of memo slot DB_MEMO_PAGES). */
struct kept_pages {
	size_t n;    /* pages held */
	size_t next; /* the page to replace when full */
	struct kept_page p[KEPT_PAGES];
};

/* Free what page p holds. */
static void page_free(struct kept_page *p)
{
	free(p->key);
	free(p->body);
	free(p->ctype);
	memset(p, 0, sizeof(*p));
}

/* Free a table of kept pages (the memo slot's free function). */
static void pages_free(void *v)
{
	struct kept_pages *t = v;
	for (size_t i = 0; i < t->n; i++)
		page_free(&t->p[i]);
	free(t);
}

/* The key of req's page: everything besides the data it depends on. */
static const char *page_key(struct request *req)
{
	struct buf b = BUF_INIT;
	char today[11];
	const char *key;
	today_iso(today);
	buf_printf(&b, "%d\x1f%s\x1f%s\x1f%s", (int)req->lang, req->session.token_hash, today, req->path);
	for (size_t i = 0; i < req->query.n; i++)
		buf_printf(&b, "\x1f%s=%s", req->query.p[i].name, req->query.p[i].value);
	key = arena_strdup(req->a, b.data);
	buf_free(&b);
	return key;
}

/* See page_keep.h. */
int page_keep_find(struct request *req, struct page_keep *k)
{
	struct kept_pages *t;
	k->key = NULL;
	if (!req->has_session || !db_memo_version(req->db, &k->r))
		return 0;
	k->key = page_key(req);
	t = db_memo_get(req->db, DB_MEMO_PAGES, "", &k->r);
	for (size_t i = 0; t && i < t->n; i++) {
		const struct kept_page *p = &t->p[i];
		if (strcmp(p->key, k->key) != 0)
			continue;
		buf_add(&req->out, p->body, p->len);
		if (p->nonce_at != SIZE_MAX)
			memcpy(req->out.data + p->nonce_at, req->nonce, 32);
		req->status = 200;
		req->ctype = arena_strdup(req->a, p->ctype);
		return 1;
	}
	return 0;
}

/* See page_keep.h. */
void page_keep_store(struct request *req, const struct page_keep *k)
{
	struct db_memo_read now;
	struct kept_pages *t;
	struct kept_page *p;
	const char *nonce = memmem(req->out.data, req->out.len, req->nonce, 32);
	if (nonce && memmem(nonce + 32, req->out.len - (size_t)(nonce - req->out.data) - 32, req->nonce, 32))
		return; /* more than one place to renew: not kept */
	if (!k->key || req->status != 200 || req->nheaders || !req->ctype || req->out.len > KEPT_PAGE_MAX ||
	    !db_memo_version(req->db, &now) || now.version != k->r.version || now.changes != k->r.changes)
		return;
	if (!(t = db_memo_get(req->db, DB_MEMO_PAGES, "", &k->r))) {
		db_memo_put(req->db, DB_MEMO_PAGES, "", &k->r, xcalloc(1, sizeof(*t)), pages_free);
		if (!(t = db_memo_get(req->db, DB_MEMO_PAGES, "", &k->r)))
			return;
	}
	size_t i = t->n < KEPT_PAGES ? t->n++ : t->next;
	t->next = (i + 1) % KEPT_PAGES;
	p = &t->p[i];
	page_free(p);
	p->key = xstrdup(k->key);
	p->body = xmalloc(req->out.len);
	memcpy(p->body, req->out.data, req->out.len);
	p->len = req->out.len;
	p->nonce_at = nonce ? (size_t)(nonce - req->out.data) : SIZE_MAX;
	p->ctype = xstrdup(req->ctype);
}
