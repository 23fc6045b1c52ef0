/*
 * test_check.c - the integrity checks (src/core/check.c, src/db/check.c).
 *
 * The date rule for contracts at its boundaries, and every check on a
 * crafted database that has exactly one instance of each problem: the
 * finding appears, with its record and message, and a clean database has
 * none of them.
 */
#include "dbtest.h"
#include "db/check.h"

/* days_between and contract_ends_within at their edges. */
static void test_contract_dates(void **state)
{
	(void)state;
	assert_int_equal(days_between("2026-11-27", "2026-12-31"), 34);
	assert_int_equal(days_between("2024-02-28", "2024-03-01"), 2); /* leap year */
	assert_int_equal(days_between("2023-02-28", "2023-03-01"), 1);
	assert_int_equal(days_between("2026-12-31", "2026-11-27"), -34);
	assert_true(contract_ends_within("2026-11-27", "2026-11-27", 365));  /* today */
	assert_true(contract_ends_within("2027-11-27", "2026-11-27", 365));  /* 365 days */
	assert_false(contract_ends_within("2027-11-28", "2026-11-27", 365)); /* 366 days */
	assert_false(contract_ends_within("2026-11-26", "2026-11-27", 365)); /* ended */
	assert_false(contract_ends_within("geen datum", "2026-11-27", 365));
}

/* The number of findings of check c (about record, when not NULL). */
static int count_check(const struct findings *fs, enum check_id c, const char *record)
{
	int n = 0;
	for (size_t i = 0; i < fs->n; i++)
		if (fs->f[i].check == c && (!record || strcmp(fs->f[i].record, record) == 0))
			n++;
	return n;
}

/* A database with one instance of every problem. */
static const char problems_sql[] =
	"INSERT INTO vision_element(id, kind, title, weight) VALUES('v', 'vision', 'V', NULL), ('h1', 'hoofdlijn', "
	"'H1', 0.5),"
	" ('h2', 'hoofdlijn', 'H2', 0.2), ('g1', 'goal', 'G1', NULL), ('p1', 'pillar', 'P1', NULL);"
	"UPDATE vision_element SET parent_id = 'v' WHERE kind = 'hoofdlijn';"
	"UPDATE vision_element SET parent_id = 'p1' WHERE id = 'g1';"
	"INSERT INTO item(id, kind, title, status, archived) VALUES"
	" ('pol', 'policy', 'Pol', 'stopped', 0), ('prog', 'programme', 'Prog', 'active', 0),"
	" ('proj', 'project', 'Proj', 'active', 0), ('act', 'action', 'Act', 'active', 0),"
	" ('old', 'policy', 'Old', 'active', 1);"
	"INSERT INTO item_link(item_id, type, target_id, position) VALUES"
	" ('proj', 'implements', 'pol', 1), ('act', 'implements', 'prog', 1), ('proj', 'part_of', 'act', 1);"
	"INSERT INTO item_year(item_id, year, budget, fte) VALUES ('proj', 2026, 1000, NULL), ('act', 2026, NULL, 2),"
	" ('prog', 2026, 5, 1);"
	"INSERT INTO contract(id, item_id, title, end_date) VALUES ('soon', 'prog', 'S', '2027-03-01'),"
	" ('gone', 'prog', 'G', '2025-01-01'), ('later', 'prog', 'L', '2030-01-01');"
	"INSERT INTO value_source(entity, entity_id, field, source, position) VALUES ('item', 'nobody', 'title', "
	"'seed', 1);"
	"INSERT INTO account(name, role) VALUES('jan', 'medewerker');"
	"INSERT INTO assessment_round(id, title, scale_min, scale_max) VALUES('r', 'R', -2, 2);"
	"INSERT INTO assessment(round_id, assessor, item_id, criterion_id, score) VALUES ('r', 'jan', 'prog', 'h1', "
	"1);";

/* Every check finds its problem. */
static void test_checks_find_problems(void **state)
{
	struct dbtest t;
	struct findings fs;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, problems_sql, &e), 0);
	memset(&fs, 0, sizeof(fs));
	memcpy(fs.today, "2026-11-27", 11);
	assert_int_equal(db_check(t.db, 1, &fs, &e), 0);
	assert_int_equal(count_check(&fs, CHK_LINK_KIND, "items/act"), 1);  /* implements a programme */
	assert_int_equal(count_check(&fs, CHK_LINK_KIND, "items/proj"), 1); /* part of an action */
	assert_int_equal(count_check(&fs, CHK_LINK_KIND, NULL), 2);
	assert_int_equal(count_check(&fs, CHK_STALE_LINK, "items/proj"), 1); /* implements a stopped policy */
	assert_int_equal(count_check(&fs, CHK_STALE_SOURCE, "item/nobody"), 1);
	assert_int_equal(count_check(&fs, CHK_VISION, "vision/g1"), 1); /* goal below a pillar */
	assert_int_equal(count_check(&fs, CHK_WEIGHTS, "vision"), 1);   /* 0.7, not 1 */
	assert_int_equal(count_check(&fs, CHK_CONTRACT_ENDING, "contracts/soon"), 1);
	assert_int_equal(count_check(&fs, CHK_CONTRACT_ENDED, "contracts/gone"), 1);
	assert_int_equal(count_check(&fs, CHK_BUDGET_NO_FTE, "items/proj"), 1);
	assert_int_equal(count_check(&fs, CHK_FTE_NO_BUDGET, "items/act"), 1);
	/* pol, proj, act are not assessed; prog is; old is archived. */
	assert_int_equal(count_check(&fs, CHK_UNASSESSED, "items/pol"), 1);
	assert_int_equal(count_check(&fs, CHK_UNASSESSED, "items/prog"), 0);
	assert_int_equal(count_check(&fs, CHK_UNASSESSED, "items/old"), 0);
	assert_int_equal(count_check(&fs, CHK_UNASSESSED, NULL), 3);
	assert_int_equal(count_check(&fs, CHK_CONTRACT_ENDING, "contracts/later"), 0);
	assert_int_equal(count_check(&fs, CHK_FOREIGN_KEY, NULL), 0);
	assert_int_equal(count_check(&fs, CHK_CYCLE, NULL), 0);
	/* Sorted by check: the first finding of each check follows the last
	 * finding of the checks before it. */
	for (size_t i = 1; i < fs.n; i++)
		assert_true(fs.f[i - 1].check <= fs.f[i].check);
	findings_free(&fs);
	/* A part_of that is not a programme is reported too. */
	int found = 0;
	memcpy(fs.today, "2026-11-27", 11);
	assert_int_equal(db_check(t.db, 1, &fs, &e), 0);
	for (size_t i = 0; i < fs.n; i++)
		if (fs.f[i].check == CHK_LINK_KIND && strstr(fs.f[i].message, "proj is part of act"))
			found = 1;
	assert_true(found);
	findings_free(&fs);
	dbtest_done(&t);
}

/* A cycle of programmes and a cycle in the vision tree are errors. */
static void test_cycles(void **state)
{
	struct dbtest t;
	struct findings fs;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(
		db_exec(t.db,
			"INSERT INTO item(id, kind, title) VALUES ('a', 'programme', 'A'), ('b', 'programme', 'B');"
			"INSERT INTO item_link(item_id, type, target_id, position) VALUES ('a', 'part_of', 'b', 1),"
			" ('b', 'part_of', 'a', 1);"
			"INSERT INTO vision_element(id, kind, title) VALUES ('x', 'goal', 'X'), ('y', 'goal', 'Y');"
			"UPDATE vision_element SET parent_id = CASE id WHEN 'x' THEN 'y' ELSE 'x' END;",
			&e),
		0);
	memset(&fs, 0, sizeof(fs));
	memcpy(fs.today, "2026-11-27", 11);
	assert_int_equal(db_check(t.db, 1, &fs, &e), 0);
	assert_int_equal(count_check(&fs, CHK_CYCLE, "items/a"), 1);
	assert_int_equal(count_check(&fs, CHK_CYCLE, "items/b"), 1);
	assert_int_equal(count_check(&fs, CHK_CYCLE, "vision/x"), 1);
	assert_int_equal(count_check(&fs, CHK_CYCLE, NULL), 4);
	assert_int_equal(check_severity(CHK_CYCLE), SEV_ERROR);
	findings_free(&fs);
	dbtest_done(&t);
}

/* References broken behind the database's back are found. */
static void test_foreign_keys(void **state)
{
	struct dbtest t;
	struct findings fs;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(
		db_exec(t.db,
			"PRAGMA foreign_keys = OFF;"
			"INSERT INTO contract(id, item_id, title, end_date) VALUES ('c', 'ghost', 'C', '2030-01-01');"
			"PRAGMA foreign_keys = ON;",
			&e),
		0);
	memset(&fs, 0, sizeof(fs));
	memcpy(fs.today, "2026-11-27", 11);
	assert_int_equal(db_check(t.db, 1, &fs, &e), 0);
	assert_int_equal(count_check(&fs, CHK_FOREIGN_KEY, NULL), 1);
	assert_contains(fs.f[0].message, "contract");
	findings_free(&fs);
	dbtest_done(&t);
}

/* An empty database is clean. */
static void test_clean(void **state)
{
	struct dbtest t;
	struct findings fs;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	memset(&fs, 0, sizeof(fs));
	memcpy(fs.today, "2026-11-27", 11);
	assert_int_equal(db_check(t.db, 1, &fs, &e), 0);
	assert_int_equal(fs.n, 0);
	findings_free(&fs);
	dbtest_done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract_dates), cmocka_unit_test(test_checks_find_problems),
		cmocka_unit_test(test_cycles),         cmocka_unit_test(test_foreign_keys),
		cmocka_unit_test(test_clean),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
