/*
 * test_merges.c - unit tests of src/core/merges.h on a crafted set: two
 * housing documents about the same neighbourhood with the same profile
 * are suggested together, with their reasons; items that miss one of the
 * three conditions (shared domain or area, alike profiles, alike texts)
 * are not; groups are connected components, strongest first.
 */
#include "unit.h"
#include "core/merges.h"
#include <math.h>

/* Three criteria per profile; N is unscored. */
#define N NAN

static const struct merge_item items[] = {
	/* 0, 1: the pair to find. */
	{ "Nota woningbouw Meerzicht: nieuwe woningen in Meerzicht", "fysiek", "WK1" },
	{ "Woningbouwprogramma Meerzicht, woningen bouwen", "fysiek|sociaal", "WK1" },
	/* 2: same profile and domain as 0, another subject. */
	{ "Fietsbeleid voor het centrum", "fysiek", NULL },
	/* 3: same profile and text as 0, but no domain or area in common. */
	{ "Woningen in Meerzicht", "economie", "WK2" },
	/* 4: same text and domain as 0, the opposite profile. */
	{ "Nieuwe woningen bouwen in Meerzicht", "fysiek", NULL },
	/* 5: same text and domain, not scored. */
	{ "Woningen Meerzicht", "fysiek", NULL },
	/* 6, 7: twins, in an area they share. */
	{ "Jeugdhulp in de wijkteams", "sociaal", "WK3" },
	{ "Jeugdhulp wijkteams", NULL, "WK3|WK4" },
};

static const double profiles[] = {
	2,  0, 1,  /* 0 */
	2,  0, 2,  /* 1 */
	2,  0, 1,  /* 2 */
	2,  0, 1,  /* 3 */
	-2, 0, -1, /* 4 */
	N,  N, N,  /* 5 */
	0,  2, 0,  /* 6 */
	0,  2, 0,  /* 7 */
};

/* The crafted set as input. */
static struct merge_input input(void)
{
	struct merge_input in = { 0 };
	in.items = items;
	in.nitems = ARRAY_SIZE(items);
	in.profiles = profiles;
	in.ncriteria = 3;
	return in;
}

/* Two groups: the twins first (identical), then the housing pair, with
 * what they share and the words they have in common. */
static void test_groups(void **state)
{
	struct merge_input in = input();
	struct merges m;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(merges_find(&in, &m, &e), 0);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.groups[0].nitems, 2);
	assert_int_equal(m.groups[0].items[0], 6);
	assert_int_equal(m.groups[0].items[1], 7);
	assert_true(fabs(m.groups[0].pairs[0].profile - 1) < 1e-12);
	assert_string_equal(m.groups[0].pairs[0].shared, "area:WK3");
	assert_int_equal(m.groups[1].nitems, 2);
	assert_int_equal(m.groups[1].items[0], 0);
	assert_int_equal(m.groups[1].items[1], 1);
	const struct merge_pair *p = &m.groups[1].pairs[0];
	assert_true(fabs(p->profile - 6 / sqrt(5 * 8)) < 1e-12);
	assert_true(p->text >= 0.2 && p->text < 1);
	assert_string_equal(p->shared, "domain:fysiek|area:WK1");
	assert_non_null(strstr(p->words, "meerzicht"));
	assert_true(m.groups[0].score > m.groups[1].score);
	merges_free(&m);
}

/* Stricter thresholds drop the housing pair; looser ones join 0 and 1
 * with 2 (same domain and profile, texts with nothing in common stay
 * apart: a text cosine of 0 is below any positive threshold). */
static void test_thresholds(void **state)
{
	struct merge_input in = input();
	struct merges m;
	struct err e = { 0, "" };
	(void)state;
	in.min_text = 0.99;
	assert_int_equal(merges_find(&in, &m, &e), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.groups[0].items[0], 6);
	merges_free(&m);
	in.min_text = 1e-9;
	in.min_profile = 0.5;
	assert_int_equal(merges_find(&in, &m, &e), 0);
	for (size_t g = 0; g < m.n; g++)
		for (size_t k = 0; k < m.groups[g].nitems; k++)
			assert_true(m.groups[g].items[k] != 2 && m.groups[g].items[k] != 4 &&
				    m.groups[g].items[k] != 5);
	merges_free(&m);
}

/* A chain a-b, b-c makes one group of three. */
static void test_chain(void **state)
{
	static const struct merge_item chain[] = {
		{ "groen park water", "fysiek", NULL },
		{ "groen park bomen", "fysiek", NULL },
		{ "park bomen speeltuin", "fysiek", NULL },
		{ "iets heel anders", "sociaal", NULL },
	};
	static const double flat[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	struct merge_input in = { chain, 4, flat, 3, 0, 0.1 };
	struct merges m;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(merges_find(&in, &m, &e), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.groups[0].nitems, 3);
	assert_true(m.groups[0].npairs >= 2);
	merges_free(&m);
}

/* No items: no groups. */
static void test_empty(void **state)
{
	struct merge_input in = { NULL, 0, NULL, 0, 0, 0 };
	struct merges m;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(merges_find(&in, &m, &e), 0);
	assert_int_equal(m.n, 0);
	merges_free(&m);
}

/* Run the tests of this file, printing cmocka's report; the exit status
 * is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
