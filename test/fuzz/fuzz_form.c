/*
 * fuzz_form.c - libFuzzer target for form bodies
 * (application/x-www-form-urlencoded, form_parse).
 *
 * The input bytes are one request body, passed with its length and without
 * a terminating NUL (as the server passes the body it read), so a read past
 * the end shows under AddressSanitizer. Checks (pairs_check.h): form_parse
 * agrees with a second, plain implementation on every input (the pairs, or
 * that the body is refused: a bad %-escape, NUL, text that is not UTF-8,
 * too many or too long pairs); every name and value is a NUL-terminated
 * UTF-8 string within FORM_MAX_NAME and FORM_MAX_VALUE, at most
 * FORM_MAX_PAIRS of them; pairs_get finds the first of each name; and the
 * pairs, encoded again as a browser encodes a form, parse to the same
 * pairs.
 *
 * test/fuzz/replay.c runs the saved corpus (test/fuzz/corpus/form) through
 * the same function in `make test`.
 */
#include "pairs_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* See the header comment. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct pairs ps, again;
	struct model m;
	struct buf enc = BUF_INIT;
	int rc = form_parse(&a, (const char *)data, size, &ps);
	int mrc = model_form((const char *)data, size, &m);
	check_same(rc, &ps, mrc, &m);
	model_free(&m);
	check_bounds(&ps, FORM_MAX_PAIRS, FORM_MAX_NAME, FORM_MAX_VALUE);
	check_lookup(&ps);
	if (rc == 0) {
		form_encode(&enc, &ps);
		must(form_parse(&a, enc.data, enc.len, &again) == 0);
		check_equal_pairs(&ps, &again);
	}
	buf_free(&enc);
	arena_free(&a);
	return 0;
}
