/*
 * memo.h - results computed from the database, kept on the connection
 * until the data changes.
 *
 * The home page shows the agenda at a glance (db_status) and what needs
 * attention (db_check) on every request; both read every item. The web
 * server keeps one connection per thread, so each connection keeps the
 * last result of each such computation with the version of the data it
 * was computed from, and computes again only when that version changed.
 *
 * The version is the pair (PRAGMA data_version, sqlite3_total_changes64):
 * the first changes when another connection (another thread, the command
 * line) committed a change, the second when this connection wrote. Both
 * only grow while the connection is open. A result is kept only when it
 * was computed outside a transaction of the caller (a computation inside
 * one would see writes that may still be rolled back); it is computed in
 * one read transaction (one snapshot of the data), begun after the version
 * was read, so a change committed in between makes the kept result stale
 * at once. A change therefore shows on the next request of every thread.
 *
 *     struct db_memo_read r;
 *     const struct x *kept = db_memo_begin(db, DB_MEMO_X, key, &r);
 *     if (kept) { copy kept; db_memo_end(db, DB_MEMO_X, key, &r, NULL, NULL); }
 *     else { compute; db_memo_end(db, DB_MEMO_X, key, &r, copy_or_NULL, free_x); }
 */
#ifndef STEIGER_DB_MEMO_H
#define STEIGER_DB_MEMO_H

#include "db/db.h"

/* The computations whose results a connection keeps. */
enum db_memo_slot {
	DB_MEMO_STATUS, /* db_status */
	DB_MEMO_CHECK,  /* db_check without the full scans */
	DB_MEMO_SLOTS
};

/* One kept result. */
struct db_memo {
	long long version;          /* PRAGMA data_version when computed */
	long long changes;          /* the connection's total changes then */
	char key[64];               /* what else it depends on (year, date, language) */
	void *value;                /* the result, or NULL when none is kept */
	void (*free_value)(void *); /* frees value */
};

/* A read that may use or keep a result. */
struct db_memo_read {
	int usable;        /* 0 inside the caller's transaction: keep nothing */
	int own_txn;       /* 1 when db_memo_begin began a read transaction */
	long long version; /* PRAGMA data_version when it began */
	long long changes; /* sqlite3_total_changes64 when it began */
};

/* Begin a read: note the version of the data (see the header comment).
 * Returns the result kept in slot for key when the data has not changed
 * since it was computed. Else NULL, and a read transaction is begun when
 * the result may be kept: compute, then db_memo_end. */
const void *db_memo_begin(struct db *db, enum db_memo_slot slot, const char *key, struct db_memo_read *r);

/* End the read r: end its read transaction, and keep value (NULL: none;
 * owned from now on, freed with free_value) as the result of slot for key
 * at the version noted by db_memo_begin; when r is not usable, value is
 * freed at once. */
void db_memo_end(struct db *db, enum db_memo_slot slot, const char *key, struct db_memo_read *r, void *value,
		 void (*free_value)(void *));

/* Free every kept result of db (db_close calls it). */
void db_memo_clear(struct db *db);

#endif
