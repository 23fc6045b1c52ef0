/*
 * fuzz_alpha.c - libFuzzer target for the reliability data reader and
 * Krippendorff's alpha.
 *
 * The first input byte chooses the level (0-3: nominal, ordinal,
 * interval, ratio; any other: chosen from the values, as without --level);
 * the rest is one CSV file of reliability data. It goes through
 * reliability_read and, when that succeeds, alpha_compute, and the
 * invariants are checked: failure if and only if there are messages, which
 * are lines of valid UTF-8; every value is a label index or a number, or
 * NaN; the coincidence matrix is symmetric with non-negative cells that sum
 * to the number of pairable values; alpha is at most 1 when defined, and
 * NaN exactly when it is not. The data are passed with their length and no
 * terminating NUL, so a read past the end shows up under AddressSanitizer.
 *
 *   make build-fuzz/fuzz_alpha && build-fuzz/fuzz_alpha test/fuzz/corpus/alpha
 *
 * test/fuzz/replay.c runs the saved corpus (test/fuzz/corpus/alpha) through
 * the same function in `make test`.
 */
#include "steiger.h"
#include "core/reliability.h"
#include "method/alpha.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Check the invariants of a computed result; abort when one fails. */
static void check_result(const struct alpha_result *res)
{
	double sum = 0;
	size_t nv = res->nvalues;
	for (size_t c = 0; c < nv; c++) {
		if (c && !(res->values[c - 1] < res->values[c]))
			abort(); /* values ascending and distinct */
		for (size_t k = 0; k < nv; k++) {
			double o = res->coincidence[c * nv + k], t = res->coincidence[k * nv + c];
			if (!(o >= 0) || fabs(o - t) > 1e-9 * (1 + fabs(o)))
				abort(); /* non-negative and symmetric */
			sum += o;
		}
	}
	if (fabs(sum - (double)res->pairable_values) > 1e-6 * (1 + sum))
		abort(); /* the cells add up to n */
	if (res->pairable_values < 2 * res->pairable_units)
		abort();
	if (res->defined != !isnan(res->alpha))
		abort();
	if (res->defined && !(res->alpha <= 1 + 1e-9))
		abort();
}

/* See the header comment. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reliability rel;
	struct alpha_result res;
	enum alpha_level level = ALPHA_NOMINAL;
	const enum alpha_level *given = NULL;
	struct diag d;
	struct err e;
	int rc;

	if (size < 1)
		return 0;
	if (data[0] < 4) {
		level = (enum alpha_level)data[0];
		given = &level;
	}
	i18n_set(LANG_EN);
	diag_init(&d, 20);
	rc = reliability_read(&rel, "fuzz.csv", (const char *)data + 1, size - 1, given, &d);
	if ((rc < 0) != (d.count > 0))
		abort(); /* failure if and only if there are messages */
	if (d.text.len && d.text.data[d.text.len - 1] != '\n')
		abort();
	if (utf8_invalid_at(d.text.data, d.text.len) != d.text.len)
		abort(); /* messages are valid UTF-8 text */
	if (rc == 0) {
		if (rel.nunits < 1 || rel.ncoders < 1 || (given && rel.level != level))
			abort();
		for (size_t i = 0; i < rel.nunits * rel.ncoders; i++) {
			double v = rel.values[i];
			if (rel.level == ALPHA_NOMINAL && !isnan(v) && !(v >= 0 && v < (double)rel.nlabels))
				abort();
			if (rel.level == ALPHA_RATIO && v < 0)
				abort();
		}
		err_clear(&e);
		rc = alpha_compute(rel.values, rel.nunits, rel.ncoders, rel.level, &res, &e);
		if (rc == 0)
			check_result(&res);
		else if (rc != E_INPUT || !e.msg[0])
			abort();
		alpha_result_free(&res);
	}
	reliability_free(&rel);
	diag_free(&d);
	return 0;
}
