/*
 * import.c - writing a batch of records in one transaction; see import.h.
 *
 * The checks that need the database or other records happen here:
 * duplicate keys within the input, references to records that exist
 * neither in the input nor in the database, the kinds of referred vision
 * elements, required fields of new records, scores within their round's
 * scale. Foreign keys are deferred to the commit, so records may refer to
 * records that come later in the input; since every reference was checked
 * first, the commit does not fail on them.
 *
 * The audit log gets one entry per record written: for a new record all
 * the values it was given, for a changed one only the fields that changed,
 * each before and after (JSON objects). The row triggers of audit.c are
 * silent meanwhile (db->record_audit), so nothing is logged twice and a
 * bulk import costs one log row per record instead of one per table row.
 */
#include "steiger.h"
#include "db/import.h"

/* State of one import. */
struct imp {
	struct db *db;
	struct batch *b;
	const struct import_opts *o;
	struct import_result *res;
	struct err *e;
	struct strmap keys[REG_COUNT];  /* key -> record, for the input */
	struct strmap known[REG_COUNT]; /* keys found in the database */
	struct strmap kwb;              /* CBS column -> indicator id */
	struct strmap kwb_ignored;      /* CBS columns reported as unused */
	int db_failed;                  /* a statement failed unexpectedly */
	struct buf sql;                 /* scratch space for SQL text */
	struct buf changed;             /* the fields changed in a record */
	struct buf before, after;       /* their values, as JSON members */
	char now[32];                   /* the time of the import */
	struct strmap stmts;            /* short key -> prepared statement */
	struct strmap kinds;            /* "register/key" -> its kind */
	struct strmap scales;           /* round id -> "min max allow_na" */
	int was_empty[REG_COUNT];       /* the register had no records when
					   its turn came: every record is new,
					   and nothing needs to be read back */
	struct audit_row *audit;        /* audit rows not yet written */
	size_t naudit;
	struct record *pending[32]; /* new plain records not yet inserted */
	size_t npending;            /* (all of one register and mask) */
};

/* An audit entry waiting to be written (all strings in the arena). */
struct audit_row {
	const char *action, *table, *record, *before, *after;
};

/* Audit rows are written AUDIT_BATCH at a time in one INSERT: a statement
 * costs more to run than to insert a row, and an audit row cannot fail on
 * its own (no constraints but NOT NULL), so batching loses no error. */
#define AUDIT_BATCH 64

/* The statement the import cached under key (reset, bindings cleared), or
 * NULL: then the caller builds its SQL in im->sql and calls prepare_as().
 * Looking up a short key is much cheaper than building and hashing the
 * SQL text for every record. */
static sqlite3_stmt *cached(struct imp *im, const char *key)
{
	sqlite3_stmt *st = strmap_get(&im->stmts, key);
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	return st;
}

/* Prepare im->sql (through the connection's cache) and remember it under
 * key. NULL, with the import marked failed, when SQLite refuses it. */
static sqlite3_stmt *prepare_as(struct imp *im, const char *key)
{
	sqlite3_stmt *st = db_stmt(im->db, im->sql.data, im->e);
	if (!st) {
		im->db_failed = 1;
		return NULL;
	}
	strmap_put(&im->stmts, arena_strdup(&im->b->arena, key), st);
	return st;
}

/* The bit mask of the scalar fields rec has (fields that are not lists,
 * yearly or keys), which selects its statements. */
static unsigned long long scalar_mask(const struct record *rec)
{
	unsigned long long m = 0;
	for (size_t k = 0; k < rec->reg->nfields && k < 64; k++)
		if (rec->vals[k].present && !(rec->reg->fields[k].flags & (F_LIST | F_YEARLY | F_KEY)))
			m |= 1ULL << k;
	return m;
}

/* See import.h. */
void import_result_init(struct import_result *res)
{
	memset(res, 0, sizeof(*res));
	buf_init(&res->details);
	buf_init(&res->notes);
}

/* See import.h. */
void import_result_free(struct import_result *res)
{
	buf_free(&res->details);
	buf_free(&res->notes);
}

/* Note an unexpected database failure while writing record rec. */
static void db_refused(struct imp *im, const struct record *rec)
{
	diag_add(im->b->diag, rec->file, rec->line, DIAG_COL_DATABASE, _("the database refused this record: %s"),
		 sqlite3_errmsg(im->db->h));
	im->db_failed = 1;
}

/* Step st to completion (for writes). Returns 0 or -1. */
static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* Bind the value v of field f at parameter i (FT_SCORE binds i and i+1).
 * Returns the next parameter index. */
static int bind_fval(sqlite3_stmt *st, int i, const struct field_def *f, const struct fval *v)
{
	if (f->type == FT_SCORE) {
		if (v->is_null || v->na)
			sqlite3_bind_null(st, i);
		else
			sqlite3_bind_int64(st, i, v->i);
		sqlite3_bind_int(st, i + 1, !v->is_null && v->na);
		return i + 2;
	}
	if (v->is_null)
		sqlite3_bind_null(st, i);
	else if (f->type == FT_INT || f->type == FT_BOOL)
		sqlite3_bind_int64(st, i, v->i);
	else if (f->type == FT_REAL)
		sqlite3_bind_double(st, i, v->d);
	else
		db_bind_text(st, i, v->text);
	return i + 1;
}

/* Append the SQL condition on the key columns of r ("a = ? AND b = ?"). */
static void add_key_where(struct buf *sql, const struct register_def *r)
{
	size_t nk = reg_nkeys(r);
	for (size_t k = 0; k < nk; k++)
		buf_printf(sql, "%s\"%s\" = ?", k ? " AND " : "", r->fields[k].column);
}

/* Bind the key of rec starting at parameter i; returns the next index. */
static int bind_key(sqlite3_stmt *st, int i, const struct record *rec)
{
	size_t nk = reg_nkeys(rec->reg);
	for (size_t k = 0; k < nk; k++)
		i = bind_fval(st, i, &rec->reg->fields[k], &rec->vals[k]);
	return i;
}

/* Whether the column value at index c of st equals v (for field f). For
 * FT_SCORE the columns c and c+1 are compared. */
static int same_value(sqlite3_stmt *st, int c, const struct field_def *f, const struct fval *v)
{
	int null = sqlite3_column_type(st, c) == SQLITE_NULL;
	if (f->type == FT_SCORE) {
		int na = sqlite3_column_int(st, c + 1);
		if (v->is_null)
			return null && !na;
		if (v->na)
			return null && na;
		return !null && !na && sqlite3_column_int64(st, c) == v->i;
	}
	if (v->is_null || null)
		return v->is_null && null;
	if (f->type == FT_INT || f->type == FT_BOOL)
		return sqlite3_column_int64(st, c) == v->i;
	if (f->type == FT_REAL)
		return sqlite3_column_double(st, c) == v->d;
	return strcmp(db_col_text(st, c), v->text) == 0;
}

/* Whether record key `key` of register r exists in the database. Found
 * keys are remembered. */
static int in_database(struct imp *im, const struct register_def *r, const char *key)
{
	if (strmap_has(&im->known[r->id], key))
		return 1;
	if (reg_nkeys(r) != 1)
		return 0; /* nothing refers to composite keys */
	char ck[32];
	snprintf(ck, sizeof(ck), "exists:%d", r->id);
	sqlite3_stmt *st = cached(im, ck);
	if (!st) {
		buf_reset(&im->sql);
		buf_printf(&im->sql, "SELECT 1 FROM \"%s\" WHERE \"%s\" = ?", r->table, r->fields[0].column);
		if (!(st = prepare_as(im, ck)))
			return 0;
	}
	db_bind_text(st, 1, key);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (found)
		strmap_put(&im->known[r->id], arena_strdup(&im->b->arena, key), (void *)1);
	return found;
}

/* The `kind` of record key of register r (from the input, else the
 * database), or NULL. */
static const char *kind_of(struct imp *im, const struct register_def *r, const char *key)
{
	int kf = reg_field_index(r, "kind");
	struct record *rec = strmap_get(&im->keys[r->id], key);
	const char *kind;
	if (kf < 0)
		return NULL;
	if (rec && rec->vals[kf].present && !rec->vals[kf].is_null)
		return rec->vals[kf].text;
	char *ck = arena_printf(&im->b->arena, "%d/%s", r->id, key);
	if (strmap_has(&im->kinds, ck))
		return strmap_get(&im->kinds, ck);
	buf_reset(&im->sql);
	buf_printf(&im->sql, "SELECT kind FROM \"%s\" WHERE \"%s\" = ?", r->table, r->fields[0].column);
	sqlite3_stmt *st = db_stmt(im->db, im->sql.data, im->e);
	if (!st)
		return NULL;
	db_bind_text(st, 1, key);
	kind = NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		kind = arena_strdup(&im->b->arena, db_col_text(st, 0));
	sqlite3_reset(st);
	strmap_put(&im->kinds, ck, (void *)kind);
	return kind;
}

/* Check one reference of field f with value key at file:line:col. */
static void check_ref(struct imp *im, const struct record *rec, const struct field_def *f, const char *key, int line,
		      int col)
{
	const struct register_def *target = reg_get(f->ref);
	if (!strmap_has(&im->keys[f->ref], key) && !in_database(im, target, key)) {
		diag_add(im->b->diag, rec->file, line, col, _("unknown reference in %s: \"%s\" is not in %s"), f->key,
			 key, target->name);
		return;
	}
	if (f->ref == rec->reg->id && rec->reg->fields[0].flags & F_KEY && rec->vals[0].text &&
	    strcmp(key, rec->vals[0].text) == 0) {
		diag_add(im->b->diag, rec->file, line, col,
			 _("expected a reference to another record, found \"%s\" itself"), key);
		return;
	}
	if (f->ref_kinds) {
		const char *kind = kind_of(im, target, key);
		if (kind && !enum_has(f->ref_kinds, kind)) {
			struct buf kinds = BUF_INIT;
			for (int i = 0; f->ref_kinds[i]; i++)
				buf_printf(&kinds, "%s%s", i ? ", " : "", f->ref_kinds[i]);
			diag_add(im->b->diag, rec->file, line, col,
				 _("expected %s of kind %s, found \"%s\" of kind %s"), f->key, kinds.data, key, kind);
			buf_free(&kinds);
		}
	}
}

/* Check the score of an assessment against its round's scale. */
static void check_score(struct imp *im, const struct record *rec)
{
	int fs = reg_field_index(rec->reg, "score"), fr = reg_field_index(rec->reg, "round");
	const struct fval *v = &rec->vals[fs];
	const char *round = rec->vals[fr].text;
	long long lo = 0, hi = 0;
	int allow_na = 1, found = 0;
	if (!v->present || v->is_null || !round)
		return;
	const struct register_def *rr = reg_get(REG_ROUNDS);
	struct record *rrec = strmap_get(&im->keys[REG_ROUNDS], round);
	int fmin = reg_field_index(rr, "scale_min"), fmax = reg_field_index(rr, "scale_max"),
	    fna = reg_field_index(rr, "allow_na");
	if (rrec && rrec->vals[fmin].present && rrec->vals[fmax].present) {
		lo = rrec->vals[fmin].i;
		hi = rrec->vals[fmax].i;
		if (rrec->vals[fna].present && !rrec->vals[fna].is_null)
			allow_na = (int)rrec->vals[fna].i;
		found = 1;
	} else if (strmap_has(&im->scales, round)) {
		const char *sc = strmap_get(&im->scales, round);
		found = sc && sscanf(sc, "%lld %lld %d", &lo, &hi, &allow_na) == 3;
	} else {
		sqlite3_stmt *st = db_stmt(
			im->db, "SELECT scale_min, scale_max, allow_na FROM assessment_round WHERE id = ?", im->e);
		if (!st)
			return;
		db_bind_text(st, 1, round);
		if (sqlite3_step(st) == SQLITE_ROW) {
			lo = sqlite3_column_int64(st, 0);
			hi = sqlite3_column_int64(st, 1);
			allow_na = sqlite3_column_int(st, 2);
			found = 1;
		}
		sqlite3_reset(st);
		strmap_put(&im->scales, arena_strdup(&im->b->arena, round),
			   found ? arena_printf(&im->b->arena, "%lld %lld %d", lo, hi, allow_na) : NULL);
	}
	if (!found)
		return; /* reported as an unknown reference */
	if (v->na && !allow_na)
		diag_add(im->b->diag, rec->file, v->line, v->col,
			 _("expected a score from %lld to %lld (round %s does not allow n.v.t.), found n.v.t."), lo, hi,
			 round);
	else if (!v->na && (v->i < lo || v->i > hi))
		diag_add(im->b->diag, rec->file, v->line, v->col,
			 _("expected a score from %lld to %lld (the scale of round %s), found %lld"), lo, hi, round,
			 v->i);
}

/* Check references, required fields and scores of rec; exists tells
 * whether the record is already in the database. */
static void check_record(struct imp *im, const struct record *rec, int exists)
{
	const struct register_def *r = rec->reg;
	for (size_t k = 0; k < r->nfields; k++) {
		const struct field_def *f = &r->fields[k];
		const struct fval *v = &rec->vals[k];
		if (f->flags & F_YEARLY)
			continue;
		if ((f->flags & F_REQUIRED) && !(f->flags & F_LIST)) {
			if (!exists && (!v->present || v->is_null))
				diag_add(im->b->diag, rec->file, v->present ? v->line : rec->line,
					 v->present ? v->col : 0, _("missing required field \"%s\""), f->key);
			else if (exists && v->present && v->is_null)
				diag_add(im->b->diag, rec->file, v->line, v->col,
					 _("expected a value for the required field \"%s\", found an empty cell"),
					 f->key);
		}
		if (f->ref == REG_NONE || !v->present || v->is_null || (f->flags & F_KEY && reg_nkeys(r) == 1))
			continue;
		if (f->flags & F_LIST) {
			for (size_t i = 0; i < v->nlist; i++)
				check_ref(im, rec, f, v->list[i], v->list_line[i], v->list_col[i]);
		} else {
			check_ref(im, rec, f, v->text, v->line, v->col);
		}
	}
	if (r->id == REG_ASSESSMENTS)
		check_score(im, rec);
}

/* Start the JSON member key in b (an object's members, comma-separated). */
static void member(struct buf *b, const char *key)
{
	if (b->len)
		buf_add(b, ", ", 2);
	json_add_string(b, key);
	buf_add(b, ": ", 2);
}

/* Append value v of field f as JSON. */
static void json_fval(struct buf *b, const struct field_def *f, const struct fval *v)
{
	if (!v || v->is_null) {
		buf_adds(b, "null");
	} else if (f->type == FT_SCORE && v->na) {
		buf_adds(b, "\"n.v.t.\"");
	} else if (f->type == FT_BOOL) {
		buf_adds(b, v->i ? "true" : "false");
	} else if (f->type == FT_INT || f->type == FT_SCORE) {
		buf_printf(b, "%lld", v->i);
	} else if (f->type == FT_REAL) {
		json_add_number(b, v->d);
	} else {
		json_add_string(b, v->text);
	}
}

/* Append the value in column c of st (for field f) as JSON. */
static void json_column(struct buf *b, sqlite3_stmt *st, int c, const struct field_def *f)
{
	if (f->type == FT_SCORE && sqlite3_column_int(st, c + 1))
		buf_adds(b, "\"n.v.t.\"");
	else if (sqlite3_column_type(st, c) == SQLITE_NULL)
		buf_adds(b, "null");
	else if (f->type == FT_BOOL)
		buf_adds(b, sqlite3_column_int(st, c) ? "true" : "false");
	else if (f->type == FT_INT || f->type == FT_SCORE)
		buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, c));
	else if (f->type == FT_REAL)
		json_add_number(b, sqlite3_column_double(st, c));
	else
		json_add_string(b, db_col_text(st, c));
}

/* Append the list values[0..n) as a JSON array. */
static void json_list(struct buf *b, const char *const *values, size_t n)
{
	buf_addch(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(b, ", ");
		json_add_string(b, values[i]);
	}
	buf_addch(b, ']');
}

/* Append all values rec was given as JSON members (the "after" of a new
 * record). */
static void json_record_values(struct buf *b, const struct record *rec)
{
	const struct register_def *r = rec->reg;
	for (size_t k = 0; k < r->nfields; k++) {
		const struct fval *v = &rec->vals[k];
		if (!v->present || (r->fields[k].flags & F_YEARLY))
			continue;
		member(b, r->fields[k].key);
		if (r->fields[k].flags & F_LIST)
			json_list(b, v->list, v->nlist);
		else
			json_fval(b, &r->fields[k], v);
	}
	for (size_t i = 0; i < rec->nyears; i++) {
		char key[40];
		snprintf(key, sizeof(key), "%s_%d", r->fields[rec->years[i].field].key, rec->years[i].year);
		member(b, key);
		json_fval(b, &r->fields[rec->years[i].field], &rec->years[i].v);
	}
	if (rec->fsrc_present) {
		member(b, "field_sources");
		buf_addch(b, '{');
		for (size_t i = 0; i < rec->nfsrcs; i++)
			buf_printf(b, "%s\"%j\": \"%j\"", i ? ", " : "", rec->fsrcs[i].field, rec->fsrcs[i].source);
		buf_addch(b, '}');
	}
}

/* Note that field key of the current record changed. */
static void note_changed(struct imp *im, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = strstr(im->changed.data, key); p; p = strstr(p + 1, key))
		if ((p == im->changed.data || p[-1] == ' ') && (p[n] == '\0' || p[n] == ','))
			return; /* noted already */
	buf_printf(&im->changed, "%s%s", im->changed.len ? ", " : "", key);
}

/* Whether rec can wait to be inserted with others: a new record of a
 * register that was empty (so no key can conflict) with nothing but
 * scalar fields (no lists, years or field sources to write after it). */
static int batchable(const struct imp *im, const struct record *rec)
{
	const struct register_def *r = rec->reg;
	if (!im->was_empty[r->id] || rec->nyears || rec->fsrc_present)
		return 0;
	for (size_t k = 0; k < r->nfields; k++)
		if ((r->fields[k].flags & F_LIST) && rec->vals[k].present)
			return 0;
	return 1;
}

/* The INSERT statement for records like rec (same register and fields),
 * nrows rows at a time. Provenance defaults to "imported by ACTOR from
 * FILE" when the input has none. */
static sqlite3_stmt *insert_stmt(struct imp *im, const struct record *rec, size_t nrows)
{
	const struct register_def *r = rec->reg;
	int fsrc = reg_field_index(r, "source"), fnote = reg_field_index(r, "source_note");
	unsigned long long mask = scalar_mask(rec);
	char ck[64];
	sqlite3_stmt *st;
	int params = 0;
	snprintf(ck, sizeof(ck), "ins:%d:%llx:%zu", r->id, mask, nrows);
	if ((st = cached(im, ck)))
		return st;
	buf_reset(&im->sql);
	buf_printf(&im->sql, "INSERT INTO \"%s\"(", r->table);
	for (size_t k = 0; k < r->nfields; k++) {
		const struct field_def *f = &r->fields[k];
		if ((f->flags & (F_LIST | F_YEARLY)) || (!rec->vals[k].present && (int)k != fsrc && (int)k != fnote))
			continue;
		buf_printf(&im->sql, "%s\"%s\"", params ? ", " : "", f->column);
		params++;
		if (f->type == FT_SCORE) {
			buf_adds(&im->sql, ", na");
			params++;
		}
	}
	buf_adds(&im->sql, ") VALUES");
	for (size_t row = 0; row < nrows; row++) {
		buf_adds(&im->sql, row ? ", (" : " (");
		for (int i = 0; i < params; i++)
			buf_adds(&im->sql, i ? ", ?" : "?");
		buf_addch(&im->sql, ')');
	}
	return prepare_as(im, ck);
}

/* Bind the values of rec to an insert statement from parameter p on.
 * Returns the next parameter. */
static int bind_insert(struct imp *im, sqlite3_stmt *st, int p, const struct record *rec)
{
	const struct register_def *r = rec->reg;
	int fsrc = reg_field_index(r, "source"), fnote = reg_field_index(r, "source_note");
	for (size_t k = 0; k < r->nfields; k++) {
		const struct field_def *f = &r->fields[k];
		const struct fval *v = &rec->vals[k];
		if ((f->flags & (F_LIST | F_YEARLY)))
			continue;
		if ((int)k == fsrc && !v->present) {
			sqlite3_bind_text(st, p++, "import", -1, SQLITE_STATIC);
		} else if ((int)k == fnote && !v->present) {
			if (rec->vals[fsrc].present)
				sqlite3_bind_null(st, p++);
			else
				db_bind_text(st, p++,
					     arena_printf(&im->b->arena, _("imported by %s from %s"), im->b->actor,
							  path_basename(rec->file)));
		} else if (v->present) {
			p = bind_fval(st, p, f, v);
		}
	}
	return p;
}

/* Insert the pending records in one statement. If the database refuses
 * it, they are inserted one by one to tell which record it was. */
static int flush_pending(struct imp *im)
{
	size_t n = im->npending;
	sqlite3_stmt *st;
	int p = 1;
	if (!n)
		return 0;
	im->npending = 0;
	if (!(st = insert_stmt(im, im->pending[0], n)))
		return -1;
	for (size_t i = 0; i < n; i++)
		p = bind_insert(im, st, p, im->pending[i]);
	if (step_done(st) == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!(st = insert_stmt(im, im->pending[i], 1)))
			return -1;
		bind_insert(im, st, 1, im->pending[i]);
		if (step_done(st) < 0) {
			db_refused(im, im->pending[i]);
			return -1;
		}
	}
	return 0;
}

/* Insert or update the scalar fields of rec. Sets *exists. */
static int write_scalars(struct imp *im, struct record *rec, int *exists)
{
	const struct register_def *r = rec->reg;
	sqlite3_stmt *st;
	int diff[64] = { 0 };
	size_t ndiff = 0;
	unsigned long long mask = scalar_mask(rec);
	char ck[64];
	if (im->was_empty[r->id]) {
		*exists = 0;
		goto checked;
	}
	/* Read the current values of the fields the input has. */
	snprintf(ck, sizeof(ck), "sel:%d:%llx", r->id, mask);
	if ((st = cached(im, ck)))
		goto have_select;
	buf_reset(&im->sql);
	buf_adds(&im->sql, "SELECT 1");
	for (size_t k = 0; k < r->nfields; k++) {
		const struct field_def *f = &r->fields[k];
		if (!rec->vals[k].present || (f->flags & (F_LIST | F_YEARLY | F_KEY)))
			continue;
		buf_printf(&im->sql, ", \"%s\"", f->column);
		if (f->type == FT_SCORE)
			buf_adds(&im->sql, ", na");
	}
	buf_printf(&im->sql, " FROM \"%s\" WHERE ", r->table);
	add_key_where(&im->sql, r);
	if (!(st = prepare_as(im, ck)))
		return -1;
have_select:
	bind_key(st, 1, rec);
	*exists = sqlite3_step(st) == SQLITE_ROW;
	if (*exists) {
		int c = 1;
		for (size_t k = 0; k < r->nfields; k++) {
			const struct field_def *f = &r->fields[k];
			if (!rec->vals[k].present || (f->flags & (F_LIST | F_YEARLY | F_KEY)))
				continue;
			if (!same_value(st, c, f, &rec->vals[k]) && ndiff < ARRAY_SIZE(diff)) {
				diff[ndiff++] = (int)k;
				note_changed(im, f->key);
				member(&im->before, f->key);
				json_column(&im->before, st, c, f);
				member(&im->after, f->key);
				json_fval(&im->after, f, &rec->vals[k]);
			}
			c += f->type == FT_SCORE ? 2 : 1;
		}
	}
	sqlite3_reset(st);
checked:
	check_record(im, rec, *exists);
	if (im->b->diag->count)
		return 0; /* errors: the transaction is rolled back anyway */
	buf_reset(&im->sql);
	if (!*exists) {
		if (batchable(im, rec)) {
			/* Inserted with others in one statement. */
			if (im->npending && (im->npending == ARRAY_SIZE(im->pending) ||
					     scalar_mask(im->pending[0]) != mask || im->pending[0]->reg != r))
				if (flush_pending(im) < 0)
					return -1;
			im->pending[im->npending++] = rec;
			return 0;
		}
		if (!(st = insert_stmt(im, rec, 1)))
			return -1;
		bind_insert(im, st, 1, rec);
		if (step_done(st) < 0)
			return db_refused(im, rec), -1;
		return 0;
	}
	if (!ndiff)
		return 0;
	buf_printf(&im->sql, "UPDATE \"%s\" SET ", r->table);
	for (size_t i = 0; i < ndiff; i++) {
		const struct field_def *f = &r->fields[diff[i]];
		buf_printf(&im->sql, "%s\"%s\" = ?", i ? ", " : "", f->column);
		if (f->type == FT_SCORE)
			buf_adds(&im->sql, ", na = ?");
	}
	buf_adds(&im->sql, " WHERE ");
	add_key_where(&im->sql, r);
	if (!(st = db_stmt(im->db, im->sql.data, im->e)))
		return im->db_failed = 1, -1;
	int p = 1;
	for (size_t i = 0; i < ndiff; i++)
		p = bind_fval(st, p, &r->fields[diff[i]], &rec->vals[diff[i]]);
	bind_key(st, p, rec);
	if (step_done(st) < 0)
		return db_refused(im, rec), -1;
	return 0;
}

/* Replace the values of list field f of rec (key) when they differ. */
static int write_list(struct imp *im, struct record *rec, const struct field_def *f, const char *key, int exists)
{
	const struct child_def *c = f->child;
	const struct fval *v = &rec->vals[f - rec->reg->fields];
	sqlite3_stmt *st;
	int same = 1;
	size_t n = 0;
	char ck[48];
	int fi = (int)(f - rec->reg->fields);
	if (exists) {
		snprintf(ck, sizeof(ck), "lsel:%d:%d", rec->reg->id, fi);
		if (!(st = cached(im, ck))) {
			buf_reset(&im->sql);
			buf_printf(&im->sql, "SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = ?", c->value_col, c->table,
				   c->parent_col);
			if (c->type_col)
				buf_printf(&im->sql, " AND \"%s\" = '%q'", c->type_col, c->type_val);
			buf_adds(&im->sql, " ORDER BY position");
			if (!(st = prepare_as(im, ck)))
				return -1;
		}
		db_bind_text(st, 1, key);
		struct buf old = BUF_INIT;
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (n >= v->nlist || strcmp(db_col_text(st, 0), v->list[n]) != 0)
				same = 0;
			buf_printf(&old, "%s%J", n ? ", " : "", db_col_text(st, 0));
			n++;
		}
		sqlite3_reset(st);
		if (same && n == v->nlist) {
			buf_free(&old);
			return 0;
		}
		note_changed(im, f->key);
		member(&im->before, f->key);
		buf_printf(&im->before, "[%s]", old.data);
		buf_free(&old);
		member(&im->after, f->key);
		json_list(&im->after, v->list, v->nlist);
		snprintf(ck, sizeof(ck), "ldel:%d:%d", rec->reg->id, fi);
		if (!(st = cached(im, ck))) {
			buf_reset(&im->sql);
			buf_printf(&im->sql, "DELETE FROM \"%s\" WHERE \"%s\" = ?", c->table, c->parent_col);
			if (c->type_col)
				buf_printf(&im->sql, " AND \"%s\" = '%q'", c->type_col, c->type_val);
			if (!(st = prepare_as(im, ck)))
				return -1;
		}
		db_bind_text(st, 1, key);
		if (step_done(st) < 0)
			return db_refused(im, rec), -1;
	}
	if (!v->nlist)
		return 0;
	snprintf(ck, sizeof(ck), "lins:%d:%d", rec->reg->id, fi);
	if (!(st = cached(im, ck))) {
		buf_reset(&im->sql);
		buf_printf(&im->sql, "INSERT INTO \"%s\"(\"%s\", \"%s\", position", c->table, c->parent_col,
			   c->value_col);
		if (c->type_col)
			buf_printf(&im->sql, ", \"%s\") VALUES(?, ?, ?, '%q')", c->type_col, c->type_val);
		else
			buf_adds(&im->sql, ") VALUES(?, ?, ?)");
		if (!(st = prepare_as(im, ck)))
			return -1;
	}
	for (size_t i = 0; i < v->nlist; i++) {
		sqlite3_reset(st);
		db_bind_text(st, 1, key);
		db_bind_text(st, 2, v->list[i]);
		sqlite3_bind_int64(st, 3, (long long)i + 1);
		if (step_done(st) < 0)
			return db_refused(im, rec), -1;
	}
	return 0;
}

/* Write the yearly values of rec (key) to the register's year table. A
 * record that is new (exists 0) cannot have rows there yet, which saves
 * the reads. */
static int write_years(struct imp *im, struct record *rec, const char *key, int exists)
{
	const struct register_def *r = rec->reg;
	char ck[64];
	sqlite3_stmt *st;
	for (size_t i = 0; i < rec->nyears; i++) {
		int year = rec->years[i].year;
		int seen_before = 0;
		for (size_t j = 0; j < i; j++)
			if (rec->years[j].year == year)
				seen_before = 1;
		if (seen_before)
			continue;
		/* All values of this year, by field; mask tells which. */
		const struct fval *val[8] = { 0 };
		int fields[8], nf = 0, all_null = 1, row = 0, same = 1;
		unsigned mask = 0;
		for (size_t j = i; j < rec->nyears && nf < 8; j++) {
			if (rec->years[j].year != year)
				continue;
			fields[nf] = rec->years[j].field;
			val[nf] = &rec->years[j].v;
			mask |= 1u << (fields[nf] & 31);
			if (!val[nf]->is_null)
				all_null = 0;
			nf++;
		}
		if (exists) {
			snprintf(ck, sizeof(ck), "ysel:%d:%x", r->id, mask);
			if (!(st = cached(im, ck))) {
				buf_reset(&im->sql);
				buf_adds(&im->sql, "SELECT 1");
				for (int k = 0; k < nf; k++)
					buf_printf(&im->sql, ", \"%s\"", r->fields[fields[k]].column);
				buf_printf(&im->sql, " FROM \"%s\" WHERE item_id = ? AND year = ?", r->year_table);
				if (!(st = prepare_as(im, ck)))
					return -1;
			}
			db_bind_text(st, 1, key);
			sqlite3_bind_int(st, 2, year);
			row = sqlite3_step(st) == SQLITE_ROW;
			for (int k = 0; row && k < nf; k++)
				if (!same_value(st, k + 1, &r->fields[fields[k]], val[k]))
					same = 0;
			if ((row && !same) || (!row && !all_null)) {
				for (int k = 0; k < nf; k++) {
					char yearkey[32];
					snprintf(yearkey, sizeof(yearkey), "%s_%d", r->fields[fields[k]].key, year);
					member(&im->before, yearkey);
					if (row)
						json_column(&im->before, st, k + 1, &r->fields[fields[k]]);
					else
						buf_adds(&im->before, "null");
					member(&im->after, yearkey);
					json_fval(&im->after, &r->fields[fields[k]], val[k]);
				}
			}
			sqlite3_reset(st);
		}
		if ((row && same) || (!row && all_null))
			continue;
		for (int k = 0; k < nf; k++) {
			char yearkey[32];
			snprintf(yearkey, sizeof(yearkey), "%s_%d", r->fields[fields[k]].key, year);
			note_changed(im, yearkey);
		}
		snprintf(ck, sizeof(ck), "%s:%d:%x", row ? "yupd" : "yins", r->id, mask);
		if (!(st = cached(im, ck))) {
			buf_reset(&im->sql);
			if (row) {
				buf_printf(&im->sql, "UPDATE \"%s\" SET ", r->year_table);
				for (int k = 0; k < nf; k++)
					buf_printf(&im->sql, "%s\"%s\" = ?", k ? ", " : "",
						   r->fields[fields[k]].column);
				buf_adds(&im->sql, " WHERE item_id = ? AND year = ?");
			} else {
				buf_printf(&im->sql, "INSERT INTO \"%s\"(", r->year_table);
				for (int k = 0; k < nf; k++)
					buf_printf(&im->sql, "\"%s\", ", r->fields[fields[k]].column);
				buf_adds(&im->sql, "item_id, year) VALUES(");
				for (int k = 0; k < nf; k++)
					buf_adds(&im->sql, "?, ");
				buf_adds(&im->sql, "?, ?)");
			}
			if (!(st = prepare_as(im, ck)))
				return -1;
		}
		int p = 1;
		for (int k = 0; k < nf; k++)
			p = bind_fval(st, p, &r->fields[fields[k]], val[k]);
		db_bind_text(st, p++, key);
		sqlite3_bind_int(st, p, year);
		if (step_done(st) < 0)
			return db_refused(im, rec), -1;
		if (!row || !all_null)
			continue;
		/* A year with neither budget nor fte left is no year at all. */
		snprintf(ck, sizeof(ck), "ydel:%d", r->id);
		if (!(st = cached(im, ck))) {
			buf_reset(&im->sql);
			buf_printf(&im->sql,
				   "DELETE FROM \"%s\" WHERE item_id = ? AND year = ? AND budget IS NULL"
				   " AND fte IS NULL",
				   r->year_table);
			if (!(st = prepare_as(im, ck)))
				return -1;
		}
		db_bind_text(st, 1, key);
		sqlite3_bind_int(st, 2, year);
		if (step_done(st) < 0)
			return db_refused(im, rec), -1;
	}
	return 0;
}

/* Set the provenance of field of rec (key) to source at position, or
 * delete it when source is NULL. Returns 0 or -1. */
static int value_source_write(struct imp *im, struct record *rec, const char *key, const char *field,
			      const char *source, long long position)
{
	sqlite3_stmt *st;
	if (source)
		st = db_stmt(
			im->db,
			"INSERT INTO value_source(entity, entity_id, field, source, position) VALUES(?, ?, ?, ?, ?)"
			" ON CONFLICT(entity, entity_id, field) DO UPDATE SET source = excluded.source,"
			" position = excluded.position",
			im->e);
	else
		st = db_stmt(im->db, "DELETE FROM value_source WHERE entity = ? AND entity_id = ? AND field = ?",
			     im->e);
	if (!st)
		return im->db_failed = 1, -1;
	db_bind_text(st, 1, rec->reg->table);
	db_bind_text(st, 2, key);
	db_bind_text(st, 3, field);
	if (source) {
		db_bind_text(st, 4, source);
		sqlite3_bind_int64(st, 5, position);
	}
	if (step_done(st) < 0)
		return db_refused(im, rec), -1;
	return 0;
}

/* Make the field-level provenance of rec (key) what the input says:
 * entries that are new or differ are written, entries the input no longer
 * has are deleted, equal ones are left alone (no audit noise). */
static int write_field_sources(struct imp *im, struct record *rec, const char *key, int exists)
{
	sqlite3_stmt *st;
	struct strmap old = STRMAP_INIT;
	struct arena *a = &im->b->arena;
	struct buf oldjson = BUF_INIT;
	int rc = 0;
	size_t changes_before = im->changed.len;
	if (exists) {
		st = db_stmt(im->db,
			     "SELECT field, source, position FROM value_source WHERE entity = ? AND entity_id = ?"
			     " ORDER BY position",
			     im->e);
		if (!st)
			return im->db_failed = 1, -1;
		db_bind_text(st, 1, rec->reg->table);
		db_bind_text(st, 2, key);
		while (sqlite3_step(st) == SQLITE_ROW) {
			strmap_put(&old, arena_strdup(a, db_col_text(st, 0)),
				   arena_printf(a, "%s\x1f%d", db_col_text(st, 1), sqlite3_column_int(st, 2)));
			buf_printf(&oldjson, "%s%J: %J", oldjson.len ? ", " : "", db_col_text(st, 0),
				   db_col_text(st, 1));
		}
		sqlite3_reset(st);
	}
	/* Upsert what differs. */
	for (size_t i = 0; i < rec->nfsrcs && rc == 0; i++) {
		const char *want = arena_printf(a, "%s\x1f%zu", rec->fsrcs[i].source, i + 1);
		const char *have = strmap_get(&old, rec->fsrcs[i].field);
		strmap_put(&old, rec->fsrcs[i].field, NULL); /* seen */
		if (have && strcmp(have, want) == 0)
			continue;
		note_changed(im, "field_sources");
		rc = value_source_write(im, rec, key, rec->fsrcs[i].field, rec->fsrcs[i].source, (long long)i + 1);
	}
	/* Delete what the input no longer has. */
	for (size_t i = 0; i < old.cap && rc == 0; i++) {
		if (!old.keys[i] || !old.vals[i])
			continue;
		note_changed(im, "field_sources");
		rc = value_source_write(im, rec, key, old.keys[i], NULL, 0);
	}
	if (exists && im->changed.len != changes_before) {
		member(&im->before, "field_sources");
		buf_printf(&im->before, "{%s}", oldjson.data);
		member(&im->after, "field_sources");
		buf_addch(&im->after, '{');
		for (size_t i = 0; i < rec->nfsrcs; i++)
			buf_printf(&im->after, "%s%J: %J", i ? ", " : "", rec->fsrcs[i].field, rec->fsrcs[i].source);
		buf_addch(&im->after, '}');
	}
	buf_free(&oldjson);
	strmap_free(&old);
	return rc;
}

/* Write the pending audit rows. Returns 0 or -1 (import marked failed). */
static int flush_audit(struct imp *im)
{
	size_t done = 0;
	while (done < im->naudit) {
		size_t n = im->naudit - done >= AUDIT_BATCH ? AUDIT_BATCH : 1;
		sqlite3_stmt *st = cached(im, n == 1 ? "audit1" : "auditN");
		if (!st) {
			buf_reset(&im->sql);
			buf_adds(
				&im->sql,
				"INSERT INTO audit_log(at, actor, action, tbl, record, before, after, context) VALUES");
			for (size_t i = 0; i < n; i++)
				buf_adds(&im->sql, i ? ", (?, ?, ?, ?, ?, ?, ?, ?)" : " (?, ?, ?, ?, ?, ?, ?, ?)");
			if (!(st = prepare_as(im, n == 1 ? "audit1" : "auditN")))
				return -1;
		}
		for (size_t i = 0; i < n; i++) {
			const struct audit_row *a = &im->audit[done + i];
			int p = (int)i * 8;
			sqlite3_bind_text(st, p + 1, im->now, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, p + 2, im->db->actor ? im->db->actor : "unknown", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, p + 3, a->action, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, p + 4, a->table, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, p + 5, a->record, -1, SQLITE_STATIC);
			if (a->before)
				sqlite3_bind_text(st, p + 6, a->before, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(st, p + 6);
			sqlite3_bind_text(st, p + 7, a->after, -1, SQLITE_STATIC);
			if (im->db->context)
				sqlite3_bind_text(st, p + 8, im->db->context, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(st, p + 8);
		}
		if (step_done(st) < 0) {
			diag_add(im->b->diag, NULL, 0, 0, _("the database refused the audit log: %s"),
				 sqlite3_errmsg(im->db->h));
			im->db_failed = 1;
			return -1;
		}
		done += n;
	}
	im->naudit = 0;
	return 0;
}

/* Write one record with its lists, years and field sources. */
static void write_record(struct imp *im, struct record *rec)
{
	const struct register_def *r = rec->reg;
	const char *key = rec->key ? rec->key : record_key(&im->b->arena, rec);
	int exists = 0;
	buf_reset(&im->changed);
	buf_reset(&im->before);
	buf_reset(&im->after);
	if (write_scalars(im, rec, &exists) < 0 || im->b->diag->count)
		return;
	for (size_t k = 0; k < r->nfields; k++)
		if ((r->fields[k].flags & F_LIST) && rec->vals[k].present)
			if (write_list(im, rec, &r->fields[k], key, exists) < 0)
				return;
	if (rec->nyears && write_years(im, rec, key, exists) < 0)
		return;
	if (rec->fsrc_present && write_field_sources(im, rec, key, exists) < 0)
		return;
	if (!exists || im->changed.len) {
		/* One audit entry for the record, written in batches. */
		struct audit_row *a;
		if (!exists)
			json_record_values(&im->after, rec);
		if (im->naudit == AUDIT_BATCH && flush_audit(im) < 0)
			return;
		a = &im->audit[im->naudit++];
		a->action = exists ? "update" : "insert";
		a->table = r->table;
		a->record = key;
		a->before = exists ? arena_printf(&im->b->arena, "{%s}", im->before.data) : NULL;
		a->after = arena_printf(&im->b->arena, "{%s}", im->after.data);
	}
	if (!exists) {
		im->res->added[r->id]++;
		if (im->o->details)
			buf_printf(&im->res->details, "+ %s/%s\n", r->name, key);
	} else if (im->changed.len) {
		im->res->changed[r->id]++;
		if (im->o->details)
			buf_printf(&im->res->details, "~ %s/%s: %s\n", r->name, key, im->changed.data);
	} else {
		im->res->unchanged[r->id]++;
	}
}

/* Resolve the CBS columns of kwb records to indicators; records of
 * columns no indicator uses are skipped and the columns noted once. */
static void resolve_kwb(struct imp *im)
{
	const struct register_def *ri = reg_get(REG_INDICATORS);
	const struct register_def *rv = reg_get(REG_INDICATOR_VALUES);
	int fcol = reg_field_index(ri, "cbs_column");
	int find = reg_field_index(rv, "indicator"), fval = reg_field_index(rv, "value");
	for (size_t i = 0; i < im->b->n; i++) {
		struct record *rec = im->b->recs[i];
		const char *col, *id = NULL;
		if (!rec->kwb)
			continue;
		col = rec->vals[find].text;
		if (strmap_has(&im->kwb, col)) {
			id = strmap_get(&im->kwb, col);
		} else {
			for (size_t j = 0; j < im->b->n && !id; j++) {
				struct record *ir = im->b->recs[j];
				if (ir->reg->id == REG_INDICATORS && ir->vals[fcol].present &&
				    !ir->vals[fcol].is_null && strcmp(ir->vals[fcol].text, col) == 0)
					id = ir->vals[0].text;
			}
			if (!id) {
				sqlite3_stmt *st =
					db_stmt(im->db, "SELECT id FROM indicator WHERE cbs_column = ?", im->e);
				if (st) {
					db_bind_text(st, 1, col);
					if (sqlite3_step(st) == SQLITE_ROW)
						id = arena_strdup(&im->b->arena, db_col_text(st, 0));
					sqlite3_reset(st);
				}
			}
			strmap_put(&im->kwb, col, (void *)id);
		}
		if (!id) {
			rec->skip = 1;
			char *k = mprintf("%s\x1f%s", rec->file, col);
			if (!strmap_has(&im->kwb_ignored, k)) {
				strmap_put(&im->kwb_ignored, arena_strdup(&im->b->arena, k), (void *)1);
				buf_printf(&im->res->notes,
					   _("%s: column \"%s\" ignored: no indicator has it as its cbs_column\n"),
					   rec->file, col);
			}
			free(k);
			continue;
		}
		const char *value = rec->vals[fval].text;
		int line = rec->vals[fval].line, col_no = rec->vals[fval].col;
		rec->vals[find].text = id;
		fval_parse(im->b, &rv->fields[fval], value, &rec->vals[fval], rec->file, line, col_no);
	}
}

/* Index the keys of the input; report duplicates. */
static void index_keys(struct imp *im)
{
	for (size_t i = 0; i < im->b->n; i++) {
		struct record *rec = im->b->recs[i];
		const char *key;
		struct record *first;
		if (rec->skip)
			continue;
		key = rec->key = record_key(&im->b->arena, rec);
		first = strmap_get(&im->keys[rec->reg->id], key);
		if (first) {
			diag_add(im->b->diag, rec->file, rec->line, rec->vals[0].col,
				 _("duplicate %s \"%s\" (first at %s:%d)"),
				 reg_nkeys(rec->reg) == 1 ? rec->reg->fields[0].key : _("key"), key, first->file,
				 first->line);
			continue;
		}
		strmap_put(&im->keys[rec->reg->id], key, rec);
	}
}

/* See import.h. */
int db_import(struct db *db, struct batch *b, const struct import_opts *o, struct import_result *res, struct err *e)
{
	struct imp im;
	int rc = 0;
	memset(&im, 0, sizeof(im));
	im.db = db;
	im.b = b;
	im.o = o;
	im.res = res;
	im.e = e;
	buf_init(&im.sql);
	buf_init(&im.changed);
	buf_init(&im.before);
	buf_init(&im.after);
	now_iso_ms(im.now);
	im.audit = xcalloc(AUDIT_BATCH, sizeof(*im.audit));
	if (b->diag->count) {
		free(im.audit);
		return E_INPUT;
	}
	/* A large import touches every page of the tables and the audit log
	 * many times; with the default 2 MiB cache SQLite spills pages to the
	 * WAL again and again (a million writes for 10,000 items). 256 MiB
	 * holds the whole transaction of the largest file we accept. (The
	 * statement journals stay in memory: temp_store, set by db_open.) */
	if (db_exec(db, "PRAGMA cache_size = -262144", e) < 0)
		return E_DB;
	if (db_begin(db, e) < 0)
		return E_DB;
	db->record_audit = 1;
	if (db_exec(db, "PRAGMA defer_foreign_keys = ON", e) < 0) {
		rc = E_DB;
		goto out;
	}
	resolve_kwb(&im);
	index_keys(&im);
	for (int r = 0; r < REG_COUNT && !diag_full(b->diag) && !im.db_failed; r++) {
		struct buf sql = BUF_INIT;
		buf_printf(&sql, "SELECT NOT EXISTS (SELECT 1 FROM \"%s\")", reg_get(r)->table);
		im.was_empty[r] = (int)db_int(db, sql.data, NULL, 0);
		buf_free(&sql);
		for (size_t i = 0; i < b->n && !diag_full(b->diag) && !im.db_failed; i++)
			if (b->recs[i]->reg->id == (enum reg_id)r && !b->recs[i]->skip)
				write_record(&im, b->recs[i]);
		if (!b->diag->count && !im.db_failed)
			flush_pending(&im);
	}
	if (!b->diag->count && !im.db_failed)
		flush_audit(&im);
	if (b->diag->count) {
		rc = E_INPUT;
	} else if (im.db_failed) {
		rc = E_DB;
		if (e && !e->code)
			db_fail(db, e, _("importing"));
	}
out:
	db->record_audit = 0;
	if (rc < 0 || o->dry_run) {
		db_rollback(db);
	} else if (db_commit(db, e) < 0) {
		rc = E_DB;
	}
	for (int r = 0; r < REG_COUNT; r++) {
		strmap_free(&im.keys[r]);
		strmap_free(&im.known[r]);
	}
	strmap_free(&im.kwb);
	strmap_free(&im.kwb_ignored);
	strmap_free(&im.stmts);
	strmap_free(&im.kinds);
	strmap_free(&im.scales);
	buf_free(&im.sql);
	buf_free(&im.changed);
	buf_free(&im.before);
	buf_free(&im.after);
	free(im.audit);
	return rc;
}
