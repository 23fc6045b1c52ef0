/*
 * test_verdict.c - unit tests of src/core/verdict.h: steiger's own rules
 * one by one (each reached by facts made for it, with its reason filled
 * in), no proposal without an alignment, the checks of a rule set, and
 * the CSV form of a rule set.
 */
#include "unit.h"
#include "core/verdict.h"
#include <math.h>

/* Facts of a plain item: alignment 0.2, nothing else special. */
static void plain(double *f)
{
	for (int i = 0; i < VF_COUNT; i++)
		f[i] = 0;
	f[VF_ALIGNMENT] = 0.2;
	f[VF_BUDGET] = 1e6;
	f[VF_FTE] = 2;
	f[VF_PER_MEUR] = 0.2;
	f[VF_WILLINGNESS] = NAN;
	f[VF_ASSESSORS] = 3;
}

/* The id of the rule proposed for facts f, "-" when none; its reason
 * goes to reason (caller frees) when not NULL. */
static const char *proposed(const struct verdict_rules *rs, int policy, const double *f, char **reason)
{
	struct verdict_proposal p;
	verdict_propose(rs, policy, f, 0, &p);
	if (reason)
		*reason = p.reason;
	else
		free(p.reason);
	return p.rule < 0 ? "-" : rs->rules[p.rule].id;
}

/* Every one of steiger's rules, reached in turn. */
static void test_default_rules(void **state)
{
	struct verdict_rules rs;
	struct err e = { 0, "" };
	double f[VF_COUNT];
	char *why;
	(void)state;
	assert_int_equal(verdict_rules_compile(verdict_default_rules, verdict_default_count, 1, &rs, &e), 0);
	/* Policy documents. */
	plain(f), f[VF_REGULATION] = 1;
	assert_string_equal(proposed(&rs, 1, f, NULL), "p-regulation");
	plain(f), f[VF_EXECUTION] = 1;
	assert_string_equal(proposed(&rs, 1, f, NULL), "p-execution");
	plain(f), f[VF_MERGE] = 1;
	assert_string_equal(proposed(&rs, 1, f, NULL), "p-merge");
	plain(f), f[VF_MERGE] = 1, f[VF_ALIGNMENT] = -0.5;
	assert_string_equal(proposed(&rs, 1, f, NULL), "p-scrap");
	plain(f), f[VF_ALIGNMENT] = 0.4;
	assert_string_equal(proposed(&rs, 1, f, &why), "p-keep");
	assert_string_equal(why, "It clearly serves the vision (alignment 0.4).");
	free(why);
	plain(f);
	assert_string_equal(proposed(&rs, 1, f, NULL), "p-bend");
	plain(f), f[VF_ALIGNMENT] = -0.01;
	assert_string_equal(proposed(&rs, 1, f, NULL), "p-scrap");
	/* Programmes, projects, regulations, actions. */
	plain(f), f[VF_LEGAL_TASK] = 1, f[VF_ALIGNMENT] = -0.8;
	assert_string_equal(proposed(&rs, 0, f, NULL), "o-legal");
	plain(f), f[VF_ALIGNMENT] = 0.7, f[VF_URGENT] = 0.5, f[VF_WILLINGNESS] = 4.5;
	assert_string_equal(proposed(&rs, 0, f, &why), "o-accelerate");
	assert_string_equal(why, "Strong for the vision (0.7) and for the urgent issues (0.5), with willing partners "
				 "(4.5 of 5).");
	free(why);
	plain(f), f[VF_ALIGNMENT] = 0.7, f[VF_URGENT] = 0.5; /* willingness unknown: not accelerated */
	assert_string_equal(proposed(&rs, 0, f, NULL), "o-continue");
	plain(f), f[VF_ALIGNMENT] = 0.5, f[VF_URGENT] = 0.6, f[VF_FTE] = 0.5;
	assert_string_equal(proposed(&rs, 0, f, NULL), "o-supplement");
	plain(f), f[VF_ALIGNMENT] = 0.3;
	assert_string_equal(proposed(&rs, 0, f, NULL), "o-continue");
	plain(f), f[VF_ALIGNMENT] = 0.1, f[VF_PER_MEUR] = 0.01;
	assert_string_equal(proposed(&rs, 0, f, NULL), "o-slow-down");
	plain(f), f[VF_ALIGNMENT] = 0.1, f[VF_PER_MEUR] = NAN; /* no budget: per euro unknown */
	assert_string_equal(proposed(&rs, 0, f, NULL), "o-bend");
	plain(f), f[VF_ALIGNMENT] = -0.3, f[VF_CONTRACT_MONTHS] = 14, f[VF_EXIT_COST] = 250000;
	assert_string_equal(proposed(&rs, 0, f, &why), "o-phase-out");
	assert_non_null(strstr(why, "runs 14 more months"));
	assert_non_null(strstr(why, "250,000 euro"));
	free(why);
	plain(f), f[VF_ALIGNMENT] = -0.3;
	assert_string_equal(proposed(&rs, 0, f, NULL), "o-stop");
	/* Not scored: no proposal. */
	plain(f), f[VF_ALIGNMENT] = NAN;
	assert_string_equal(proposed(&rs, 0, f, NULL), "-");
	assert_string_equal(proposed(&rs, 1, f, NULL), "-");
	verdict_rules_free(&rs);
}

/* Numbers in a reason follow the language. */
static void test_dutch_numbers(void **state)
{
	static const struct verdict_rule one[] = { { "r", "other", "1", "continue", "{alignment} en {exit_cost}" } };
	struct verdict_rules rs;
	struct verdict_proposal p;
	struct err e = { 0, "" };
	double f[VF_COUNT];
	(void)state;
	assert_int_equal(verdict_rules_compile(one, 1, 0, &rs, &e), 0);
	plain(f), f[VF_ALIGNMENT] = 0.25, f[VF_EXIT_COST] = 1234567;
	verdict_propose(&rs, 0, f, 1, &p);
	assert_string_equal(p.reason, "0,25 en 1.234.567");
	free(p.reason);
	verdict_rules_free(&rs);
}

/* A rule set with a fault is refused, naming the rule. */
static void test_checks(void **state)
{
	static const struct {
		struct verdict_rule rule; /* the faulty rule (after a good one) */
		const char *message;      /* part of the message */
	} bad[] = {
		{ { "a", "other", "1", "continue", "x" }, "used twice" },
		{ { "b", "items", "1", "continue", "x" }, "policy or other" },
		{ { "c", "policy", "1", "continue", "x" }, "not a verdict" },
		{ { "d", "other", "1", "scrap", "x" }, "not a verdict" },
		{ { "e", "other", "alignment >", "stop", "x" }, "condition" },
		{ { "f", "other", "cost > 1", "stop", "x" }, "cost" },
		{ { "g", "other", "1", "stop", "{nope}" }, "reason" },
		{ { "h", "other", "1", "stop", "{alignment" }, "reason" },
	};
	struct verdict_rules rs;
	struct err e = { 0, "" };
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct verdict_rule two[2] = { { "a", "other", "1", "continue", "ok" }, bad[i].rule };
		if (verdict_rules_compile(two, 2, 0, &rs, &e) != E_INPUT)
			fail_msg("rule %s was accepted", bad[i].rule.id);
		if (!strstr(e.msg, bad[i].message) || !strstr(e.msg, bad[i].rule.id))
			fail_msg("rule %s: \"%s\" does not say \"%s\"", bad[i].rule.id, e.msg, bad[i].message);
		verdict_rules_free(&rs);
	}
}

/* The CSV form, with English or Dutch headers; faults name line and
 * column. */
static void test_csv(void **state)
{
	static const char good[] = "id;geldt_voor;als;voorstel;reden\n"
				   "stop-weak;other;alignment < 0.1;stop;Te zwak ({alignment})\n"
				   "keep-all;policy;1;keep;Alles blijft\n";
	static const char missing_col[] = "id,applies,when,verdict\nx,other,1,stop\n";
	static const char empty_value[] = "id,applies,when,verdict,reason\nx,other,,stop,why\n";
	struct arena a;
	struct verdict_rule *rules;
	size_t n;
	struct err e = { 0, "" };
	struct verdict_rules rs;
	(void)state;
	arena_init(&a);
	assert_int_equal(verdict_rules_read("rules.csv", good, strlen(good), &a, &rules, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rules[0].when, "alignment < 0.1");
	assert_string_equal(rules[1].verdict, "keep");
	assert_int_equal(verdict_rules_compile(rules, n, 0, &rs, &e), 0);
	verdict_rules_free(&rs);
	free(rules);
	assert_int_equal(verdict_rules_read("r.csv", missing_col, strlen(missing_col), &a, &rules, &n, &e), E_INPUT);
	assert_non_null(strstr(e.msg, "r.csv:1"));
	assert_non_null(strstr(e.msg, "reason"));
	free(rules);
	assert_int_equal(verdict_rules_read("r.csv", empty_value, strlen(empty_value), &a, &rules, &n, &e), E_INPUT);
	assert_non_null(strstr(e.msg, "r.csv:2:3"));
	free(rules);
	assert_int_equal(verdict_rules_read("r.csv", "", 0, &a, &rules, &n, &e), E_INPUT);
	free(rules);
	arena_free(&a);
}

/* Run the tests of this file, printing cmocka's report; the exit status
 * is the number of failures. */
int main(void)
{
	i18n_set(LANG_EN); /* the reasons checked are the program's own */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_rules),
		cmocka_unit_test(test_dutch_numbers),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
