/*
 * alpha.c - Krippendorff's alpha (see alpha.h for the method and its
 * sources: Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability";
 * Krippendorff 2004, "Content Analysis", ch. 11).
 */
#include "steiger.h"
#include "method/alpha.h"

/* The level names, in the order of enum alpha_level. */
static const char *const level_names[] = { "nominal", "ordinal", "interval", "ratio" };

/* See alpha.h. */
const char *alpha_level_name(enum alpha_level level)
{
	return (size_t)level < ARRAY_SIZE(level_names) ? level_names[level] : "?";
}

/* See alpha.h. */
int alpha_level_parse(const char *s, enum alpha_level *out)
{
	static const struct {
		const char *name;       /* a name people may type */
		enum alpha_level level; /* the level it means */
	} names[] = {
		{ "nominal", ALPHA_NOMINAL },  { "nominaal", ALPHA_NOMINAL },  { "ordinal", ALPHA_ORDINAL },
		{ "ordinaal", ALPHA_ORDINAL }, { "interval", ALPHA_INTERVAL }, { "ratio", ALPHA_RATIO },
	};
	if (!s)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcasecmp(s, names[i].name) == 0) {
			*out = names[i].level;
			return 0;
		}
	return -1;
}

/* See alpha.h. */
void alpha_result_free(struct alpha_result *res)
{
	free(res->values);
	free(res->coincidence);
	free(res->marginals);
	memset(res, 0, sizeof(*res));
	res->alpha = NAN;
}

/* The index of v in the ascending array vals[0..n), or -1. */
static long find_value(const double *vals, size_t n, double v)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (vals[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && vals[lo] == v ? (long)lo : -1;
}

/* Insert v into the ascending array vals[0..*n) (room for max entries)
 * unless it is there. Returns 0, or -1 when it would exceed max. */
static int add_value(double *vals, size_t *n, size_t max, double v)
{
	size_t lo = 0, hi = *n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (vals[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < *n && vals[lo] == v)
		return 0;
	if (*n >= max)
		return -1;
	memmove(vals + lo + 1, vals + lo, (*n - lo) * sizeof(*vals));
	vals[lo] = v;
	(*n)++;
	return 0;
}

/* The difference delta2 of level between values[c] and values[k]; prefix
 * holds the running sums of the marginals (prefix[i] = n_0 + ... + n_{i-1})
 * for the ordinal level. */
static double delta2(enum alpha_level level, const double *values, const double *marg, const double *prefix, size_t c,
		     size_t k)
{
	double a = values[c], b = values[k], d;
	size_t lo = c < k ? c : k, hi = c < k ? k : c;
	switch (level) {
	case ALPHA_NOMINAL: return c == k ? 0.0 : 1.0;
	case ALPHA_ORDINAL: d = (prefix[hi + 1] - prefix[lo]) - (marg[c] + marg[k]) / 2; return d * d;
	case ALPHA_INTERVAL: return (a - b) * (a - b);
	case ALPHA_RATIO:
		if (a + b == 0)
			return 0.0; /* only when both are 0 (values are not negative) */
		d = (a - b) / (a + b);
		return d * d;
	}
	return 0.0;
}

/* See alpha.h. */
double alpha_delta2(const struct alpha_result *res, size_t c, size_t k)
{
	double *prefix = xcalloc(res->nvalues + 1, sizeof(*prefix)), d;
	for (size_t i = 0; i < res->nvalues; i++)
		prefix[i + 1] = prefix[i] + res->marginals[i];
	d = delta2(res->level, res->values, res->marginals, prefix, c, k);
	free(prefix);
	return d;
}

/* Compare two size_t values, for qsort. */
static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* See alpha.h. */
int alpha_compute(const double *data, size_t units, size_t coders, enum alpha_level level, struct alpha_result *res,
		  struct err *e)
{
	size_t nv = 0, *idx = NULL;
	double *vals = NULL, *prefix = NULL, n = 0, dobs = 0, dexp = 0;
	int rc = 0;

	memset(res, 0, sizeof(*res));
	res->alpha = NAN;
	res->level = level;
	if ((size_t)level >= ARRAY_SIZE(level_names))
		return err_set(e, E_INTERNAL, "alpha: unknown level %d", (int)level);
	if (coders && units > SIZE_MAX / coders)
		return err_set(e, E_INPUT, _("too many values"));

	/* 1. The distinct values of the pairable units, ascending. */
	vals = xcalloc(ALPHA_MAX_VALUES, sizeof(*vals));
	for (size_t u = 0; u < units; u++) {
		const double *row = data + u * coders;
		size_t m = 0;
		for (size_t j = 0; j < coders; j++)
			m += !isnan(row[j]);
		if (m < 2)
			continue;
		res->pairable_units++;
		res->pairable_values += m;
		for (size_t j = 0; j < coders; j++) {
			double v = row[j];
			if (isnan(v))
				continue;
			if (!(fabs(v) <= ALPHA_MAX_MAGNITUDE)) {
				rc = err_set(e, E_INPUT, _("unit %zu: expected a number from -1e100 to 1e100"), u + 1);
				goto out;
			}
			if (level == ALPHA_RATIO && v < 0) {
				rc = err_set(e, E_INPUT, _("unit %zu: a ratio value cannot be negative, found %g"),
					     u + 1, v);
				goto out;
			}
			if (add_value(vals, &nv, ALPHA_MAX_VALUES, v) < 0) {
				rc = err_set(e, E_INPUT, _("more than %d different values"), ALPHA_MAX_VALUES);
				goto out;
			}
		}
	}
	if (res->pairable_units == 0) {
		rc = err_set(e, E_INPUT, _("no unit has values of two or more coders, so there is nothing to compare"));
		goto out;
	}

	/* 2. The coincidence matrix: in a unit with m values, every ordered
	 * pair of values of different coders adds 1/(m-1). With the counts
	 * n_uc of each value in the unit: o_ck += n_uc*n_uk/(m-1) for c != k
	 * and n_uc*(n_uc - 1)/(m-1) on the diagonal. */
	res->nvalues = nv;
	res->values = xcalloc(nv ? nv : 1, sizeof(*res->values));
	memcpy(res->values, vals, nv * sizeof(*vals));
	res->coincidence = xcalloc(nv ? nv * nv : 1, sizeof(*res->coincidence));
	res->marginals = xcalloc(nv ? nv : 1, sizeof(*res->marginals));
	idx = xcalloc(coders ? coders : 1, sizeof(*idx));
	for (size_t u = 0; u < units; u++) {
		const double *row = data + u * coders;
		size_t m = 0;
		for (size_t j = 0; j < coders; j++)
			m += !isnan(row[j]);
		if (m < 2)
			continue; /* not pairable: its value is not in res->values */
		m = 0;
		for (size_t j = 0; j < coders; j++)
			if (!isnan(row[j])) {
				long at = find_value(res->values, nv, row[j]);
				if (NEVER(at < 0)) {
					rc = err_set(e, E_INTERNAL, "alpha: value not found");
					goto out;
				}
				idx[m++] = (size_t)at;
			}
		qsort(idx, m, sizeof(*idx), cmp_size);
		/* runs of equal indices are the counts n_uc */
		for (size_t i = 0; i < m;) {
			size_t i2 = i;
			while (i2 < m && idx[i2] == idx[i])
				i2++;
			for (size_t j = 0; j < m;) {
				size_t j2 = j;
				while (j2 < m && idx[j2] == idx[j])
					j2++;
				double cnt_c = (double)(i2 - i), cnt_k = (double)(j2 - j);
				double add = idx[i] == idx[j] ? cnt_c * (cnt_c - 1) : cnt_c * cnt_k;
				res->coincidence[idx[i] * nv + idx[j]] += add / (double)(m - 1);
				j = j2;
			}
			i = i2;
		}
	}
	for (size_t c = 0; c < nv; c++) {
		for (size_t k = 0; k < nv; k++)
			res->marginals[c] += res->coincidence[c * nv + k];
		n += res->marginals[c];
	}

	/* 3. Observed and expected disagreement. */
	prefix = xcalloc(nv + 1, sizeof(*prefix));
	for (size_t i = 0; i < nv; i++)
		prefix[i + 1] = prefix[i] + res->marginals[i];
	for (size_t c = 0; c < nv; c++)
		for (size_t k = 0; k < nv; k++) {
			double d = delta2(level, res->values, res->marginals, prefix, c, k);
			dobs += res->coincidence[c * nv + k] * d;
			dexp += res->marginals[c] * res->marginals[k] * d;
		}
	res->observed = dobs / n;
	res->expected = dexp / (n * (n - 1));
	if (res->expected > 0) {
		res->defined = 1;
		res->alpha = 1 - res->observed / res->expected;
	}
out:
	free(vals);
	free(idx);
	free(prefix);
	return rc;
}
