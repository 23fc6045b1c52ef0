/*
 * audit_query.h - reading the audit log back: the entries that match a
 * filter (who, which table, which record, what action, when, free text),
 * newest first, a page at a time.
 *
 * Pages are keyed by entry id (keyset pagination: "older than entry N",
 * "newer than entry N"), not by offset, so a page costs the same deep in
 * a long log and does not shift when new entries arrive. The number of
 * matching entries is counted up to AUDIT_COUNT_MAX.
 */
#ifndef STEIGER_AUDIT_QUERY_H
#define STEIGER_AUDIT_QUERY_H

#include "db/db.h"
#include "lib/arena.h"

/* Matching entries are counted up to this number ("more than"). */
#define AUDIT_COUNT_MAX 10000

/* The largest page. */
#define AUDIT_PAGE_MAX 500

/* What to look for. NULL or "" members do not filter. */
struct audit_filter {
	const char *actor;   /* exactly this actor ("jan", "cli:root") */
	const char *table;   /* exactly this table ("item", "item_year") */
	const char *record;  /* this record key: the record itself, the rows
				below it ("de-entree/2025") and its field
				provenance */
	const char *action;  /* "insert", "update" or "delete" */
	const char *from;    /* entries at or after this UTC time (ISO) */
	const char *until;   /* entries before this UTC time (ISO) */
	const char *text;    /* this text (case-insensitive for ASCII) in the
				record key, the values, the actor or the
				context */
	int hide_accounts;   /* leave out the entries of the tables account
				and api_token (for readers who do not manage
				accounts) */
	long long before_id; /* only entries older than this id; 0: none */
	long long after_id;  /* only entries newer than this id; 0: none */
	int limit;           /* the page size, 1 to AUDIT_PAGE_MAX */
};

/* One entry of the log (strings in the caller's arena; NULL when the
 * column is NULL). */
struct audit_entry {
	long long id;        /* its number, increasing with time */
	const char *at;      /* UTC time, YYYY-MM-DDTHH:MM:SS.mmmZ */
	const char *actor;   /* who */
	const char *action;  /* insert, update or delete */
	const char *tbl;     /* the table */
	const char *record;  /* the record key (key parts joined by '/') */
	const char *before;  /* JSON object of the values before, or NULL */
	const char *after;   /* JSON object of the values after, or NULL */
	const char *context; /* in what context ("import", "web: POST /x") */
};

/* A page of entries, newest first. */
struct audit_page {
	struct audit_entry *entries; /* the entries (in the arena) */
	size_t n;                    /* how many */
	int more_older;              /* older entries match too */
	int more_newer;              /* newer entries match too */
	long long total;             /* matching entries in all, at most
					AUDIT_COUNT_MAX + 1 (then: more than
					AUDIT_COUNT_MAX) */
};

/* Read the page of entries that f selects into out, allocating from a.
 * Returns 0 or E_DB (message in e). */
int db_audit_query(struct db *db, const struct audit_filter *f, struct arena *a, struct audit_page *out, struct err *e);

/* The tables that occur in the log, sorted, as a NULL-ended list in a
 * (without account and api_token when hide_accounts). Returns 0 or E_DB. */
int db_audit_tables(struct db *db, int hide_accounts, struct arena *a, const char ***out, struct err *e);

#endif
