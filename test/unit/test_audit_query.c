/*
 * test_audit_query.c - reading the audit log back (src/db/audit_query.c)
 * and showing an entry's changes (src/render/changes.c).
 *
 * On a log written by hand whose answers are known: each filter alone and
 * combined, free text with LIKE's metacharacters taken literally, a record
 * with its child rows and field provenance, the date bounds, the entries
 * of accounts hidden, pages in both directions with their "more" flags,
 * and the count. Then the changes of entries: only what differs, labels
 * and code names from the register tables, provenance, secrets, folding,
 * truncation and escaping.
 */
#include "dbtest.h"
#include "db/audit_query.h"
#include "render/changes.h"

/* Ten entries, ids 1 to 10. */
static const char log_sql[] =
	"INSERT INTO audit_log(id, at, actor, action, tbl, record, before, after, context) VALUES"
	" (1, '2026-01-01T09:00:00.000Z', 'cli:root', 'insert', 'item', 'a', NULL, '{\"title\": \"Alpha\"}', 'init'),"
	" (2, '2026-01-02T09:00:00.000Z', 'cli:root', 'insert', 'item', 'ab', NULL, '{\"title\": \"50% off\"}', "
	"'init'),"
	" (3, '2026-01-03T09:00:00.000Z', 'jan', 'update', 'item', 'a', '{\"status\": \"active\"}',"
	"  '{\"status\": \"stopped\"}', 'web: POST /items/a'),"
	" (4, '2026-01-04T09:00:00.000Z', 'jan', 'insert', 'item_year', 'a/2025', NULL, '{\"budget\": 5}', 'web'),"
	" (5, '2026-01-05T09:00:00.000Z', 'jan', 'insert', 'value_source', 'item/a/status', NULL,"
	"  '{\"source\": \"manual\"}', 'web'),"
	" (6, '2026-01-06T09:00:00.000Z', 'piet', 'delete', 'item', 'b', '{\"title\": \"Beta_x\"}', NULL, 'web'),"
	" (7, '2026-01-07T09:00:00.000Z', 'piet', 'insert', 'account', 'kees', NULL, '{\"name\": \"kees\"}', 'web'),"
	" (8, '2026-01-08T09:00:00.000Z', 'piet', 'insert', 'api_token', 't1', NULL, '{\"id\": \"t1\"}', 'web'),"
	" (9, '2026-01-09T09:00:00.000Z', 'jan', 'update', 'area', 'WK1', '{\"name\": \"Oud\"}',"
	"  '{\"name\": \"Nieuw\"}', 'web'),"
	" (10, '2026-01-10T09:00:00.000Z', 'jan', 'update', 'item', 'a', '{\"status\": \"stopped\"}',"
	"  '{\"status\": \"active\"}', 'web');";

/* The ids of page p as a text "10 9 8". */
static void ids_text(const struct audit_page *p, char *out, size_t n)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < p->n && len < n; i++)
		len += (size_t)snprintf(out + len, n - len, "%s%lld", i ? " " : "", p->entries[i].id);
}

/* Run f on t's log and compare the ids of the page with want. */
static void check(struct dbtest *t, struct audit_filter f, const char *want)
{
	struct arena a = ARENA_INIT;
	struct audit_page p;
	struct err e = { 0, "" };
	char got[256];
	if (!f.limit)
		f.limit = 50;
	assert_int_equal(db_audit_query(t->db, &f, &a, &p, &e), 0);
	ids_text(&p, got, sizeof(got));
	assert_string_equal(got, want);
	arena_free(&a);
}

/* Each filter alone and combined. */
static void test_filters(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, "DELETE FROM audit_log", &e), 0);
	assert_int_equal(db_exec(t.db, log_sql, &e), 0);
	check(&t, (struct audit_filter){ .limit = 0 }, "10 9 8 7 6 5 4 3 2 1");
	check(&t, (struct audit_filter){ .actor = "jan" }, "10 9 5 4 3");
	check(&t, (struct audit_filter){ .actor = "ja" }, ""); /* exact */
	check(&t, (struct audit_filter){ .table = "item" }, "10 6 3 2 1");
	check(&t, (struct audit_filter){ .action = "update" }, "10 9 3");
	check(&t, (struct audit_filter){ .action = "update", .actor = "jan", .table = "item" }, "10 3");
	/* A record, its child rows and its field provenance; not "ab". */
	check(&t, (struct audit_filter){ .record = "a" }, "10 5 4 3 1");
	check(&t, (struct audit_filter){ .record = "a", .table = "item_year" }, "4");
	/* Dates: from inclusive, until exclusive. */
	check(&t, (struct audit_filter){ .from = "2026-01-03T09:00:00", .until = "2026-01-05T09:00:00" }, "4 3");
	check(&t, (struct audit_filter){ .from = "2026-01-11" }, "");
	/* Free text, case-insensitive; %, _ and \ are literal. */
	check(&t, (struct audit_filter){ .text = "ALPHA" }, "1");
	check(&t, (struct audit_filter){ .text = "50%" }, "2");
	check(&t, (struct audit_filter){ .text = "%" }, "2");
	check(&t, (struct audit_filter){ .text = "a_x" }, "6");
	check(&t, (struct audit_filter){ .text = "_" }, "6");
	check(&t, (struct audit_filter){ .text = "POST /items" }, "3");
	check(&t, (struct audit_filter){ .text = "piet" }, "8 7 6");
	check(&t, (struct audit_filter){ .text = "'; DROP TABLE item; --" }, "");
	/* Accounts and tokens hidden. */
	check(&t, (struct audit_filter){ .hide_accounts = 1 }, "10 9 6 5 4 3 2 1");
	check(&t, (struct audit_filter){ .hide_accounts = 1, .table = "account" }, "");
	dbtest_done(&t);
}

/* Pages by id in both directions, the flags and the count. */
static void test_pages(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	struct arena a = ARENA_INIT;
	struct audit_page p;
	char got[256];
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, "DELETE FROM audit_log", &e), 0);
	assert_int_equal(db_exec(t.db, log_sql, &e), 0);
	struct audit_filter f = { .limit = 3 };
	assert_int_equal(db_audit_query(t.db, &f, &a, &p, &e), 0);
	ids_text(&p, got, sizeof(got));
	assert_string_equal(got, "10 9 8");
	assert_true(p.more_older && !p.more_newer && p.total == 10);
	f.before_id = 8;
	assert_int_equal(db_audit_query(t.db, &f, &a, &p, &e), 0);
	ids_text(&p, got, sizeof(got));
	assert_string_equal(got, "7 6 5");
	assert_true(p.more_older && p.more_newer);
	f.before_id = 2;
	assert_int_equal(db_audit_query(t.db, &f, &a, &p, &e), 0);
	ids_text(&p, got, sizeof(got));
	assert_string_equal(got, "1");
	assert_true(!p.more_older && p.more_newer);
	/* Newer than 1: the three just above it, newest first. */
	f.before_id = 0;
	f.after_id = 1;
	assert_int_equal(db_audit_query(t.db, &f, &a, &p, &e), 0);
	ids_text(&p, got, sizeof(got));
	assert_string_equal(got, "4 3 2");
	assert_true(p.more_older && p.more_newer);
	f.after_id = 7;
	assert_int_equal(db_audit_query(t.db, &f, &a, &p, &e), 0);
	ids_text(&p, got, sizeof(got));
	assert_string_equal(got, "10 9 8");
	assert_true(p.more_older && !p.more_newer);
	/* A cursor past the end: no entries, but the count is still right. */
	f.after_id = 0;
	f.before_id = 1;
	assert_int_equal(db_audit_query(t.db, &f, &a, &p, &e), 0);
	assert_true(p.n == 0 && p.total == 10);
	/* One page holds all: counted without a second query, the same. */
	struct audit_filter one = { .actor = "piet", .limit = 5 };
	assert_int_equal(db_audit_query(t.db, &one, &a, &p, &e), 0);
	assert_true(p.n == 3 && p.total == 3 && !p.more_older && !p.more_newer);
	/* With a filter, the flags and the count follow the filter. */
	struct audit_filter g = { .actor = "jan", .limit = 2, .before_id = 9 };
	assert_int_equal(db_audit_query(t.db, &g, &a, &p, &e), 0);
	ids_text(&p, got, sizeof(got));
	assert_string_equal(got, "5 4");
	assert_true(p.more_older && p.more_newer && p.total == 5);
	/* The entry's columns come back. */
	assert_string_equal(p.entries[0].tbl, "value_source");
	assert_string_equal(p.entries[0].record, "item/a/status");
	assert_null(p.entries[0].before);
	assert_string_equal(p.entries[0].context, "web");
	/* The tables in the log, with and without accounts. */
	const char **tables;
	assert_int_equal(db_audit_tables(t.db, 0, &a, &tables, &e), 0);
	assert_string_equal(tables[0], "account");
	assert_string_equal(tables[1], "api_token");
	assert_int_equal(db_audit_tables(t.db, 1, &a, &tables, &e), 0);
	assert_string_equal(tables[0], "area");
	assert_string_equal(tables[1], "item");
	assert_string_equal(tables[2], "item_year");
	assert_string_equal(tables[3], "value_source");
	assert_null(tables[4]);
	arena_free(&a);
	dbtest_done(&t);
}

/* The HTML of the changes of one entry. */
static char *changes(const char *tbl, const char *action, const char *before, const char *after)
{
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	changes_html(&b, &a, tbl, action, before, after);
	arena_free(&a);
	return buf_detach(&b, NULL);
}

/* Whether haystack contains needle; prints the haystack when not. */
static int has(const char *haystack, const char *needle)
{
	if (strstr(haystack, needle))
		return 1;
	print_error("%s\n--- does not contain ---\n%s\n", haystack, needle);
	return 0;
}

/* A change shows only what differs, with labels and code names. */
static void test_changes(void **state)
{
	char *s;
	(void)state;
	/* Whole rows (trigger): only the status differs. */
	s = changes("item", "update", "{\"id\": \"a\", \"title\": \"T\", \"status\": \"active\", \"archived\": 0}",
		    "{\"id\": \"a\", \"title\": \"T\", \"status\": \"stopped\", \"archived\": 1}");
	assert_true(has(s, "<span class=\"steiger-change__field\">Status</span>: <span class=\"steiger-change__old\">"
			   "active</span>"));
	assert_true(has(s, "<span class=\"steiger-change__new\">stopped</span>"));
	assert_true(has(s, ">yes</span>")); /* archived 0 -> 1 as a yes/no field */
	assert_null(strstr(s, "Title"));
	free(s);
	/* A yearly field and the provenance of fields. */
	s = changes("item", "update", "{\"budget_2025\": 100, \"field_sources\": {\"status\": \"illustrative\"}}",
		    "{\"budget_2025\": 1500, \"field_sources\": {\"status\": \"manual\", \"title\": \"import\"}}");
	assert_true(has(s, "2025</span>: <span class=\"steiger-change__old\">100</span>"));
	assert_true(has(s, "provenance of Status</span>: <span class=\"steiger-change__old\">illustrative</span>"));
	assert_true(has(s, "entered by hand"));
	assert_true(has(s, "provenance of Title</span>: <span class=\"steiger-change__old\">(empty)</span>"));
	free(s);
	/* Only a secret changed: said so, never its value. */
	s = changes("account", "update", "{\"name\": \"jan\", \"password_hash\": \"set\"}",
		    "{\"name\": \"jan\", \"password_hash\": \"set\"}");
	assert_true(has(s, "A password or token was set"));
	free(s);
	s = changes("account", "insert", NULL, "{\"name\": \"jan\", \"password_hash\": \"set\", \"email\": null}");
	assert_true(has(s, "password</span>: (set, not shown)"));
	assert_null(strstr(s, "E-mail")); /* empty values of an addition are left out */
	free(s);
	/* Many values are folded; lists are joined; markup is escaped. */
	s = changes("item", "insert", NULL,
		    "{\"id\": \"x\", \"kind\": \"policy\", \"title\": \"<script>alert(1)</script>\","
		    " \"domains\": [\"sociaal\", \"fysiek\"], \"owner\": \"o\", \"status\": \"active\","
		    " \"legal_task\": true}");
	assert_true(has(s, "<details><summary>7 values</summary>"));
	assert_true(has(s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_null(strstr(s, "<script>"));
	assert_true(has(s, "social, physical"));
	assert_true(has(s, "policy document"));
	free(s);
	/* A removal shows what was there. */
	s = changes("item", "delete", "{\"title\": \"Weg\"}", NULL);
	assert_true(has(s, "Title</span>: Weg</li>"));
	free(s);
	/* A long value is cut at CHANGE_VALUE_MAX characters, not bytes. */
	struct buf long_json = BUF_INIT;
	buf_adds(&long_json, "{\"description\": \"");
	for (int i = 0; i < 400; i++)
		buf_adds(&long_json, "\xc3\xa9");
	buf_adds(&long_json, "\"}");
	s = changes("item", "insert", NULL, long_json.data);
	assert_true(has(s, "\xc3\xa9\xe2\x80\xa6</li>"));
	size_t n = 0;
	for (const char *p = strstr(s, "\xc3\xa9"); p && strncmp(p, "\xc3\xa9", 2) == 0; p += 2)
		n++;
	assert_int_equal(n, CHANGE_VALUE_MAX);
	free(s);
	buf_free(&long_json);
	/* Not an object: shown as text, escaped. */
	s = changes("item", "insert", NULL, "<b>");
	assert_true(has(s, "<code class=\"utrecht-code\">&lt;b&gt;</code>"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_changes),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
