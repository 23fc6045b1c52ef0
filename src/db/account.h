/*
 * account.h - people who use steiger, their web sessions, failed logins and
 * API tokens.
 *
 * Writes to accounts and tokens are audited by the triggers (the password
 * and token hashes only as "set"); sessions and failed logins are not
 * changes of the agenda and are not audited.
 */
#ifndef STEIGER_ACCOUNT_H
#define STEIGER_ACCOUNT_H

#include "core/auth.h"
#include "db/db.h"

/* An account as the web application needs it. */
struct account {
	char name[65];                 /* login name */
	char display[201];             /* display name (or the login name) */
	char email[201];               /* e-mail address, or "" */
	enum role role;                /* its role */
	int disabled;                  /* may not log in */
	char hash[PASSWORD_HASH_SIZE]; /* password hash, or "" when none is set */
};

/* Read account name into a. Returns 0, E_NOTFOUND or E_DB. */
int db_account_get(struct db *db, const char *name, struct account *a, struct err *e);

/* Create account name with role (and an optional display name and e-mail)
 * and, when hash is not NULL, that password hash. Returns 0, E_INPUT
 * (the name is taken or not a valid id) or E_DB. */
int db_account_add(struct db *db, const char *name, enum role role, const char *display, const char *email,
		   const char *hash, struct err *e);

/* Set the password hash / role / disabled flag of account name. Returns 0,
 * E_NOTFOUND or E_DB. Changing the password or disabling ends the
 * account's sessions. */
int db_account_set_password(struct db *db, const char *name, const char *hash, struct err *e);
int db_account_set_role(struct db *db, const char *name, enum role role, struct err *e);
int db_account_set_disabled(struct db *db, const char *name, int disabled, struct err *e);

/* A web session. */
struct session {
	char token_hash[65]; /* SHA-256 of the cookie's token */
	char account[65];    /* whose */
	char csrf[65];       /* the CSRF token of its forms */
	long long created;   /* Unix seconds */
	long long seen;      /* Unix seconds of the last request */
};

/* The idle and absolute lifetimes of a session, in seconds. */
#define SESSION_IDLE (30 * 60)
#define SESSION_MAX (12 * 60 * 60)

/* Store a new session for account (token_hash and csrf as made by the
 * caller) at time now from address. Also removes expired sessions. */
int db_session_add(struct db *db, const struct session *s, const char *address, struct err *e);

/* Read the session with token_hash into s if it exists and has not
 * expired at time now. Returns 0, E_NOTFOUND (also when expired; then it
 * is removed) or E_DB. */
int db_session_get(struct db *db, const char *token_hash, long long now, struct session *s, struct err *e);

/* Record that session token_hash was used at time now. */
int db_session_touch(struct db *db, const char *token_hash, long long now, struct err *e);

/* End session token_hash (logout). */
int db_session_delete(struct db *db, const char *token_hash, struct err *e);

/* Login throttling: after `allowed` failures of a key within LOGIN_WINDOW
 * seconds, the key is locked for a minute, a time that doubles with each
 * further failure, up to LOGIN_MAX_LOCK. An account allows
 * LOGIN_ACCOUNT_FAILURES; an address more (LOGIN_ADDRESS_FAILURES), as a
 * whole office may share one behind its proxy. */
#define LOGIN_ACCOUNT_FAILURES 5
#define LOGIN_ADDRESS_FAILURES 50
#define LOGIN_WINDOW (15 * 60)
#define LOGIN_MAX_LOCK (60 * 60)

/* The number of seconds key is still locked at time now (0: not). */
long long db_login_locked(struct db *db, const char *key, long long now);

/* Record a failed login for key at time now; lock it after allowed. */
int db_login_failed(struct db *db, const char *key, int allowed, long long now, struct err *e);

/* Forget the failures of key (after a successful login). */
int db_login_succeeded(struct db *db, const char *key, struct err *e);

/* Create an API token for account: a new id, the hash stored, the token
 * (64 hex characters) written to token_out. Returns 0, E_NOTFOUND or E_DB. */
int db_token_create(struct db *db, const char *account, const char *description, char id_out[17], char token_out[65],
		    struct err *e);

/* Revoke token id. Returns 0, E_NOTFOUND or E_DB. */
int db_token_revoke(struct db *db, const char *id, struct err *e);

/* The account of the (not revoked) API token token, into account_out.
 * Returns 0 or E_NOTFOUND. */
int db_token_account(struct db *db, const char *token, char account_out[65]);

/* Record that token was used at now (an ISO time), at most once an hour:
 * the change is audited like every change of api_token, so a busy token
 * adds one audit row an hour, not one per request. */
int db_token_used(struct db *db, const char *token, const char *now, struct err *e);

#endif
