/*
 * test_places.c - the queries behind the vision, area and organisation
 * pages (src/db/vision_tree.c, area_query.c, org_query.c).
 *
 * On a crafted database whose answers are known by hand: the vision in
 * tree order with sums (an item once per element, through goals and the
 * areas of a pillar, archived items left out) that agree with `steiger
 * status`; a cycle of parents that still ends; the items serving an
 * element and how; the areas with their values, the provenance of a value,
 * the latest year, the municipality, the heat-map scale; and the
 * organisations filtered, searched (wildcards as plain characters) and
 * sorted, with what belongs to them.
 */
#include "dbtest.h"
#include "db/area_query.h"
#include "db/org_query.h"
#include "db/status.h"
#include "db/vision_tree.h"

static const char data_sql[] =
	"INSERT INTO area(code, name, type, source) VALUES ('GM1', 'Stad', 'gemeente', 'cbs'),"
	" ('WK1', 'Wijk 1', 'wijk', 'cbs'), ('WK2', 'Wijk 2', 'wijk', 'cbs'), ('BU1', 'Buurt 1', 'buurt', 'cbs');"
	"UPDATE area SET parent_code = 'GM1' WHERE code IN ('WK1', 'WK2');"
	"UPDATE area SET parent_code = 'WK1' WHERE code = 'BU1';"
	"INSERT INTO area_adjacent(area_code, adjacent_code, position) VALUES ('WK2', 'WK1', 1);"
	"INSERT INTO vision_element(id, kind, title, position) VALUES ('v', 'vision', 'Visie', 0),"
	" ('h2', 'hoofdlijn', 'H2', 2), ('h1', 'hoofdlijn', 'H1', 1), ('g1', 'goal', 'G1', 1),"
	" ('p', 'pillar', 'Pijler', 3);"
	"UPDATE vision_element SET parent_id = 'v' WHERE id IN ('h1', 'h2', 'p');"
	"UPDATE vision_element SET parent_id = 'h1' WHERE id = 'g1';"
	"INSERT INTO vision_element_area(element_id, area_code, position) VALUES ('p', 'WK1', 1);"
	"INSERT INTO item(id, kind, title, status, archived, source) VALUES"
	" ('a', 'policy', 'A', 'active', 0, 'seed'), ('b', 'policy', 'B', 'stopped', 0, 'illustrative'),"
	" ('c', 'project', 'C', 'planned', 0, 'gemeente'), ('z', 'policy', 'Z', 'active', 1, 'seed');"
	"INSERT INTO item_year(item_id, year, budget, fte) VALUES ('a', 2025, 100, 1), ('b', 2025, 200, 2),"
	" ('c', 2025, 400, 4), ('z', 2025, 800, 8);"
	/* a serves h1 directly and through g1 (counted once), c serves g1,
	 * z (archived) serves h1; b serves the pillar, c lies in its area */
	"INSERT INTO item_serves(item_id, element_id, position) VALUES ('a', 'h1', 1), ('a', 'g1', 2),"
	" ('c', 'g1', 1), ('z', 'h1', 1), ('b', 'p', 1);"
	"INSERT INTO item_area(item_id, area_code, position) VALUES ('c', 'WK1', 1), ('a', 'WK2', 1),"
	" ('z', 'WK1', 1);"
	"INSERT INTO value_source(entity, entity_id, field, source, position) VALUES"
	" ('item', 'a', 'budget_2025', 'illustrative', 1), ('area', 'WK2', 'name', 'illustrative', 1),"
	" ('indicator_value', 'inw/WK1/2024', 'value', 'illustrative', 1);"
	"INSERT INTO indicator(id, title, unit, direction, source) VALUES ('inw', 'Inwoners', 'personen', 'up', 'cbs'),"
	" ('werk', 'Werkloosheid', '%', 'down', 'illustrative');"
	"INSERT INTO indicator_value(indicator_id, area_code, year, value, source) VALUES"
	" ('inw', 'GM1', 2023, 1000, 'cbs'), ('inw', 'GM1', 2024, 1100, 'cbs'), ('inw', 'WK1', 2024, 400, 'cbs'),"
	" ('inw', 'WK2', 2024, 700, 'cbs'), ('werk', 'WK1', 2022, 5, 'illustrative'),"
	" ('werk', 'BU1', 2024, 6, 'illustrative');"
	"INSERT INTO organisation(id, name, type, source) VALUES ('net', 'Netwerk', 'netwerk', 'seed'),"
	" ('corp', 'Corporatie 50% (voorbeeld)', 'corporatie', 'illustrative'),"
	" ('corp2', 'Corporatie 500', 'corporatie', 'illustrative'), ('school', 'School_A', 'onderwijs', 'seed');"
	"INSERT INTO organisation_member(network_id, member_id, position) VALUES ('net', 'school', 1),"
	" ('net', 'corp', 2);"
	"INSERT INTO contact(id, organisation_id, name, email) VALUES ('k1', 'corp', 'Jan', 'jan@example.org');"
	"INSERT INTO item_partner(item_id, organisation_id, role, willingness) VALUES ('a', 'corp', 'eigenaar', 3),"
	" ('b', 'corp', NULL, NULL), ('z', 'corp', 'oud', 1), ('a', 'school', NULL, 2);"
	"INSERT INTO contract(id, item_id, title, end_date) VALUES ('k', 'a', 'Contract', '2030-01-01'),"
	" ('kz', 'z', 'Oud contract', '2029-01-01');"
	"INSERT INTO contract_party(contract_id, organisation_id, position) VALUES ('k', 'corp', 1), ('kz', 'corp', "
	"1);";

/* Open a database with the crafted data. */
static void open_data(struct dbtest *t)
{
	struct err e = { 0, "" };
	dbtest_open(t);
	if (db_exec(t->db, data_sql, &e) != 0)
		fail_msg("data: %s", e.msg);
}

/* The node with id in t. */
static const struct vision_node *node(const struct vision_tree *t, const char *id)
{
	long i = vision_tree_find(t, id);
	if (i < 0)
		fail_msg("no element %s", id);
	return &t->n[i];
}

/* The vision comes in tree order with depths and parents. */
static void test_tree_order(void **state)
{
	struct dbtest t;
	struct vision_tree vt;
	struct err e = { 0, "" };
	static const char *const order[] = { "v", "h1", "g1", "h2", "p" };
	(void)state;
	open_data(&t);
	assert_int_equal(db_vision_tree(t.db, 2025, &vt, &e), 0);
	assert_int_equal(vt.count, 5);
	for (size_t i = 0; i < vt.count; i++)
		assert_string_equal(vt.n[i].id, order[i]);
	assert_int_equal(node(&vt, "v")->depth, 0);
	assert_int_equal(node(&vt, "g1")->depth, 2);
	assert_int_equal(node(&vt, "g1")->parent_index, vision_tree_find(&vt, "h1"));
	assert_int_equal(node(&vt, "v")->parent_index, -1);
	assert_int_equal(vision_tree_find(&vt, "nope"), -1);
	vision_tree_free(&vt);
	dbtest_done(&t);
}

/* The sums: each item once per element, through goals and areas, archived
 * items left out; the illustrative part by field-level provenance. */
static void test_tree_sums(void **state)
{
	struct dbtest t;
	struct vision_tree vt;
	struct err e = { 0, "" };
	(void)state;
	open_data(&t);
	assert_int_equal(db_vision_tree(t.db, 2025, &vt, &e), 0);
	assert_int_equal(vt.year, 2025);
	/* h1: a (directly and through g1, once) and c (through g1) */
	assert_int_equal(node(&vt, "h1")->sum.count, 2);
	assert_true(node(&vt, "h1")->sum.budget == 500);
	assert_true(node(&vt, "h1")->sum.budget_illustrative == 100);
	assert_int_equal(node(&vt, "g1")->sum.count, 2);
	assert_int_equal(node(&vt, "h2")->sum.count, 0);
	/* p: b serves it, c lies in its area (z, archived, too but is left out) */
	assert_int_equal(node(&vt, "p")->sum.count, 2);
	assert_true(node(&vt, "p")->sum.budget == 600);
	assert_true(node(&vt, "p")->sum.fte == 6);
	assert_true(node(&vt, "p")->sum.budget_illustrative == 200); /* b's row is illustrative */
	/* v: a, b, c once each */
	assert_int_equal(node(&vt, "v")->sum.count, 3);
	assert_true(node(&vt, "v")->sum.budget == 700);
	vision_tree_free(&vt);
	dbtest_done(&t);
}

/* For hoofdlijnen and pillars the sums are those of `steiger status`. */
static void test_tree_agrees_with_status(void **state)
{
	struct dbtest t;
	struct vision_tree vt;
	struct status st;
	struct err e = { 0, "" };
	(void)state;
	open_data(&t);
	assert_int_equal(db_vision_tree(t.db, 2025, &vt, &e), 0);
	assert_int_equal(db_status(t.db, 2025, &st, &e), 0);
	const struct status_groups *groups[] = { &st.by_hoofdlijn, &st.by_pillar };
	size_t checked = 0;
	for (size_t k = 0; k < ARRAY_SIZE(groups); k++)
		for (size_t i = 0; i < groups[k]->n; i++) {
			const struct status_group *g = &groups[k]->g[i];
			const struct vision_node *n = node(&vt, g->key);
			assert_int_equal(n->sum.count, g->count);
			assert_true(n->sum.budget == g->budget);
			assert_true(n->sum.fte == g->fte);
			assert_true(n->sum.budget_illustrative == g->budget_illustrative);
			checked++;
		}
	assert_int_equal(checked, 3);
	status_free(&st);
	vision_tree_free(&vt);
	dbtest_done(&t);
}

/* Elements in a cycle of parents are still placed, once each. */
static void test_tree_cycle(void **state)
{
	struct dbtest t;
	struct vision_tree vt;
	struct err e = { 0, "" };
	(void)state;
	open_data(&t);
	assert_int_equal(db_exec(t.db,
				 "INSERT INTO vision_element(id, kind, title, position) VALUES ('x', 'goal', 'X', 9),"
				 " ('y', 'goal', 'Y', 10); UPDATE vision_element SET parent_id = 'y' WHERE id = 'x';"
				 " UPDATE vision_element SET parent_id = 'x' WHERE id = 'y';"
				 " INSERT INTO item_serves(item_id, element_id, position) VALUES ('a', 'y', 3);",
				 &e),
			 0);
	assert_int_equal(db_vision_tree(t.db, 2025, &vt, &e), 0);
	assert_int_equal(vt.count, 7);
	assert_int_equal(node(&vt, "x")->depth + node(&vt, "y")->depth, 1);
	assert_int_equal(node(&vt, "x")->sum.count, 1);
	assert_int_equal(node(&vt, "y")->sum.count, 1);
	vision_tree_free(&vt);
	dbtest_done(&t);
}

/* The item with id among items, or NULL. */
static const struct vision_item *vitem(const struct vision_items *items, const char *id)
{
	for (size_t i = 0; i < items->n; i++)
		if (strcmp(items->i[i].id, id) == 0)
			return &items->i[i];
	return NULL;
}

/* The items serving an element, how, and archived ones only on request. */
static void test_vision_items(void **state)
{
	struct dbtest t;
	struct vision_items items;
	struct list_result r;
	struct err e = { 0, "" };
	(void)state;
	open_data(&t);
	assert_int_equal(db_vision_items(t.db, "h1", 2025, 0, &items, &e), 0);
	assert_int_equal(items.n, 2);
	assert_true(vitem(&items, "a")->direct);
	assert_string_equal(vitem(&items, "a")->through, "G1");
	assert_true(vitem(&items, "a")->budget == 100);
	assert_string_equal(vitem(&items, "a")->budget_source, "illustrative");
	assert_false(vitem(&items, "c")->direct);
	assert_string_equal(vitem(&items, "c")->through, "G1");
	assert_null(vitem(&items, "z"));
	vision_items_free(&items);
	assert_int_equal(db_vision_items(t.db, "h1", 2025, 1, &items, &e), 0);
	assert_int_equal(items.n, 3);
	assert_true(vitem(&items, "z")->archived);
	vision_items_free(&items);
	/* the pillar: b directly, c in its area (named), no budget in 2024 */
	assert_int_equal(db_vision_items(t.db, "p", 2024, 0, &items, &e), 0);
	assert_int_equal(items.n, 2);
	assert_true(vitem(&items, "b")->direct);
	assert_null(vitem(&items, "b")->areas);
	assert_string_equal(vitem(&items, "c")->areas, "Wijk 1");
	assert_false(vitem(&items, "c")->has_budget);
	vision_items_free(&items);
	/* an unknown id serves nothing; SQL text in it is only text */
	assert_int_equal(db_vision_items(t.db, "x' OR 1=1 --", 2025, 1, &items, &e), 0);
	assert_int_equal(items.n, 0);
	vision_items_free(&items);
	assert_int_equal(db_vision_areas(t.db, "p", &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(r.cells[1], "Wijk 1");
	list_result_free(&r);
	dbtest_done(&t);
}

/* The areas with their values, provenance and the look-ups. */
static void test_area_data(void **state)
{
	struct dbtest t;
	struct area_data d;
	struct list_result r;
	struct err e = { 0, "" };
	(void)state;
	open_data(&t);
	assert_int_equal(db_area_data(t.db, &d, &e), 0);
	assert_int_equal(d.nareas, 4);
	assert_string_equal(d.areas[0].code, "GM1"); /* by type, then code */
	assert_string_equal(d.areas[3].code, "BU1");
	assert_string_equal(d.areas[area_find(&d, "WK2")].name_source, "illustrative");
	assert_string_equal(d.areas[area_find(&d, "WK1")].name_source, "cbs");
	assert_int_equal(area_find(&d, "nope"), -1);
	assert_int_equal(d.nindicators, 2);
	assert_string_equal(d.indicators[0].id, "inw"); /* by title */
	assert_int_equal(d.nyears, 3);
	assert_int_equal(d.years[0], 2022);
	assert_int_equal(d.years[2], 2024);
	const struct indicator_value_row *v = area_value(&d, 0, (size_t)area_find(&d, "WK1"), 2024);
	assert_non_null(v);
	assert_true(v->value == 400);
	assert_string_equal(v->source, "illustrative"); /* the field-level entry */
	assert_string_equal(area_value(&d, 0, (size_t)area_find(&d, "WK2"), 2024)->source, "cbs");
	assert_null(area_value(&d, 0, (size_t)area_find(&d, "WK2"), 2023));
	assert_int_equal(d.indicators[0].cbs_values, 3);
	assert_int_equal(d.indicators[0].illustrative_values, 1);
	assert_int_equal(indicator_latest_year(&d, 1, "wijk"), 2022);
	assert_int_equal(indicator_latest_year(&d, 1, NULL), 2024);
	assert_int_equal(indicator_latest_year(&d, 1, "gemeente"), 0);
	assert_int_equal(area_municipality(&d, (size_t)area_find(&d, "BU1")), area_find(&d, "GM1"));
	assert_int_equal(area_municipality(&d, (size_t)area_find(&d, "GM1")), area_find(&d, "GM1"));
	assert_true(area_scale_0_100(400, 400, 700) == 0);
	assert_true(area_scale_0_100(700, 400, 700) == 100);
	assert_true(area_scale_0_100(550, 400, 700) == 50);
	assert_true(area_scale_0_100(5, 5, 5) == 50);
	assert_true(isnan(area_scale_0_100(NAN, 0, 1)));
	area_data_free(&d);
	/* items in an area: archived only on request */
	assert_int_equal(db_area_items(t.db, "WK1", 0, &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(r.cells[0], "c");
	list_result_free(&r);
	assert_int_equal(db_area_items(t.db, "WK1", 1, &r, &e), 0);
	assert_int_equal(r.nrows, 2);
	list_result_free(&r);
	assert_int_equal(db_area_pillars(t.db, "WK1", &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(r.cells[0], "p");
	list_result_free(&r);
	/* adjacency is read both ways */
	assert_int_equal(db_area_adjacent(t.db, "WK1", &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(r.cells[0], "WK2");
	list_result_free(&r);
	dbtest_done(&t);
}

/* The column col of row i of r. */
static const char *cell(const struct list_result *r, size_t i, size_t col)
{
	assert_true(i < r->nrows && col < r->ncols);
	return r->cells[i * r->ncols + col];
}

/* The organisations: type filter, search with wildcards as text, orders;
 * and what belongs to one. */
static void test_organisations(void **state)
{
	struct dbtest t;
	struct list_result r;
	struct err e = { 0, "" };
	(void)state;
	open_data(&t);
	assert_int_equal(db_organisations(t.db, NULL, NULL, ORG_SORT_NAME, 0, 0, &r, &e), 0);
	assert_int_equal(r.nrows, 4);
	assert_string_equal(cell(&r, 0, 0), "corp"); /* "Corporatie 50%" < "Corporatie 500" */
	assert_string_equal(cell(&r, 3, 0), "school");
	list_result_free(&r);
	assert_int_equal(db_organisations(t.db, "corporatie", NULL, ORG_SORT_NAME, 1, 0, &r, &e), 0);
	assert_int_equal(r.nrows, 2);
	assert_string_equal(cell(&r, 0, 0), "corp2");
	list_result_free(&r);
	/* "50%" finds only the name with "50%"; "l_A" only the name with "l_A" */
	assert_int_equal(db_organisations(t.db, NULL, "50%", ORG_SORT_NAME, 0, 0, &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(cell(&r, 0, 0), "corp");
	list_result_free(&r);
	assert_int_equal(db_organisations(t.db, "", "l_a", ORG_SORT_NAME, 0, 0, &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(cell(&r, 0, 0), "school");
	list_result_free(&r);
	assert_int_equal(db_organisations(t.db, NULL, "' OR '1'='1", ORG_SORT_NAME, 0, 0, &r, &e), 0);
	assert_int_equal(r.nrows, 0);
	list_result_free(&r);
	/* by items, descending: corp has a and b (z archived), school a */
	assert_int_equal(db_organisations(t.db, NULL, NULL, ORG_SORT_ITEMS, 1, 0, &r, &e), 0);
	assert_string_equal(cell(&r, 0, 0), "corp");
	assert_string_equal(cell(&r, 0, 3), "2");
	assert_string_equal(cell(&r, 1, 0), "school");
	list_result_free(&r);
	assert_int_equal(db_organisations(t.db, NULL, NULL, ORG_SORT_ITEMS, 1, 1, &r, &e), 0);
	assert_string_equal(cell(&r, 0, 3), "3");
	list_result_free(&r);
	assert_int_equal(db_organisations(t.db, NULL, NULL, ORG_SORT_TYPE, 0, 0, &r, &e), 0);
	assert_string_equal(cell(&r, 0, 2), "corporatie");
	assert_string_equal(cell(&r, 3, 2), "onderwijs");
	list_result_free(&r);
	assert_int_equal(org_sort_parse("items"), ORG_SORT_ITEMS);
	assert_int_equal(org_sort_parse("name; DROP TABLE x"), -1);
	assert_string_equal(org_sort_code(ORG_SORT_TYPE), "type");
	/* one organisation */
	assert_int_equal(db_org_items(t.db, "corp", 0, &r, &e), 0);
	assert_int_equal(r.nrows, 2);
	assert_string_equal(cell(&r, 0, 0), "a");
	assert_string_equal(cell(&r, 0, 5), "eigenaar");
	assert_string_equal(cell(&r, 0, 6), "3");
	list_result_free(&r);
	assert_int_equal(db_org_items(t.db, "corp", 1, &r, &e), 0);
	assert_int_equal(r.nrows, 3);
	list_result_free(&r);
	assert_int_equal(db_org_contacts(t.db, "corp", &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(cell(&r, 0, 3), "jan@example.org");
	list_result_free(&r);
	assert_int_equal(db_org_members(t.db, "net", &r, &e), 0);
	assert_int_equal(r.nrows, 2);
	assert_string_equal(cell(&r, 0, 0), "school"); /* in their order */
	list_result_free(&r);
	assert_int_equal(db_org_networks(t.db, "corp", &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(cell(&r, 0, 0), "net");
	list_result_free(&r);
	assert_int_equal(db_org_contracts(t.db, "corp", 0, &r, &e), 0);
	assert_int_equal(r.nrows, 1);
	list_result_free(&r);
	assert_int_equal(db_org_contracts(t.db, "corp", 1, &r, &e), 0);
	assert_int_equal(r.nrows, 2);
	assert_string_equal(cell(&r, 0, 0), "kz"); /* by end date */
	list_result_free(&r);
	dbtest_done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_order),
		cmocka_unit_test(test_tree_sums),
		cmocka_unit_test(test_tree_agrees_with_status),
		cmocka_unit_test(test_tree_cycle),
		cmocka_unit_test(test_vision_items),
		cmocka_unit_test(test_area_data),
		cmocka_unit_test(test_organisations),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
