/*
 * fuzz_cookie.c - libFuzzer target for Cookie headers (cookie_parse).
 *
 * The input bytes, up to the first NUL, are one Cookie header value (the
 * server gets it from libmicrohttpd as a C string); it is copied into a
 * block of exactly that size with its NUL, so a read past the end shows
 * under AddressSanitizer. Checks (pairs_check.h): cookie_parse agrees
 * with a second, plain implementation of the rules in form.h (pieces
 * split at ';', NAME=VALUE with a token name, blanks and one pair of
 * quotes around the value dropped, pieces of another form or with a
 * control character, a quote or bad UTF-8 in the value skipped; a header
 * over COOKIE_MAX_HEADER bytes or with more than COOKIE_MAX_PAIRS pairs
 * refused); every name and value is valid text within the header's size,
 * names are tokens and values hold no ';' or '"'; pairs_get finds the
 * first of each name; and the pairs, written again as NAME="VALUE"; ...,
 * parse to the same pairs.
 *
 * test/fuzz/replay.c runs the saved corpus (test/fuzz/corpus/cookie)
 * through the same function in `make test`.
 */
#include "pairs_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* See the header comment. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = strnlen((const char *)data, size);
	char *header = xmalloc(len + 1);
	struct arena a = ARENA_INIT;
	struct pairs ps, again;
	struct model m;
	struct buf out = BUF_INIT;
	int rc, mrc;
	memcpy(header, data, len);
	header[len] = '\0';
	rc = cookie_parse(&a, header, &ps);
	mrc = model_cookie(header, &m);
	check_same(rc, &ps, mrc, &m);
	model_free(&m);
	check_bounds(&ps, COOKIE_MAX_PAIRS, len, len);
	check_lookup(&ps);
	for (size_t i = 0; i < ps.n; i++) {
		must(ps.p[i].name[0] != '\0');
		for (const char *c = ps.p[i].name; *c; c++)
			must(model_token_char((unsigned char)*c));
		must(!strchr(ps.p[i].value, ';') && !strchr(ps.p[i].value, '"'));
	}
	if (rc == 0) {
		for (size_t i = 0; i < ps.n; i++)
			buf_printf(&out, "%s%s=\"%s\"", i ? "; " : "", ps.p[i].name, ps.p[i].value);
		if (out.len <= COOKIE_MAX_HEADER) {
			must(cookie_parse(&a, out.data, &again) == 0);
			check_equal_pairs(&ps, &again);
		}
	}
	buf_free(&out);
	arena_free(&a);
	free(header);
	return 0;
}
