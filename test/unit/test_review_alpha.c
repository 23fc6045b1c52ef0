/*
 * test_review_alpha.c - unit tests of src/core/review_alpha.h: Krippendorff's
 * alpha per criterion of a round (ordinal; items are units, assessors
 * coders, n.v.t. missing).
 *
 * Worked by hand: two items each scored 1 and 2 by two assessors. The
 * values 1 and 2 occur twice each (n = 4); each unit adds 1 to o_12 and
 * to o_21; the ordinal delta2_12 = (n_1 + n_2 - (n_1 + n_2) / 2)^2 = 4.
 * D_o = (2 + 2) * 4 / 4 = 4, D_e = (2 * 2 + 2 * 2) * 4 / (4 * 3) = 8/3,
 * alpha = 1 - 4 / (8/3) = -1/2.
 */
#include "unit.h"
#include "core/review_alpha.h"
#include "method/alpha.h"
#include <math.h>

/* Assert that x is within 1e-9 of want. */
#define assert_near(x, want) assert_true(fabs((x) - (want)) < 1e-9)

static const struct review_item items[] = {
	{ "a", "A", "policy", 0, 0, 0, NULL, 0, 0, NAN, NAN },
	{ "b", "B", "programme", 0, 0, 0, NULL, 0, 0, NAN, NAN },
	{ "c", "C", "project", 0, 0, 0, NULL, 0, 0, NAN, NAN },
};

static const struct review_criterion criteria[] = {
	{ "h1", "H1", "hoofdlijn", 0 },
	{ "h2", "H2", "hoofdlijn", 0 },
	{ "p1", "P1", "pillar", 0 },
};

/* The round of these scores (three items, the criteria above, three
 * assessors, scale -2..2). */
static struct review_input input(const struct review_score *scores, size_t n)
{
	struct review_input in = { 0 };
	in.items = items;
	in.nitems = ARRAY_SIZE(items);
	in.criteria = criteria;
	in.ncriteria = ARRAY_SIZE(criteria);
	in.nassessors = 3;
	in.scores = scores;
	in.nscores = n;
	in.scale_min = -2;
	in.scale_max = 2;
	return in;
}

/* The worked example of the file comment, with scores of other criteria
 * and an n.v.t. that must not count. */
static void test_worked(void **state)
{
	(void)state;
	/* item, criterion, assessor, na, score */
	static const struct review_score s[] = {
		{ 0, 0, 0, 0, 1 },  { 0, 0, 1, 0, 2 }, { 1, 0, 0, 0, 1 },
		{ 1, 0, 1, 0, 2 },  { 1, 0, 2, 1, 2 }, /* n.v.t.: missing */
		{ 0, 1, 0, 0, -2 }, { 0, 1, 1, 0, 2 }, { 2, 1, 2, 0, 1 },
	};
	struct review_input in = input(s, ARRAY_SIZE(s));
	assert_near(review_alpha(&in, 0), -0.5);
}

/* Full agreement over different values is 1; criteria without two
 * numeric scores of an item, or without variation, have no alpha. */
static void test_agreement_and_undefined(void **state)
{
	(void)state;
	static const struct review_score s[] = {
		{ 0, 0, 0, 0, 2 },  { 0, 0, 1, 0, 2 }, { 0, 0, 2, 0, 2 }, { 1, 0, 0, 0, -1 },
		{ 1, 0, 1, 0, -1 }, { 0, 1, 0, 0, 1 }, { 1, 1, 1, 0, 1 }, /* h2: never two on one item */
		{ 0, 2, 0, 0, 1 },  { 0, 2, 1, 0, 1 }, { 1, 2, 0, 0, 1 }, /* p1: all alike */
	};
	struct review_input in = input(s, ARRAY_SIZE(s));
	assert_near(review_alpha(&in, 0), 1);
	assert_true(isnan(review_alpha(&in, 1)));
	assert_true(isnan(review_alpha(&in, 2)));
	assert_true(isnan(review_alpha(&in, 3))); /* no such criterion */
	in.nscores = 0;
	assert_true(isnan(review_alpha(&in, 0)));
}

/* The same as method/alpha.h on the units x coders matrix written out by
 * hand, for the round of test_review.c's h1 (A: 2, 1, 2; B: -1, -2). */
static void test_matrix(void **state)
{
	(void)state;
	static const struct review_score s[] = {
		{ 0, 0, 0, 0, 2 }, { 0, 0, 1, 0, 1 }, { 0, 0, 2, 0, 2 }, { 1, 0, 0, 0, -1 }, { 1, 0, 1, 0, -2 },
	};
	const double data[] = { 2, 1, 2, -1, -2, NAN, NAN, NAN, NAN };
	struct alpha_result res;
	struct err e = { 0, "" };
	struct review_input in = input(s, ARRAY_SIZE(s));
	memset(&res, 0, sizeof(res));
	assert_int_equal(alpha_compute(data, 3, 3, ALPHA_ORDINAL, &res, &e), 0);
	assert_true(res.defined);
	assert_near(review_alpha(&in, 0), res.alpha);
	alpha_result_free(&res);
}

/* Run the tests of this file, printing cmocka's report; the exit status
 * is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked),
		cmocka_unit_test(test_agreement_and_undefined),
		cmocka_unit_test(test_matrix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
