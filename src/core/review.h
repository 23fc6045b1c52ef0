/*
 * review.h - the review of items against the vision (tracks 1 and 2 of
 * the strategic agenda): from the scores of an assessment round to each
 * item's contribution profile and alignment index, each criterion's
 * coverage, the gaps and blind spots, and the items assessors disagree
 * on most.
 *
 * Pure computation over plain arrays: no database, no printing. The
 * definitions, in the scale's own units (scale_min..scale_max, e.g. -2..2;
 * M = the larger of |scale_min| and |scale_max|):
 *
 *   cell (item i, criterion c): the mean and the standard deviation
 *     (n - 1) of the numeric scores of the assessors who scored it;
 *     "n.v.t." (not applicable) counts as a score of 0 in the mean: the
 *     item does not contribute to that criterion;
 *   alignment of item i: sum over the main lines c scored for i of
 *     w_c * mean_ic, divided by M * the sum of those w_c; from -1 to 1.
 *     w_c is the main line's weight, all equal when none has one;
 *   its uncertainty: the standard error of the same index computed per
 *     assessor (sd / sqrt(k) over the k assessors who scored any main
 *     line of i; 0 with fewer than two);
 *   alignment per million euro and per fte: alignment / (budget / 1e6)
 *     and alignment / fte, only where budget or fte is positive;
 *   urgent of item i: the mean over the urgent issues scored for i of
 *     mean_ic / M, from -1 to 1;
 *   contribution of item i to criterion c: max(0, mean_ic) / M, from 0
 *     to 1; coverage of c: the sum of contributions (weighted items), the
 *     number of items contributing, and their budget and fte weighted by
 *     contribution;
 *   gap: a criterion whose weighted coverage is below gap_share times the
 *     mean weighted coverage of the criteria of its kind; blind spot: a
 *     criterion no item contributes to;
 *   spread of item i: the mean over its criteria of the standard
 *     deviation between assessors (cells with at least two numeric
 *     scores); contested: the items with the largest spread, largest
 *     first (ties by input order).
 */
#ifndef STEIGER_REVIEW_H
#define STEIGER_REVIEW_H

#include <stddef.h>
#include "lib/err.h"

/* One item under review. */
struct review_item {
	const char *id;    /* item id */
	const char *title; /* its title */
	const char *kind;  /* policy, programme, ... */
	double budget;     /* budget in the year (0: none) */
	double fte;        /* fte in the year (0: none) */
	/* What the verdict rules weigh besides the scores (core/verdict.h);
	 * review_compute does not use them. */
	int legal_task;         /* a legal task */
	const char *instrument; /* beleid, regelgeving, uitvoering, or NULL */
	double contract_months; /* months until its last running contract ends (0: none) */
	double exit_cost;       /* exit cost of its running contracts */
	double willingness;     /* partners' mean willingness 1..5, NaN: none */
	double area_rank;       /* the best place of its areas in a pillar's order of approach
				   (lower first), NaN: none of its areas is in a pillar */
};

/* One criterion: a main line, a pillar or an urgent issue. */
struct review_criterion {
	const char *id;    /* vision element id */
	const char *title; /* its title */
	const char *kind;  /* hoofdlijn, pillar or urgent_issue */
	double weight;     /* the main line's weight (0 or less: none given) */
};

/* One score of an assessor. */
struct review_score {
	size_t item;      /* index into the items */
	size_t criterion; /* index into the criteria */
	size_t assessor;  /* index into the assessors */
	int na;           /* 1: "n.v.t." (score is ignored) */
	double score;     /* the score, scale_min..scale_max */
};

/* What the review reads. */
struct review_input {
	const struct review_item *items; /* the items */
	size_t nitems;
	const struct review_criterion *criteria; /* the criteria */
	size_t ncriteria;
	size_t nassessors;                 /* assessors are 0..nassessors-1 */
	const struct review_score *scores; /* the scores, any order */
	size_t nscores;
	double scale_min, scale_max; /* the round's scale */
	double gap_share;            /* see above; 0 gives 0.5 */
};

/* The scores of one item on one criterion. */
struct review_cell {
	int n;       /* assessors who scored it (numbers and n.v.t.) */
	int numeric; /* of which with a number */
	double mean; /* mean score, n.v.t. as 0; NaN when n is 0 */
	double sd;   /* standard deviation of the numeric scores; NaN below two */
};

/* The review of one item. */
struct review_item_result {
	double alignment;    /* -1..1, NaN when no main line was scored */
	double alignment_se; /* its standard error between assessors */
	double per_meur;     /* alignment per million euro, NaN without budget */
	double per_fte;      /* alignment per fte, NaN without fte */
	double spread;       /* mean sd between assessors, NaN when none */
	double urgent;       /* mean contribution to the urgent issues, mean / M (-1..1), NaN when none */
	int assessors;       /* assessors who scored any criterion of it */
};

/* The review of one criterion. */
struct review_criterion_result {
	int items;             /* items contributing (mean > 0) */
	double weighted_items; /* the sum of contributions */
	double budget;         /* budget weighted by contribution */
	double fte;            /* fte weighted by contribution */
	int gap;               /* below gap_share of its kind's mean */
	int blind;             /* no item contributes */
};

/* The outcome; free with review_free. */
struct review {
	size_t nitems, ncriteria;
	struct review_cell *cells;                /* nitems * ncriteria, row per item */
	struct review_item_result *items;         /* per item */
	struct review_criterion_result *criteria; /* per criterion */
	size_t *contested;                        /* item indices with a spread, largest first */
	size_t ncontested;
};

/* Review the scores of in. Returns 0, or E_INPUT with e set when a score
 * points outside the items, criteria or assessors, is outside the scale,
 * or the scale is empty. */
int review_compute(const struct review_input *in, struct review *out, struct err *e);

/* The cell of item i and criterion c. */
const struct review_cell *review_cell(const struct review *r, size_t i, size_t c);

/* Track 2's priority order (the strategic agenda: largest impact on the
 * urgent issues and most willing partners first, and per area where scarce
 * capacity is most urgent): the indices of the items that are not policy
 * documents, by urgent (highest first), then willingness (highest first),
 * then area_rank (lowest first), then alignment (highest first); missing
 * values last; ties in input order. Sets *n; the caller frees the array. */
size_t *review_priority(const struct review_input *in, const struct review *r, size_t *n);

/* The contribution profiles of r: nitems * ncriteria mean scores (row
 * per item), NaN where a cell has no score. The caller frees it. */
double *review_profiles(const struct review *r);

/* Free what r holds. */
void review_free(struct review *r);

#endif
