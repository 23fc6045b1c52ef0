/*
 * ahp.c - the Analytic Hierarchy Process (Saaty 1980): principal
 * eigenvector by power iteration, consistency index and ratio, geometric
 * mean aggregation of several people's judgments (Forman & Peniwati 1998),
 * and direct weights. See ahp.h.
 */
#include "steiger.h"
#include "method/ahp.h"

/* Saaty's random index for n = 1..10 (Saaty 1980). */
static const double random_index[AHP_RI_MAX_N] = { 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 };

/* See ahp.h. */
double ahp_random_index(size_t n)
{
	if (n < 1 || n > AHP_RI_MAX_N)
		return -1;
	return random_index[n - 1];
}

/* Whether v is a judgment we accept: finite and within the value bounds. */
static int value_ok(double v)
{
	return isfinite(v) && v >= AHP_MIN_VALUE && v <= AHP_MAX_VALUE;
}

/* See ahp.h. */
int ahp_check(const double *a, size_t n, double tol, size_t *row, size_t *col)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			double v = a[i * n + j];
			int bad = !value_ok(v);
			if (!bad && i == j)
				bad = !(fabs(v - 1) <= tol);
			if (!bad && j < i)
				bad = !(fabs(v * a[j * n + i] - 1) <= tol);
			if (bad) {
				if (row)
					*row = i;
				if (col)
					*col = j;
				return -1;
			}
		}
	}
	return 0;
}

/* See ahp.h. */
int ahp_priorities(const double *a, size_t n, struct ahp_result *r, struct err *e)
{
	double next[AHP_MAX_N];
	size_t bi = 0, bj = 0;
	memset(r, 0, sizeof(*r));
	if (n < 1 || n > AHP_MAX_N)
		return err_set(e, E_INPUT, _("expected 1 to %d criteria, found %zu"), AHP_MAX_N, n);
	if (ahp_check(a, n, AHP_RECIPROCAL_TOL, &bi, &bj) < 0)
		return err_set(e, E_INPUT, _("not a positive reciprocal matrix at row %zu, column %zu"), bi + 1,
			       bj + 1);
	r->n = n;
	for (size_t i = 0; i < n; i++)
		r->weight[i] = 1.0 / (double)n;
	for (;;) {
		double sum = 0, moved = 0;
		for (size_t i = 0; i < n; i++) {
			double s = 0;
			for (size_t j = 0; j < n; j++)
				s += a[i * n + j] * r->weight[j];
			next[i] = s;
			sum += s;
		}
		for (size_t i = 0; i < n; i++) {
			double w = next[i] / sum;
			if (fabs(w - r->weight[i]) > moved)
				moved = fabs(w - r->weight[i]);
			r->weight[i] = w;
		}
		r->iterations++;
		if (moved < AHP_EPSILON)
			break;
		if (r->iterations >= AHP_MAX_ITER)
			return err_set(e, E_FAIL, _("the weights did not converge after %d iterations"), AHP_MAX_ITER);
	}
	/* lambda_max: A w = lambda w, so for w summing to 1 the sum of A w */
	{
		double sum = 0;
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++)
				sum += a[i * n + j] * r->weight[j];
		r->lambda_max = sum;
	}
	r->ci = n > 1 ? (r->lambda_max - (double)n) / (double)(n - 1) : 0;
	/* rounding can put lambda_max a hair below n for a consistent matrix */
	if (r->ci < 0 && r->ci > -1e-9)
		r->ci = 0;
	r->has_cr = n <= AHP_RI_MAX_N;
	r->ri = r->has_cr ? ahp_random_index(n) : 0;
	r->cr = r->ri > 0 ? r->ci / r->ri : 0;
	return 0;
}

/* See ahp.h. */
int ahp_consistent(const struct ahp_result *r)
{
	return r->has_cr && r->cr <= AHP_CR_LIMIT;
}

/* See ahp.h. */
int ahp_aggregate(const double *const *mats, size_t m, size_t n, double *out, struct err *e)
{
	if (m < 1)
		return err_set(e, E_INPUT, _("expected at least one matrix to aggregate"));
	if (n < 1 || n > AHP_MAX_N)
		return err_set(e, E_INPUT, _("expected 1 to %d criteria, found %zu"), AHP_MAX_N, n);
	for (size_t c = 0; c < n * n; c++) {
		double logsum = 0;
		for (size_t k = 0; k < m; k++) {
			double v = mats[k][c];
			if (!(isfinite(v) && v > 0))
				return err_set(e, E_INPUT,
					       _("matrix %zu: expected a positive number at row %zu, column %zu"),
					       k + 1, c / n + 1, c % n + 1);
			logsum += log(v);
		}
		out[c] = exp(logsum / (double)m);
	}
	return 0;
}

/* See ahp.h. */
int ahp_direct(const double *points, size_t n, double *weights, struct err *e)
{
	double sum = 0;
	if (n < 1 || n > AHP_MAX_N)
		return err_set(e, E_INPUT, _("expected 1 to %d criteria, found %zu"), AHP_MAX_N, n);
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(points[i]) || points[i] < 0)
			return err_set(e, E_INPUT, _("criterion %zu: expected zero or more points"), i + 1);
		sum += points[i];
	}
	if (!(sum > 0) || !isfinite(sum))
		return err_set(e, E_INPUT, _("expected points that add up to more than zero"));
	for (size_t i = 0; i < n; i++)
		weights[i] = points[i] / sum;
	return 0;
}
