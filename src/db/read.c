/*
 * read.c - reading records back from the database; see read.h.
 */
#include "steiger.h"
#include "db/read.h"

/* Text of a column value in the machine form of field f: integers in
 * decimal, reals in their shortest exact form, scores with n.v.t. */
static const char *column_text(struct arena *a, sqlite3_stmt *st, int c, const struct field_def *f)
{
	int type = sqlite3_column_type(st, c);
	if (f->type == FT_SCORE && sqlite3_column_int(st, c + 1))
		return "n.v.t.";
	if (type == SQLITE_NULL)
		return NULL;
	if (f->type == FT_REAL) {
		struct buf b = BUF_INIT;
		char *s;
		num_format(&b, sqlite3_column_double(st, c));
		s = arena_strndup(a, b.data, b.len);
		buf_free(&b);
		return s;
	}
	if (f->type == FT_BOOL)
		return sqlite3_column_int(st, c) ? "true" : "false";
	if (f->type == FT_INT || f->type == FT_SCORE)
		return arena_printf(a, "%lld", (long long)sqlite3_column_int64(st, c));
	return arena_strdup(a, db_col_text(st, c));
}

/* Read the list field fi of s from its child table. */
static int read_list(struct db *db, struct arena *a, struct stored *s, size_t fi, struct err *e)
{
	const struct child_def *c = s->reg->fields[fi].child;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	const char **vals = NULL;
	size_t n = 0, cap = 0;
	buf_printf(&sql, "SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = ?", c->value_col, c->table, c->parent_col);
	if (c->type_col)
		buf_printf(&sql, " AND \"%s\" = '%q'", c->type_col, c->type_val);
	buf_adds(&sql, " ORDER BY position");
	st = db_stmt(db, sql.data, e);
	buf_free(&sql);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, s->key);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ARRAY_GROW(vals, cap, n + 1);
		vals[n++] = arena_strdup(a, db_col_text(st, 0));
	}
	sqlite3_reset(st);
	s->lists[fi] = arena_calloc(a, n + 1, sizeof(char *));
	if (n)
		memcpy(s->lists[fi], vals, n * sizeof(char *));
	s->nlist[fi] = n;
	free(vals);
	return 0;
}

/* Read the yearly fields of s. */
static int read_years(struct db *db, struct arena *a, struct stored *s, struct err *e)
{
	const struct register_def *r = s->reg;
	struct buf sql = BUF_INIT;
	int yf[4], nyf = 0;
	for (size_t i = 0; i < r->nfields && nyf < 4; i++)
		if (r->fields[i].flags & F_YEARLY)
			yf[nyf++] = (int)i;
	buf_adds(&sql, "SELECT year");
	for (int k = 0; k < nyf; k++)
		buf_printf(&sql, ", \"%s\"", r->fields[yf[k]].column);
	buf_printf(&sql, " FROM \"%s\" WHERE item_id = ? ORDER BY year", r->year_table);
	sqlite3_stmt *st = db_stmt(db, sql.data, e);
	buf_free(&sql);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, s->key);
	size_t cap = 0;
	struct year_vals *ys = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ARRAY_GROW(ys, cap, s->nyears + 1);
		struct year_vals *y = &ys[s->nyears++];
		memset(y, 0, sizeof(*y));
		y->year = sqlite3_column_int(st, 0);
		for (int k = 0; k < nyf; k++)
			y->vals[k] = column_text(a, st, k + 1, &r->fields[yf[k]]);
	}
	sqlite3_reset(st);
	s->years = arena_calloc(a, s->nyears + 1, sizeof(*ys));
	if (s->nyears)
		memcpy(s->years, ys, s->nyears * sizeof(*ys));
	free(ys);
	return 0;
}

/* Read the field-level provenance of s. */
static int read_fsrcs(struct db *db, struct arena *a, struct stored *s, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT field, source FROM value_source WHERE entity = ? AND entity_id = ? "
				   "ORDER BY position",
				   e);
	size_t cap = 0;
	struct fsrc *fs = NULL;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, s->reg->table);
	db_bind_text(st, 2, s->key);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ARRAY_GROW(fs, cap, s->nfsrcs + 1);
		fs[s->nfsrcs].field = arena_strdup(a, db_col_text(st, 0));
		fs[s->nfsrcs].source = arena_strdup(a, db_col_text(st, 1));
		s->nfsrcs++;
	}
	sqlite3_reset(st);
	s->fsrcs = arena_calloc(a, s->nfsrcs + 1, sizeof(*fs));
	if (s->nfsrcs)
		memcpy(s->fsrcs, fs, s->nfsrcs * sizeof(*fs));
	free(fs);
	return 0;
}

/* See read.h. */
int db_read_records(struct db *db, const struct register_def *r, const char *key, struct arena *a,
		    int (*fn)(const struct stored *s, void *arg), void *arg, struct err *e)
{
	struct buf sql = BUF_INIT;
	size_t nk = reg_nkeys(r);
	int has_lists = 0, rc = 0;
	sqlite3_stmt *st;
	/* Scalar columns, keys first. */
	buf_adds(&sql, "SELECT ");
	int ncols = 0;
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		if (f->flags & F_LIST) {
			has_lists = 1;
			continue;
		}
		if (f->flags & F_YEARLY)
			continue;
		buf_printf(&sql, "%s\"%s\"", ncols ? ", " : "", f->column);
		ncols++;
		if (f->type == FT_SCORE)
			buf_adds(&sql, ", na"), ncols++;
	}
	buf_printf(&sql, " FROM \"%s\"", r->table);
	if (key) {
		/* One record: the key fields joined by '/' match key. */
		buf_adds(&sql, " WHERE ");
		for (size_t k = 0; k < nk; k++)
			buf_printf(&sql, "%sCAST(\"%s\" AS TEXT)", k ? " || '/' || " : "", r->fields[k].column);
		buf_adds(&sql, " = ?");
	}
	buf_adds(&sql, " ORDER BY ");
	for (size_t k = 0; k < nk; k++)
		buf_printf(&sql, "%s\"%s\"", k ? ", " : "", r->fields[k].column);
	/* Not cached: the statement stays in use while fn runs other
	 * cached statements. */
	if (sqlite3_prepare_v2(db->h, sql.data, -1, &st, NULL) != SQLITE_OK) {
		buf_free(&sql);
		return db_fail(db, e, _("reading records"));
	}
	buf_free(&sql);
	if (key)
		db_bind_text(st, 1, key);
	while (rc == 0) {
		int step = sqlite3_step(st);
		if (step == SQLITE_DONE)
			break;
		if (step != SQLITE_ROW) {
			rc = db_fail(db, e, _("reading records"));
			break;
		}
		struct stored s;
		struct buf kb = BUF_INIT;
		memset(&s, 0, sizeof(s));
		s.reg = r;
		s.vals = arena_calloc(a, r->nfields, sizeof(char *));
		s.lists = arena_calloc(a, r->nfields, sizeof(char **));
		s.nlist = arena_calloc(a, r->nfields, sizeof(size_t));
		int c = 0;
		for (size_t i = 0; i < r->nfields; i++) {
			const struct field_def *f = &r->fields[i];
			if (f->flags & (F_LIST | F_YEARLY))
				continue;
			s.vals[i] = column_text(a, st, c, f);
			c += f->type == FT_SCORE ? 2 : 1;
		}
		for (size_t k = 0; k < nk; k++)
			buf_printf(&kb, "%s%s", k ? "/" : "", s.vals[k] ? s.vals[k] : "");
		s.key = arena_strndup(a, kb.data, kb.len);
		buf_free(&kb);
		for (size_t i = 0; has_lists && i < r->nfields && rc == 0; i++)
			if (r->fields[i].flags & F_LIST)
				rc = read_list(db, a, &s, i, e);
		if (rc == 0 && r->year_table)
			rc = read_years(db, a, &s, e);
		if (rc == 0)
			rc = read_fsrcs(db, a, &s, e);
		if (rc == 0)
			rc = fn(&s, arg);
	}
	sqlite3_finalize(st);
	return rc;
}

/* See read.h. */
const char *stored_source(const struct stored *s, const char *key)
{
	int fsrc = reg_field_index(s->reg, "source");
	const char *us = strchr(key, '_');
	for (size_t i = 0; i < s->nfsrcs; i++)
		if (strcmp(s->fsrcs[i].field, key) == 0)
			return s->fsrcs[i].source;
	/* budget_2024 -> budget */
	while (us) {
		if (isdigit((unsigned char)us[1]) && strlen(us + 1) == 4) {
			for (size_t i = 0; i < s->nfsrcs; i++)
				if (strlen(s->fsrcs[i].field) == (size_t)(us - key) &&
				    strncmp(s->fsrcs[i].field, key, (size_t)(us - key)) == 0)
					return s->fsrcs[i].source;
			break;
		}
		us = strchr(us + 1, '_');
	}
	return fsrc >= 0 && s->vals[fsrc] ? s->vals[fsrc] : "import";
}

/* See read.h. */
int db_register_years(struct db *db, const struct register_def *r, int **years, struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int n = 0;
	size_t cap = 0;
	*years = NULL;
	if (!r->year_table)
		return 0;
	buf_printf(&sql, "SELECT DISTINCT year FROM \"%s\" ORDER BY year", r->year_table);
	st = db_stmt(db, sql.data, e);
	buf_free(&sql);
	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ARRAY_GROW(*years, cap, (size_t)n + 1);
		(*years)[n++] = sqlite3_column_int(st, 0);
	}
	sqlite3_reset(st);
	return n;
}

/* See read.h. */
int db_find_key(struct db *db, const char *id, const struct register_def **regs, struct err *e)
{
	int n = 0;
	struct buf sql = BUF_INIT;
	for (int i = 0; i < REG_COUNT; i++) {
		const struct register_def *r = reg_get(i);
		sqlite3_stmt *st;
		if (reg_nkeys(r) != 1)
			continue;
		buf_reset(&sql);
		buf_printf(&sql, "SELECT 1 FROM \"%s\" WHERE \"%s\" = ?", r->table, r->fields[0].column);
		if (!(st = db_stmt(db, sql.data, e))) {
			buf_free(&sql);
			return -1;
		}
		db_bind_text(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			regs[n++] = r;
		sqlite3_reset(st);
	}
	buf_free(&sql);
	return n;
}
