/*
 * dbtest.h - helpers for unit tests that need a real SQLite database file:
 * a fresh temporary directory per test, opening a database in it, and
 * importing text as if it were a file.
 */
#ifndef STEIGER_DBTEST_H
#define STEIGER_DBTEST_H

#include "unit.h"
#include "db/db.h"
#include "db/import.h"
#include <unistd.h>

/* A temporary directory and database path for one test. */
struct dbtest {
	char dir[64];  /* the directory, removed by dbtest_done() */
	char path[96]; /* dir/test.db */
	struct db *db; /* the open database, or NULL */
};

/* Make a fresh directory and open (creating and migrating) dir/test.db. */
static inline void dbtest_open(struct dbtest *t)
{
	struct err e = { 0, "" };
	snprintf(t->dir, sizeof(t->dir), "%s/steiger-unit-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof(t->path), "%s/test.db", t->dir);
	if (db_open(&t->db, t->path, DB_CREATE, &e) != 0)
		fail_msg("db_open: %s", e.msg);
	db_set_actor(t->db, "unit-test", "test");
}

/* Close the database and remove the directory and its files. */
static inline void dbtest_done(struct dbtest *t)
{
	static const char *const files[] = { "test.db", "test.db-wal", "test.db-shm" };
	db_close(t->db);
	t->db = NULL;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char p[160];
		snprintf(p, sizeof(p), "%s/%s", t->dir, files[i]);
		unlink(p);
	}
	rmdir(t->dir);
}

/*
 * Import the files given as (name, text) pairs, ended by a NULL name, in
 * one batch. Returns the import's code; the diagnostics are left in *d
 * (initialised here; the caller frees it) and the result in *res when res
 * is not NULL.
 */
static inline int dbtest_import(struct dbtest *t, struct diag *d, struct import_result *res, int dry_run, ...)
{
	struct batch b;
	struct import_result local;
	struct import_opts o = { dry_run, 1 };
	struct err e = { 0, "" };
	va_list ap;
	const char *name;
	int rc;
	diag_init(d, 50);
	batch_init(&b, d, "unit-test");
	if (!res)
		res = &local;
	import_result_init(res);
	va_start(ap, dry_run);
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *text = va_arg(ap, const char *);
		batch_add_file(&b, name, text, strlen(text), NULL);
	}
	va_end(ap);
	rc = db_import(t->db, &b, &o, res, &e);
	if (rc == E_DB)
		fail_msg("db_import: %s", e.msg);
	batch_free(&b);
	if (res == &local)
		import_result_free(&local);
	return rc;
}

/* The single integer a literal query returns. */
static inline long long dbtest_int(struct dbtest *t, const char *sql)
{
	return db_int(t->db, sql, NULL, -1);
}

#endif
