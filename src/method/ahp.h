/*
 * ahp.h - weights from pairwise comparisons: the Analytic Hierarchy Process,
 * and weights from points to divide.
 *
 * T. L. Saaty, *The Analytic Hierarchy Process*, McGraw-Hill, New York
 * (1980). A person compares every pair of n criteria: a_ij says how many
 * times criterion i matters more than criterion j (Saaty's scale 1-9 and
 * the reciprocals), so a_ii = 1 and a_ji = 1/a_ij. The weights are the
 * principal (Perron) eigenvector of that positive reciprocal matrix,
 * normalised to sum 1, found here by power iteration until no weight moves
 * more than AHP_EPSILON. Its eigenvalue lambda_max is n for perfectly
 * consistent judgments (a_ij = w_i/w_j) and larger otherwise; the
 * consistency index is CI = (lambda_max - n)/(n - 1) and the consistency
 * ratio CR = CI/RI(n), with Saaty's random index RI(n) (the mean CI of
 * random reciprocal matrices): 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
 * 1.45, 1.49 for n = 1..10. Saaty accepts CR <= 0.10. For n = 1 and 2 every
 * matrix is consistent and CR is 0. For n > 10 Saaty's table gives no RI,
 * and we do not borrow one of the later, differing tables: the weights,
 * lambda_max and CI are computed, the CR is marked undefined (has_cr 0);
 * the command line refuses more than 10 criteria (Saaty also advises to
 * compare at most 7 +- 2 elements at once).
 *
 * Several people: E. Forman and K. Peniwati, "Aggregating individual
 * judgments and priorities with the analytic hierarchy process", European
 * Journal of Operational Research 108 (1998) 165-169: when a group acts as
 * one, aggregate the individual judgments (AIJ) by their element-wise
 * geometric mean, which keeps the matrix reciprocal, then compute the
 * weights of that matrix.
 *
 * Direct weights: points divided over the criteria, normalised to sum 1.
 *
 * Matrices are n*n doubles in row-major order: a[i * n + j] is a_ij.
 * Nothing here prints or knows about files; see ahp_read.h for the CSV
 * formats.
 */
#ifndef STEIGER_AHP_H
#define STEIGER_AHP_H

#include <stddef.h>
#include "lib/err.h"

#define AHP_MAX_N 30            /* the most criteria one matrix may have */
#define AHP_RI_MAX_N 10         /* the largest n of Saaty's random index table */
#define AHP_EPSILON 1e-10       /* power iteration stops when no weight moves more */
#define AHP_MAX_ITER 100000     /* ... or after this many iterations (an error) */
#define AHP_RECIPROCAL_TOL 1e-6 /* a_ij * a_ji may differ this much from 1 */
#define AHP_CR_LIMIT 0.10       /* Saaty's limit of an acceptable consistency ratio */
#define AHP_MIN_VALUE 1e-6      /* the smallest judgment accepted */
#define AHP_MAX_VALUE 1e6       /* the largest judgment accepted */

/* The weights of one pairwise matrix and its consistency. */
struct ahp_result {
	size_t n;                 /* number of criteria */
	double weight[AHP_MAX_N]; /* the principal eigenvector, each > 0, sum 1 */
	double lambda_max;        /* its eigenvalue (>= n up to rounding) */
	double ci;                /* consistency index (lambda_max - n)/(n - 1); 0 for n = 1 */
	double ri;                /* Saaty's random index RI(n); 0 when n <= 2 or unknown */
	double cr;                /* consistency ratio CI/RI; 0 for n <= 2; 0 when !has_cr */
	int has_cr;               /* 1 when the CR is defined (n <= AHP_RI_MAX_N) */
	int iterations;           /* power iterations it took */
};

/* Saaty's random index RI(n) for n = 1..AHP_RI_MAX_N (0 for n = 1, 2), or
 * -1 for other n. */
double ahp_random_index(size_t n);

/* Check that a (n*n) is a positive reciprocal matrix: every value finite
 * and within [AHP_MIN_VALUE, AHP_MAX_VALUE], the diagonal 1 within tol, and
 * a_ij * a_ji = 1 within tol. Returns 0, or -1 and sets *row and *col
 * (when not NULL) to the first offending cell, scanning row by row (for a
 * reciprocity error: the cell below the diagonal, j < i). */
int ahp_check(const double *a, size_t n, double tol, size_t *row, size_t *col);

/* The weights, lambda_max, CI and CR of the positive reciprocal matrix a
 * (n*n, 1 <= n <= AHP_MAX_N), into *r. Returns 0, or E_INPUT with e set
 * when n is out of range or a fails ahp_check with AHP_RECIPROCAL_TOL, or
 * E_FAIL when the power iteration does not converge within AHP_MAX_ITER
 * steps. */
int ahp_priorities(const double *a, size_t n, struct ahp_result *r, struct err *e);

/* Whether r's judgments are acceptably consistent: CR <= AHP_CR_LIMIT (and
 * always for n <= 2). Returns 0 when the CR is not defined. */
int ahp_consistent(const struct ahp_result *r);

/* Aggregate m >= 1 matrices mats[0..m) (each n*n) into out (n*n) by the
 * element-wise geometric mean of the judgments (Forman & Peniwati's AIJ).
 * out may not overlap the inputs. Returns 0, or E_INPUT with e set when m
 * or n is out of range or a value is not positive and finite. */
int ahp_aggregate(const double *const *mats, size_t m, size_t n, double *out, struct err *e);

/* Normalise points (n values, 1 <= n <= AHP_MAX_N) to weights summing to 1,
 * into weights. Returns 0, or E_INPUT with e set when a value is negative or
 * not finite, or all are zero. */
int ahp_direct(const double *points, size_t n, double *weights, struct err *e);

#endif
