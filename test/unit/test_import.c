/*
 * test_import.c - importing registers (src/core/record.c, src/db/import.c).
 *
 * Every error class of the issue, each with its exact location and
 * wording: unknown column, missing required field, bad number, bad date,
 * unknown reference, duplicate id, invalid UTF-8, over-long field, empty
 * file; and the guarantees: an import is all or nothing, --dry-run writes
 * nothing, importing the same file twice changes nothing (and logs
 * nothing), BOM and both delimiters, Dutch numbers and dates, partial
 * updates, list replacement, field-level provenance, the CBS kwb table and
 * JSON with positions.
 */
#include "dbtest.h"

/* A small valid set: two areas, a vision with one hoofdlijn, an item. */
static const char areas_csv[] = "code;name;type;parent\nGM0637;Zoetermeer;gemeente;\nWK063701;Meerzicht;wijk;GM0637\n";
static const char vision_csv[] = "id;kind;parent;title\nv;vision;;Visie 2040\nh1;hoofdlijn;v;Thuis\n";
static const char items_csv[] = "id;kind;title;domains;areas;serves;budget_2024;fte_2024\n"
				"nota;policy;Nota;sociaal|fysiek;WK063701;h1;1.234,5;1,5\n"
				"proj;project;Project;economie;;h1;2000;\n";

/* Import the valid set; it must succeed. */
static void import_base(struct dbtest *t)
{
	struct diag d;
	int rc = dbtest_import(t, &d, NULL, 0, "areas.csv", areas_csv, "vision.csv", vision_csv, "items.csv", items_csv,
			       NULL);
	if (rc != 0)
		fail_msg("base import failed: %s", d.text.data);
	diag_free(&d);
}

/* Import one file into a database with the base set and expect exactly
 * the message expected (one error). Nothing may have been written. */
static void expect_error(const char *name, const char *text, const char *expected)
{
	struct dbtest t;
	struct diag d;
	long long audit_before;
	dbtest_open(&t);
	import_base(&t);
	audit_before = dbtest_int(&t, "SELECT count(*) FROM audit_log");
	assert_int_equal(dbtest_import(&t, &d, NULL, 0, name, text, NULL), E_INPUT);
	if (!strstr(d.text.data, expected))
		fail_msg("expected the message\n  %s\ngot\n  %s", expected, d.text.data);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log"), audit_before);
	diag_free(&d);
	dbtest_done(&t);
}

/* The base set goes in with the right values. */
static void test_valid_import(void **state)
{
	struct dbtest t;
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item"), 2);
	assert_int_equal(dbtest_int(&t, "SELECT budget * 10 FROM item_year WHERE item_id = 'nota' AND year = 2024"),
			 12345);
	assert_int_equal(dbtest_int(&t, "SELECT fte * 10 FROM item_year WHERE item_id = 'nota'"), 15);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item_domain WHERE item_id = 'nota'"), 2);
	/* A year with a budget but no fte keeps the fte empty. */
	assert_int_equal(dbtest_int(&t, "SELECT fte IS NULL FROM item_year WHERE item_id = 'proj'"), 1);
	/* Imported without a source: source "import", noted with who and
	 * which file. */
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item WHERE source = 'import'"
					" AND source_note = 'imported by unit-test from items.csv'"),
			 2);
	dbtest_done(&t);
}

static void test_unknown_column(void **state)
{
	(void)state;
	expect_error("items.csv", "id;kind;title;budjet_2024\nx;policy;X;1\n",
		     "items.csv:1:15: unknown column \"budjet_2024\" for register items; expected one of: id, kind,");
}

static void test_missing_required_field(void **state)
{
	(void)state;
	expect_error("items.csv", "id;kind;title\nx;policy;\n", "items.csv:2:10: missing required field \"title\"");
	/* A column that is not there at all, for a new record. */
	expect_error("items.csv", "id;title\nx;X\n", "items.csv:2: missing required field \"kind\"");
	/* An existing record's required field cannot be emptied. */
	expect_error("items.csv", "id;title\nnota;\n",
		     "items.csv:2:6: expected a value for the required field \"title\", found an empty cell");
	/* The key column itself. */
	expect_error("items.csv", "kind;title\npolicy;X\n", "items.csv:1: missing column \"id\"");
}

static void test_bad_number(void **state)
{
	(void)state;
	expect_error("items.csv", "id;kind;title;budget_2024\nx;policy;X;twee ton\n",
		     "items.csv:2:12: expected a number, found \"twee ton\"");
	expect_error("items.csv", "id;kind;title;budget_2024\nx;policy;X;-5\n",
		     "items.csv:2:12: expected a number from 0 to 1e+12, found \"-5\"");
	expect_error("items.csv", "id;kind;title;year_adopted\nx;policy;X;20x1\n",
		     "items.csv:2:12: expected a whole number from 1800 to 2200, found \"20x1\"");
}

static void test_bad_date(void **state)
{
	(void)state;
	expect_error("contracts.csv", "id;item;title;end_date\nc1;proj;C;31-02-2026\n",
		     "contracts.csv:2:11: expected a date such as 2026-12-31 or 31-12-2026, found \"31-02-2026\"");
	expect_error("contracts.csv", "id;item;title;end_date\nc1;proj;C;volgend jaar\n",
		     "contracts.csv:2:11: expected a date such as 2026-12-31 or 31-12-2026, found \"volgend jaar\"");
}

static void test_unknown_reference(void **state)
{
	(void)state;
	expect_error("contracts.csv", "id;item;title;end_date\nc1;nope;C;2027-01-01\n",
		     "contracts.csv:2:4: unknown reference in item: \"nope\" is not in items");
	/* In a list, the reference names the list. */
	expect_error("items.csv", "id;kind;title;areas\nx;policy;X;WK063701|WK069999\n",
		     "items.csv:2:12: unknown reference in areas: \"WK069999\" is not in areas");
	expect_error("assessments.csv", "round;assessor;item;criterion;score\nr1;jan;nota;h1;1\n",
		     "assessments.csv:2:1: unknown reference in round: \"r1\" is not in rounds");
}

/* A reference to a record of the wrong kind: a criterion must be a
 * hoofdlijn, pillar or urgent issue; and a score must fit the scale. */
static void test_wrong_kind_and_scale(void **state)
{
	struct dbtest t;
	struct diag d;
	static const char rounds[] = "id;title;scale_min;scale_max;allow_na\nr1;Ronde 1;-2;2;nee\n";
	static const char users[] = "name;role\njan;medewerker\n";
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	assert_int_equal(
		dbtest_import(
			&t, &d, NULL, 0, "rounds.csv", rounds, "users.csv", users, "assessments.csv",
			"round;assessor;item;criterion;score\nr1;jan;nota;v;1\nr1;jan;proj;h1;3\nr1;jan;nota;h1;nvt\n",
			NULL),
		E_INPUT);
	assert_contains(d.text.data,
			"assessments.csv:2:13: expected criterion of kind hoofdlijn, pillar, urgent_issue, "
			"found \"v\" of kind vision");
	assert_contains(d.text.data,
			"assessments.csv:3:16: expected a score from -2 to 2 (the scale of round r1), found 3");
	assert_contains(d.text.data,
			"assessments.csv:4:16: expected a score from -2 to 2 (round r1 does not allow n.v.t.)");
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM assessment_round"), 0);
	diag_free(&d);
	dbtest_done(&t);
}

static void test_duplicate_id(void **state)
{
	(void)state;
	expect_error("items.csv", "id;kind;title\nx;policy;A\ny;policy;B\nx;policy;C\n",
		     "items.csv:4:1: duplicate id \"x\" (first at items.csv:2)");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	expect_error("items.csv", "id;kind;title\nx;policy;caf\xe9\n",
		     "items.csv:2:13: expected UTF-8 text, found the byte 0xE9 (save the file as \"CSV UTF-8\")");
}

static void test_overlong_field(void **state)
{
	char text[600];
	(void)state;
	memcpy(text, "id;kind;title\nx;policy;", 23);
	memset(text + 23, 'a', 400);
	memcpy(text + 423, "\n", 2);
	expect_error("items.csv", text, "items.csv:2:10: expected at most 300 characters, found 400");
}

static void test_empty_file(void **state)
{
	(void)state;
	expect_error("items.csv", "", "items.csv: empty file: expected a header line");
	expect_error("items.csv", "\xef\xbb\xbf\n \n", "items.csv: empty file: expected a header line");
	expect_error("items.json", "", "items.json: empty file: expected a JSON value");
}

/* Bad values, enumerations and ids name what was expected. */
static void test_bad_enum_and_id(void **state)
{
	(void)state;
	expect_error("items.csv", "id;kind;title\nx;plan;X\n",
		     "items.csv:2:3: expected policy, programme, project, regulation or action, found \"plan\"");
	expect_error("items.csv", "id;kind;title\nX Y;policy;X\n",
		     "items.csv:2:1: expected an id of at most 100 lower-case letters");
	expect_error("contacts.csv", "id;organisation;name;email\nc;o1;C;geen-adres\n",
		     "contacts.csv:2:8: expected an e-mail address, found \"geen-adres\"");
}

/* One bad record anywhere: nothing of any file goes in. */
static void test_all_or_nothing(void **state)
{
	struct dbtest t;
	struct diag d;
	(void)state;
	dbtest_open(&t);
	assert_int_equal(dbtest_import(&t, &d, NULL, 0, "areas.csv", areas_csv, "vision.csv", vision_csv, "items.csv",
				       "id;kind;title\nok1;policy;Goed\nok2;policy;Ook goed\nbad;policy;\n", NULL),
			 E_INPUT);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM area"), 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM vision_element"), 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item"), 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log"), 0);
	diag_free(&d);
	dbtest_done(&t);
}

/* A dry run reports what would change and writes nothing. */
static void test_dry_run(void **state)
{
	struct dbtest t;
	struct diag d;
	struct import_result res;
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	long long audit = dbtest_int(&t, "SELECT count(*) FROM audit_log");
	assert_int_equal(dbtest_import(&t, &d, &res, 1, "items.csv",
				       "id;kind;title\nnieuw;policy;Nieuw\nnota;policy;Nota 2\n", NULL),
			 0);
	assert_int_equal(res.added[REG_ITEMS], 1);
	assert_int_equal(res.changed[REG_ITEMS], 1);
	assert_contains(res.details.data, "+ items/nieuw");
	assert_contains(res.details.data, "~ items/nota: title");
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item"), 2);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log"), audit);
	import_result_free(&res);
	diag_free(&d);
	dbtest_done(&t);
}

/* Importing the same files again changes nothing, not even the log. */
static void test_reimport_changes_nothing(void **state)
{
	struct dbtest t;
	struct diag d;
	struct import_result res;
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	long long audit = dbtest_int(&t, "SELECT count(*) FROM audit_log");
	assert_int_equal(dbtest_import(&t, &d, &res, 0, "areas.csv", areas_csv, "vision.csv", vision_csv, "items.csv",
				       items_csv, NULL),
			 0);
	for (int r = 0; r < REG_COUNT; r++) {
		assert_int_equal(res.added[r], 0);
		assert_int_equal(res.changed[r], 0);
	}
	assert_int_equal(res.unchanged[REG_ITEMS], 2);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log"), audit);
	import_result_free(&res);
	diag_free(&d);
	dbtest_done(&t);
}

/* A row updates only the columns the file has; lists are replaced whole. */
static void test_partial_update_and_lists(void **state)
{
	struct dbtest t;
	struct diag d;
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	assert_int_equal(dbtest_import(&t, &d, NULL, 0, "items.csv", "id;domains;fte_2024\nnota;veiligheid;2\n", NULL),
			 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item WHERE id = 'nota' AND title = 'Nota'"), 1);
	assert_int_equal(
		dbtest_int(&t, "SELECT group_concat(domain) = 'veiligheid' FROM item_domain WHERE item_id = 'nota'"),
		1);
	assert_int_equal(dbtest_int(&t, "SELECT budget * 10 FROM item_year WHERE item_id = 'nota'"), 12345);
	assert_int_equal(dbtest_int(&t, "SELECT fte FROM item_year WHERE item_id = 'nota'"), 2);
	/* An empty cell clears: the year with neither budget nor fte goes. */
	diag_free(&d);
	assert_int_equal(dbtest_import(&t, &d, NULL, 0, "items.csv", "id;budget_2024;fte_2024\nproj;;\n", NULL), 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item_year WHERE item_id = 'proj'"), 0);
	diag_free(&d);
	dbtest_done(&t);
}

/* BOM, ',' as delimiter, quoted fields with the delimiter and line breaks,
 * CRLF, Dutch words for codes and Dutch dates. */
static void test_excel_forms(void **state)
{
	struct dbtest t;
	struct diag d;
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	assert_int_equal(dbtest_import(&t, &d, NULL, 0, "projecten.csv",
				       "\xef\xbb\xbfid,title,description,status,budget_2025\r\n"
				       "p2,\"Park, fase 2\",\"Regel 1\r\nRegel \"\"2\"\"\",lopend,\"€ 1.500.000\"\r\n",
				       "contracts.csv",
				       "id;item;title;end_date;exit_cost\nc9;p2;C;31-12-2027;1.250,50\n", NULL),
			 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item WHERE id = 'p2' AND kind = 'project'"
					" AND title = 'Park, fase 2' AND status = 'active'"
					" AND description = 'Regel 1' || char(13, 10) || 'Regel \"2\"'"),
			 1);
	assert_int_equal(dbtest_int(&t, "SELECT budget FROM item_year WHERE item_id = 'p2' AND year = 2025"), 1500000);
	assert_int_equal(
		dbtest_int(&t, "SELECT count(*) FROM contract WHERE end_date = '2027-12-31' AND exit_cost = 1250.5"),
		1);
	diag_free(&d);
	dbtest_done(&t);
}

/* field_sources sets the provenance per field; re-import keeps it. */
static void test_field_sources(void **state)
{
	struct dbtest t;
	struct diag d;
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	assert_int_equal(
		dbtest_import(&t, &d, NULL, 0, "items.csv",
			      "id;source;field_sources\nnota;seed;description:illustrative|budget:illustrative\n",
			      NULL),
		0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM value_source WHERE entity = 'item' AND entity_id = 'nota'"
					" AND source = 'illustrative'"),
			 2);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item WHERE id = 'nota' AND source = 'seed'"), 1);
	diag_free(&d);
	expect_error("items.csv", "id;field_sources\nnota;budget:verzonnen\n",
		     "items.csv:2:6: expected a source: seed, cbs, gemeente, illustrative, import or manual, found "
		     "\"verzonnen\"");
	expect_error("items.csv", "id;field_sources\nnota;titel:seed|kleur:seed\n",
		     "expected field:source pairs such as description:illustrative, naming fields of this register, "
		     "found \"kleur\"");
	dbtest_done(&t);
}

/* A CBS kwb table gives values of the indicators that name its columns;
 * other columns are reported and ignored. */
static void test_kwb(void **state)
{
	struct dbtest t;
	struct diag d;
	struct import_result res;
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	assert_int_equal(dbtest_import(&t, &d, &res, 0, "indicators.csv",
				       "id;title;unit;direction;cbs_column\ninw;Inwoners;personen;up;a_inw\n",
				       "kwb-2024-test.csv",
				       "gwb_code_10,regio,a_inw\nGM0637,Zoetermeer,128434\nWK063701,Meerzicht,.\n",
				       NULL),
			 0);
	assert_int_equal(
		dbtest_int(&t, "SELECT value FROM indicator_value WHERE indicator_id = 'inw' AND area_code = 'GM0637'"
			       " AND year = 2024 AND source = 'cbs'"),
		128434);
	/* CBS's '.' is "no value": no row. */
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM indicator_value"), 1);
	assert_contains(res.notes.data, "column \"regio\" ignored");
	import_result_free(&res);
	diag_free(&d);
	/* A value of a column an indicator uses must be a number. */
	assert_int_equal(dbtest_import(&t, &d, NULL, 0, "kwb-2024.csv", "code,a_inw\nWK063701,veel\n", NULL), E_INPUT);
	assert_contains(d.text.data, "kwb-2024.csv:2:10: expected a number, found \"veel\"");
	diag_free(&d);
	dbtest_done(&t);
}

/* JSON: the same registers, errors at the line and column of the value. */
static void test_json(void **state)
{
	struct dbtest t;
	struct diag d;
	(void)state;
	dbtest_open(&t);
	import_base(&t);
	assert_int_equal(
		dbtest_import(&t, &d, NULL, 0, "data.json",
			      "{\"items\": [{\"id\": \"j1\", \"kind\": \"action\", \"title\": \"Actie\",\n"
			      "  \"domains\": [\"sociaal\"], \"budget\": {\"2025\": 5e4}, \"legal_task\": true,\n"
			      "  \"field_sources\": {\"budget\": \"illustrative\"}}]}",
			      NULL),
		0);
	assert_int_equal(dbtest_int(&t, "SELECT budget FROM item_year WHERE item_id = 'j1' AND year = 2025"), 50000);
	assert_int_equal(dbtest_int(&t, "SELECT legal_task FROM item WHERE id = 'j1'"), 1);
	diag_free(&d);
	expect_error("data.json",
		     "{\"items\": [\n {\"id\": \"j2\", \"kind\": \"action\",\n  \"title\": 5, \"budget\": {\"2025\": "
		     "\"veel\"}}]}",
		     "data.json:3:34: expected a number, found \"veel\"");
	expect_error("data.json", "{\"items\": [{\"id\": \"j2\", \"kleur\": 1}]}",
		     "data.json:1:25: unknown member \"kleur\" for register items");
	expect_error("data.json", "{\"dingen\": []}", "data.json:1:2: unknown register \"dingen\"");
	expect_error("data.json", "{\"items\": [{\"id\": \"j2\",}]}",
		     "data.json:1:24: expected a member name in double quotes, found '}'");
	dbtest_done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_import),
		cmocka_unit_test(test_unknown_column),
		cmocka_unit_test(test_missing_required_field),
		cmocka_unit_test(test_bad_number),
		cmocka_unit_test(test_bad_date),
		cmocka_unit_test(test_unknown_reference),
		cmocka_unit_test(test_wrong_kind_and_scale),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_overlong_field),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_bad_enum_and_id),
		cmocka_unit_test(test_all_or_nothing),
		cmocka_unit_test(test_dry_run),
		cmocka_unit_test(test_reimport_changes_nothing),
		cmocka_unit_test(test_partial_update_and_lists),
		cmocka_unit_test(test_excel_forms),
		cmocka_unit_test(test_field_sources),
		cmocka_unit_test(test_kwb),
		cmocka_unit_test(test_json),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
