/*
 * check.h - the integrity checks of `steiger check`: what is checked, how
 * serious each finding is, and the date rule for contracts.
 */
#ifndef STEIGER_CHECK_H
#define STEIGER_CHECK_H

#include <stddef.h>

/* How serious a finding is: errors make `check` fail; warnings only with
 * --strict. */
enum severity { SEV_ERROR, SEV_WARNING };

/* The checks, in the order they are reported. */
enum check_id {
	CHK_FILE,            /* the database file is damaged */
	CHK_FOREIGN_KEY,     /* a reference to a record that does not exist */
	CHK_CYCLE,           /* a record is (indirectly) part of itself */
	CHK_LINK_KIND,       /* a link to a record of the wrong kind */
	CHK_STALE_LINK,      /* a link to a stopped or archived item */
	CHK_STALE_SOURCE,    /* field provenance of a record that is gone */
	CHK_VISION,          /* the vision tree is malformed */
	CHK_WEIGHTS,         /* hoofdlijn weights do not add up to 1 */
	CHK_UNASSESSED,      /* an item nobody assessed */
	CHK_CONTRACT_ENDING, /* a contract ends within a year */
	CHK_CONTRACT_ENDED,  /* a contract has ended while the item runs */
	CHK_BUDGET_NO_FTE,   /* budget in a year without fte */
	CHK_FTE_NO_BUDGET,   /* fte in a year without budget */
	CHK_COUNT
};

/* A finding. */
struct finding {
	enum check_id check; /* which check */
	char *record;        /* the record it is about ("items/x") */
	char *message;       /* what is wrong, in the current language */
};

/* The findings of a run. */
struct findings {
	struct finding *f;
	size_t n, cap;
	char today[11];   /* the reference date */
	char *pool;       /* one block holding the strings findings_copy made
			     (the home page copies them on every request), or NULL */
	size_t pool_size; /* its size */
};

/* The severity of a check. */
enum severity check_severity(enum check_id c);

/* The short name of a check (for JSON), e.g. "contract_ending". */
const char *check_name(enum check_id c);

/* The heading of a check for people (translated). */
const char *check_title(enum check_id c);

/* Add a finding (record and message are copied). */
void findings_add(struct findings *fs, enum check_id c, const char *record, const char *message);

/* Days from date a to date b (both YYYY-MM-DD); 0 when either is bad. */
long days_between(const char *a, const char *b);

/* Whether a contract ending on end_date ends within horizon_days after
 * today (and not before it). */
int contract_ends_within(const char *end_date, const char *today, long horizon_days);

/* Sort the findings by check, keeping the order within a check. */
void findings_sort(struct findings *fs);

/* Append deep copies of the findings of src to dst (their strings in one
 * block when dst has none yet; findings_free frees it). */
void findings_copy(struct findings *dst, const struct findings *src);

/* Free all findings. */
void findings_free(struct findings *fs);

#endif
