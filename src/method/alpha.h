/*
 * alpha.h - Krippendorff's alpha, the agreement between assessors.
 *
 * K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", Annenberg
 * School for Communication, University of Pennsylvania, 2011
 * (repository.upenn.edu/asc_papers/43); and K. Krippendorff, "Content
 * Analysis: An Introduction to Its Methodology", 2nd ed., Sage 2004,
 * chapter 11.
 *
 * Reliability data are a matrix of units (rows) by coders (columns); a
 * cell is the value a coder gave a unit, or missing (NaN). A unit with
 * fewer than two values is not pairable and is ignored. From the pairable
 * values the coincidence matrix o_ck is built: every ordered pair of values
 * of two different coders in a unit with m_u values adds 1/(m_u - 1). Its
 * marginals are n_c and n = sum n_c (the number of pairable values). Then
 *
 *   D_o = 1/n        * sum_c sum_k o_ck      * delta2_ck
 *   D_e = 1/(n(n-1)) * sum_c sum_k n_c * n_k * delta2_ck
 *   alpha = 1 - D_o / D_e
 *
 * with the difference function delta2 of the level of measurement:
 *   nominal   0 when c = k, else 1
 *   ordinal   (sum_{g=c..k} n_g - (n_c + n_k)/2)^2, over the sorted values
 *   interval  (c - k)^2
 *   ratio     ((c - k)/(c + k))^2 (values must not be negative; 0 when
 *             c = k = 0)
 *
 * When every pairable value is the same, D_e = 0 and alpha is 0/0: it is
 * undefined (the data show no variation, so agreement cannot be told from
 * chance). alpha_compute() then succeeds with alpha set to NaN and
 * `defined` 0; the caller says so (the command line exits 3 with a message).
 *
 * For nominal data the values are label numbers (0, 1, 2, ...): only
 * equality matters. Pure C: no SQLite, no printing.
 */
#ifndef STEIGER_ALPHA_H
#define STEIGER_ALPHA_H

#include <stddef.h>
#include "lib/err.h"

/* At most this many distinct pairable values (the coincidence matrix has
 * their square as cells: 1000 values are 8 MB). */
#define ALPHA_MAX_VALUES 1000

/* The largest magnitude of a value: its squares and their sums stay
 * finite. */
#define ALPHA_MAX_MAGNITUDE 1e100

/* The level of measurement, which chooses the difference function. */
enum alpha_level { ALPHA_NOMINAL, ALPHA_ORDINAL, ALPHA_INTERVAL, ALPHA_RATIO };

/* The result of alpha_compute(). */
struct alpha_result {
	enum alpha_level level; /* the level it was computed at */
	int defined;            /* 1 when D_e > 0; 0 when alpha is undefined (NaN) */
	double alpha;           /* 1 - D_o/D_e, or NaN when not defined */
	double observed;        /* D_o, the observed disagreement */
	double expected;        /* D_e, the disagreement expected by chance */
	size_t pairable_values; /* n: the values in units with two or more values */
	size_t pairable_units;  /* the units with two or more values */
	size_t nvalues;         /* distinct pairable values (rows of the matrix) */
	double *values;         /* those values, ascending (nvalues entries) */
	double *coincidence;    /* o_ck, row-major, nvalues * nvalues; symmetric */
	double *marginals;      /* n_c, the row sums of the matrix (nvalues) */
};

/* Compute Krippendorff's alpha of the units x coders matrix data (row-major;
 * NaN is a missing value) at the given level. Fills res, whose arrays the
 * caller frees with alpha_result_free() (also after an error). Returns 0,
 * or E_INPUT with a message in e: no unit has two values, a value is not
 * finite or beyond ALPHA_MAX_MAGNITUDE, a negative value at the ratio level, more than ALPHA_MAX_VALUES
 * distinct values. */
int alpha_compute(const double *data, size_t units, size_t coders, enum alpha_level level, struct alpha_result *res,
		  struct err *e);

/* Free the arrays of res and clear it. */
void alpha_result_free(struct alpha_result *res);

/* The difference delta2 between the values with indices c and k of res at
 * its level (uses res->values and, for ordinal, res->marginals). */
double alpha_delta2(const struct alpha_result *res, size_t c, size_t k);

/* Parse a level name ("nominal", "ordinal", "interval", "ratio"; also the
 * Dutch "nominaal", "ordinaal"). Returns 0 and sets *out, or -1. */
int alpha_level_parse(const char *s, enum alpha_level *out);

/* The English name of a level ("nominal", ...), as JSON and options use. */
const char *alpha_level_name(enum alpha_level level);

#endif
