/*
 * review.h - the scores of an assessment round, read from the database
 * into the plain arrays of core/review.h.
 */
#ifndef STEIGER_DB_REVIEW_H
#define STEIGER_DB_REVIEW_H

#include "core/merges.h"
#include "core/review.h"
#include "db/db.h"
#include "db/list.h"
#include "lib/arena.h"

/* A round read for review. */
struct review_data {
	struct review_input in;                                /* what core/review.h computes over */
	const char *round_id;                                  /* the round */
	const char *round_title;                               /* its title */
	const char *round_status;                              /* open or closed */
	int blind;                                             /* 1: others' scores hidden while open */
	int year;                                              /* the year of budget and fte */
	char today[11];                                        /* the day contracts are counted from (today_iso) */
	const char **assessors;                                /* login names, in.nassessors of them */
	struct review_item *items;                             /* the items that are not archived */
	struct merge_item *texts;                              /* per item: title and description, domains, areas */
	struct review_criterion *criteria;                     /* main lines, pillars, urgent issues */
	struct review_score *scores;                           /* the scores of the round on those */
	size_t capitems, capcriteria, capscores, capassessors; /* room in the arrays */
	struct arena a;                                        /* the strings */
};

/* Read round round_id (NULL: the round opened last, or added last when
 * none has an opening date) with the budget and
 * fte of year (0: db_default_year). Returns 0, E_NOTFOUND (no such round,
 * or no round at all) or E_DB, with e set. Free d with review_data_free
 * in every case. */
int db_review_load(struct db *db, const char *round_id, int year, struct review_data *d, struct err *e);

/* One assessment round, as a chooser lists it. */
struct review_round {
	const char *id;     /* the round's id */
	const char *title;  /* its title */
	const char *status; /* open or closed */
};

/* The rounds, the one opened last first (the order db_review_load picks
 * its default by), allocated in a. Returns their number with *out set,
 * or E_DB with e set. */
int db_review_rounds(struct db *db, struct arena *a, struct review_round **out, struct err *e);

/* Free what d holds. */
void review_data_free(struct review_data *d);

/* The progress of the assessors of round round_id (NULL: the round
 * opened last): per assessor, the cells scored (a number or n.v.t.) of
 * the items that are not archived times the main lines, pillars and
 * urgent issues, the share done, and the last time they scored. Returns
 * 0, E_NOTFOUND or E_DB with e set. */
int db_assess_progress(struct db *db, const char *round_id, struct list_result *res, struct err *e);

#endif
