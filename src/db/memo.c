/*
 * memo.c - results kept until the data changes; see memo.h.
 */
#include "steiger.h"
#include "db/memo.h"

/* Free the result kept in m. */
static void memo_drop(struct db_memo *m)
{
	if (m->value && m->free_value)
		m->free_value(m->value);
	m->value = NULL;
}

/* Run a statement without parameters or result (BEGIN, COMMIT) from the
 * statement cache. Returns 0 or -1. */
static int run_plain(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	int rc;
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* db->memo, made on first use. */
static struct db_memos *memos(struct db *db)
{
	if (!db->memo)
		db->memo = xcalloc(1, sizeof(*db->memo));
	return db->memo;
}

/* See memo.h. */
void db_memo_request(struct db *db)
{
	struct db_memos *ms = memos(db);
	ms->in_request = 1;
	ms->version_known = 0;
}

/* See memo.h. */
int db_memo_version(struct db *db, struct db_memo_read *r)
{
	struct db_memos *ms = memos(db);
	sqlite3_stmt *st;
	memset(r, 0, sizeof(*r));
	if (!sqlite3_get_autocommit(db->h))
		return 0; /* the caller's transaction: its writes may be undone */
	if (!ms->in_request || !ms->version_known) {
		if (!(st = db_stmt(db, "PRAGMA data_version", NULL)))
			return 0;
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			return 0;
		}
		ms->version = sqlite3_column_int64(st, 0);
		ms->version_known = 1;
		sqlite3_reset(st);
	}
	r->version = ms->version;
	r->changes = sqlite3_total_changes64(db->h);
	r->usable = 1;
	return 1;
}

/* See memo.h. */
void *db_memo_get(struct db *db, enum db_memo_slot slot, const char *key, const struct db_memo_read *r)
{
	struct db_memo *m = &memos(db)->slot[slot];
	if (!r->usable || !m->value)
		return NULL;
	if (m->version == r->version && m->changes == r->changes && strcmp(m->key, key) == 0)
		return m->value;
	return NULL;
}

/* See memo.h. */
void db_memo_put(struct db *db, enum db_memo_slot slot, const char *key, const struct db_memo_read *r, void *value,
		 void (*free_value)(void *))
{
	struct db_memo *m = &memos(db)->slot[slot];
	if (!r->usable || strlen(key) >= sizeof(m->key)) {
		free_value(value);
		return;
	}
	memo_drop(m);
	m->version = r->version;
	m->changes = r->changes;
	memcpy(m->key, key, strlen(key) + 1);
	m->value = value;
	m->free_value = free_value;
}

/* See memo.h. */
const void *db_memo_begin(struct db *db, enum db_memo_slot slot, const char *key, struct db_memo_read *r)
{
	const void *kept;
	if (!db_memo_version(db, r))
		return NULL;
	if ((kept = db_memo_get(db, slot, key, r)))
		return kept;
	/* One snapshot for the whole computation. */
	if (run_plain(db, "BEGIN") == 0)
		r->own_txn = 1;
	else
		r->usable = 0;
	return NULL;
}

/* See memo.h. */
void db_memo_end(struct db *db, enum db_memo_slot slot, const char *key, struct db_memo_read *r, void *value,
		 void (*free_value)(void *))
{
	if (r->own_txn && run_plain(db, "COMMIT") < 0) {
		db_rollback(db);
		r->usable = 0;
	}
	r->own_txn = 0;
	if (value)
		db_memo_put(db, slot, key, r, value, free_value);
}

/* See memo.h. */
void db_memo_clear(struct db *db)
{
	if (!db->memo)
		return;
	for (size_t i = 0; i < DB_MEMO_SLOTS; i++)
		memo_drop(&db->memo->slot[i]);
	free(db->memo);
	db->memo = NULL;
}
