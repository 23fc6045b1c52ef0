/*
 * test_item_query.c - finding items (src/db/item_query.c): the filters,
 * the full-text search and its expression builder, the orders, the
 * pagination, who sees archived items and contract dates, and the choice
 * lists; on the Zoetermeer example, whose figures the expectations come
 * from (data/zoetermeer/items.csv, vision.csv, areas.csv, contracts.csv).
 */
#include "dbtest.h"
#include "core/embedded.h"
#include "db/item_query.h"

/* Import the embedded example data set into t. */
static void load_example(struct dbtest *t)
{
	struct diag d;
	struct batch b;
	struct import_result res;
	struct import_opts o = { 0, 0 };
	struct err e = { 0, "" };
	diag_init(&d, 50);
	batch_init(&b, &d, "unit-test");
	import_result_init(&res);
	for (size_t i = 0; i < example_files_count; i++)
		if (ends_with(example_files[i].path, ".csv"))
			batch_add_file(&b, example_files[i].path, example_files[i].data, example_files[i].len, NULL);
	if (db_import(t->db, &b, &o, &res, &e) != 0)
		fail_msg("example import: %s %s", d.text.data, e.msg);
	import_result_free(&res);
	batch_free(&b);
	diag_free(&d);
}

/* The example database, opened once for the tests that only read. */
static struct dbtest example;

/* Open the example (group setup). */
static int open_example(void **state)
{
	(void)state;
	dbtest_open(&example);
	load_example(&example);
	return 0;
}

/* Close it (group teardown). */
static int close_example(void **state)
{
	(void)state;
	dbtest_done(&example);
	return 0;
}

/* A filter for the year 2025 with nothing else set. */
static struct item_filter filter_2025(void)
{
	struct item_filter f;
	memset(&f, 0, sizeof(f));
	f.year = 2025;
	return f;
}

/* Run f on db into res (memory from a); fail the test on an error. */
static void query(struct db *db, const struct item_filter *f, struct arena *a, struct item_result *res)
{
	struct err e = { 0, "" };
	if (db_item_query(db, f, a, res, &e) != 0)
		fail_msg("db_item_query: %s", e.msg);
}

/* Whether res holds the item id. */
static int has_item(const struct item_result *res, const char *id)
{
	for (size_t i = 0; i < res->n; i++)
		if (strcmp(res->rows[i].id, id) == 0)
			return 1;
	return 0;
}

/* The match expression of text. */
static char *match_of(const char *text, int *words)
{
	struct buf b = BUF_INIT;
	*words = item_match_text(text, &b);
	return buf_detach(&b, NULL);
}

/* item_match_text quotes every word, doubles quotes, drops words without
 * a letter or digit and makes the last word a prefix. */
static void test_match_text(void **state)
{
	static const struct {
		const char *text, *expr;
		int words;
	} cases[] = {
		{ "hotelnota", "\"hotelnota\"*", 1 },
		{ "  woon  visie ", "\"woon\" \"visie\"*", 2 },
		{ "\"", "", 0 },
		{ "*", "", 0 },
		{ "", "", 0 },
		{ "AND(", "\"AND(\"", 1 },
		{ "a NEAR b", "\"a\" \"NEAR\" \"b\"*", 3 },
		{ "' OR 1=1 --", "\"OR\" \"1=1\"*", 2 },
		{ "say \"hi\"", "\"say\" \"\"\"hi\"\"\"", 2 },
		{ "title:x", "\"title:x\"*", 1 },
		{ "café", "\"café\"*", 1 },
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int words;
		char *expr = match_of(cases[i].text, &words);
		if (strcmp(expr, cases[i].expr) != 0 || words != cases[i].words)
			fail_msg("%s: expected [%s] (%d), got [%s] (%d)", cases[i].text, cases[i].expr, cases[i].words,
				 expr, words);
		free(expr);
	}
	/* At most 16 words. */
	int words;
	char *expr = match_of("a b c d e f g h i j k l m n o p q r s", &words);
	assert_int_equal(words, 16);
	assert_non_null(strstr(expr, "\"p\"*"));
	assert_null(strstr(expr, "\"q\""));
	free(expr);
	expr = match_of(NULL, &words);
	assert_int_equal(words, 0);
	assert_string_equal(expr, "");
	free(expr);
}

/* Without a filter: every current item, by title; a page of 50, then the
 * rest, then an empty page past the end that still counts all. */
static void test_all_and_pages(void **state)
{
	struct arena a = ARENA_INIT;
	struct item_filter f = filter_2025();
	struct item_result res;
	(void)state;
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, 59);
	assert_int_equal(res.n, 59);
	assert_int_equal(res.year, 2025);
	assert_string_equal(res.rows[0].title, "Actieplan economie");
	assert_string_equal(res.rows[58].title, "Zoetermeers Speelruimteplan 2016 \xe2\x80\x93 2026");
	for (size_t i = 1; i < res.n; i++)
		assert_true(strcasecmp(res.rows[i - 1].title, res.rows[i].title) <= 0);
	f.limit = 50;
	query(example.db, &f, &a, &res);
	assert_int_equal(res.n, 50);
	assert_int_equal(res.total, 59);
	f.offset = 50;
	query(example.db, &f, &a, &res);
	assert_int_equal(res.n, 9);
	assert_int_equal(res.total, 59);
	assert_string_equal(res.rows[8].title, "Zoetermeers Speelruimteplan 2016 \xe2\x80\x93 2026");
	f.offset = 500;
	query(example.db, &f, &a, &res);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.total, 59);
	arena_free(&a);
}

/* A row carries the year's figures with their provenance. */
static void test_row_values(void **state)
{
	struct arena a = ARENA_INIT;
	struct item_filter f = filter_2025();
	struct item_result res;
	(void)state;
	f.q = "hotelnota";
	query(example.db, &f, &a, &res);
	assert_int_equal(res.n, 1);
	const struct item_row *r = &res.rows[0];
	assert_string_equal(r->id, "hotelnota-2001");
	assert_string_equal(r->kind, "policy");
	assert_string_equal(r->owner, "Economie");
	assert_true(r->has_budget);
	assert_string_equal(r->budget_source, "illustrative");
	assert_string_equal(r->source, "seed");
	assert_false(r->archived);
	assert_null(r->contract_end); /* not internal */
	arena_free(&a);
}

/* Each filter gives the items the example says it should. */
static void test_filters(void **state)
{
	struct arena a = ARENA_INIT;
	struct item_filter f = filter_2025();
	struct item_result res;
	(void)state;
	f.kind = "policy";
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, 40);
	for (size_t i = 0; i < res.n; i++)
		assert_string_equal(res.rows[i].kind, "policy");
	f = filter_2025();
	f.status = "planned";
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, 5);
	f = filter_2025();
	f.kind = "";
	f.status = "";
	query(example.db, &f, &a, &res); /* empty strings filter nothing */
	assert_int_equal(res.total, 59);
	f = filter_2025();
	f.hoofdlijn = "hl-thuis"; /* serves the main line or one of its goals */
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, dbtest_int(&example, "SELECT count(DISTINCT s.item_id) FROM item_serves s"
							 " JOIN vision_element v ON v.id = s.element_id"
							 " WHERE v.id = 'hl-thuis' OR v.parent_id = 'hl-thuis'"));
	assert_int_equal(res.total, 17);
	assert_true(has_item(&res, "woningbouwagenda-zoetermeer")); /* through its goal */
	f = filter_2025();
	f.pillar = "wijken-van-de-toekomst"; /* serves it or lies in one of its areas */
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total,
			 dbtest_int(&example,
				    "SELECT count(*) FROM item WHERE id IN (SELECT item_id FROM item_serves"
				    " WHERE element_id = 'wijken-van-de-toekomst') OR id IN (SELECT item_id"
				    " FROM item_area WHERE area_code IN ('WK063701','WK063702','WK063703'))"));
	assert_true(has_item(&res, "kadernota-samenspraak-en-samenspraakverordening-participatie"));
	f = filter_2025();
	f.area = "WK063701";
	query(example.db, &f, &a, &res);
	assert_int_equal(
		res.total,
		dbtest_int(&example, "SELECT count(DISTINCT item_id) FROM item_area WHERE area_code = 'WK063701'"));
	assert_true(res.total > 0);
	f.area = "GM0637"; /* the municipality: every item in an area within it */
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, dbtest_int(&example, "SELECT count(DISTINCT item_id) FROM item_area"));
	f = filter_2025();
	f.domain = "veiligheid";
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total,
			 dbtest_int(&example, "SELECT count(*) FROM item_domain WHERE domain = 'veiligheid'"));
	assert_true(res.total > 0);
	f = filter_2025();
	f.owner = "Vastgoed";
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, 3);
	f.kind = "programme"; /* filters combine */
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, dbtest_int(&example, "SELECT count(*) FROM item WHERE owner = 'Vastgoed'"
							 " AND kind = 'programme'"));
	assert_true(res.total < 3);
	f = filter_2025();
	f.kind = "no such kind";
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, 0);
	arena_free(&a);
}

/* The search: a word of a title finds it, diacritics are folded, the last
 * word is a prefix, and FTS syntax or SQL in the text do no harm. */
static void test_search(void **state)
{
	static const char *const harmless[] = {
		"\"",     "*",  "AND(",   "NEAR(a b)", "' OR 1=1 --",  "title:x",      "\"unclosed",
		"a OR b", "-x", "^start", "{}",        "col : \"x\"*", "\xe2\x80\x93",
	};
	struct arena a = ARENA_INIT;
	struct item_filter f = filter_2025();
	struct item_result res;
	struct err e = { 0, "" };
	(void)state;
	f.q = "Hotélnota";
	query(example.db, &f, &a, &res);
	assert_int_equal(res.n, 1);
	assert_string_equal(res.rows[0].id, "hotelnota-2001");
	assert_true(res.searched);
	f.q = "speelruimte"; /* a prefix of "Speelruimteplan" */
	query(example.db, &f, &a, &res);
	assert_true(has_item(&res, "zoetermeers-speelruimteplan-2016-2026"));
	f.q = "woonvisie zoetermeer";
	query(example.db, &f, &a, &res);
	assert_true(has_item(&res, "woonvisie-zoetermeer-2015"));
	f.q = "zoetermeer"; /* relevance: a title match ranks first */
	query(example.db, &f, &a, &res);
	assert_true(res.n > 3);
	assert_non_null(strcasestr(res.rows[0].title, "zoetermeer"));
	for (size_t i = 0; i < ARRAY_SIZE(harmless); i++) {
		f.q = harmless[i];
		if (db_item_query(example.db, &f, &a, &res, &e) != 0)
			fail_msg("q=%s: %s", harmless[i], e.msg);
		assert_true(res.total <= 59);
	}
	f.q = "*"; /* nothing to search for: no search */
	query(example.db, &f, &a, &res);
	assert_false(res.searched);
	assert_int_equal(res.total, 59);
	f.q = "' OR 1=1 --";
	query(example.db, &f, &a, &res);
	assert_int_equal(res.total, 0);
	arena_free(&a);
}

/* The orders, each way, with missing values last. */
static void test_sort(void **state)
{
	struct arena a = ARENA_INIT;
	struct item_filter f = filter_2025();
	struct item_result res;
	(void)state;
	f.sort = ITEM_SORT_BUDGET;
	f.descending = 1;
	query(example.db, &f, &a, &res);
	assert_string_equal(res.rows[0].id, "beleidsplan-wmo-en-jeugdhulp");
	assert_false(res.rows[58].has_budget); /* the one without figures, last */
	for (size_t i = 1; i + 1 < res.n; i++)
		assert_true(res.rows[i - 1].budget >= res.rows[i].budget);
	f.descending = 0;
	query(example.db, &f, &a, &res);
	assert_false(res.rows[58].has_budget); /* last also ascending */
	assert_true(res.rows[0].budget <= res.rows[1].budget);
	f.sort = ITEM_SORT_KIND;
	query(example.db, &f, &a, &res);
	assert_string_equal(res.rows[0].kind, "policy");
	assert_string_equal(res.rows[58].kind, "action");
	f.descending = 1;
	query(example.db, &f, &a, &res);
	assert_string_equal(res.rows[0].kind, "action");
	f.sort = ITEM_SORT_STATUS;
	f.descending = 0;
	query(example.db, &f, &a, &res);
	assert_string_equal(res.rows[0].status, "planned");
	f.sort = ITEM_SORT_TITLE;
	f.descending = 1;
	query(example.db, &f, &a, &res);
	assert_string_equal(res.rows[0].title, "Zoetermeers Speelruimteplan 2016 \xe2\x80\x93 2026");
	f.sort = ITEM_SORT_CONTRACT_END; /* not internal: the default order */
	f.descending = 0;
	query(example.db, &f, &a, &res);
	assert_string_equal(res.rows[0].title, "Actieplan economie");
	f.internal = 1;
	f.descending = 1;
	query(example.db, &f, &a, &res);
	assert_string_equal(res.rows[0].id, "vastgoed");
	assert_string_equal(res.rows[0].contract_end, "2031-12-31");
	assert_null(res.rows[58].contract_end);
	assert_int_equal(item_sort_by_name("budget"), ITEM_SORT_BUDGET);
	assert_int_equal(item_sort_by_name("contract_end"), ITEM_SORT_CONTRACT_END);
	assert_int_equal(item_sort_by_name("1; DROP TABLE item"), -1);
	assert_int_equal(item_sort_by_name(""), -1);
	assert_int_equal(item_sort_by_name(NULL), -1);
	arena_free(&a);
}

/* Archived items: only for the internal, and only when asked. */
static void test_archived(void **state)
{
	struct dbtest t;
	struct arena a = ARENA_INIT;
	struct item_filter f = filter_2025();
	struct item_result res;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	load_example(&t);
	assert_int_equal(db_exec(t.db, "UPDATE item SET archived = 1 WHERE id = 'hotelnota-2001'", &e), 0);
	query(t.db, &f, &a, &res);
	assert_int_equal(res.total, 58);
	assert_false(has_item(&res, "hotelnota-2001"));
	f.archived = ITEM_WITH_ARCHIVED; /* asked, but not internal */
	query(t.db, &f, &a, &res);
	assert_int_equal(res.total, 58);
	f.archived = ITEM_ONLY_ARCHIVED;
	query(t.db, &f, &a, &res);
	assert_int_equal(res.total, 58);
	f.internal = 1;
	query(t.db, &f, &a, &res);
	assert_int_equal(res.total, 1);
	assert_true(res.rows[0].archived);
	f.archived = ITEM_WITH_ARCHIVED;
	query(t.db, &f, &a, &res);
	assert_int_equal(res.total, 59);
	f.archived = ITEM_CURRENT; /* internal, not asked */
	query(t.db, &f, &a, &res);
	assert_int_equal(res.total, 58);
	/* An edited title is found by the search (the index follows). */
	assert_int_equal(db_exec(t.db,
				 "UPDATE item SET title = 'Caf\xc3\xa9"
				 "beleid' WHERE id = 'grondbeleid'",
				 &e),
			 0);
	f.q = "cafebeleid";
	query(t.db, &f, &a, &res);
	assert_int_equal(res.n, 1);
	assert_string_equal(res.rows[0].id, "grondbeleid");
	f.q = "grondbeleid";
	query(t.db, &f, &a, &res);
	assert_int_equal(res.n, 0);
	arena_free(&a);
	dbtest_done(&t);
}

/* The choice lists. */
static void test_choices(void **state)
{
	struct arena a = ARENA_INIT;
	struct item_choice *c;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(db_item_choices(example.db, CHOICES_HOOFDLIJNEN, 0, &a, &c, &e), 6);
	assert_string_equal(c[0].code, "hl-thuis");
	assert_int_equal(db_item_choices(example.db, CHOICES_PILLARS, 0, &a, &c, &e), 2);
	assert_int_equal(db_item_choices(example.db, CHOICES_AREAS, 0, &a, &c, &e), 16);
	assert_string_equal(c[0].code, "GM0637");
	assert_int_equal(db_item_choices(example.db, CHOICES_ITEMS, 0, &a, &c, &e), 59);
	assert_string_equal(c[0].label, "Actieplan economie");
	int n = db_item_choices(example.db, CHOICES_VISION, 0, &a, &c, &e);
	assert_int_equal(n, 32);
	assert_string_equal(c[0].code, "hl-thuis");
	assert_string_equal(c[1].kind, "goal"); /* its goals follow it */
	assert_string_equal(c[1].parent, "hl-thuis");
	for (int i = 0; i < n; i++)
		assert_string_not_equal(c[i].kind, "vision");
	n = db_item_choices(example.db, CHOICES_OWNERS, 0, &a, &c, &e);
	assert_int_equal(n, dbtest_int(&example, "SELECT count(DISTINCT owner) FROM item"));
	for (int i = 1; i < n; i++)
		assert_true(strcasecmp(c[i - 1].code, c[i].code) < 0);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_text), cmocka_unit_test(test_all_and_pages),
		cmocka_unit_test(test_row_values), cmocka_unit_test(test_filters),
		cmocka_unit_test(test_search),     cmocka_unit_test(test_sort),
		cmocka_unit_test(test_archived),   cmocka_unit_test(test_choices),
	};
	return cmocka_run_group_tests(tests, open_example, close_example);
}
