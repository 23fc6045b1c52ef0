/*
 * api.c - what the API handlers share; see api.h.
 */
#include "steiger.h"
#include "api/api.h"
#include "render/render_list.h"
#include "db/read.h"
#include "db/related.h"
#include "render/export.h"

/* See api.h. */
void api_json(struct request *req)
{
	req->status = 200;
	req->ctype = "application/json";
	buf_reset(&req->out);
}

/* See api.h. */
int api_invalid(struct request *req, int status, const char *name, const char *reason)
{
	struct buf inv = BUF_INIT;
	buf_printf(&inv, "[{\"name\": %J, \"reason\": %J}]", name, reason);
	http_problem(req, status, status == 400 ? _("Bad request") : _("Invalid input"),
		     status == 400 ? _("A parameter of the request is not valid; see invalid-params.")
				   : _("The request has values that are not valid; see invalid-params."),
		     arena_strdup(req->a, inv.data));
	buf_free(&inv);
	return status;
}

/* See api.h. */
const struct json_value *api_json_body(struct request *req)
{
	const char *ct = req->content_type;
	const struct json_value *v;
	struct diag d;
	size_t n = ct ? strcspn(ct, "; \t") : 0;
	/* the media type without its parameters: application/json or
	 * application/SOMETHING+json */
	if (!ct ||
	    !((n == 16 && strncasecmp(ct, "application/json", n) == 0) ||
	      (n > 17 && strncasecmp(ct, "application/", 12) == 0 && strncasecmp(ct + n - 5, "+json", 5) == 0))) {
		http_error(req, 415, _("Send the body as JSON, with the header Content-Type: application/json."));
		return NULL;
	}
	if (!req->body.len) {
		http_error(req, 400, _("The request has no body; send a JSON object."));
		return NULL;
	}
	diag_init(&d, 5);
	v = json_parse(req->a, "body", req->body.data, req->body.len, &d);
	if (!v) {
		struct buf inv = BUF_INIT;
		buf_addch(&inv, '[');
		api_diag_params(&inv, &d, NULL, NULL);
		buf_addch(&inv, ']');
		http_problem(req, 400, _("Bad request"), _("The body is not well-formed JSON; see invalid-params."),
			     arena_strdup(req->a, inv.data));
		buf_free(&inv);
	}
	diag_free(&d);
	return v;
}

/* See api.h. */
void api_diag_params(struct buf *inv, const struct diag *d,
		     const char *(*name_of)(const struct diag_entry *en, void *arg), void *arg)
{
	for (size_t i = 0; i < d->nentries; i++) {
		const struct diag_entry *en = &d->entries[i];
		const char *name = name_of ? name_of(en, arg) : NULL;
		if (!name)
			name = en->file && *en->file ? en->file : "body";
		buf_printf(inv, "%s{\"name\": %J, \"reason\": %J", inv->len > 1 ? ", " : "", name, en->message);
		if (en->line > 0)
			buf_printf(inv, ", \"line\": %d, \"column\": %d", en->line, en->col);
		buf_addch(inv, '}');
	}
}

/* See api.h. */
int api_internal(const struct request *req)
{
	return req->logged_in && role_can(req->user.role, PERM_READ_INTERNAL);
}

/* Read query parameter name as a whole number from min to max into *out
 * (dflt when absent). Returns 0, or -1 after responding 400. */
static int query_int(struct request *req, const char *name, long long min, long long max, long long dflt,
		     long long *out)
{
	const char *v = http_query(req, name);
	*out = dflt;
	if (!v)
		return 0;
	if (int_parse(v, min, max, out) < 0) {
		char *reason =
			arena_printf(req->a, _("expected a whole number from %lld to %lld, found \"%s\""), min, max, v);
		api_invalid(req, 400, name, reason);
		return -1;
	}
	return 0;
}

/* See api.h. */
int api_page_parse(struct request *req, struct api_page *pg)
{
	if (query_int(req, "page", 1, 1000000, 1, &pg->number) < 0)
		return -1;
	if (query_int(req, "pageSize", 1, API_PAGE_SIZE_MAX, API_PAGE_SIZE, &pg->size) < 0)
		return -1;
	return 0;
}

/* See api.h. */
long long api_page_offset(const struct api_page *pg)
{
	return (pg->number - 1) * pg->size;
}

/* The address of page number of size: the request's path and its query
 * parameters (except page, pageSize and lang), percent-encoded. */
static const char *page_href(struct request *req, long long number, long long size)
{
	struct buf b = BUF_INIT;
	char *s;
	buf_printf(&b, "%s?", req->path);
	for (size_t i = 0; i < req->query.n; i++) {
		const struct pair *p = &req->query.p[i];
		if (strcmp(p->name, "page") == 0 || strcmp(p->name, "pageSize") == 0 || strcmp(p->name, "lang") == 0)
			continue;
		buf_printf(&b, "%t=%t&", p->name, p->value);
	}
	buf_printf(&b, "page=%lld&pageSize=%lld", number, size);
	s = arena_strdup(req->a, b.data);
	buf_free(&b);
	return s;
}

/* See api.h. */
void api_collection_begin(struct request *req, const char *name, const struct api_page *pg, long long total)
{
	long long pages = total ? (total + pg->size - 1) / pg->size : 1;
	struct {
		const char *rel; /* the link relation */
		long long page;  /* the page it points to, 0 for none */
	} links[] = {
		{ "self", pg->number },
		{ "first", 1 },
		{ "prev", pg->number > 1 ? (pg->number > pages ? pages : pg->number - 1) : 0 },
		{ "next", pg->number < pages ? pg->number + 1 : 0 },
		{ "last", pages },
	};
	struct buf link = BUF_INIT;
	api_json(req);
	buf_adds(&req->out, "{\"_links\": {");
	for (size_t i = 0, n = 0; i < ARRAY_SIZE(links); i++) {
		const char *href;
		if (!links[i].page)
			continue;
		href = page_href(req, links[i].page, pg->size);
		buf_printf(&req->out, "%s\"%s\": {\"href\": %J}", n++ ? ", " : "", links[i].rel, href);
		if (i) { /* an RFC 8288 link: <href>; rel="next" (href is %-encoded) */
			buf_adds(&link, link.len ? ", <" : "<");
			buf_adds(&link, href);
			buf_printf(&link, ">; rel=\"%s\"", links[i].rel);
		}
	}
	buf_printf(&req->out, "},\n \"total\": %lld, \"page\": %lld, \"pageSize\": %lld, \"pages\": %lld,\n", total,
		   pg->number, pg->size, pages);
	buf_printf(&req->out, " \"_embedded\": {\"%s\": [", name);
	http_header(req, "X-Total-Count", arena_printf(req->a, "%lld", total));
	http_header(req, "Link", link.data);
	buf_free(&link);
}

/* See api.h. */
void api_collection_end(struct request *req)
{
	buf_adds(&req->out, "]}}\n");
}

/* What api_record_json collects. */
struct one_record {
	struct buf *out; /* where the object goes */
	int found;       /* the record was read */
	int archived;    /* its "archived" field is true */
};

/* Append the record (callback of db_read_records). */
static int add_record(const struct stored *s, void *arg)
{
	struct one_record *o = arg;
	int fa = reg_field_index(s->reg, "archived");
	o->found = 1;
	o->archived = fa >= 0 && s->vals[fa] && strcmp(s->vals[fa], "true") == 0;
	export_json_record(o->out, s);
	return 0;
}

/* See api.h. */
int api_record_json(struct request *req, const struct register_def *r, const char *key, struct buf *out, int *archived)
{
	struct arena a = ARENA_INIT;
	struct err e = { 0, "" };
	struct one_record o = { out, 0, 0 };
	int rc = db_read_records(req->db, r, key, &a, add_record, &o, &e);
	arena_free(&a);
	if (archived)
		*archived = o.archived;
	if (rc < 0)
		return E_DB;
	return o.found ? 0 : E_NOTFOUND;
}

/* See api.h. */
int api_related_json(struct request *req, const struct register_def *r, const char *key, const char *const *keys,
		     struct buf *out)
{
	struct related_section secs[RELATED_MAX];
	struct err e = { 0, "" };
	int n = db_related(req->db, r, key, secs, &e);
	if (n < 0)
		return E_DB;
	for (const char *const *k = keys; *k; k++)
		for (int i = 0; i < n; i++)
			if (strcmp(secs[i].key, *k) == 0 && NEVER(reg_field_index(r, *k) >= 0)) {
				continue; /* a field has this key already */
			} else if (strcmp(secs[i].key, *k) == 0) {
				buf_printf(out, ",\n \"%s\": ", secs[i].key);
				render_list_json(out, &secs[i].rows);
			}
	related_free(secs, n);
	return 0;
}

/* See api.h. */
int api_detail(struct request *req, const struct register_def *r, const char *const *sections,
	       const char *const *internal_sections, const char *not_found)
{
	struct buf b = BUF_INIT;
	const char *key = req->params[0];
	int rc = api_record_json(req, r, key, &b, NULL);
	if (rc == 0) {
		buf_truncate(&b, b.len - 1); /* the object's '}' */
		if (sections)
			rc = api_related_json(req, r, key, sections, &b);
		if (rc == 0 && internal_sections && api_internal(req))
			rc = api_related_json(req, r, key, internal_sections, &b);
		buf_addch(&b, '}');
	}
	if (rc == E_NOTFOUND) {
		buf_free(&b);
		return http_error(req, 404, not_found);
	}
	if (rc < 0) {
		buf_free(&b);
		return api_db_error(req);
	}
	api_json(req);
	buf_add(&req->out, b.data, b.len);
	buf_addch(&req->out, '\n');
	buf_free(&b);
	return 200;
}

/* What api_register_page walks through. */
struct page_walk {
	struct buf *out; /* the response body */
	long long first; /* index of the first record to write */
	long long last;  /* index after the last one */
	long long index; /* index of the current record */
	struct arena *a; /* the records' memory, freed after each */
};

/* Write the record if it is on the page (callback of db_read_records). */
static int page_record(const struct stored *s, void *arg)
{
	struct page_walk *w = arg;
	if (w->index >= w->first && w->index < w->last) {
		if (w->index > w->first)
			buf_adds(w->out, ",\n  ");
		export_json_record(w->out, s);
	}
	w->index++;
	arena_free(w->a);
	return 0;
}

/* See api.h. */
int api_register_page(struct request *req, const struct register_def *r)
{
	struct api_page pg;
	struct arena a = ARENA_INIT;
	struct err e = { 0, "" };
	struct buf body = BUF_INIT;
	struct page_walk w;
	long long total;
	if (api_page_parse(req, &pg) < 0)
		return req->status;
	w.out = &body;
	w.first = api_page_offset(&pg);
	w.last = w.first + pg.size;
	w.index = 0;
	w.a = &a;
	if (db_read_records(req->db, r, NULL, &a, page_record, &w, &e) < 0) {
		arena_free(&a);
		buf_free(&body);
		return api_db_error(req);
	}
	arena_free(&a);
	total = w.index;
	api_collection_begin(req, r->name, &pg, total);
	buf_add(&req->out, body.data, body.len);
	api_collection_end(req);
	buf_free(&body);
	return 200;
}

/* See api.h. */
int api_db_error(struct request *req)
{
	return http_error(req, 500, _("The data cannot be read or written now; try again later."));
}
