/*
 * item_query.h - finding items: the register list of the web pages
 * (GET /items) and of the JSON API (GET /api/v1/items) with filters,
 * full-text search (the FTS5 table item_fts), sorting and pagination, and
 * the lists of choices their filters and forms offer (main lines, pillars,
 * areas, owners, items).
 *
 * Every query is a prepared statement whose text is made of literals of
 * this file only; every value from a user is bound. Free text for the
 * search becomes an FTS5 expression of quoted terms (item_match_text), so
 * FTS5 syntax and SQL in it are just words.
 */
#ifndef STEIGER_ITEM_QUERY_H
#define STEIGER_ITEM_QUERY_H

#include "db/db.h"
#include "lib/arena.h"
#include "lib/buf.h"

/* The orders of the list. */
enum item_sort {
	ITEM_SORT_DEFAULT,      /* relevance when searching, else title */
	ITEM_SORT_TITLE,        /* title (case-insensitive), then id */
	ITEM_SORT_ID,           /* id */
	ITEM_SORT_KIND,         /* policy, programme, project, regulation, action */
	ITEM_SORT_STATUS,       /* planned, active, completed, stopped */
	ITEM_SORT_OWNER,        /* owner (case-insensitive); none last */
	ITEM_SORT_YEAR_ADOPTED, /* year adopted; none last */
	ITEM_SORT_BUDGET,       /* budget of the year; none last */
	ITEM_SORT_FTE,          /* fte of the year; none last */
	ITEM_SORT_CONTRACT_END, /* latest contract end date (internal only;
				    otherwise the default order); none last */
	ITEM_SORT_RELEVANCE,    /* best match first (only when searching;
				    otherwise the default order) */
	ITEM_SORT_COUNT
};

/* The names of the orders as they appear in addresses (?sort=budget),
 * indexed by enum item_sort; ITEM_SORT_DEFAULT is "". */
extern const char *const item_sort_names[ITEM_SORT_COUNT];

/* The order named name, or -1 when there is none. */
int item_sort_by_name(const char *name);

/* Which items by their archived flag. */
enum item_archived {
	ITEM_CURRENT,       /* not archived (the default) */
	ITEM_WITH_ARCHIVED, /* archived ones too */
	ITEM_ONLY_ARCHIVED, /* archived ones only */
};

/* What to list. Every string may be NULL (or "") for "any". */
struct item_filter {
	const char *kind;            /* item kind code ("policy") */
	const char *status;          /* status code ("active") */
	const char *domain;          /* domain code ("sociaal") */
	const char *hoofdlijn;       /* a vision element: items that serve it or
				   one of the elements below it (the goals
				   of a main line) */
	const char *pillar;          /* a vision element: items that serve it or
				   lie in one of its areas */
	const char *area;            /* an area code: items in it or in an area
				   within it */
	const char *owner;           /* the owner, exactly */
	const char *q;               /* free text, searched in title, description
				   and owner; diacritics do not matter, the
				   last word may be the start of a word */
	enum item_archived archived; /* which items by their archived flag;
					only honoured when internal is set */
	int internal;                /* the asker may read internal details
				   (PERM_READ_INTERNAL): archived items and
				   contract end dates */
	int year;                    /* year of budget and fte; 0: db_default_year */
	enum item_sort sort;         /* the order */
	int descending;              /* reverse it (none still last) */
	long long offset;            /* rows to skip (>= 0) */
	int limit;                   /* rows to return at most; 0: all */
};

/* One item of the list. Strings live in the arena given to the query. */
struct item_row {
	const char *id;            /* its id */
	const char *title;         /* its title */
	const char *kind;          /* kind code */
	const char *status;        /* status code */
	const char *owner;         /* owner, or NULL */
	const char *domains;       /* domain codes joined by '|', or "" */
	int year_adopted;          /* year adopted, or 0 */
	int has_budget, has_fte;   /* whether the year has figures */
	double budget, fte;        /* the year's budget (euros) and fte */
	const char *budget_source; /* provenance of the budget (NULL without one) */
	const char *fte_source;    /* provenance of the fte (NULL without one) */
	const char *source;        /* provenance of the record */
	int archived;              /* it is archived */
	int legal_task;            /* it is a statutory task */
	const char *contract_end;  /* latest end date of its contracts
				      (YYYY-MM-DD; internal only), or NULL */
};

/* A page of the list. */
struct item_result {
	struct item_row *rows; /* the rows of the page (in the arena) */
	size_t n;              /* how many */
	long long total;       /* all rows that match the filter */
	int year;              /* the year of budget and fte */
	int searched;          /* the filter's q gave at least one term */
};

/* List the items that match f into out (memory from a). Returns 0, or
 * E_DB with a message in e. A page past the end has no rows but the right
 * total. */
int db_item_query(struct db *db, const struct item_filter *f, struct arena *a, struct item_result *out, struct err *e);

/* Append to out the FTS5 expression for the free text text: every word
 * (separated by white space) as a quoted string ("" inside for "), words
 * without a letter or digit left out, at most 16 words, the last one
 * followed by * (a prefix) when it ends in a letter or digit. Returns the
 * number of words used (0: nothing to search for). */
int item_match_text(const char *text, struct buf *out);

/* One choice of a filter or a form field. */
struct item_choice {
	const char *code;   /* the value (an id, a code, an owner) */
	const char *label;  /* what people read (a title, a name) */
	const char *kind;   /* the kind of vision element or area, or of item;
			      NULL for owners */
	const char *parent; /* the element or area above it, or NULL */
	int archived;       /* items: archived */
};

/* The kinds of choice lists. */
enum item_choices {
	CHOICES_HOOFDLIJNEN, /* main lines, in their order */
	CHOICES_PILLARS,     /* pillars */
	CHOICES_VISION,      /* every vision element an item may serve (all
				but the vision itself), main lines each
				followed by their goals */
	CHOICES_AREAS,       /* areas: the municipality, districts,
				neighbourhoods, development areas */
	CHOICES_OWNERS,      /* the owners of the items one may see */
	CHOICES_ITEMS,       /* the items one may see, by title */
};

/* Fill *out with the choices of kind which (memory from a); internal
 * includes archived items in CHOICES_ITEMS and their owners. Returns the
 * number of choices, or E_DB. */
int db_item_choices(struct db *db, enum item_choices which, int internal, struct arena *a, struct item_choice **out,
		    struct err *e);

#endif
