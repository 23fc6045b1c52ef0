/*
 * test_expr.c - unit tests of src/lib/expr.h: precedence, comparison,
 * three-valued logic with missing values (as SQL's NULL), missing(),
 * division by zero, and every kind of parse error with its position.
 */
#include "unit.h"
#include "lib/expr.h"
#include <math.h>

static const char *const names[] = { "alignment", "budget", "months", "gone" };

/* alignment 0.5, budget 2e6, months 12, gone missing. */
static const double values[] = { 0.5, 2e6, 12, NAN };

/* The value of text over values (the parse must succeed). */
static double eval(const char *text)
{
	struct expr x;
	struct err e = { 0, "" };
	if (expr_parse(text, names, ARRAY_SIZE(names), &x, &e) != 0)
		fail_msg("\"%s\" did not parse: %s", text, e.msg);
	double v = expr_eval(&x, values);
	expr_free(&x);
	return v;
}

/* Whether text holds over values. */
static int holds(const char *text)
{
	struct expr x;
	struct err e = { 0, "" };
	assert_int_equal(expr_parse(text, names, ARRAY_SIZE(names), &x, &e), 0);
	int t = expr_true(&x, values);
	expr_free(&x);
	return t;
}

/* Arithmetic and its precedence. */
static void test_arithmetic(void **state)
{
	(void)state;
	assert_true(eval("1 + 2 * 3") == 7);
	assert_true(eval("(1 + 2) * 3") == 9);
	assert_true(eval("10 - 4 - 3") == 3);
	assert_true(eval("12 / 4 / 3") == 1);
	assert_true(eval("-2 * -3") == 6);
	assert_true(eval("--2") == 2);
	assert_true(eval("budget / 1e6") == 2);
	assert_true(eval(" alignment*2 ") == 1);
	assert_true(isnan(eval("1 / 0")));
	assert_true(isnan(eval("gone + 1")));
}

/* Comparisons give 1 or 0; logic binds looser than comparison, "and"
 * tighter than "or". */
static void test_logic(void **state)
{
	(void)state;
	assert_true(eval("alignment >= 0.5") == 1);
	assert_true(eval("alignment > 0.5") == 0);
	assert_true(eval("months = 12 and budget != 0") == 1);
	assert_true(eval("alignment < 0 or months <= 12") == 1);
	assert_true(eval("1 or 0 and 0") == 1); /* 1 or (0 and 0) */
	assert_true(eval("not 0 and 0") == 0);  /* (not 0) and 0 */
	assert_true(eval("not (alignment < 0)") == 1);
	assert_true(eval("2") == 2);
	assert_true(holds("2"));
	assert_false(holds("0"));
}

/* A missing value is unknown: comparisons with it are unknown, "and"
 * with false is false, "or" with true is true, "not" keeps it unknown,
 * and an unknown condition does not hold. */
static void test_missing(void **state)
{
	(void)state;
	assert_true(isnan(eval("gone > 1")));
	assert_true(isnan(eval("gone != 1")));
	assert_false(holds("gone != 1"));
	assert_false(holds("not (gone > 1)"));
	assert_true(eval("gone > 1 and alignment < 0") == 0);
	assert_true(isnan(eval("gone > 1 and alignment > 0")));
	assert_true(eval("gone > 1 or alignment > 0") == 1);
	assert_true(isnan(eval("gone > 1 or alignment < 0")));
	assert_true(eval("missing(gone)") == 1);
	assert_true(eval("missing(months)") == 0);
	assert_true(holds("missing(gone) or gone < 3"));
}

/* Parse errors name the position and what was expected. */
static void test_errors(void **state)
{
	static const struct {
		const char *text, *message;
	} bad[] = {
		{ "", "at the end" },
		{ "alignment >", "at the end" },
		{ "alignment > > 1", "at character 13" },
		{ "(alignment", "at the end" },
		{ "alignment)", "at character 10" },
		{ "budgett > 1", "budgett" },
		{ "missing(3)", "at character 9" },
		{ "missing alignment", "at character 9" },
		{ "1 2", "at character 3" },
		{ "and", "at character 1" },
		{ "alignment # 2", "at character 11" },
		{ "1e999", "at character 1" },
	};
	struct expr x;
	struct err e = { 0, "" };
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		if (expr_parse(bad[i].text, names, ARRAY_SIZE(names), &x, &e) != E_INPUT)
			fail_msg("\"%s\" was accepted", bad[i].text);
		if (!strstr(e.msg, bad[i].message))
			fail_msg("\"%s\": \"%s\" does not say \"%s\"", bad[i].text, e.msg, bad[i].message);
		expr_free(&x);
	}
	/* The unknown name's message lists the known ones. */
	assert_int_equal(expr_parse("budgett > 1", names, ARRAY_SIZE(names), &x, &e), E_INPUT);
	assert_non_null(strstr(e.msg, "alignment, budget, months, gone"));
	expr_free(&x);
}

/* The bounds: nesting deeper than EXPR_MAX_DEPTH and text longer than
 * EXPR_MAX_TEXT are refused; at the limits they pass. */
static void test_bounds(void **state)
{
	struct buf b = BUF_INIT;
	struct expr x;
	struct err e = { 0, "" };
	(void)state;
	for (int i = 0; i < EXPR_MAX_DEPTH; i++)
		buf_addch(&b, '(');
	buf_addch(&b, '1');
	for (int i = 0; i < EXPR_MAX_DEPTH; i++)
		buf_addch(&b, ')');
	assert_int_equal(expr_parse(b.data, names, ARRAY_SIZE(names), &x, &e), 0);
	expr_free(&x);
	buf_reset(&b);
	for (int i = 0; i <= EXPR_MAX_DEPTH; i++)
		buf_adds(&b, "not ");
	buf_addch(&b, '1');
	assert_int_equal(expr_parse(b.data, names, ARRAY_SIZE(names), &x, &e), E_INPUT);
	expr_free(&x);
	buf_reset(&b);
	buf_addch(&b, '1');
	while (b.len + 2 <= EXPR_MAX_TEXT)
		buf_adds(&b, "+1");
	assert_int_equal(expr_parse(b.data, names, ARRAY_SIZE(names), &x, &e), 0);
	assert_true(expr_eval(&x, values) == (double)(b.len + 1) / 2);
	expr_free(&x);
	buf_adds(&b, "+1");
	assert_int_equal(expr_parse(b.data, names, ARRAY_SIZE(names), &x, &e), E_INPUT);
	expr_free(&x);
	buf_free(&b);
}

/* Run the tests of this file, printing cmocka's report; the exit status
 * is the number of failures. */
int main(void)
{
	i18n_set(LANG_EN); /* the messages checked are the program's own */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arithmetic), cmocka_unit_test(test_logic),  cmocka_unit_test(test_missing),
		cmocka_unit_test(test_errors),     cmocka_unit_test(test_bounds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
