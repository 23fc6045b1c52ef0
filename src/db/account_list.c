/*
 * account_list.c - accounts, sessions and tokens for the account pages;
 * see account_list.h.
 */
#include "steiger.h"
#include "db/account_list.h"

/* Column i of st copied into a (NULL stays NULL). */
static const char *col_dup(struct arena *a, sqlite3_stmt *st, int i)
{
	return arena_strdup(a, db_col_text(st, i));
}

/* Make room for one more element in the arena array *rows of *n elements
 * (capacity *cap) of size bytes each. */
static void *grow(struct arena *a, void *rows, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return rows;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *grown = arena_calloc(a, ncap, size);
	if (n)
		memcpy(grown, rows, n * size);
	*cap = ncap;
	return grown;
}

/* See account_list.h. */
int db_accounts_list(struct db *db, struct arena *a, struct account_row **rows, size_t *n, struct err *e)
{
	sqlite3_stmt *st =
		db_stmt(db,
			"SELECT a.name, a.display_name, a.email, a.role, a.disabled, a.created_at,"
			" (SELECT count(*) FROM session s WHERE s.account = a.name),"
			" (SELECT max(seen_at) FROM session s WHERE s.account = a.name),"
			" (SELECT count(*) FROM api_token t WHERE t.account = a.name AND t.revoked_at IS NULL)"
			" FROM account a ORDER BY a.name",
			e);
	struct account_row *list = NULL;
	size_t cap = 0;
	int rc;
	*n = 0;
	if (!st)
		return E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct account_row *r;
		list = grow(a, list, *n, &cap, sizeof(*list));
		r = &list[(*n)++];
		r->name = col_dup(a, st, 0);
		r->display = col_dup(a, st, 1);
		r->email = col_dup(a, st, 2);
		r->role = (enum role)role_by_code(db_col_text(st, 3));
		r->disabled = sqlite3_column_int(st, 4);
		r->created_at = col_dup(a, st, 5);
		r->sessions = sqlite3_column_int(st, 6);
		r->last_seen = sqlite3_column_int64(st, 7);
		r->tokens = sqlite3_column_int(st, 8);
	}
	sqlite3_reset(st);
	*rows = list;
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the accounts"));
}

/* See account_list.h. */
int db_account_sessions(struct db *db, const char *account, const char *current, long long now, struct arena *a,
			struct session_row **rows, size_t *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT token_hash = ?2, created_at, seen_at, address FROM session"
				   " WHERE account = ?1 AND seen_at >= ?3 AND created_at >= ?4"
				   " ORDER BY created_at DESC, token_hash",
				   e);
	struct session_row *list = NULL;
	size_t cap = 0;
	int rc;
	*n = 0;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, account);
	db_bind_text(st, 2, current);
	sqlite3_bind_int64(st, 3, now - SESSION_IDLE);
	sqlite3_bind_int64(st, 4, now - SESSION_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct session_row *r;
		list = grow(a, list, *n, &cap, sizeof(*list));
		r = &list[(*n)++];
		r->current = sqlite3_column_int(st, 0);
		r->created = sqlite3_column_int64(st, 1);
		r->seen = sqlite3_column_int64(st, 2);
		r->address = col_dup(a, st, 3);
	}
	sqlite3_reset(st);
	*rows = list;
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the sessions"));
}

/* See account_list.h. */
int db_sessions_end_others(struct db *db, const char *account, const char *keep, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM session WHERE account = ?1 AND token_hash IS NOT ?2", e);
	int rc;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, account);
	db_bind_text(st, 2, keep);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, _("ending sessions"));
	return sqlite3_changes(db->h);
}

/* See account_list.h. */
int db_account_tokens(struct db *db, const char *account, struct arena *a, struct token_row **rows, size_t *n,
		      struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT id, description, created_at, revoked_at, last_used_at FROM api_token"
				   " WHERE account = ? ORDER BY revoked_at IS NOT NULL, created_at DESC, id",
				   e);
	struct token_row *list = NULL;
	size_t cap = 0;
	int rc;
	*n = 0;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, account);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct token_row *r;
		list = grow(a, list, *n, &cap, sizeof(*list));
		r = &list[(*n)++];
		r->id = col_dup(a, st, 0);
		r->description = col_dup(a, st, 1);
		r->created_at = col_dup(a, st, 2);
		r->revoked_at = col_dup(a, st, 3);
		r->last_used_at = col_dup(a, st, 4);
	}
	sqlite3_reset(st);
	*rows = list;
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the API tokens"));
}

/* See account_list.h. */
int db_token_owner(struct db *db, const char *id, char account_out[65])
{
	sqlite3_stmt *st = db_stmt(db, "SELECT account FROM api_token WHERE id = ?", NULL);
	int found = 0;
	if (!st)
		return E_NOTFOUND;
	db_bind_text(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = db_col_text(st, 0);
		snprintf(account_out, 65, "%s", s ? s : "");
		found = 1;
	}
	sqlite3_reset(st);
	return found ? 0 : E_NOTFOUND;
}

/* See account_list.h. */
long long db_active_admins(struct db *db)
{
	return db_int(db, "SELECT count(*) FROM account WHERE role = 'beheerder' AND disabled = 0", NULL, 0);
}
