/*
 * account_list.h - what the account pages show about accounts besides
 * account.h: all accounts with their activity, the sessions and API
 * tokens of one account, and the number of active administrators (an
 * application must keep at least one).
 *
 * Everything is read only, except db_sessions_end_others (sessions are
 * not audited: they are not changes of the agenda).
 */
#ifndef STEIGER_ACCOUNT_LIST_H
#define STEIGER_ACCOUNT_LIST_H

#include "db/account.h"
#include "lib/arena.h"

/* An account in the list of accounts (strings in the caller's arena). */
struct account_row {
	const char *name;       /* login name */
	const char *display;    /* display name, or NULL */
	const char *email;      /* e-mail address, or NULL */
	enum role role;         /* its role */
	int disabled;           /* may not log in */
	const char *created_at; /* YYYY-MM-DDTHH:MM:SSZ */
	int sessions;           /* web sessions open now */
	long long last_seen;    /* Unix time of its latest request in a
				   session still stored, or 0 */
	int tokens;             /* API tokens not revoked */
};

/* All accounts, by login name, into *rows (n in *n). Returns 0 or E_DB. */
int db_accounts_list(struct db *db, struct arena *a, struct account_row **rows, size_t *n, struct err *e);

/* A web session of an account (never its token or token hash). */
struct session_row {
	int current;         /* it is the session given as `current` */
	long long created;   /* Unix seconds */
	long long seen;      /* Unix seconds of its last request */
	const char *address; /* the address it started from, or NULL */
};

/* The sessions of account that have not expired at time now, newest
 * first; current is the token hash of the asking session (or NULL), to
 * mark it. Returns 0 or E_DB. */
int db_account_sessions(struct db *db, const char *account, const char *current, long long now, struct arena *a,
			struct session_row **rows, size_t *n, struct err *e);

/* End every session of account except the one with token hash keep (NULL:
 * all). Returns the number ended, or E_DB. */
int db_sessions_end_others(struct db *db, const char *account, const char *keep, struct err *e);

/* An API token of an account (never the token or its hash). */
struct token_row {
	const char *id;           /* its public id */
	const char *description;  /* what it is for, or NULL */
	const char *created_at;   /* YYYY-MM-DDTHH:MM:SSZ */
	const char *revoked_at;   /* when revoked, or NULL */
	const char *last_used_at; /* when last used, or NULL */
};

/* The API tokens of account, active ones first, newest first. Returns 0
 * or E_DB. */
int db_account_tokens(struct db *db, const char *account, struct arena *a, struct token_row **rows, size_t *n,
		      struct err *e);

/* The account of API token id into account_out. Returns 0 or E_NOTFOUND. */
int db_token_owner(struct db *db, const char *id, char account_out[65]);

/* The number of accounts with the role beheerder that are not disabled. */
long long db_active_admins(struct db *db);

#endif
