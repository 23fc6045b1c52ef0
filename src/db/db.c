/*
 * db.c - opening, migrating and using the database; see db.h.
 */
#include "steiger.h"
#include "db/db.h"
#include "db/memo.h"
#include <sys/stat.h>

/* A cache of prepared statements keyed by their SQL text. */
struct stmt_cache {
	struct strmap map; /* SQL text -> sqlite3_stmt */
	char **texts;      /* owned copies of the keys */
	size_t n, cap;
};

/* SQL function steiger_actor(): who writes. */
static void fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);
	(void)argc;
	(void)argv;
	/* db->actor lives until db_set_actor() or db_close(), longer than
	 * any statement that calls this. */
	sqlite3_result_text(ctx, db->actor ? db->actor : "unknown", -1, SQLITE_STATIC);
}

/* SQL function steiger_context(): in what context. */
static void fn_context(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);
	(void)argc;
	(void)argv;
	if (db->context)
		sqlite3_result_text(ctx, db->context, -1, SQLITE_STATIC);
	else
		sqlite3_result_null(ctx);
}

/* SQL function steiger_row_audit(): whether the row triggers log (0 while
 * the register writer logs whole records itself). */
static void fn_row_audit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, !db->record_audit);
}

/* See db.h. */
int db_fail(struct db *db, struct err *e, const char *what)
{
	return err_set(e, E_DB, _("database error while %s: %s"), what, db && db->h ? sqlite3_errmsg(db->h) : "?");
}

/* See db.h. */
int db_exec(struct db *db, const char *sql, struct err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, E_DB, _("database error: %s"), msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return E_DB;
	}
	return 0;
}

/* See db.h. */
int db_version(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA user_version", NULL);
	int v = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}

/* See db.h. */
int db_migrate(struct db *db, int target, struct err *e)
{
	int v;
	char sql[64];
	if (target < 0 || target > db_migration_count)
		target = db_migration_count;
	if (db_exec(db, "BEGIN IMMEDIATE", e) < 0)
		return E_DB;
	v = db_version(db);
	if (v > db_migration_count) {
		db_rollback(db);
		return err_set(e, E_DB,
			       _("%s has schema version %d, made by a newer steiger; this one knows versions up to %d"),
			       db->path, v, db_migration_count);
	}
	for (; v < target; v++) {
		if (db_exec(db, db_migrations[v], e) < 0) {
			db_rollback(db);
			return E_DB;
		}
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
	if (db_exec(db, sql, e) < 0 || audit_install(db, e) < 0) {
		db_rollback(db);
		return E_DB;
	}
	return db_commit(db, e);
}

/* See db.h. */
int db_open(struct db **out, const char *path, int flags, struct err *e)
{
	struct db *db = xcalloc(1, sizeof(*db));
	struct stat st;
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	static int configured;
	*out = NULL;
	if (!configured) {
		/* No memory statistics: they cost a global mutex on every
		 * allocation and steiger does not read them. Only possible
		 * before SQLite initialises; later calls are harmless no-ops. */
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		db_configure_memory();
		configured = 1;
	}
	db->path = xstrdup(path);
	db->cache = xcalloc(1, sizeof(*db->cache));
	if (stat(path, &st) < 0) {
		if (!(flags & DB_CREATE)) {
			err_set(e, E_DB,
				_("no database at %s; create one with 'steiger init' or 'steiger init --example'"),
				path);
			db_close(db);
			return E_DB;
		}
		oflags |= SQLITE_OPEN_CREATE;
	}
	if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
		db_fail(db, e, _("opening the database"));
		db_close(db);
		return E_DB;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 5000);
	/* Not SQLITE_DETERMINISTIC (the actor changes between statements) and
	 * not SQLITE_DIRECTONLY (the audit triggers call them). */
	sqlite3_create_function(db->h, "steiger_actor", 0, SQLITE_UTF8, db, fn_actor, NULL, NULL);
	sqlite3_create_function(db->h, "steiger_context", 0, SQLITE_UTF8, db, fn_context, NULL, NULL);
	sqlite3_create_function(db->h, "steiger_row_audit", 0, SQLITE_UTF8, db, fn_row_audit, NULL, NULL);
	if (db_exec(db, "PRAGMA journal_mode = WAL", e) < 0 || db_exec(db, "PRAGMA foreign_keys = ON", e) < 0 ||
	    db_exec(db, "PRAGMA synchronous = NORMAL", e) < 0 || db_exec(db, "PRAGMA temp_store = MEMORY", e) < 0 ||
	    db_exec(db, "PRAGMA mmap_size = 268435456", e) < 0) {
		err_set(e, E_DB, _("%s is not a steiger database (%s)"), path, e ? e->msg : "");
		db_close(db);
		return E_DB;
	}
	if (!(flags & DB_NO_MIGRATE) && db_version(db) != db_migration_count) {
		if (db_migrate(db, -1, e) < 0) {
			db_close(db);
			return E_DB;
		}
	}
	*out = db;
	return 0;
}

/* See db.h. */
void db_close(struct db *db)
{
	if (!db)
		return;
	db_memo_clear(db);
	if (db->cache) {
		struct strmap *m = &db->cache->map;
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				sqlite3_finalize(m->vals[i]);
		strmap_free(m);
		for (size_t i = 0; i < db->cache->n; i++)
			free(db->cache->texts[i]);
		free(db->cache->texts);
		free(db->cache);
	}
	if (db->h)
		sqlite3_close(db->h);
	free(db->path);
	free(db->actor);
	free(db->context);
	free(db);
}

/* See db.h. */
void db_set_actor(struct db *db, const char *actor, const char *context)
{
	free(db->actor);
	free(db->context);
	db->actor = actor ? xstrdup(actor) : NULL;
	db->context = context ? xstrdup(context) : NULL;
}

/* See db.h. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct err *e)
{
	sqlite3_stmt *st = strmap_get(&db->cache->map, sql);
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(db, e, _("preparing a statement"));
		return NULL;
	}
	char *key = xstrdup(sql);
	ARRAY_GROW(db->cache->texts, db->cache->cap, db->cache->n + 1);
	db->cache->texts[db->cache->n++] = key;
	strmap_put(&db->cache->map, key, st);
	return st;
}

/* See db.h. */
int db_begin(struct db *db, struct err *e)
{
	return db_exec(db, "BEGIN IMMEDIATE", e);
}

/* See db.h. */
int db_commit(struct db *db, struct err *e)
{
	if (db_exec(db, "COMMIT", e) < 0) {
		db_rollback(db);
		return E_DB;
	}
	return 0;
}

/* See db.h. */
void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

/* See db.h. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* See db.h. */
const char *db_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* See db.h. */
long long db_int(struct db *db, const char *sql, const char *param, long long dflt)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	long long v = dflt;
	if (!st)
		return dflt;
	if (param)
		db_bind_text(st, 1, param);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}
