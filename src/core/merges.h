/*
 * merges.h - merge candidates: groups of items that look like they do the
 * same thing, each with the reasons it was suggested.
 *
 * Two items are a candidate pair when all three hold:
 *   - they share a domain or an area (the same field of work or place);
 *   - their contribution profiles are alike: the cosine of their vectors
 *     of mean scores per criterion (unscored criteria as 0) is at least
 *     min_profile (default 0.8), and both have a profile at all;
 *   - their texts are alike: the TF-IDF cosine of their titles and
 *     descriptions (method/textsim.h, Dutch stems) is at least min_text
 *     (default 0.2).
 * Candidate pairs are joined into groups (connected components); a group
 * lists its items in input order, the pairs that joined it with their
 * profile and text similarity, what they share, and the words they have
 * most in common. Groups come largest combined similarity first.
 */
#ifndef STEIGER_MERGES_H
#define STEIGER_MERGES_H

#include <stddef.h>
#include "lib/err.h"

/* One item as the merge search sees it. */
struct merge_item {
	const char *text;    /* title and description */
	const char *domains; /* its domains, '|'-separated (may be NULL) */
	const char *areas;   /* its area codes, '|'-separated (may be NULL) */
};

/* What the search reads. */
struct merge_input {
	const struct merge_item *items; /* the items */
	size_t nitems;
	const double *profiles; /* nitems * ncriteria mean scores, NaN: unscored */
	size_t ncriteria;
	double min_profile; /* 0 gives 0.8 */
	double min_text;    /* 0 gives 0.2 */
};

/* A pair of items that joined a group. */
struct merge_pair {
	size_t a, b;    /* item indices, a < b */
	double profile; /* profile cosine */
	double text;    /* text cosine */
	char *shared;   /* what they share: "domain:sociaal", "area:WK107901" ('|'-separated) */
	char *words;    /* up to five stems they have most in common ('|'-separated) */
};

/* A group of merge candidates. */
struct merge_group {
	size_t *items; /* item indices in input order */
	size_t nitems;
	struct merge_pair *pairs; /* the pairs that joined it */
	size_t npairs;
	double score; /* the highest (profile + text) / 2 of its pairs */
};

/* The groups found. */
struct merges {
	struct merge_group *groups;
	size_t n;
};

/* Find the merge candidates of in. Returns 0, or a negative error with e
 * set (from method/textsim.h). Free out with merges_free. */
int merges_find(const struct merge_input *in, struct merges *out, struct err *e);

/* Free what m holds. */
void merges_free(struct merges *m);

#endif
