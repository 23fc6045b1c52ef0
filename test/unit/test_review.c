/*
 * test_review.c - unit tests of src/core/review.h on a small round worked
 * out by hand: three items (A, B, C), two main lines h1 (weight 2) and h2
 * (weight 1), two pillars p1 and p2, three assessors, scale -2..2 (M = 2).
 *
 *   A: h1 = 2, 1, 2   h2 = 0, n.v.t., 1   p1 = 1, 1       budget 2 M, 4 fte
 *   B: h1 = -1, -2    h2 = 0              p1 = n.v.t. x2   budget 0, 2 fte
 *   C: h2 = 2 (assessor 2)                                 budget 1 M, 0 fte
 *
 * Alignment A = (2 * 5/3 + 1 * 1/3) / (2 * 3) = 11/18; B = (2 * -1.5 +
 * 1 * 0) / 6 = -1/2; C = (1 * 2) / (2 * 1) = 1. Per assessor, A: 4/6,
 * 2/6, 5/6; B: -1/3 (h1 and h2) and -1 (h1 only). Coverage of h1: A
 * contributes (5/3) / 2 = 5/6; of h2: A 1/6 and C 1; of p1: A 1/2; p2:
 * nothing (a blind spot, and a gap: 0 < 0.5 * the pillars' mean 1/4).
 */
#include "unit.h"
#include "core/review.h"
#include <math.h>

/* Assert that x is within 1e-9 of want. */
#define assert_near(x, want) assert_true(fabs((x) - (want)) < 1e-9)

static const struct review_item items[] = {
	{ "a", "A", "policy", 2e6, 4, 0, NULL, 0, 0, NAN, NAN },
	{ "b", "B", "programme", 0, 2, 0, NULL, 0, 0, NAN, NAN },
	{ "c", "C", "project", 1e6, 0, 0, NULL, 0, 0, NAN, NAN },
};

/* h1, h2, p1, p2. */
static const struct review_criterion criteria[] = {
	{ "h1", "H1", "hoofdlijn", 2 },
	{ "h2", "H2", "hoofdlijn", 1 },
	{ "p1", "P1", "pillar", 0 },
	{ "p2", "P2", "pillar", 0 },
};

/* item, criterion, assessor, na, score. */
static const struct review_score scores[] = {
	{ 0, 0, 0, 0, 2 }, { 0, 0, 1, 0, 1 }, { 0, 0, 2, 0, 2 }, { 0, 1, 0, 0, 0 },  { 0, 1, 1, 1, 0 },
	{ 0, 1, 2, 0, 1 }, { 0, 2, 0, 0, 1 }, { 0, 2, 1, 0, 1 }, { 1, 0, 0, 0, -1 }, { 1, 0, 1, 0, -2 },
	{ 1, 1, 0, 0, 0 }, { 1, 2, 0, 1, 0 }, { 1, 2, 1, 1, 0 }, { 2, 1, 2, 0, 2 },
};

/* The round above as review input. */
static struct review_input input(void)
{
	struct review_input in = { 0 };
	in.items = items;
	in.nitems = ARRAY_SIZE(items);
	in.criteria = criteria;
	in.ncriteria = ARRAY_SIZE(criteria);
	in.nassessors = 3;
	in.scores = scores;
	in.nscores = ARRAY_SIZE(scores);
	in.scale_min = -2;
	in.scale_max = 2;
	return in;
}

/* The sample standard deviation of n values. */
static double sd_of(const double *v, int n)
{
	double m = 0, s = 0;
	for (int i = 0; i < n; i++)
		m += v[i] / n;
	for (int i = 0; i < n; i++)
		s += (v[i] - m) * (v[i] - m);
	return sqrt(s / (n - 1));
}

/* Cells: means with n.v.t. as 0, standard deviations of the numbers. */
static void test_cells(void **state)
{
	struct review_input in = input();
	struct review r;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(review_compute(&in, &r, &e), 0);
	assert_near(review_cell(&r, 0, 0)->mean, 5.0 / 3);
	assert_near(review_cell(&r, 0, 0)->sd, sd_of((double[]){ 2, 1, 2 }, 3));
	assert_int_equal(review_cell(&r, 0, 1)->n, 3);
	assert_int_equal(review_cell(&r, 0, 1)->numeric, 2);
	assert_near(review_cell(&r, 0, 1)->mean, 1.0 / 3);
	assert_near(review_cell(&r, 0, 1)->sd, sd_of((double[]){ 0, 1 }, 2));
	assert_near(review_cell(&r, 1, 2)->mean, 0);
	assert_true(isnan(review_cell(&r, 1, 2)->sd));
	assert_int_equal(review_cell(&r, 2, 3)->n, 0);
	assert_true(isnan(review_cell(&r, 2, 3)->mean));
	review_free(&r);
}

/* Alignment with its standard error, per euro and per fte. */
static void test_alignment(void **state)
{
	struct review_input in = input();
	struct review r;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(review_compute(&in, &r, &e), 0);
	assert_near(r.items[0].alignment, 11.0 / 18);
	assert_near(r.items[1].alignment, -0.5);
	assert_near(r.items[2].alignment, 1.0);
	assert_near(r.items[0].alignment_se, sd_of((double[]){ 4.0 / 6, 2.0 / 6, 5.0 / 6 }, 3) / sqrt(3));
	assert_near(r.items[1].alignment_se, sd_of((double[]){ -1.0 / 3, -1.0 }, 2) / sqrt(2));
	assert_near(r.items[2].alignment_se, 0);
	assert_near(r.items[0].per_meur, 11.0 / 18 / 2);
	assert_true(isnan(r.items[1].per_meur));
	assert_near(r.items[2].per_meur, 1.0);
	assert_near(r.items[0].per_fte, 11.0 / 18 / 4);
	assert_near(r.items[1].per_fte, -0.25);
	assert_true(isnan(r.items[2].per_fte));
	assert_int_equal(r.items[0].assessors, 3);
	assert_int_equal(r.items[1].assessors, 2);
	assert_int_equal(r.items[2].assessors, 1);
	assert_true(isnan(r.items[0].urgent)); /* no urgent issue among the criteria */
	review_free(&r);
}

/* Urgent: the mean over the urgent issues of mean / M. With p1 and p2 as
 * urgent issues, A has p1 only: 1 / 2; B has p1 (n.v.t. twice): 0. */
static void test_urgent(void **state)
{
	struct review_criterion urgent[ARRAY_SIZE(criteria)];
	struct review_input in = input();
	struct review r;
	struct err e = { 0, "" };
	(void)state;
	memcpy(urgent, criteria, sizeof(criteria));
	urgent[2].kind = urgent[3].kind = "urgent_issue";
	in.criteria = urgent;
	assert_int_equal(review_compute(&in, &r, &e), 0);
	assert_near(r.items[0].urgent, 0.5);
	assert_near(r.items[1].urgent, 0);
	assert_true(isnan(r.items[2].urgent));
	review_free(&r);
}

/* Without weights the main lines count alike: A = (5/3 + 1/3) / (2 * 2). */
static void test_equal_weights(void **state)
{
	struct review_criterion unweighted[ARRAY_SIZE(criteria)];
	struct review_input in = input();
	struct review r;
	struct err e = { 0, "" };
	(void)state;
	memcpy(unweighted, criteria, sizeof(criteria));
	unweighted[0].weight = unweighted[1].weight = 0;
	in.criteria = unweighted;
	assert_int_equal(review_compute(&in, &r, &e), 0);
	assert_near(r.items[0].alignment, 0.5);
	review_free(&r);
}

/* Coverage, gaps and blind spots. */
static void test_coverage(void **state)
{
	struct review_input in = input();
	struct review r;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(review_compute(&in, &r, &e), 0);
	assert_int_equal(r.criteria[0].items, 1);
	assert_near(r.criteria[0].weighted_items, 5.0 / 6);
	assert_near(r.criteria[0].budget, 2e6 * 5 / 6);
	assert_near(r.criteria[0].fte, 4.0 * 5 / 6);
	assert_int_equal(r.criteria[1].items, 2);
	assert_near(r.criteria[1].weighted_items, 7.0 / 6);
	assert_near(r.criteria[1].budget, 2e6 / 6 + 1e6);
	assert_near(r.criteria[2].weighted_items, 0.5);
	assert_near(r.criteria[2].budget, 1e6);
	assert_int_equal(r.criteria[3].items, 0);
	assert_false(r.criteria[0].gap || r.criteria[1].gap || r.criteria[2].gap);
	assert_true(r.criteria[3].gap && r.criteria[3].blind);
	assert_false(r.criteria[2].blind);
	/* A stricter threshold: h1 (5/6) is below 0.9 * the main lines' mean (1). */
	in.gap_share = 0.9;
	review_free(&r);
	assert_int_equal(review_compute(&in, &r, &e), 0);
	assert_true(r.criteria[0].gap);
	assert_false(r.criteria[1].gap);
	review_free(&r);
}

/* Spread and the contested items: B (sd of -1, -2) before A (mean of
 * three sds); C has no cell with two numbers. */
static void test_contested(void **state)
{
	struct review_input in = input();
	struct review r;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(review_compute(&in, &r, &e), 0);
	double a = (sd_of((double[]){ 2, 1, 2 }, 3) + sd_of((double[]){ 0, 1 }, 2) + 0) / 3;
	assert_near(r.items[0].spread, a);
	assert_near(r.items[1].spread, sd_of((double[]){ -1, -2 }, 2));
	assert_true(isnan(r.items[2].spread));
	assert_int_equal(r.ncontested, 2);
	assert_int_equal(r.contested[0], 1);
	assert_int_equal(r.contested[1], 0);
	review_free(&r);
}

/* Scores outside the scale or the input, and an empty scale. */
static void test_refused(void **state)
{
	struct review_score bad[] = { { 0, 0, 0, 0, 3 } };
	struct review_input in = input();
	struct review r;
	struct err e = { 0, "" };
	(void)state;
	in.scores = bad;
	in.nscores = 1;
	assert_int_equal(review_compute(&in, &r, &e), E_INPUT);
	bad[0].score = 1;
	bad[0].assessor = 3;
	assert_int_equal(review_compute(&in, &r, &e), E_INPUT);
	bad[0].assessor = 0;
	bad[0].criterion = 4;
	assert_int_equal(review_compute(&in, &r, &e), E_INPUT);
	bad[0].criterion = 0;
	bad[0].na = 1;
	bad[0].score = 99; /* ignored with n.v.t. */
	assert_int_equal(review_compute(&in, &r, &e), 0);
	review_free(&r);
	in.scale_min = in.scale_max = 2;
	assert_int_equal(review_compute(&in, &r, &e), E_INPUT);
}

/* Track 2's order: policy documents left out; urgent first, then
 * willingness, then the area's place, then alignment; missing values
 * last. */
static void test_priority(void **state)
{
	struct review_item its[ARRAY_SIZE(items)];
	struct review_criterion urgent[ARRAY_SIZE(criteria)];
	struct review_input in = input();
	struct review r;
	struct err e = { 0, "" };
	size_t n, *order;
	(void)state;
	/* Nothing but alignment tells b (-0.5) and c (1) apart. */
	assert_int_equal(review_compute(&in, &r, &e), 0);
	order = review_priority(&in, &r, &n);
	assert_int_equal(n, 2);
	assert_int_equal(order[0], 2);
	assert_int_equal(order[1], 1);
	free(order);
	/* Willingness beats alignment; the area's place beats alignment too. */
	memcpy(its, items, sizeof(items));
	its[1].willingness = 4;
	in.items = its;
	order = review_priority(&in, &r, &n);
	assert_int_equal(order[0], 1);
	free(order);
	its[1].willingness = NAN;
	its[1].area_rank = 1;
	its[2].area_rank = 2;
	order = review_priority(&in, &r, &n);
	assert_int_equal(order[0], 1);
	free(order);
	review_free(&r);
	/* Impact on the urgent issues comes first: b has p1 (as an urgent
	 * issue, mean 0), c has none. */
	memcpy(urgent, criteria, sizeof(criteria));
	urgent[2].kind = urgent[3].kind = "urgent_issue";
	in.criteria = urgent;
	in.items = items;
	assert_int_equal(review_compute(&in, &r, &e), 0);
	order = review_priority(&in, &r, &n);
	assert_int_equal(order[0], 1);
	assert_int_equal(order[1], 2);
	free(order);
	review_free(&r);
}

/* Run the tests of this file, printing cmocka's report; the exit status
 * is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),    cmocka_unit_test(test_alignment), cmocka_unit_test(test_equal_weights),
		cmocka_unit_test(test_coverage), cmocka_unit_test(test_contested), cmocka_unit_test(test_refused),
		cmocka_unit_test(test_urgent),   cmocka_unit_test(test_priority),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
