/*
 * test_form.c - unit tests of the urlencoded, request-target and Cookie
 * parsers (src/lib/form.h).
 *
 * Covers form_parse ('+', %-escapes, pairs without '=', empty segments,
 * duplicate names and pairs_get's first match, the limits on pairs and
 * name length, refusals that leave no pairs behind), target_parse (the
 * path decoded without the '+' rule, the query at the first '?', refused
 * paths) and cookie_parse (blanks and quotes around values, malformed
 * pairs skipped, values with control characters, quotes or bad UTF-8
 * skipped, the limits on header size and pairs).
 */
#include "unit.h"

/* The value of name in ps, or "(none)". */
static const char *value_of(const struct pairs *ps, const char *name)
{
	const char *v = pairs_get(ps, name);
	return v ? v : "(none)";
}

/* form_parse decodes '+' and %-escapes, keeps pairs without '=' with an
 * empty value, skips empty segments, and pairs_get finds the first of a
 * name. */
static void test_form_decoding(void **state)
{
	struct arena a = ARENA_INIT;
	struct pairs ps;
	const char *text = "q=de+entree&e=%E2%82%AC&flag&&tag=a&tag=b&=x&";
	(void)state;
	assert_int_equal(form_parse(&a, text, strlen(text), &ps), 0);
	assert_int_equal(ps.n, 6);
	assert_string_equal(value_of(&ps, "q"), "de entree");
	assert_string_equal(value_of(&ps, "e"), "\xe2\x82\xac");
	assert_string_equal(value_of(&ps, "flag"), "");
	assert_string_equal(value_of(&ps, "tag"), "a");
	assert_string_equal(ps.p[4].value, "b");
	assert_string_equal(value_of(&ps, ""), "x");
	assert_false(pairs_has(&ps, "missing"));
	arena_free(&a);
}

/* form_parse refuses bad escapes, NUL, bad UTF-8 and too much, and then
 * returns no pairs at all. */
static void test_form_refusals(void **state)
{
	static const char *const bad[] = { "a=%", "a=%4", "a=%zz", "a=%00", "a=%C3%28", "ok=1&a=%C0%AF" };
	struct arena a = ARENA_INIT;
	struct pairs ps;
	struct buf many = BUF_INIT;
	char name[FORM_MAX_NAME + 3];
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_int_equal(form_parse(&a, bad[i], strlen(bad[i]), &ps), -1);
		assert_int_equal(ps.n, 0);
	}
	assert_int_equal(form_parse(&a, "a=x\0y", 5, &ps), -1);
	memset(name, 'n', FORM_MAX_NAME);
	memcpy(name + FORM_MAX_NAME, "=1", 3);
	assert_int_equal(form_parse(&a, name, strlen(name), &ps), 0);
	memcpy(name + FORM_MAX_NAME, "n=", 3);
	assert_int_equal(form_parse(&a, name, strlen(name), &ps), -1);
	for (int i = 0; i < FORM_MAX_PAIRS; i++)
		buf_printf(&many, "%sk=%d", i ? "&" : "", i);
	assert_int_equal(form_parse(&a, many.data, many.len, &ps), 0);
	assert_int_equal(ps.n, FORM_MAX_PAIRS);
	buf_adds(&many, "&one=more");
	assert_int_equal(form_parse(&a, many.data, many.len, &ps), -1);
	assert_int_equal(ps.n, 0);
	buf_free(&many);
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
	assert_string_equal(value_of(&q, "kind"), "policy");
	assert_string_equal(value_of(&q, "x"), "a b?c");
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

/* cookie_parse: blanks around values and one pair of quotes go; pairs
 * that are not NAME=VALUE are skipped, the rest kept in order. */
static void test_cookie_pairs(void **state)
{
	struct arena a = ARENA_INIT;
	struct pairs ps;
	(void)state;
	assert_int_equal(cookie_parse(&a, " lang=en ;steiger_session= ab12 ;; q=\"x y\"; e=\"\"; v=a=b", &ps), 0);
	assert_int_equal(ps.n, 5);
	assert_string_equal(value_of(&ps, "lang"), "en");
	assert_string_equal(value_of(&ps, "steiger_session"), "ab12");
	assert_string_equal(value_of(&ps, "q"), "x y");
	assert_string_equal(value_of(&ps, "e"), "");
	assert_string_equal(value_of(&ps, "v"), "a=b");
	assert_int_equal(cookie_parse(&a, "noequals; =v; a b=1; a(b)=2; ok=1; ok=2", &ps), 0);
	assert_int_equal(ps.n, 2);
	assert_string_equal(value_of(&ps, "ok"), "1");
	assert_int_equal(cookie_parse(&a, "", &ps), 0);
	assert_int_equal(ps.n, 0);
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

/* cookie_parse refuses a header over COOKIE_MAX_HEADER bytes or with more
 * than COOKIE_MAX_PAIRS pairs (skipped pairs do not count). */
static void test_cookie_limits(void **state)
{
	struct arena a = ARENA_INIT;
	struct pairs ps;
	struct buf h = BUF_INIT;
	(void)state;
	buf_adds(&h, "a=");
	buf_addchars(&h, 'x', COOKIE_MAX_HEADER - 2);
	assert_int_equal(cookie_parse(&a, h.data, &ps), 0);
	assert_int_equal(strlen(value_of(&ps, "a")), COOKIE_MAX_HEADER - 2);
	buf_addch(&h, 'x');
	assert_int_equal(cookie_parse(&a, h.data, &ps), -1);
	assert_int_equal(ps.n, 0);
	buf_reset(&h);
	for (int i = 0; i < COOKIE_MAX_PAIRS; i++)
		buf_printf(&h, "c%d=%d; bad; ", i, i);
	assert_int_equal(cookie_parse(&a, h.data, &ps), 0);
	assert_int_equal(ps.n, COOKIE_MAX_PAIRS);
	buf_adds(&h, "one=more");
	assert_int_equal(cookie_parse(&a, h.data, &ps), -1);
	assert_int_equal(ps.n, 0);
	buf_free(&h);
	arena_free(&a);
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_decoding),     cmocka_unit_test(test_form_refusals),
		cmocka_unit_test(test_target_parse),      cmocka_unit_test(test_cookie_pairs),
		cmocka_unit_test(test_cookie_bad_values), cmocka_unit_test(test_cookie_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
