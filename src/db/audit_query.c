/*
 * audit_query.c - reading the audit log back; see audit_query.h.
 *
 * The SQL text is put together from literal clauses of this file only,
 * one per filter that is given; every value is a bound parameter, numbered
 * the same in every variant (?1 actor ... ?9 limit).
 */
#include "steiger.h"
#include "db/audit_query.h"

/* The parameter numbers of the clauses. */
enum { P_ACTOR = 1, P_TABLE, P_RECORD, P_ACTION, P_FROM, P_UNTIL, P_TEXT, P_CURSOR, P_LIMIT };

/* Whether a filter value is given. */
static int given(const char *s)
{
	return s && *s;
}

/* Append the WHERE clause of f to sql. */
static void add_where(struct buf *sql, const struct audit_filter *f)
{
	buf_adds(sql, " WHERE 1");
	if (given(f->actor))
		buf_adds(sql, " AND actor = ?1");
	if (given(f->table))
		buf_adds(sql, " AND tbl = ?2");
	if (given(f->record))
		buf_adds(sql, " AND (record = ?3 OR substr(record, 1, length(?3) + 1) = ?3 || '/'"
			      " OR (tbl = 'value_source' AND instr(record, '/' || ?3 || '/') > 0))");
	if (given(f->action))
		buf_adds(sql, " AND action = ?4");
	if (given(f->from))
		buf_adds(sql, " AND at >= ?5");
	if (given(f->until))
		buf_adds(sql, " AND at < ?6");
	if (given(f->text))
		buf_adds(sql,
			 " AND (record LIKE ?7 ESCAPE '\\' OR before LIKE ?7 ESCAPE '\\'"
			 " OR after LIKE ?7 ESCAPE '\\' OR actor LIKE ?7 ESCAPE '\\' OR context LIKE ?7 ESCAPE '\\')");
	if (f->hide_accounts)
		buf_adds(sql, " AND tbl NOT IN ('account', 'api_token')");
}

/* The LIKE pattern for free text: %text% with %, _ and \ escaped. */
static char *like_pattern(struct arena *a, const char *text)
{
	struct buf b = BUF_INIT;
	char *s;
	buf_addch(&b, '%');
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_addch(&b, '\\');
		buf_addch(&b, *p);
	}
	buf_addch(&b, '%');
	s = arena_strdup(a, b.data);
	buf_free(&b);
	return s;
}

/* Bind the filter values of f (those that are given) to st. */
static void bind_filter(sqlite3_stmt *st, const struct audit_filter *f, const char *pattern)
{
	if (given(f->actor))
		db_bind_text(st, P_ACTOR, f->actor);
	if (given(f->table))
		db_bind_text(st, P_TABLE, f->table);
	if (given(f->record))
		db_bind_text(st, P_RECORD, f->record);
	if (given(f->action))
		db_bind_text(st, P_ACTION, f->action);
	if (given(f->from))
		db_bind_text(st, P_FROM, f->from);
	if (given(f->until))
		db_bind_text(st, P_UNTIL, f->until);
	if (pattern)
		db_bind_text(st, P_TEXT, pattern);
}

/* Column i of st copied into a (NULL stays NULL). */
static const char *col_dup(struct arena *a, sqlite3_stmt *st, int i)
{
	return arena_strdup(a, db_col_text(st, i));
}

/* Whether an entry matching f exists with an id beyond cursor: newer
 * (id > cursor) or older (id < cursor). Returns 1, 0 or E_DB. */
static int exists_beyond(struct db *db, const struct audit_filter *f, const char *pattern, long long cursor, int newer,
			 struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int rc;
	buf_adds(&sql, "SELECT 1 FROM audit_log");
	add_where(&sql, f);
	buf_adds(&sql, newer ? " AND id > ?8 LIMIT 1" : " AND id < ?8 LIMIT 1");
	st = db_stmt(db, sql.data, e);
	buf_free(&sql);
	if (!st)
		return E_DB;
	bind_filter(st, f, pattern);
	sqlite3_bind_int64(st, P_CURSOR, cursor);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(db, e, _("reading the audit log"));
}

/* Count the entries matching f, up to AUDIT_COUNT_MAX + 1. Returns the
 * count or E_DB. */
static long long count_matching(struct db *db, const struct audit_filter *f, const char *pattern, struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	long long n = 0;
	int rc;
	buf_adds(&sql, "SELECT count(*) FROM (SELECT 1 FROM audit_log");
	add_where(&sql, f);
	buf_adds(&sql, " LIMIT ?9)");
	st = db_stmt(db, sql.data, e);
	buf_free(&sql);
	if (!st)
		return E_DB;
	bind_filter(st, f, pattern);
	sqlite3_bind_int(st, P_LIMIT, AUDIT_COUNT_MAX + 1);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? n : db_fail(db, e, _("reading the audit log"));
}

/* See audit_query.h. */
int db_audit_query(struct db *db, const struct audit_filter *f, struct arena *a, struct audit_page *out, struct err *e)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int limit = f->limit < 1 ? 1 : f->limit > AUDIT_PAGE_MAX ? AUDIT_PAGE_MAX : f->limit;
	int newer_page = f->after_id > 0 && f->before_id <= 0;
	const char *pattern = given(f->text) ? like_pattern(a, f->text) : NULL;
	size_t cap = (size_t)limit + 1;
	int rc;
	memset(out, 0, sizeof(*out));
	out->entries = arena_calloc(a, cap, sizeof(*out->entries));
	buf_adds(&sql, "SELECT id, at, actor, action, tbl, record, before, after, context FROM audit_log");
	add_where(&sql, f);
	if (newer_page)
		buf_adds(&sql, " AND id > ?8 ORDER BY id ASC LIMIT ?9");
	else if (f->before_id > 0)
		buf_adds(&sql, " AND id < ?8 ORDER BY id DESC LIMIT ?9");
	else
		buf_adds(&sql, " ORDER BY id DESC LIMIT ?9");
	st = db_stmt(db, sql.data, e);
	buf_free(&sql);
	if (!st)
		return E_DB;
	bind_filter(st, f, pattern);
	if (newer_page || f->before_id > 0)
		sqlite3_bind_int64(st, P_CURSOR, newer_page ? f->after_id : f->before_id);
	sqlite3_bind_int(st, P_LIMIT, limit + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry *en = &out->entries[out->n++];
		en->id = sqlite3_column_int64(st, 0);
		en->at = col_dup(a, st, 1);
		en->actor = col_dup(a, st, 2);
		en->action = col_dup(a, st, 3);
		en->tbl = col_dup(a, st, 4);
		en->record = col_dup(a, st, 5);
		en->before = col_dup(a, st, 6);
		en->after = col_dup(a, st, 7);
		en->context = col_dup(a, st, 8);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, _("reading the audit log"));
	/* One more than the page was read to know whether there are more. */
	int more = out->n > (size_t)limit;
	if (more)
		out->n = (size_t)limit;
	if (newer_page) {
		/* Read oldest first: turn around to newest first. */
		for (size_t i = 0; i < out->n / 2; i++) {
			struct audit_entry t = out->entries[i];
			out->entries[i] = out->entries[out->n - 1 - i];
			out->entries[out->n - 1 - i] = t;
		}
		out->more_newer = more;
		if (out->n && (rc = exists_beyond(db, f, pattern, out->entries[out->n - 1].id, 0, e)) < 0)
			return rc;
		out->more_older = out->n ? rc : 0;
	} else {
		out->more_older = more;
		if (out->n && (rc = exists_beyond(db, f, pattern, out->entries[0].id, 1, e)) < 0)
			return rc;
		out->more_newer = out->n ? rc : 0;
	}
	if (!out->more_older && !out->more_newer && (out->n || (f->before_id <= 0 && f->after_id <= 0))) {
		out->total = (long long)out->n; /* all of them are on this page */
		return 0;
	}
	long long total = count_matching(db, f, pattern, e);
	if (total < 0)
		return (int)total;
	out->total = total;
	return 0;
}

/* See audit_query.h. */
int db_audit_tables(struct db *db, int hide_accounts, struct arena *a, const char ***out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT DISTINCT tbl FROM audit_log ORDER BY tbl", e);
	const char **list = NULL;
	size_t n = 0, cap = 0;
	int rc;
	*out = NULL;
	if (!st)
		return E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = db_col_text(st, 0);
		if (!t || (hide_accounts && (strcmp(t, "account") == 0 || strcmp(t, "api_token") == 0)))
			continue;
		if (n + 1 >= cap) {
			size_t ncap = cap ? cap * 2 : 32;
			const char **grown = arena_calloc(a, ncap, sizeof(*grown));
			if (n)
				memcpy(grown, list, n * sizeof(*grown));
			list = grown;
			cap = ncap;
		}
		list[n++] = arena_strdup(a, t);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, _("reading the audit log"));
	if (!list)
		list = arena_calloc(a, 1, sizeof(*list));
	list[n] = NULL;
	*out = list;
	return 0;
}
