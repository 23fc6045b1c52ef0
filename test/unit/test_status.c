/*
 * test_status.c - the agenda at a glance (src/db/status.c) and the
 * register tables (src/core/register.c).
 *
 * On a crafted database whose sums are known by hand: counts and money by
 * kind, domain, hoofdlijn (directly or through a goal, each item once) and
 * pillar (served or in one of its areas), archived items left out, the
 * illustrative share by field-level provenance of one year, of the yearly
 * family and of the row; and the provenance counts per register.
 */
#include "dbtest.h"
#include "db/status.h"

static const char data_sql[] =
	"INSERT INTO area(code, name, type) VALUES ('WK1', 'Wijk 1', 'wijk'), ('WK2', 'Wijk 2', 'wijk');"
	"INSERT INTO vision_element(id, kind, title, position) VALUES ('v', 'vision', 'Visie', 0),"
	" ('h1', 'hoofdlijn', 'H1', 1), ('h2', 'hoofdlijn', 'H2', 2), ('g1', 'goal', 'G1', 1),"
	" ('p', 'pillar', 'Pijler', 1);"
	"UPDATE vision_element SET parent_id = 'h1' WHERE id = 'g1';"
	"INSERT INTO vision_element_area(element_id, area_code, position) VALUES ('p', 'WK1', 1);"
	"INSERT INTO item(id, kind, title, status, archived, source) VALUES"
	" ('a', 'policy', 'A', 'active', 0, 'seed'), ('b', 'policy', 'B', 'stopped', 0, 'illustrative'),"
	" ('c', 'project', 'C', 'planned', 0, 'gemeente'), ('z', 'policy', 'Z', 'active', 1, 'seed');"
	"INSERT INTO item_year(item_id, year, budget, fte) VALUES ('a', 2025, 100, 1), ('b', 2025, 200, 2),"
	" ('c', 2025, 400, 4), ('z', 2025, 800, 8), ('a', 2024, 1, 1);"
	"INSERT INTO item_domain(item_id, domain, position) VALUES ('a', 'sociaal', 1), ('a', 'fysiek', 2),"
	" ('c', 'fysiek', 1);"
	/* a serves h1 directly and through g1 (counted once), c serves g1 */
	"INSERT INTO item_serves(item_id, element_id, position) VALUES ('a', 'h1', 1), ('a', 'g1', 2), ('c', 'g1', 1);"
	/* c lies in the pillar's area; b serves the pillar */
	"INSERT INTO item_area(item_id, area_code, position) VALUES ('c', 'WK1', 1), ('a', 'WK2', 1);"
	"INSERT INTO item_serves(item_id, element_id, position) VALUES ('b', 'p', 1);"
	/* a's budget of 2025 is illustrative; c's fte family is illustrative */
	"INSERT INTO value_source(entity, entity_id, field, source, position) VALUES"
	" ('item', 'a', 'budget_2025', 'illustrative', 1), ('item', 'c', 'fte', 'illustrative', 1);";

/* The group with key in gs. */
static const struct status_group *group(const struct status_groups *gs, const char *key)
{
	for (size_t i = 0; i < gs->n; i++)
		if (strcmp(gs->g[i].key, key) == 0)
			return &gs->g[i];
	fail_msg("no group %s", key);
	return NULL;
}

/* The sums are what they are by hand. */
static void test_sums(void **state)
{
	struct dbtest t;
	struct status st;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, data_sql, &e), 0);
	assert_int_equal(db_status(t.db, 2025, &st, &e), 0);
	assert_int_equal(st.year, 2025);
	assert_int_equal(st.total.count, 3); /* z is archived */
	assert_int_equal(st.archived, 1);
	assert_true(st.total.budget == 700);
	assert_int_equal(st.total.active, 2); /* a active, c planned; b stopped */
	/* by kind */
	assert_int_equal(group(&st.by_kind, "policy")->count, 2);
	assert_true(group(&st.by_kind, "policy")->budget == 300);
	assert_true(group(&st.by_kind, "project")->fte == 4);
	/* by domain: a counts in two */
	assert_true(group(&st.by_domain, "fysiek")->budget == 500);
	assert_true(group(&st.by_domain, "sociaal")->budget == 100);
	/* by hoofdlijn: a once (h1 and g1), c through g1; h2 empty */
	assert_int_equal(group(&st.by_hoofdlijn, "h1")->count, 2);
	assert_true(group(&st.by_hoofdlijn, "h1")->budget == 500);
	assert_int_equal(group(&st.by_hoofdlijn, "h2")->count, 0);
	assert_string_equal(group(&st.by_hoofdlijn, "h1")->label, "H1");
	/* by pillar: b serves it, c lies in its area, a does not */
	assert_int_equal(group(&st.by_pillar, "p")->count, 2);
	assert_true(group(&st.by_pillar, "p")->budget == 600);
	/* illustrative: a's 2025 budget (field of that year), b's whole row;
	 * c's fte (yearly family) */
	assert_true(st.total.budget_illustrative == 300);
	assert_true(st.total.fte_illustrative == 6);
	/* provenance per register */
	assert_int_equal(st.prov[REG_ITEMS].total, 4);
	assert_int_equal(st.prov[REG_ITEMS].by_source[0], 2); /* seed */
	assert_int_equal(st.prov[REG_ITEMS].by_source[2], 1); /* gemeente */
	assert_int_equal(st.prov[REG_ITEMS].by_source[3], 1); /* illustrative */
	assert_int_equal(st.prov[REG_ITEMS].illustrative_fields, 2);
	assert_int_equal(st.vision_counts[1], 2);
	assert_int_equal(st.areas_by_type[1], 2);
	status_free(&st);
	/* Another year gives other sums; year 0 picks the latest up to now. */
	assert_int_equal(db_status(t.db, 2024, &st, &e), 0);
	assert_true(st.total.budget == 1);
	status_free(&st);
	assert_int_equal(db_status(t.db, 0, &st, &e), 0);
	assert_int_equal(st.year, 2025);
	status_free(&st);
	dbtest_done(&t);
}

/* Field names: keys, Dutch labels, yearly columns, and file names. */
static void test_register_names(void **state)
{
	const struct register_def *items = reg_get(REG_ITEMS);
	const struct file_alias *alias;
	int year;
	(void)state;
	assert_int_equal(reg_field(items, "title", &year), reg_field(items, "Titel", &year));
	assert_int_equal(year, 0);
	assert_true(reg_field(items, "budget_2024", &year) >= 0);
	assert_int_equal(year, 2024);
	assert_int_equal(reg_field(items, "budget", &year), -1);
	assert_int_equal(reg_field(items, "budget_24", &year), -1);
	assert_int_equal(reg_field(items, "budget_1700", &year), -1);
	assert_ptr_equal(reg_by_file("some/dir/beleid.csv", &alias), items);
	assert_string_equal(alias->default_value, "policy");
	assert_ptr_equal(reg_by_file("GEBIEDEN.CSV", &alias), reg_get(REG_AREAS));
	assert_null(alias);
	assert_null(reg_by_file("notes.txt", &alias));
	assert_string_equal(enum_resolve((const char *const[]){ "policy", "action", NULL }, "Beleidsnota"), "policy");
	assert_null(enum_resolve((const char *const[]){ "policy", NULL }, "actie"));
	/* Every register's key fields come first and exist in the table of
	 * its register. */
	for (int r = 0; r < REG_COUNT; r++) {
		assert_true(reg_nkeys(reg_get(r)) >= 1);
		assert_int_equal(reg_get(r)->id, r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sums),
		cmocka_unit_test(test_register_names),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
