/*
 * audit.c - the audit log: triggers that record every write.
 *
 * For every table but the log itself, three triggers write a row to
 * audit_log after each INSERT, UPDATE (only when a value really changed)
 * and DELETE, unless the writer logs whole records itself
 * (steiger_row_audit() is 0 while db_import runs): when (UTC, milliseconds), who (steiger_actor()), what action,
 * which table and record (its primary key, parts joined by '/'), the row
 * before and after as JSON objects, and the context (steiger_context()).
 * The triggers are generated from the live schema after every migration, so
 * a new column is audited without anyone remembering to.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/db.h"

/* Tables that are not audited: the log itself, the web sessions and
 * failed logins (not changes of the agenda), and the full-text index
 * (a copy of the items; SQLite cannot put triggers on virtual tables). */
static const char *const unaudited[] = { "audit_log", "session", "login_attempt", NULL };

/* Columns whose values never go into the log: it records that a secret
 * was set or changed, not the (hashed) secret. */
static const char *const secret_columns[] = { "password_hash", "token_hash", NULL };

/* Append json_object('c1', P.c1, ...) for the columns to b; a secret
 * column gives only whether it is set. */
static void add_json_row(struct buf *b, char **cols, size_t n, const char *prefix)
{
	buf_adds(b, "json_object(");
	for (size_t i = 0; i < n; i++) {
		if (enum_has(secret_columns, cols[i]))
			buf_printf(b, "%s'%q', CASE WHEN %s.\"%s\" IS NULL THEN NULL ELSE 'set' END", i ? ", " : "",
				   cols[i], prefix, cols[i]);
		else
			buf_printf(b, "%s'%q', %s.\"%s\"", i ? ", " : "", cols[i], prefix, cols[i]);
	}
	buf_addch(b, ')');
}

/* Append the record id expression (primary key columns joined by '/'). */
static void add_record_id(struct buf *b, char **pk, size_t npk, const char *prefix)
{
	if (!npk) {
		buf_printf(b, "CAST(%s.rowid AS TEXT)", prefix);
		return;
	}
	for (size_t i = 0; i < npk; i++)
		buf_printf(b, "%sCAST(%s.\"%s\" AS TEXT)", i ? " || '/' || " : "", prefix, pk[i]);
}

/* Create the three triggers for table t. */
static int install_table(struct db *db, const char *t, struct err *e)
{
	char **cols = NULL, *pk[16];
	size_t ncols = 0, cap = 0, npk = 0;
	struct buf sql = BUF_INIT;
	int rc = 0;
	sqlite3_stmt *st;
	/* table_info can't take a bound table name; the name comes from
	 * sqlite_schema, and pragma_table_info() as a table-valued function
	 * takes it as a parameter. */
	st = db_stmt(db, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, t);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int pkpos = sqlite3_column_int(st, 1);
		ARRAY_GROW(cols, cap, ncols + 1);
		cols[ncols] = xstrdup(db_col_text(st, 0));
		if (pkpos > 0 && pkpos <= (int)ARRAY_SIZE(pk))
			pk[pkpos - 1] = cols[ncols];
		if (pkpos > (int)npk)
			npk = (size_t)pkpos;
		ncols++;
	}
	sqlite3_reset(st);
	static const char *const actions[] = { "insert", "update", "delete" };
	for (int a = 0; a < 3 && rc == 0; a++) {
		buf_reset(&sql);
		buf_printf(&sql, "CREATE TRIGGER \"audit_%s_%s\" AFTER %s ON \"%s\" WHEN steiger_row_audit() ", t,
			   actions[a],
			   a == 0   ? "INSERT"
			   : a == 1 ? "UPDATE"
				    : "DELETE",
			   t);
		if (a == 1) {
			buf_adds(&sql, "AND (");
			for (size_t i = 0; i < ncols; i++)
				buf_printf(&sql, "%sOLD.\"%s\"", i ? ", " : "", cols[i]);
			buf_adds(&sql, ") IS NOT (");
			for (size_t i = 0; i < ncols; i++)
				buf_printf(&sql, "%sNEW.\"%s\"", i ? ", " : "", cols[i]);
			buf_adds(&sql, ") ");
		}
		buf_printf(&sql,
			   "BEGIN INSERT INTO audit_log(at, actor, action, tbl, record, before, after, context) "
			   "VALUES(strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), steiger_actor(), '%s', '%q', ",
			   actions[a], t);
		add_record_id(&sql, pk, npk, a == 2 ? "OLD" : "NEW");
		buf_adds(&sql, ", ");
		if (a == 0)
			buf_adds(&sql, "NULL");
		else
			add_json_row(&sql, cols, ncols, "OLD");
		buf_adds(&sql, ", ");
		if (a == 2)
			buf_adds(&sql, "NULL");
		else
			add_json_row(&sql, cols, ncols, "NEW");
		buf_adds(&sql, ", steiger_context()); END");
		rc = db_exec(db, sql.data, e);
	}
	for (size_t i = 0; i < ncols; i++)
		free(cols[i]);
	free(cols);
	buf_free(&sql);
	return rc;
}

/* See db.h. */
int audit_install(struct db *db, struct err *e)
{
	sqlite3_stmt *st;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct buf sql = BUF_INIT;
	/* Drop the old triggers first. */
	st = db_stmt(db, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'",
		     e);
	if (!st)
		return E_DB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ARRAY_GROW(names, cap, n + 1);
		names[n++] = xstrdup(db_col_text(st, 0));
	}
	sqlite3_reset(st);
	for (size_t i = 0; i < n && rc == 0; i++) {
		buf_reset(&sql);
		buf_printf(&sql, "DROP TRIGGER \"%s\"", names[i]);
		rc = db_exec(db, sql.data, e);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	n = 0;
	/* Real tables only: not virtual tables, nor the shadow tables SQLite
	 * keeps for them (item_fts_data, ...). */
	st = db_stmt(db,
		     "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
		     "AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' ORDER BY name",
		     e);
	if (!st) {
		free(names);
		buf_free(&sql);
		return E_DB;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = db_col_text(st, 0);
		int skip = 0;
		for (int k = 0; unaudited[k]; k++)
			if (strcmp(t, unaudited[k]) == 0)
				skip = 1;
		if (skip)
			continue;
		ARRAY_GROW(names, cap, n + 1);
		names[n++] = xstrdup(t);
	}
	sqlite3_reset(st);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = install_table(db, names[i], e);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_free(&sql);
	return rc;
}
