/*
 * test_migrate.c - the schema migrations (src/db/schema.c, db.c, audit.c).
 *
 * For every version k from 0 (empty) to the latest, a database is brought to
 * version k, filled with rows that are valid at k, and migrated to the
 * latest version: it must then have the latest version, pass SQLite's
 * integrity and foreign-key checks, keep every row, and have audit triggers
 * on every table. Also: migrating twice changes nothing, a database made by
 * a newer steiger is refused, and a write through a connection without the
 * audit functions (the sqlite3 shell) is refused by the triggers.
 */
#include "dbtest.h"

/* Rows valid at each version, inserted after migrating to that version. */
static const char *const fill_sql[] = {
	/* version 1 */
	"INSERT INTO area(code, name, type, source) VALUES('GM0637', 'Zoetermeer', 'gemeente', 'cbs');"
	"INSERT INTO area(code, name, type, parent_code) VALUES('WK063701', 'Meerzicht', 'wijk', 'GM0637');"
	"INSERT INTO vision_element(id, kind, title) VALUES('v', 'vision', 'Visie'), ('h1', 'hoofdlijn', 'H1');"
	"UPDATE vision_element SET parent_id = 'v' WHERE id = 'h1';"
	"INSERT INTO organisation(id, name, type) VALUES('o1', 'Corporatie', 'corporatie');"
	"INSERT INTO item(id, kind, title) VALUES('p1', 'policy', 'Nota'), ('x1', 'project', 'Project');"
	"INSERT INTO item_link(item_id, type, target_id, position) VALUES('x1', 'implements', 'p1', 1);"
	"INSERT INTO item_year(item_id, year, budget, fte) VALUES('p1', 2024, 1000, 1.5);"
	"INSERT INTO contract(id, item_id, title, end_date) VALUES('c1', 'x1', 'C', '2027-01-01');"
	"INSERT INTO account(name, role) VALUES('jan', 'medewerker');",
	/* version 2 */
	"INSERT INTO assessment_round(id, title, scale_min, scale_max) VALUES('r1', 'Ronde', -2, 2);"
	"INSERT INTO assessment(round_id, assessor, item_id, criterion_id, score) VALUES('r1', 'jan', 'p1', 'h1', 1);"
	"INSERT INTO decision(id, item_id, decision, rationale, decided_by, decided_on)"
	" VALUES('d1', 'p1', 'keep', 'past', 'college', '2026-01-01');",
	/* version 3 */
	"INSERT INTO scenario(id, title, tempo) VALUES('s1', 'Rustig', 'rustig');"
	"INSERT INTO resource_capacity(resource, year, capacity) VALUES('budget', 2024, 5e6);",
	/* version 4 */
	"INSERT INTO process(id, title, area_code) VALUES('pilot', 'Pilot Buytenwegh', 'WK063701');"
	"INSERT INTO issue(id, process_id, title) VALUES('i1', 'pilot', 'Eenzaamheid');",
	/* version 5 */
	"INSERT INTO session(token_hash, account, csrf, created_at, seen_at) VALUES('h', 'jan', 'c', 1, 1);"
	"INSERT INTO api_token(id, token_hash, account, created_at) VALUES('t1', 'th', 'jan', '2026-01-01');"
	"INSERT INTO comment(item_id, author, text, created_at) VALUES('p1', 'jan', 'Goed plan', '2026-01-01');",
};

/* The number of rows in the tables filled above, for comparison. */
static long long row_count(struct dbtest *t)
{
	return dbtest_int(t, "SELECT (SELECT count(*) FROM area) + (SELECT count(*) FROM vision_element)"
			     " + (SELECT count(*) FROM item) + (SELECT count(*) FROM item_link)"
			     " + (SELECT count(*) FROM item_year) + (SELECT count(*) FROM contract)");
}

/* Open a fresh database without migrating it. */
static void open_empty(struct dbtest *t)
{
	struct err e = { 0, "" };
	snprintf(t->dir, sizeof(t->dir), "/tmp/steiger-unit-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof(t->path), "%s/test.db", t->dir);
	if (db_open(&t->db, t->path, DB_CREATE | DB_NO_MIGRATE, &e) != 0)
		fail_msg("db_open: %s", e.msg);
	db_set_actor(t->db, "unit-test", "migrate");
	assert_int_equal(db_version(t->db), 0);
}

/* Check what must hold of a database at the latest version. */
static void check_latest(struct dbtest *t)
{
	assert_int_equal(db_version(t->db), db_migration_count);
	sqlite3_stmt *st = db_stmt(t->db, "PRAGMA integrity_check", NULL);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(db_col_text(st, 0), "ok");
	sqlite3_reset(st);
	assert_int_equal(dbtest_int(t, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* Three audit triggers on every table but the log, the web sessions
	 * and login attempts, and the full-text index (derived data). */
	assert_int_equal(dbtest_int(t, "SELECT count(*) FROM sqlite_schema t WHERE t.type = 'table'"
				       " AND t.name NOT LIKE 'sqlite_%' AND t.name NOT LIKE 'item_fts%'"
				       " AND t.name NOT IN ('audit_log', 'session', 'login_attempt') AND"
				       " (SELECT count(*) FROM sqlite_schema g WHERE g.type = 'trigger'"
				       "  AND g.tbl_name = t.name AND g.name LIKE 'audit_%') <> 3"),
			 0);
}

/* From every version k: fill, migrate to the latest, keep everything. */
static void test_every_path(void **state)
{
	(void)state;
	for (int k = 0; k <= db_migration_count; k++) {
		struct dbtest t;
		struct err e = { 0, "" };
		long long rows, audits;
		open_empty(&t);
		if (db_migrate(t.db, k, &e) != 0)
			fail_msg("migrate to %d: %s", k, e.msg);
		assert_int_equal(db_version(t.db), k);
		for (int v = 0; v < k; v++)
			if (db_exec(t.db, fill_sql[v], &e) != 0)
				fail_msg("fill version %d: %s", v + 1, e.msg);
		rows = k ? row_count(&t) : 0;
		audits = k ? dbtest_int(&t, "SELECT count(*) FROM audit_log") : 0;
		if (db_migrate(t.db, -1, &e) != 0)
			fail_msg("migrate from %d: %s", k, e.msg);
		check_latest(&t);
		assert_int_equal(row_count(&t), rows);
		/* The rows written before the migration were audited, and the
		 * migration itself wrote nothing to the log. */
		assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log"), audits);
		/* After migrating, every version's rows can be added. */
		for (int v = k; v < db_migration_count; v++)
			if (db_exec(t.db, fill_sql[v], &e) != 0)
				fail_msg("fill version %d after migrating from %d: %s", v + 1, k, e.msg);
		assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM assessment"), 1);
		assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM issue"), 1);
		assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM comment"), 1);
		dbtest_done(&t);
	}
}

/* Migrating an up-to-date database again changes nothing. */
static void test_idempotent(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_version(t.db), db_migration_count);
	assert_int_equal(db_migrate(t.db, -1, &e), 0);
	check_latest(&t);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log"), 0);
	dbtest_done(&t);
}

/* A database with a version this steiger does not know is refused. */
static void test_newer_version_refused(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	struct db *again;
	char sql[64];
	(void)state;
	dbtest_open(&t);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", db_migration_count + 1);
	assert_int_equal(db_exec(t.db, sql, &e), 0);
	db_close(t.db);
	t.db = NULL;
	assert_int_equal(db_open(&again, t.path, 0, &e), E_DB);
	assert_null(again);
	assert_contains(e.msg, "newer steiger");
	assert_int_equal(db_open(&t.db, t.path, DB_NO_MIGRATE, &e), 0);
	dbtest_done(&t);
}

/* Opening a file that does not exist, without DB_CREATE, fails clearly. */
static void test_missing_file(void **state)
{
	struct db *db;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(db_open(&db, "/nonexistent/dir/steiger.db", 0, &e), E_DB);
	assert_contains(e.msg, "steiger init");
}

/* Every change is in the audit log with who, what, before and after; an
 * update that changes nothing is not logged. */
static void test_audit_log(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	db_set_actor(t.db, "cli:marie", "unit");
	assert_int_equal(db_exec(t.db, "INSERT INTO item(id, kind, title) VALUES('a', 'policy', 'Eerste')", &e), 0);
	assert_int_equal(db_exec(t.db, "UPDATE item SET title = 'Tweede' WHERE id = 'a'", &e), 0);
	assert_int_equal(db_exec(t.db, "UPDATE item SET title = 'Tweede' WHERE id = 'a'", &e), 0);
	assert_int_equal(db_exec(t.db, "DELETE FROM item WHERE id = 'a'", &e), 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log WHERE tbl = 'item' AND record = 'a'"), 3);
	assert_int_equal(
		dbtest_int(&t, "SELECT count(*) FROM audit_log WHERE actor = 'cli:marie' AND context = 'unit'"), 3);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log WHERE action = 'update'"
					" AND json_extract(before, '$.title') = 'Eerste'"
					" AND json_extract(after, '$.title') = 'Tweede'"),
			 1);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log WHERE action = 'delete' AND after IS NULL"
					" AND json_extract(before, '$.title') = 'Tweede'"),
			 1);
	dbtest_done(&t);
}

/* A connection without steiger's SQL functions cannot write audited
 * tables: the trigger fails, so nothing escapes the log. */
static void test_unaudited_write_refused(void **state)
{
	struct dbtest t;
	sqlite3 *raw;
	char *msg = NULL;
	(void)state;
	dbtest_open(&t);
	assert_int_equal(sqlite3_open(t.path, &raw), SQLITE_OK);
	assert_int_not_equal(
		sqlite3_exec(raw, "INSERT INTO item(id, kind, title) VALUES('z', 'policy', 'Z')", NULL, NULL, &msg),
		SQLITE_OK);
	assert_non_null(msg);
	assert_contains(msg, "no such function: steiger_");
	sqlite3_free(msg);
	sqlite3_close(raw);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM item"), 0);
	dbtest_done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_path),
		cmocka_unit_test(test_idempotent),
		cmocka_unit_test(test_newer_version_refused),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_audit_log),
		cmocka_unit_test(test_unaudited_write_refused),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
