/*
 * account.c - accounts, sessions, failed logins and API tokens; see
 * account.h.
 */
#include "steiger.h"
#include "db/account.h"
#include "db/memo.h"

/* How many sessions and accounts a connection keeps (memo.h) while the
 * data is unchanged: every request of the server looks up its session and
 * account, and a thread serves many users in turn. */
#define KEPT_ROWS 32

/* Sessions and accounts kept on a connection (the value of the memo slots
 * DB_MEMO_SESSIONS and DB_MEMO_ACCOUNTS). */
struct kept_rows {
	size_t n;    /* rows held */
	size_t next; /* the row to replace when full */
	union {
		struct session sessions[KEPT_ROWS];
		struct account accounts[KEPT_ROWS];
	} rows; /* the rows of the slot's kind */
};

/* The table kept in slot at the version of r, made (empty) when there is
 * none; NULL when nothing may be kept (r not usable). */
static struct kept_rows *kept_table(struct db *db, enum db_memo_slot slot, struct db_memo_read *r)
{
	struct kept_rows *t;
	if (!db_memo_version(db, r))
		return NULL;
	if ((t = db_memo_get(db, slot, "", r)))
		return t;
	t = xcalloc(1, sizeof(*t));
	db_memo_put(db, slot, "", r, t, free);
	return db_memo_get(db, slot, "", r);
}

/* The place for a new row in t. */
static size_t kept_place(struct kept_rows *t)
{
	size_t i = t->n < KEPT_ROWS ? t->n++ : t->next;
	t->next = (i + 1) % KEPT_ROWS;
	return i;
}

/* Copy the text of column c of st into out (size n), "" for NULL. */
static void col_copy(sqlite3_stmt *st, int c, char *out, size_t n)
{
	const char *s = db_col_text(st, c);
	snprintf(out, n, "%s", s ? s : "");
}

/* Run a write statement st (already bound) to its end. */
static int run(struct db *db, sqlite3_stmt *st, struct err *e, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, what);
	return 0;
}

/* See account.h. */
int db_account_get(struct db *db, const char *name, struct account *a, struct err *e)
{
	struct db_memo_read r;
	struct kept_rows *kept = kept_table(db, DB_MEMO_ACCOUNTS, &r);
	sqlite3_stmt *st;
	int rc;
	for (size_t i = 0; kept && i < kept->n; i++)
		if (strcmp(kept->rows.accounts[i].name, name) == 0) {
			*a = kept->rows.accounts[i];
			return 0;
		}
	st = db_stmt(db,
		     "SELECT name, coalesce(display_name, name), coalesce(email, ''), role, disabled,"
		     " coalesce(password_hash, '') FROM account WHERE name = ?",
		     e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		col_copy(st, 0, a->name, sizeof(a->name));
		col_copy(st, 1, a->display, sizeof(a->display));
		col_copy(st, 2, a->email, sizeof(a->email));
		a->role = role_by_code(db_col_text(st, 3));
		a->disabled = sqlite3_column_int(st, 4);
		col_copy(st, 5, a->hash, sizeof(a->hash));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW && a->role == (enum role) - 1)
		return err_set(e, E_DB, _("account %s has an unknown role"), name);
	if (rc == SQLITE_ROW) {
		if (kept && strcmp(a->name, name) == 0)
			kept->rows.accounts[kept_place(kept)] = *a;
		return 0;
	}
	if (rc == SQLITE_DONE)
		return err_set(e, E_NOTFOUND, _("no account \"%s\""), name);
	return db_fail(db, e, _("reading an account"));
}

/* Whether name is a valid login name: 1-64 of a-z 0-9 - _ . */
static int valid_name(const char *name)
{
	size_t n = strlen(name);
	if (!n || n > 64 || (!islower((unsigned char)name[0]) && !isdigit((unsigned char)name[0])))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)name[i]) && !isdigit((unsigned char)name[i]) && !strchr("-_.", name[i]))
			return 0;
	return 1;
}

/* See account.h. */
int db_account_add(struct db *db, const char *name, enum role role, const char *display, const char *email,
		   const char *hash, struct err *e)
{
	sqlite3_stmt *st;
	int rc;
	if (!valid_name(name))
		return err_set(e, E_INPUT,
			       _("expected a login name of 1 to 64 lower-case letters, digits, '-', '_' and '.', "
				 "found \"%s\""),
			       name);
	if (strcmp(name, "new") == 0) /* /users/new is the page to add one */
		return err_set(e, E_INPUT, _("the login name \"new\" is reserved; choose another"));
	if (db_int(db, "SELECT count(*) FROM account WHERE name = ?", name, 0))
		return err_set(e, E_INPUT, _("the account \"%s\" exists already"), name);
	st = db_stmt(db,
		     "INSERT INTO account(name, role, display_name, email, password_hash, source) VALUES(?, ?, ?, ?, ?,"
		     " 'manual')",
		     e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, role_code(role));
	db_bind_text(st, 3, display && *display ? display : NULL);
	db_bind_text(st, 4, email && *email ? email : NULL);
	db_bind_text(st, 5, hash);
	rc = run(db, st, e, _("adding an account"));
	return rc;
}

/* Update one column of account name with a prepared statement. */
static int account_update(struct db *db, const char *sql, const char *name, const char *text, int number, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	if (!st)
		return E_DB;
	if (text)
		db_bind_text(st, 1, text);
	else
		sqlite3_bind_int(st, 1, number);
	db_bind_text(st, 2, name);
	if (run(db, st, e, _("changing an account")) < 0)
		return E_DB;
	if (!sqlite3_changes(db->h))
		return err_set(e, E_NOTFOUND, _("no account \"%s\""), name);
	return 0;
}

/* End every session of account name. */
static int end_sessions(struct db *db, const char *name, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM session WHERE account = ?", e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, name);
	return run(db, st, e, _("ending sessions"));
}

/* See account.h. */
int db_account_set_password(struct db *db, const char *name, const char *hash, struct err *e)
{
	int rc = account_update(db, "UPDATE account SET password_hash = ?1 WHERE name = ?2", name, hash, 0, e);
	return rc ? rc : end_sessions(db, name, e);
}

/* See account.h. */
int db_account_set_role(struct db *db, const char *name, enum role role, struct err *e)
{
	return account_update(db, "UPDATE account SET role = ?1 WHERE name = ?2", name, role_code(role), 0, e);
}

/* See account.h. */
int db_account_set_disabled(struct db *db, const char *name, int disabled, struct err *e)
{
	int rc =
		account_update(db, "UPDATE account SET disabled = ?1 WHERE name = ?2", name, NULL, disabled ? 1 : 0, e);
	return rc || !disabled ? rc : end_sessions(db, name, e);
}

/* See account.h. */
int db_session_add(struct db *db, const struct session *s, const char *address, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM session WHERE seen_at < ?1 OR created_at < ?2", e);
	if (!st)
		return E_DB;
	sqlite3_bind_int64(st, 1, s->created - SESSION_IDLE);
	sqlite3_bind_int64(st, 2, s->created - SESSION_MAX);
	if (run(db, st, e, _("removing old sessions")) < 0)
		return E_DB;
	st = db_stmt(
		db,
		"INSERT INTO session(token_hash, account, csrf, created_at, seen_at, address) VALUES(?, ?, ?, ?, ?, ?)",
		e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, s->token_hash);
	db_bind_text(st, 2, s->account);
	db_bind_text(st, 3, s->csrf);
	sqlite3_bind_int64(st, 4, s->created);
	sqlite3_bind_int64(st, 5, s->seen);
	db_bind_text(st, 6, address);
	return run(db, st, e, _("starting a session"));
}

/* See account.h. */
int db_session_get(struct db *db, const char *token_hash, long long now, struct session *s, struct err *e)
{
	struct db_memo_read r;
	struct kept_rows *kept = kept_table(db, DB_MEMO_SESSIONS, &r);
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;
	for (size_t i = 0; kept && i < kept->n; i++)
		if (strcmp(kept->rows.sessions[i].token_hash, token_hash) == 0) {
			*s = kept->rows.sessions[i];
			rc = SQLITE_ROW;
			break;
		}
	if (rc != SQLITE_ROW) {
		if (!(st = db_stmt(db, "SELECT account, csrf, created_at, seen_at FROM session WHERE token_hash = ?",
				   e)))
			return E_DB;
		db_bind_text(st, 1, token_hash);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			snprintf(s->token_hash, sizeof(s->token_hash), "%s", token_hash);
			col_copy(st, 0, s->account, sizeof(s->account));
			col_copy(st, 1, s->csrf, sizeof(s->csrf));
			s->created = sqlite3_column_int64(st, 2);
			s->seen = sqlite3_column_int64(st, 3);
			if (kept && strlen(token_hash) < sizeof(s->token_hash))
				kept->rows.sessions[kept_place(kept)] = *s;
		}
		sqlite3_reset(st);
	}
	if (rc == SQLITE_DONE)
		return E_NOTFOUND;
	if (rc != SQLITE_ROW)
		return db_fail(db, e, _("reading a session"));
	if (now - s->seen > SESSION_IDLE || now - s->created > SESSION_MAX) {
		db_session_delete(db, token_hash, e);
		return E_NOTFOUND;
	}
	return 0;
}

/* See account.h. */
int db_session_touch(struct db *db, const char *token_hash, long long now, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE session SET seen_at = ? WHERE token_hash = ?", e);
	if (!st)
		return E_DB;
	sqlite3_bind_int64(st, 1, now);
	db_bind_text(st, 2, token_hash);
	return run(db, st, e, _("using a session"));
}

/* See account.h. */
int db_session_delete(struct db *db, const char *token_hash, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM session WHERE token_hash = ?", e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, token_hash);
	return run(db, st, e, _("ending a session"));
}

/* See account.h. */
long long db_login_locked(struct db *db, const char *key, long long now)
{
	long long until = db_int(db, "SELECT locked_until FROM login_attempt WHERE key = ?", key, 0);
	return until > now ? until - now : 0;
}

/* See account.h. */
int db_login_failed(struct db *db, const char *key, int allowed, long long now, struct err *e)
{
	sqlite3_stmt *st =
		db_stmt(db,
			"INSERT INTO login_attempt(key, failures, first_at, locked_until) VALUES(?1, 1, ?2, 0)"
			" ON CONFLICT(key) DO UPDATE SET"
			"  failures = CASE WHEN first_at < ?2 - ?3 THEN 1 ELSE failures + 1 END,"
			"  first_at = CASE WHEN first_at < ?2 - ?3 THEN ?2 ELSE first_at END",
			e);
	long long failures;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, LOGIN_WINDOW);
	if (run(db, st, e, _("recording a failed login")) < 0)
		return E_DB;
	failures = db_int(db, "SELECT failures FROM login_attempt WHERE key = ?", key, 0);
	if (failures >= allowed) {
		long long lock = 60;
		for (long long i = allowed; i < failures && lock < LOGIN_MAX_LOCK; i++)
			lock *= 2;
		if (lock > LOGIN_MAX_LOCK)
			lock = LOGIN_MAX_LOCK;
		st = db_stmt(db, "UPDATE login_attempt SET locked_until = ? WHERE key = ?", e);
		if (!st)
			return E_DB;
		sqlite3_bind_int64(st, 1, now + lock);
		db_bind_text(st, 2, key);
		return run(db, st, e, _("recording a failed login"));
	}
	return 0;
}

/* See account.h. */
int db_login_succeeded(struct db *db, const char *key, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM login_attempt WHERE key = ?", e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, key);
	return run(db, st, e, _("recording a login"));
}

/* See account.h. */
int db_token_create(struct db *db, const char *account, const char *description, char id_out[17], char token_out[65],
		    struct err *e)
{
	char hash[65], now[21];
	sqlite3_stmt *st;
	if (!db_int(db, "SELECT count(*) FROM account WHERE name = ?", account, 0))
		return err_set(e, E_NOTFOUND, _("no account \"%s\""), account);
	random_hex(id_out, 8);
	random_hex(token_out, 32);
	sha256_hex(token_out, hash);
	now_iso(now);
	st = db_stmt(
		db, "INSERT INTO api_token(id, token_hash, account, description, created_at) VALUES(?, ?, ?, ?, ?)", e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, id_out);
	db_bind_text(st, 2, hash);
	db_bind_text(st, 3, account);
	db_bind_text(st, 4, description);
	db_bind_text(st, 5, now);
	return run(db, st, e, _("creating a token"));
}

/* See account.h. */
int db_token_revoke(struct db *db, const char *id, struct err *e)
{
	char now[21];
	sqlite3_stmt *st = db_stmt(db, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", e);
	if (!st)
		return E_DB;
	now_iso(now);
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, id);
	if (run(db, st, e, _("revoking a token")) < 0)
		return E_DB;
	if (!sqlite3_changes(db->h))
		return err_set(e, E_NOTFOUND, _("no active token \"%s\""), id);
	return 0;
}

/* See account.h. */
int db_token_account(struct db *db, const char *token, char account_out[65])
{
	char hash[65];
	sqlite3_stmt *st;
	int found = 0;
	sha256_hex(token, hash);
	st = db_stmt(db,
		     "SELECT t.account FROM api_token t JOIN account a ON a.name = t.account"
		     " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.disabled = 0",
		     NULL);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, hash);
	if (sqlite3_step(st) == SQLITE_ROW) {
		col_copy(st, 0, account_out, 65);
		found = 1;
	}
	sqlite3_reset(st);
	return found ? 0 : E_NOTFOUND;
}

/* See account.h. */
int db_token_used(struct db *db, const char *token, const char *now, struct err *e)
{
	char hash[65];
	sqlite3_stmt *st =
		db_stmt(db,
			"UPDATE api_token SET last_used_at = ?1 WHERE token_hash = ?2 AND"
			" (last_used_at IS NULL OR last_used_at < strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-1 hour'))",
			e);
	if (!st)
		return E_DB;
	sha256_hex(token, hash);
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, hash);
	return run(db, st, e, _("recording the use of a token"));
}
