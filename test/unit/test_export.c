/*
 * test_export.c - exports and their round trip (src/render/export.c,
 * src/db/read.c).
 *
 * The whole Zoetermeer example goes in; its JSON export, imported into an
 * empty database and exported again, gives the same bytes, and so does its
 * CSV export (every register); the two databases then hold the same rows
 * in every table but the log. Numbers come out in their exact machine
 * form, and a re-import of an export changes nothing.
 */
#include "dbtest.h"
#include "core/embedded.h"
#include "render/export.h"

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
	assert_true(res.added[REG_ITEMS] >= 40);
	import_result_free(&res);
	batch_free(&b);
	diag_free(&d);
}

/* All registers that have records. */
static size_t all_registers(struct db *db, const struct register_def **regs)
{
	size_t n = 0;
	for (int i = 0; i < REG_COUNT; i++)
		if (register_count(db, reg_get(i)) > 0)
			regs[n++] = reg_get(i);
	return n;
}

/* A fingerprint of every table but the log and meta: one string with
 * every row, for comparing databases. An account's created_at is left
 * out: it is when the account was made in that database, not a field of
 * the users register, so an export does not carry it. */
static char *fingerprint(struct dbtest *t)
{
	struct buf out = BUF_INIT;
	sqlite3_stmt *tables;
	assert_int_equal(sqlite3_prepare_v2(t->db->h,
					    "SELECT name FROM sqlite_schema WHERE type = 'table'"
					    " AND name NOT IN ('audit_log', 'meta') AND name NOT LIKE 'sqlite_%'"
					    " AND name NOT LIKE 'item_fts%'"
					    " ORDER BY name",
					    -1, &tables, NULL),
			 SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *sql = mprintf("SELECT * FROM \"%s\" ORDER BY 1, 2, 3", db_col_text(tables, 0));
		sqlite3_stmt *rows;
		assert_int_equal(sqlite3_prepare_v2(t->db->h, sql, -1, &rows, NULL), SQLITE_OK);
		buf_printf(&out, "== %s\n", db_col_text(tables, 0));
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(rows); c++) {
				const char *v = db_col_text(rows, c);
				if (!strcmp(db_col_text(tables, 0), "account") &&
				    !strcmp(sqlite3_column_name(rows, c), "created_at"))
					continue;
				buf_printf(&out, "%s|", v ? v : "<null>");
			}
			buf_addch(&out, '\n');
		}
		sqlite3_finalize(rows);
		free(sql);
	}
	sqlite3_finalize(tables);
	return buf_detach(&out, NULL);
}

/* JSON export -> import into an empty database -> export: the same. */
static void test_json_round_trip(void **state)
{
	struct dbtest a, b;
	const struct register_def *regs[REG_COUNT];
	struct buf first = BUF_INIT, second = BUF_INIT;
	struct err e = { 0, "" };
	struct diag d;
	size_t n;
	(void)state;
	dbtest_open(&a);
	load_example(&a);
	n = all_registers(a.db, regs);
	assert_int_equal(export_json(a.db, regs, n, &first, &e), 0);
	dbtest_open(&b);
	if (dbtest_import(&b, &d, NULL, 0, "export.json", first.data, NULL) != 0)
		fail_msg("import of the export: %s", d.text.data);
	diag_free(&d);
	assert_int_equal(export_json(b.db, regs, n, &second, &e), 0);
	assert_string_equal(first.data, second.data);
	char *fa = fingerprint(&a), *fb = fingerprint(&b);
	assert_string_equal(fa, fb);
	/* Importing the export into the database it came from changes
	 * nothing. */
	struct import_result res;
	long long audit = dbtest_int(&a, "SELECT count(*) FROM audit_log");
	assert_int_equal(dbtest_import(&a, &d, &res, 0, "export.json", first.data, NULL), 0);
	assert_int_equal(dbtest_int(&a, "SELECT count(*) FROM audit_log"), audit);
	import_result_free(&res);
	diag_free(&d);
	free(fa);
	free(fb);
	buf_free(&first);
	buf_free(&second);
	dbtest_done(&a);
	dbtest_done(&b);
}

/* CSV export of every register (both delimiters) -> import -> export. */
static void test_csv_round_trip(void **state)
{
	(void)state;
	for (int pass = 0; pass < 2; pass++) {
		char delim = pass ? ',' : ';';
		struct dbtest a, b;
		const struct register_def *regs[REG_COUNT];
		struct buf files[REG_COUNT], again = BUF_INIT;
		char *names[REG_COUNT];
		struct err e = { 0, "" };
		struct diag d;
		struct batch batch;
		struct import_result res;
		struct import_opts o = { 0, 0 };
		size_t n;
		dbtest_open(&a);
		load_example(&a);
		n = all_registers(a.db, regs);
		for (size_t i = 0; i < n; i++) {
			buf_init(&files[i]);
			assert_int_equal(export_csv(a.db, regs[i], delim, 1, &files[i], &e), 0);
			names[i] = mprintf("%s.csv", regs[i]->name);
		}
		dbtest_open(&b);
		diag_init(&d, 50);
		batch_init(&batch, &d, "unit-test");
		import_result_init(&res);
		for (size_t i = 0; i < n; i++)
			batch_add_file(&batch, names[i], files[i].data, files[i].len, NULL);
		if (db_import(b.db, &batch, &o, &res, &e) != 0)
			fail_msg("import of the CSV export: %s", d.text.data);
		for (size_t i = 0; i < n; i++) {
			buf_reset(&again);
			assert_int_equal(export_csv(b.db, regs[i], delim, 1, &again, &e), 0);
			assert_string_equal(files[i].data, again.data);
			buf_free(&files[i]);
			free(names[i]);
		}
		char *fa = fingerprint(&a), *fb = fingerprint(&b);
		assert_string_equal(fa, fb);
		free(fa);
		free(fb);
		import_result_free(&res);
		batch_free(&batch);
		diag_free(&d);
		buf_free(&again);
		dbtest_done(&a);
		dbtest_done(&b);
	}
}

/* Numbers are written exactly and without exponents; the header names
 * each year's column. */
static void test_csv_numbers(void **state)
{
	struct dbtest t;
	struct diag d;
	struct buf out = BUF_INIT;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(dbtest_import(&t, &d, NULL, 0, "items.csv",
				       "id;kind;title;budget_2023;fte_2023;budget_2024\n"
				       "a;policy;A;900000;0,1;0.30000000000000004\n",
				       NULL),
			 0);
	assert_int_equal(export_csv(t.db, reg_get(REG_ITEMS), ';', 0, &out, &e), 0);
	assert_contains(out.data, "budget_2023;budget_2024;fte_2023;fte_2024;");
	assert_contains(out.data, ";900000;0,30000000000000004;0,1;;");
	assert_not_contains(out.data, "e+");
	buf_free(&out);
	diag_free(&d);
	dbtest_done(&t);
}

/* The XLSX export is a workbook (a zip) with a sheet per register. */
static void test_xlsx(void **state)
{
	struct dbtest t;
	const struct register_def *regs[REG_COUNT];
	struct err e = { 0, "" };
	struct buf file = BUF_INIT;
	char path[160];
	size_t n;
	(void)state;
	dbtest_open(&t);
	load_example(&t);
	n = all_registers(t.db, regs);
	snprintf(path, sizeof(path), "%s/export.xlsx", t.dir);
	assert_int_equal(export_xlsx(t.db, regs, n, path, &e), 0);
	assert_int_equal(read_file(path, 64 << 20, &file, &e), 0);
	assert_true(file.len > 1000);
	assert_memory_equal(file.data, "PK\x03\x04", 4);
	/* Zip entry names are stored uncompressed: one sheet per register
	 * and the explanation sheet. */
	char sheet[64];
	snprintf(sheet, sizeof(sheet), "xl/worksheets/sheet%zu.xml", n + 1);
	assert_non_null(memmem(file.data, file.len, sheet, strlen(sheet)));
	unlink(path);
	buf_free(&file);
	dbtest_done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_csv_round_trip),
		cmocka_unit_test(test_csv_numbers),
		cmocka_unit_test(test_xlsx),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
