/*
 * fuzz_query.c - libFuzzer target for request targets: the path and the
 * query string of "/items?kind=policy&q=de+entree" (target_parse, which
 * the server calls on every request, and form_parse for the query).
 *
 * The input bytes, up to the first NUL, are one request target (the
 * server gets it from libmicrohttpd as a C string); it is copied into a
 * block of exactly that size with its NUL, so a read past the end shows
 * under AddressSanitizer. Checks (pairs_check.h): target_parse agrees
 * with a second, plain implementation (split at the first '?', the path
 * %-decoded without the '+' rule, starting with '/', NUL-free UTF-8; the
 * query as form_parse); the query's pairs are within the bounds of
 * form.h, valid UTF-8, found by pairs_get; and the path and pairs,
 * encoded again, parse to the same path and pairs.
 *
 * test/fuzz/replay.c runs the saved corpus (test/fuzz/corpus/query)
 * through the same function in `make test`.
 */
#include "pairs_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The model of target_parse; returns 0 or -1 and sets *path (heap, or
 * NULL) and m. */
static int model_target(const char *target, char **path, struct model *m)
{
	const char *q = strchr(target, '?');
	size_t plen = q ? (size_t)(q - target) : strlen(target);
	memset(m, 0, sizeof(*m));
	*path = model_decode(target, plen, 0, SIZE_MAX);
	if (!*path || (*path)[0] != '/')
		return -1;
	return model_form(q ? q + 1 : "", q ? strlen(q + 1) : 0, m);
}

/* See the header comment. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = strnlen((const char *)data, size);
	char *target = xmalloc(len + 1), *mpath;
	const char *path = NULL, *path2 = NULL;
	struct arena a = ARENA_INIT;
	struct pairs ps, again;
	struct model m;
	struct buf enc = BUF_INIT;
	int rc, mrc;
	memcpy(target, data, len);
	target[len] = '\0';
	rc = target_parse(&a, target, &path, &ps);
	mrc = model_target(target, &mpath, &m);
	must((path == NULL) == (mpath == NULL));
	must(!path || strcmp(path, mpath) == 0);
	check_same(rc, &ps, mrc, &m);
	if (path) /* a decoded path is NUL-free UTF-8 */
		must(utf8_invalid_at(path, strlen(path)) == strlen(path));
	check_bounds(&ps, FORM_MAX_PAIRS, FORM_MAX_NAME, FORM_MAX_VALUE);
	check_lookup(&ps);
	if (rc == 0) {
		form_escape(&enc, path, 1);
		buf_addch(&enc, '?');
		form_encode(&enc, &ps);
		must(target_parse(&a, enc.data, &path2, &again) == 0);
		must(strcmp(path, path2) == 0);
		check_equal_pairs(&ps, &again);
	}
	free(mpath);
	model_free(&m);
	buf_free(&enc);
	arena_free(&a);
	free(target);
	return 0;
}
