/*
 * memo.h - results computed from the database, kept on the connection
 * until the data changes.
 *
 * The home page shows the agenda at a glance (db_status) and what needs
 * attention (db_check) on every request; both read every item. Every
 * request also looks up its session and account. The web server keeps one
 * connection per thread, so each connection keeps these results with the
 * version of the data they were computed from, and computes again only
 * when that version changed.
 *
 * The version is the pair (PRAGMA data_version, sqlite3_total_changes64):
 * the first changes when another connection (another thread, the command
 * line) committed a change, the second when this connection wrote. Both
 * only grow while the connection is open. The version is always read
 * before the computation whose result is kept under it, so a change
 * committed in between makes the kept result stale at once; a change
 * therefore shows on the next request of every thread. Nothing is kept
 * from inside a caller's transaction (its writes may still be rolled
 * back). Within one request of the server (db_memo_request) the data
 * version is read once, so all kept results a request uses come from the
 * same version; this connection's own writes still count at once.
 *
 * A computation in one snapshot (db_status, db_check):
 *
 *     struct db_memo_read r;
 *     const struct x *kept = db_memo_begin(db, DB_MEMO_X, key, &r);
 *     if (kept) { copy kept; db_memo_end(db, DB_MEMO_X, key, &r, NULL, NULL); }
 *     else { compute; db_memo_end(db, DB_MEMO_X, key, &r, copy_or_NULL, free_x); }
 *
 * A table of rows looked up one by one (sessions, accounts):
 * db_memo_version, then db_memo_get; on a miss, read the row and add it to
 * the table (db_memo_put a new table when there was none).
 */
#ifndef STEIGER_DB_MEMO_H
#define STEIGER_DB_MEMO_H

#include "db/db.h"

/* The results a connection keeps. */
enum db_memo_slot {
	DB_MEMO_STATUS,   /* db_status */
	DB_MEMO_CHECK,    /* db_check without the full scans */
	DB_MEMO_SESSIONS, /* sessions looked up lately (account.c) */
	DB_MEMO_ACCOUNTS, /* accounts looked up lately (account.c) */
	DB_MEMO_PAGES,    /* pages rendered lately (web/page_keep.c) */
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

/* What a connection keeps (db->memo). */
struct db_memos {
	struct db_memo slot[DB_MEMO_SLOTS]; /* the kept results */
	int in_request;                     /* between db_memo_request calls */
	int version_known;                  /* data_version was read in this request */
	long long version;                  /* the data_version read */
};

/* A read that may use or keep a result. */
struct db_memo_read {
	int usable;        /* 0 inside the caller's transaction: keep nothing */
	int own_txn;       /* 1 when db_memo_begin began a read transaction */
	long long version; /* PRAGMA data_version when it began */
	long long changes; /* sqlite3_total_changes64 when it began */
};

/* A request of the server begins: read the data version again when it is
 * next needed, and then only once until the next call. */
void db_memo_request(struct db *db);

/* Note the version of the data in r. Returns r->usable: 0 inside the
 * caller's transaction (or when the version cannot be read). */
int db_memo_version(struct db *db, struct db_memo_read *r);

/* The value kept in slot for key at the version of r (usable), or NULL;
 * the caller may add to it (a table). */
void *db_memo_get(struct db *db, enum db_memo_slot slot, const char *key, const struct db_memo_read *r);

/* Keep value (owned from now on, freed with free_value) as slot's for key
 * at the version of r, in place of what it held; when r is not usable
 * (or the key is too long), value is freed at once. */
void db_memo_put(struct db *db, enum db_memo_slot slot, const char *key, const struct db_memo_read *r, void *value,
		 void (*free_value)(void *));

/* Begin a read: note the version of the data. Returns the result kept in
 * slot for key when the data has not changed since it was computed. Else
 * NULL, and a read transaction (one snapshot) is begun when the result may
 * be kept: compute, then db_memo_end. */
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
