/*
 * export.c - CSV and JSON exports of the registers; see export.h.
 */
#include "steiger.h"
#include "render/export.h"
#include "db/read.h"

/* See export.h. */
long long register_count(struct db *db, const struct register_def *r)
{
	struct buf sql = BUF_INIT;
	long long n;
	buf_printf(&sql, "SELECT count(*) FROM \"%s\"", r->table);
	n = db_int(db, sql.data, NULL, 0);
	buf_free(&sql);
	return n;
}

/* State of a CSV export. */
struct csv_out {
	struct buf *out; /* where the text goes */
	char delim;      /* field delimiter */
	int *years;      /* the years of the yearly columns */
	int nyears;
	struct arena *a; /* reset after each record */
};

/* Append the field_sources of s as "field:source|..." to b. */
static void add_fsrcs(struct buf *b, const struct stored *s)
{
	for (size_t i = 0; i < s->nfsrcs; i++)
		buf_printf(b, "%s%s:%s", i ? "|" : "", s->fsrcs[i].field, s->fsrcs[i].source);
}

/* The value of yearly field number k (0-based among yearly fields) of s in
 * year y, or NULL. */
static const char *year_value(const struct stored *s, int k, int y)
{
	for (size_t i = 0; i < s->nyears; i++)
		if (s->years[i].year == y)
			return s->years[i].vals[k];
	return NULL;
}

/* Append value v of field f as a CSV field: with ';' as the delimiter,
 * decimals get a comma as Dutch Excel writes them (so that "1.234" can
 * only mean a thousand and more, see num_parse_ex). */
static void csv_value(struct buf *out, const struct field_def *f, const char *v, char delim)
{
	if (delim == ';' && f->type == FT_REAL && strchr(v, '.') && !strpbrk(v, "eE")) {
		size_t start = out->len;
		buf_adds(out, v);
		for (size_t i = start; i < out->len; i++)
			if (out->data[i] == '.')
				out->data[i] = ',';
		return;
	}
	csv_add_field(out, v, delim);
}

/* Write one record as a CSV line. */
static int csv_record(const struct stored *s, void *arg)
{
	struct csv_out *c = arg;
	const struct register_def *r = s->reg;
	struct buf cell = BUF_INIT;
	int first = 1, yk = 0;
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		if (f->flags & F_YEARLY) {
			for (int y = 0; y < c->nyears; y++) {
				const char *v = year_value(s, yk, c->years[y]);
				if (!first)
					buf_addch(c->out, c->delim);
				csv_value(c->out, f, v ? v : "", c->delim);
				first = 0;
			}
			yk++;
			continue;
		}
		if (!first)
			buf_addch(c->out, c->delim);
		first = 0;
		if (f->flags & F_LIST) {
			buf_reset(&cell);
			for (size_t k = 0; k < s->nlist[i]; k++)
				buf_printf(&cell, "%s%s", k ? "|" : "", s->lists[i][k]);
			csv_add_field(c->out, cell.data, c->delim);
		} else {
			csv_value(c->out, f, s->vals[i] ? s->vals[i] : "", c->delim);
		}
	}
	buf_reset(&cell);
	add_fsrcs(&cell, s);
	buf_addch(c->out, c->delim);
	csv_add_field(c->out, cell.data, c->delim);
	buf_adds(c->out, "\r\n");
	buf_free(&cell);
	arena_free(c->a);
	return 0;
}

/* See export.h. */
int export_csv(struct db *db, const struct register_def *r, char delim, int bom, struct buf *out, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct csv_out c = { out, delim, NULL, 0, &a };
	int rc, first = 1;
	c.nyears = db_register_years(db, r, &c.years, e);
	if (c.nyears < 0)
		return E_DB;
	if (bom)
		buf_adds(out, "\xef\xbb\xbf");
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		if (f->flags & F_YEARLY) {
			for (int y = 0; y < c.nyears; y++) {
				if (!first)
					buf_addch(out, delim);
				buf_printf(out, "%s_%d", f->key, c.years[y]);
				first = 0;
			}
			continue;
		}
		if (!first)
			buf_addch(out, delim);
		buf_adds(out, f->key);
		first = 0;
	}
	buf_addch(out, delim);
	buf_adds(out, "field_sources\r\n");
	rc = db_read_records(db, r, NULL, &a, csv_record, &c, e);
	free(c.years);
	arena_free(&a);
	return rc;
}

/* State of a JSON export. */
struct json_out {
	struct buf *out; /* where the text goes */
	int count;       /* records written in this register */
	struct arena *a; /* reset after each record */
};

/* Append value v of field f in JSON: numbers and booleans bare. */
static void json_value(struct buf *b, const struct field_def *f, const char *v)
{
	if ((f->type == FT_INT || f->type == FT_REAL) || (f->type == FT_SCORE && strcmp(v, "n.v.t.") != 0) ||
	    f->type == FT_BOOL)
		buf_adds(b, v);
	else
		json_add_string(b, v);
}

/* See export.h. */
void export_json_record(struct buf *b, const struct stored *s)
{
	const struct register_def *r = s->reg;
	int first = 1, yk = 0;
	buf_addch(b, '{');
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		if (f->flags & F_YEARLY) {
			int any = 0;
			for (size_t y = 0; y < s->nyears; y++) {
				const char *v = s->years[y].vals[yk];
				if (!v)
					continue;
				if (any)
					buf_adds(b, ", ");
				else
					buf_printf(b, "%s\"%s\": {", first ? "" : ", ", f->key);
				buf_printf(b, "\"%d\": %s", s->years[y].year, v);
				any = 1;
				first = 0;
			}
			if (any)
				buf_addch(b, '}');
			yk++;
			continue;
		}
		if (f->flags & F_LIST) {
			if (!s->nlist[i])
				continue;
			buf_printf(b, "%s\"%s\": [", first ? "" : ", ", f->key);
			for (size_t k = 0; k < s->nlist[i]; k++) {
				if (k)
					buf_adds(b, ", ");
				json_add_string(b, s->lists[i][k]);
			}
			buf_addch(b, ']');
			first = 0;
			continue;
		}
		if (!s->vals[i])
			continue;
		buf_printf(b, "%s\"%s\": ", first ? "" : ", ", f->key);
		json_value(b, f, s->vals[i]);
		first = 0;
	}
	if (s->nfsrcs) {
		buf_adds(b, ", \"field_sources\": {");
		for (size_t i = 0; i < s->nfsrcs; i++)
			buf_printf(b, "%s\"%j\": \"%j\"", i ? ", " : "", s->fsrcs[i].field, s->fsrcs[i].source);
		buf_addch(b, '}');
	}
	buf_addch(b, '}');
}

/* Write one record as a JSON object on one line. */
static int json_record(const struct stored *s, void *arg)
{
	struct json_out *j = arg;
	buf_adds(j->out, j->count++ ? ",\n    " : "\n    ");
	export_json_record(j->out, s);
	arena_free(j->a);
	return 0;
}

/* See export.h. */
int export_json(struct db *db, const struct register_def *const *regs, size_t n, struct buf *out, struct err *e)
{
	struct arena a = ARENA_INIT;
	int rc = 0;
	buf_adds(out, "{");
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct json_out j = { out, 0, &a };
		buf_printf(out, "%s\n  \"%s\": [", i ? "," : "", regs[i]->name);
		rc = db_read_records(db, regs[i], NULL, &a, json_record, &j, e);
		buf_adds(out, j.count ? "\n  ]" : "]");
	}
	buf_adds(out, "\n}\n");
	arena_free(&a);
	return rc;
}
