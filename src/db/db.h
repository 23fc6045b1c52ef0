/*
 * db.h - the SQLite database: opening, migrations, statements, transactions.
 *
 * One struct db is one connection (the web server has one per thread). It
 * knows who is writing (the actor) and in what context, which the audit
 * triggers read through the SQL functions steiger_actor() and
 * steiger_context(); a connection without them (the sqlite3 shell) cannot
 * write to audited tables, so no write escapes the audit log. The register
 * writer (import.c) logs one entry per record with the fields it changed,
 * before and after, and silences the row triggers while it does
 * (record_audit); every other write is logged row by row by the triggers.
 *
 * Only prepared statements with bound parameters reach SQLite. SQL text is
 * either a literal of the program or built from the register tables (column
 * names), never from input. Statements are cached per connection.
 */
#ifndef STEIGER_DB_H
#define STEIGER_DB_H

#include <sqlite3.h>
#include "lib/err.h"

struct stmt_cache;
struct db_memos;

struct db {
	sqlite3 *h;               /* the connection */
	char *path;               /* the database file */
	char *actor;              /* who writes: "cli:jan", an account name */
	char *context;            /* what writes: "import items.csv", "set" */
	struct stmt_cache *cache; /* prepared statements by SQL text */
	struct db_memos *memo;    /* results kept until the data changes
				      (memo.h), or NULL */
	int record_audit;         /* 1 while the writer (db_import) logs
				      whole records itself: the row triggers
				      then stay silent (steiger_row_audit()) */
};

/* Flags of db_open(). */
enum {
	DB_CREATE = 1,     /* create the file when it does not exist */
	DB_NO_MIGRATE = 2, /* do not apply missing migrations (tests) */
};

/* Open the database at path: WAL, foreign keys, busy timeout, the audit
 * functions, and the missing migrations unless DB_NO_MIGRATE. Returns 0, or
 * E_DB with a message in e (no such file, not a database, made by a newer
 * steiger). */
int db_open(struct db **out, const char *path, int flags, struct err *e);

/* Close the connection and free db (NULL is allowed). */
void db_close(struct db *db);

/* Set who writes and in what context (copied). */
void db_set_actor(struct db *db, const char *actor, const char *context);

/* The schema version (PRAGMA user_version). */
int db_version(struct db *db);

/* Apply migrations up to version target (-1: all) in one transaction and
 * reinstall the audit triggers. Returns 0 or E_DB. */
int db_migrate(struct db *db, int target, struct err *e);

/* Run SQL that is a literal of the program and takes no parameters (DDL,
 * PRAGMA, BEGIN). Returns 0 or E_DB. */
int db_exec(struct db *db, const char *sql, struct err *e);

/* A prepared statement for sql, from the cache, reset and with its
 * bindings cleared. Owned by the cache: do not finalize. NULL with E_DB in
 * e when SQLite refuses the text (a bug). */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct err *e);

/* Begin an immediate transaction / commit / roll back. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);

/* Record a database failure in e as E_DB, with SQLite's message but never
 * the SQL text; what says what was being done. Returns E_DB. */
int db_fail(struct db *db, struct err *e, const char *what);

/* Bind a NUL-terminated string (NULL binds NULL). */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);

/* Column i of the current row as text, or NULL. */
const char *db_col_text(sqlite3_stmt *st, int i);

/* The first column of the first row of a query with one text parameter
 * (NULL for none) as a whole number, or dflt when there is no row. */
long long db_int(struct db *db, const char *sql, const char *param, long long dflt);

/* The migrations of schema.c. */
extern const char *const db_migrations[];
extern const int db_migration_count;

/* Give SQLite steiger's allocator (sqlmem.c); before SQLite initialises. */
void db_configure_memory(void);

/* Install the audit triggers on every table (audit.c). */
int audit_install(struct db *db, struct err *e);

#endif
