/*
 * test_form.c - unit tests of the query-string, form-body, request-target
 * and cookie parsers (src/lib/form.h).
 *
 * Covers the decoding rules of application/x-www-form-urlencoded (WHATWG
 * URL standard, section 5.1: '+' is a space, %XX a byte, empty segments
 * skipped, a name without '=' has the empty value), repeated names (check
 * boxes), refusal of bad escapes, NUL and invalid UTF-8, the bounds on
 * pairs and lengths; and Cookie headers as RFC 6265 section 5.4 sends them
 * ("a=1; b=2"), quoted values, malformed pairs skipped, the size bound.
 */
#include "unit.h"

/* Parse text with form_parse into ps (arena a); returns its result. */
static int parse(struct arena *a, const char *text, struct pairs *ps)
{
	return form_parse(a, text, strlen(text), ps);
}

/* '+', %XX, empty segments, names without values, order kept. */
static void test_form_decoding(void **state)
{
	struct arena a;
	struct pairs ps;
	(void)state;
	arena_init(&a);
	assert_int_equal(parse(&a, "q=de+entree&kind=policy&&x&e=caf%C3%A9&pct=100%25&amp=a%26b%3Dc", &ps), 0);
	assert_int_equal(ps.n, 6);
	assert_string_equal(ps.p[0].name, "q");
	assert_string_equal(ps.p[0].value, "de entree");
	assert_string_equal(ps.p[1].value, "policy");
	assert_string_equal(ps.p[2].name, "x");
	assert_string_equal(ps.p[2].value, "");
	assert_string_equal(pairs_get(&ps, "e"), "caf\xc3\xa9");
	assert_string_equal(pairs_get(&ps, "pct"), "100%");
	assert_string_equal(pairs_get(&ps, "amp"), "a&b=c");
	assert_true(pairs_has(&ps, "x"));
	assert_false(pairs_has(&ps, "y"));
	assert_null(pairs_get(&ps, "y"));
	/* '=' in a value after the first one belongs to the value. */
	assert_int_equal(parse(&a, "a=b=c", &ps), 0);
	assert_string_equal(pairs_get(&ps, "a"), "b=c");
	/* Empty input and only separators: no pairs. */
	assert_int_equal(parse(&a, "", &ps), 0);
	assert_int_equal(ps.n, 0);
	assert_int_equal(parse(&a, "&&&", &ps), 0);
	assert_int_equal(ps.n, 0);
	arena_free(&a);
}

/* Repeated names (a group of check boxes) keep every value in order;
 * pairs_get gives the first, pairs_joined all of them. */
static void test_form_repeated(void **state)
{
	struct arena a;
	struct pairs ps;
	(void)state;
	arena_init(&a);
	assert_int_equal(parse(&a, "area=WK1&area=WK2&area=WK3", &ps), 0);
	assert_int_equal(ps.n, 3);
	assert_string_equal(pairs_get(&ps, "area"), "WK1");
	assert_string_equal(ps.p[2].value, "WK3");
	assert_string_equal(pairs_joined(&a, &ps, "area"), "WK1|WK2|WK3");
	assert_null(pairs_joined(&a, &ps, "kind"));
	/* An empty first value (a hidden "none" field) adds no separator. */
	assert_int_equal(parse(&a, "area=&area=WK1&x=1&area=WK2", &ps), 0);
	assert_string_equal(pairs_joined(&a, &ps, "area"), "WK1|WK2");
	assert_int_equal(parse(&a, "area=", &ps), 0);
	assert_string_equal(pairs_joined(&a, &ps, "area"), "");
	arena_free(&a);
}

/* Bad escapes, NUL bytes and invalid UTF-8 are refused, leaving no
 * pairs. */
static void test_form_refused(void **state)
{
	static const char *const bad[] = {
		"a=%",
		"a=%4",
		"a=%zz",
		"a=%G0",
		"%=1",
		"a=%00",
		"a%00b=1",
		"a=%C3",
		"a=%C3%28",
		"a=%FF%FE",
		"a=%ED%A0%80" /* UTF-16 surrogate */,
		"a=%C0%AF" /* overlong '/' */,
	};
	struct arena a;
	struct pairs ps;
	(void)state;
	arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		ps.n = 99;
		if (parse(&a, bad[i], &ps) != -1)
			fail_msg("'%s' was accepted", bad[i]);
		assert_int_equal(ps.n, 0);
	}
	/* A NUL byte inside the raw text (not escaped) is refused too. */
	assert_int_equal(form_parse(&a, "a=1\0b=2", 7, &ps), -1);
	arena_free(&a);
}

/* The bounds: FORM_MAX_PAIRS pairs pass and one more is refused; a name
 * of FORM_MAX_NAME bytes passes and one byte more is refused; the same for
 * values. */
static void test_form_bounds(void **state)
{
	struct arena a;
	struct pairs ps;
	struct buf b = BUF_INIT;
	(void)state;
	arena_init(&a);
	for (int i = 0; i < FORM_MAX_PAIRS; i++)
		buf_printf(&b, "%sk%d=v", i ? "&" : "", i);
	assert_int_equal(form_parse(&a, b.data, b.len, &ps), 0);
	assert_int_equal(ps.n, FORM_MAX_PAIRS);
	assert_string_equal(ps.p[FORM_MAX_PAIRS - 1].name, "k999");
	buf_adds(&b, "&one=more");
	assert_int_equal(form_parse(&a, b.data, b.len, &ps), -1);
	buf_reset(&b);
	for (int i = 0; i < FORM_MAX_NAME; i++)
		buf_addch(&b, 'n');
	buf_adds(&b, "=1");
	assert_int_equal(form_parse(&a, b.data, b.len, &ps), 0);
	buf_reset(&b);
	for (int i = 0; i <= FORM_MAX_NAME; i++)
		buf_addch(&b, 'n');
	buf_adds(&b, "=1");
	assert_int_equal(form_parse(&a, b.data, b.len, &ps), -1);
	buf_reset(&b);
	buf_adds(&b, "v=");
	for (int i = 0; i < FORM_MAX_VALUE; i++)
		buf_addch(&b, 'x');
	assert_int_equal(form_parse(&a, b.data, b.len, &ps), 0);
	assert_int_equal(strlen(pairs_get(&ps, "v")), FORM_MAX_VALUE);
	buf_addch(&b, 'x');
	assert_int_equal(form_parse(&a, b.data, b.len, &ps), -1);
	buf_free(&b);
	arena_free(&a);
}

/* A Cookie header as browsers send it: "; "-separated, quoted values
 * unquoted, values kept as they are (no %-decoding), '=' in a value kept. */
static void test_cookie_header(void **state)
{
	struct arena a;
	struct pairs ps;
	(void)state;
	arena_init(&a);
	assert_int_equal(cookie_parse(&a, "steiger_session=abc123; lang=nl;theme=\"dark\"; b64=YQ==; pct=%41", &ps), 0);
	assert_int_equal(ps.n, 5);
	assert_string_equal(pairs_get(&ps, "steiger_session"), "abc123");
	assert_string_equal(pairs_get(&ps, "lang"), "nl");
	assert_string_equal(pairs_get(&ps, "theme"), "dark");
	assert_string_equal(pairs_get(&ps, "b64"), "YQ==");
	assert_string_equal(pairs_get(&ps, "pct"), "%41");
	/* Malformed pairs are skipped, the good ones kept. */
	assert_int_equal(cookie_parse(&a, "novalue; =empty-name; a b=1; good=yes; (x)=1;;  ; last=1 ", &ps), 0);
	assert_string_equal(pairs_get(&ps, "good"), "yes");
	assert_string_equal(pairs_get(&ps, "last"), "1");
	assert_null(pairs_get(&ps, "novalue"));
	assert_null(pairs_get(&ps, ""));
	assert_null(pairs_get(&ps, "(x)"));
	/* Empty header: no pairs. */
	assert_int_equal(cookie_parse(&a, "", &ps), 0);
	assert_int_equal(ps.n, 0);
	arena_free(&a);
}

/* Cookie bounds: a header over 16 KiB, or more than 64 cookies, is
 * refused. */
static void test_cookie_bounds(void **state)
{
	struct arena a;
	struct pairs ps;
	struct buf b = BUF_INIT;
	(void)state;
	arena_init(&a);
	for (int i = 0; i < 64; i++)
		buf_printf(&b, "%sc%d=v", i ? "; " : "", i);
	assert_int_equal(cookie_parse(&a, b.data, &ps), 0);
	assert_int_equal(ps.n, 64);
	buf_adds(&b, "; one=more");
	assert_int_equal(cookie_parse(&a, b.data, &ps), -1);
	buf_reset(&b);
	buf_adds(&b, "big=");
	while (b.len <= 16 * 1024)
		buf_addch(&b, 'x');
	assert_int_equal(cookie_parse(&a, b.data, &ps), -1);
	buf_free(&b);
	arena_free(&a);
}

/* target_parse: the path up to the first '?', %-decoded with '+' kept;
 * the rest as a query; refused paths. */
static void test_target_parse(void **state)
{
	struct arena a = ARENA_INIT;
	struct pairs q;
	const char *path;
	(void)state;
	assert_int_equal(target_parse(&a, "/items/a+b%20c?kind=policy&x=a+b?c", &path, &q), 0);
	assert_string_equal(path, "/items/a+b c");
	assert_int_equal(q.n, 2);
	assert_string_equal(pairs_get(&q, "kind"), "policy");
	assert_string_equal(pairs_get(&q, "x"), "a b?c");
	assert_int_equal(target_parse(&a, "/", &path, &q), 0);
	assert_string_equal(path, "/");
	assert_int_equal(q.n, 0);
	assert_int_equal(target_parse(&a, "/caf%C3%A9?", &path, &q), 0);
	assert_string_equal(path, "/caf\xc3\xa9");
	assert_int_equal(target_parse(&a, "items", &path, &q), -1);
	assert_int_equal(target_parse(&a, "", &path, &q), -1);
	assert_int_equal(target_parse(&a, "/a%00", &path, &q), -1);
	assert_null(path);
	assert_int_equal(target_parse(&a, "/a%C3%28", &path, &q), -1);
	assert_int_equal(target_parse(&a, "/a%2", &path, &q), -1);
	assert_int_equal(target_parse(&a, "/ok?q=%zz", &path, &q), -1);
	assert_string_equal(path, "/ok");
	assert_int_equal(q.n, 0);
	arena_free(&a);
}

/* cookie_parse skips a pair whose value holds a control character, a
 * quote other than the surrounding pair, or bad UTF-8; UTF-8 text is
 * kept. */
static void test_cookie_bad_values(void **state)
{
	struct arena a = ARENA_INIT;
	struct pairs ps;
	(void)state;
	assert_int_equal(
		cookie_parse(&a, "a=x\x01y; b=\"; c=x\"y; d=\xc3\x28; e=\x7f; f=\"\"x\"\"; ok=\xe2\x82\xac", &ps), 0);
	assert_int_equal(ps.n, 1);
	assert_string_equal(ps.p[0].name, "ok");
	assert_string_equal(ps.p[0].value, "\xe2\x82\xac");
	arena_free(&a);
}

/* Run the tests of this file, printing cmocka's report; the exit status
 * is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_decoding), cmocka_unit_test(test_form_repeated),
		cmocka_unit_test(test_form_refused),  cmocka_unit_test(test_form_bounds),
		cmocka_unit_test(test_cookie_header), cmocka_unit_test(test_cookie_bounds),
		cmocka_unit_test(test_target_parse),  cmocka_unit_test(test_cookie_bad_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
