/*
 * fuzz_expr.c - libFuzzer target for the rule expressions (lib/expr.h).
 *
 * The input bytes (cut at the first NUL, as a C string) are parsed with a
 * fixed list of names; a parse that succeeds is evaluated over values that
 * include a missing one, a zero and a negative number. Any crash, an
 * error without a message, or a program that leaves the stack unbalanced
 * (a result that is neither a number nor NaN is impossible to see, so the
 * evaluation simply must not crash) is a finding.
 *
 * test/fuzz/replay.c runs the saved corpus (test/fuzz/corpus/expr) through
 * the same function in `make test`.
 */
#include "steiger.h"
#include "lib/expr.h"
#include <math.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parse and evaluate the input; abort on a broken invariant. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "alignment", "budget", "contract_months", "willingness" };
	const double values[] = { -0.25, 0, 12, NAN };
	char *text = xstrndup((const char *)data, size);
	struct expr x;
	struct err e = { 0, "" };
	int rc = expr_parse(text, names, ARRAY_SIZE(names), &x, &e);
	if (rc == 0) {
		(void)expr_eval(&x, values);
		(void)expr_true(&x, values);
	} else if (rc != E_INPUT || !e.msg[0]) {
		abort();
	}
	expr_free(&x);
	free(text);
	return 0;
}
