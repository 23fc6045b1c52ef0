/*
 * fuzz_ahp.c - libFuzzer target for the AHP readers and computation.
 *
 * The input bytes are one pairwise comparison matrix file. They go through
 * ahp_matrix_read (CSV, header, row names, fractions, reciprocity) and, when
 * the file is valid, through ahp_priorities and ahp_aggregate (the matrix
 * with itself), checking the invariants: a result if and only if no
 * messages, messages are lines of valid UTF-8, weights positive and summing
 * to 1, lambda_max >= n up to rounding, CR defined up to n = 10, the
 * aggregate of a matrix with itself is that matrix. The same bytes also go
 * through ahp_points_read and ahp_direct. The data is passed with its
 * length and without a terminating NUL, so that any read past the end
 * shows up under AddressSanitizer.
 *
 *   make build-fuzz/fuzz_ahp && build-fuzz/fuzz_ahp test/fuzz/corpus/ahp
 *
 * test/fuzz/replay.c runs the saved corpus (test/fuzz/corpus/ahp) through
 * the same function in `make test`.
 */
#include "steiger.h"
#include "method/ahp.h"
#include "method/ahp_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless the messages of d are lines of valid UTF-8 and there are
 * messages exactly when rc is an error. */
static void check_diag(int rc, const struct diag *d)
{
	if ((rc < 0) != (d->count > 0))
		abort();
	if (d->text.len && d->text.data[d->text.len - 1] != '\n')
		abort();
	if (utf8_invalid_at(d->text.data, d->text.len) != d->text.len)
		abort();
}

/* The matrix reader and the computation. */
static void fuzz_matrix(const char *text, size_t size)
{
	struct ahp_matrix m;
	struct ahp_result r;
	struct diag d;
	struct err e;
	int rc;
	diag_init(&d, 20);
	rc = ahp_matrix_read(&m, "fuzz.csv", text, size, &d);
	check_diag(rc, &d);
	if (rc == 0) {
		double sum = 0, g[AHP_MAX_N * AHP_MAX_N];
		const double *mats[2] = { m.a, m.a };
		if (m.n < 1 || m.n > AHP_MAX_N || ahp_check(m.a, m.n, AHP_RECIPROCAL_TOL, NULL, NULL) < 0)
			abort(); /* the reader only passes positive reciprocal matrices */
		if (ahp_priorities(m.a, m.n, &r, &e) == 0) {
			for (size_t i = 0; i < m.n; i++) {
				if (!(r.weight[i] > 0) || !isfinite(r.weight[i]))
					abort();
				sum += r.weight[i];
			}
			if (fabs(sum - 1) > 1e-9 || !(r.lambda_max >= (double)m.n * (1 - 1e-9)))
				abort();
			if (r.has_cr != (m.n <= AHP_RI_MAX_N) || !isfinite(r.cr) || r.cr < 0)
				abort();
		}
		if (ahp_aggregate(mats, 2, m.n, g, &e) != 0)
			abort();
		for (size_t c = 0; c < m.n * m.n; c++)
			if (fabs(g[c] - m.a[c]) > 1e-9 * m.a[c])
				abort();
	}
	ahp_matrix_free(&m);
	diag_free(&d);
}

/* The points reader and direct weights. */
static void fuzz_points(const char *text, size_t size)
{
	struct ahp_points p;
	struct diag d;
	struct err e;
	double w[AHP_MAX_N];
	int rc;
	diag_init(&d, 20);
	rc = ahp_points_read(&p, "fuzz.csv", text, size, &d);
	check_diag(rc, &d);
	if (rc == 0) {
		double sum = 0;
		if (ahp_direct(p.points, p.n, w, &e) != 0)
			abort(); /* the reader only passes valid points */
		for (size_t i = 0; i < p.n; i++)
			sum += w[i];
		if (fabs(sum - 1) > 1e-9)
			abort();
	}
	ahp_points_free(&p);
	diag_free(&d);
}

/* See the header comment. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	i18n_set(LANG_EN);
	fuzz_matrix((const char *)data, size);
	fuzz_points((const char *)data, size);
	return 0;
}
