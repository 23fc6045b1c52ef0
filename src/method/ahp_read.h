/*
 * ahp_read.h - readers for the two weight files of doc/formats.md.
 *
 * The pairwise comparison matrix (AHP): CSV, square. The header is
 * `,<criterion 1>,...,<criterion n>` (the first cell is ignored, usually
 * empty); row i is `<criterion i>` and n values, each a positive decimal or
 * a fraction such as `1/3`. Row names are the header names in the same
 * order; the diagonal is 1 and a_ij * a_ji = 1 within AHP_RECIPROCAL_TOL.
 * Every error names the file, the line and the column (the criterion) and
 * says what was expected and what was found, e.g.
 *   m.csv:3: column "Wonen": expected 1/3 (the reciprocal of row "Wonen",
 *   column "Groen": 3), found 0.5
 *
 * Points to divide (direct weights): CSV `criterion,points`, one criterion
 * per row, an optional header row (a first row whose second cell is not a
 * number); points are zero or more and add up to more than zero.
 *
 * Both accept `;` or `,` as the delimiter; with `;` numbers are read the
 * Dutch way (`0,5`), as everywhere in steiger (num_parse_ex).
 */
#ifndef STEIGER_AHP_READ_H
#define STEIGER_AHP_READ_H

#include "lib/err.h"
#include "method/ahp.h"

/* A pairwise comparison matrix read from a file. */
struct ahp_matrix {
	size_t n;                        /* number of criteria */
	char *name[AHP_MAX_N];           /* their names in order (owned) */
	double a[AHP_MAX_N * AHP_MAX_N]; /* the judgments, row-major: a[i * n + j] */
};

/* Points to divide over criteria, read from a file. */
struct ahp_points {
	size_t n;                 /* number of criteria */
	char *name[AHP_MAX_N];    /* their names in order (owned) */
	double points[AHP_MAX_N]; /* their points */
};

/* Read the pairwise matrix text[0..len) named file into *m. Returns 0, or
 * E_INPUT with every problem (up to d's limit) added to d. *m must be freed
 * with ahp_matrix_free() either way. */
int ahp_matrix_read(struct ahp_matrix *m, const char *file, const char *text, size_t len, struct diag *d);

/* Free the names of m and empty it. */
void ahp_matrix_free(struct ahp_matrix *m);

/* Read the points file text[0..len) named file into *p. Returns 0, or
 * E_INPUT with the problems added to d. *p must be freed with
 * ahp_points_free() either way. */
int ahp_points_read(struct ahp_points *p, const char *file, const char *text, size_t len, struct diag *d);

/* Free the names of p and empty it. */
void ahp_points_free(struct ahp_points *p);

/* Append to b the reciprocal of the judgment v as people write it: `1/3`
 * for 3, `3` for 1/3, else a decimal of at most 6 places. */
void ahp_format_reciprocal(struct buf *b, double v);

#endif
