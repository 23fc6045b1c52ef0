/*
 * test_memo.c - results kept on a connection until the data changes
 * (src/db/memo.h), as db_status and db_check use them for the home page.
 *
 * A second call with unchanged data uses the kept result (the same kept
 * value, an equal deep copy handed out); a change shows at once, whether
 * written through the same connection or through another one (another
 * thread of the server, the command line); a computation inside the
 * caller's transaction is not kept, so a rolled-back change never shows
 * afterwards; the findings are kept per language and reference date.
 */
#include "dbtest.h"
#include "db/check.h"
#include "db/memo.h"
#include "db/status.h"

static const char data_sql[] =
	"INSERT INTO item(id, kind, title, status, archived, source) VALUES"
	" ('a', 'policy', 'A', 'active', 0, 'seed'), ('c', 'project', 'C', 'planned', 0, 'gemeente');"
	"INSERT INTO item_year(item_id, year, budget, fte) VALUES ('a', 2025, 100, 1), ('c', 2025, 400, 4);";

/* The total budget of 2025 as db_status tells it. */
static double total_budget(struct db *db)
{
	struct status st;
	struct err e = { 0, "" };
	double total;
	assert_int_equal(db_status(db, 2025, &st, &e), 0);
	total = st.total.budget;
	status_free(&st);
	return total;
}

/* The result kept for slot, or NULL. */
static const void *kept(struct db *db, enum db_memo_slot slot)
{
	return db->memo ? db->memo->slot[slot].value : NULL;
}

/* Unchanged data: the kept result is used, and what the caller gets is
 * its own copy. */
static void test_kept_while_unchanged(void **state)
{
	struct dbtest t;
	struct status st1, st2;
	struct err e = { 0, "" };
	const void *first;
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, data_sql, &e), 0);
	assert_int_equal(db_status(t.db, 2025, &st1, &e), 0);
	first = kept(t.db, DB_MEMO_STATUS);
	assert_non_null(first);
	assert_int_equal(db_status(t.db, 2025, &st2, &e), 0);
	assert_ptr_equal(kept(t.db, DB_MEMO_STATUS), first); /* not computed again */
	assert_true(st1.total.budget == 500 && st2.total.budget == 500);
	assert_int_equal(st1.by_kind.n, st2.by_kind.n);
	assert_ptr_not_equal(st1.by_kind.g, st2.by_kind.g);
	assert_string_equal(st1.by_kind.g[0].key, st2.by_kind.g[0].key);
	status_free(&st1); /* the copies are independent */
	assert_string_equal(st2.by_kind.g[0].key, "policy");
	status_free(&st2);
	/* another year is another key: computed again */
	assert_int_equal(db_status(t.db, 2024, &st1, &e), 0);
	assert_true(st1.total.budget == 0);
	assert_ptr_not_equal(kept(t.db, DB_MEMO_STATUS), first);
	status_free(&st1);
	dbtest_done(&t);
}

/* A change through the same connection shows at once. */
static void test_change_same_connection(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, data_sql, &e), 0);
	assert_true(total_budget(t.db) == 500);
	assert_int_equal(db_exec(t.db, "UPDATE item_year SET budget = 1000 WHERE item_id = 'a'", &e), 0);
	assert_true(total_budget(t.db) == 1400);
	dbtest_done(&t);
}

/* A change through another connection shows at once. */
static void test_change_other_connection(void **state)
{
	struct dbtest t;
	struct db *other;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, data_sql, &e), 0);
	assert_true(total_budget(t.db) == 500);
	assert_int_equal(db_open(&other, t.path, 0, &e), 0);
	db_set_actor(other, "unit-test-2", "test");
	assert_int_equal(db_exec(other, "UPDATE item_year SET budget = 50 WHERE item_id = 'c'", &e), 0);
	assert_true(total_budget(t.db) == 150);
	assert_int_equal(db_exec(other, "UPDATE item SET archived = 1 WHERE id = 'a'", &e), 0);
	assert_true(total_budget(t.db) == 50);
	db_close(other);
	dbtest_done(&t);
}

/* Inside the caller's transaction the result is computed (it sees the
 * transaction's writes) but not kept: after a rollback the committed data
 * shows. */
static void test_not_kept_in_transaction(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, data_sql, &e), 0);
	assert_true(total_budget(t.db) == 500);
	assert_int_equal(db_begin(t.db, &e), 0);
	assert_int_equal(db_exec(t.db, "UPDATE item_year SET budget = 9000 WHERE item_id = 'a'", &e), 0);
	assert_true(total_budget(t.db) == 9400);
	db_rollback(t.db);
	assert_true(total_budget(t.db) == 500);
	dbtest_done(&t);
}

/* Within a request (db_memo_request) the data version is read once: a
 * change by another connection shows from the next request on; one made
 * through this connection shows at once. */
static void test_request_scope(void **state)
{
	struct dbtest t;
	struct db *other;
	struct err e = { 0, "" };
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, data_sql, &e), 0);
	assert_int_equal(db_open(&other, t.path, 0, &e), 0);
	db_set_actor(other, "unit-test-2", "test");
	db_memo_request(t.db);
	assert_true(total_budget(t.db) == 500);
	assert_int_equal(db_exec(other, "UPDATE item_year SET budget = 50 WHERE item_id = 'c'", &e), 0);
	assert_true(total_budget(t.db) == 500); /* the same request: the same version */
	assert_int_equal(db_exec(t.db, "UPDATE item_year SET budget = 200 WHERE item_id = 'a'", &e), 0);
	assert_true(total_budget(t.db) == 250); /* its own write, and so a new snapshot */
	db_memo_request(t.db);
	assert_int_equal(db_exec(other, "UPDATE item_year SET budget = 60 WHERE item_id = 'c'", &e), 0);
	assert_true(total_budget(t.db) == 260); /* read after the change */
	db_memo_request(t.db);
	assert_true(total_budget(t.db) == 260);
	db_close(other);
	dbtest_done(&t);
}

/* The number of findings of check c in fs. */
static size_t count_of(const struct findings *fs, enum check_id c)
{
	size_t n = 0;
	for (size_t i = 0; i < fs->n; i++)
		n += fs->f[i].check == c;
	return n;
}

/* The findings are kept per language and date, and follow changes. */
static void test_findings(void **state)
{
	struct dbtest t;
	struct findings en, nl, again;
	struct err e = { 0, "" };
	const void *first;
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_exec(t.db, data_sql, &e), 0);
	memset(&en, 0, sizeof(en));
	memcpy(en.today, "2025-06-01", 11);
	nl = again = en;
	i18n_set(LANG_EN);
	assert_int_equal(db_check(t.db, 0, &en, &e), 0);
	first = kept(t.db, DB_MEMO_CHECK);
	assert_non_null(first);
	assert_int_equal(count_of(&en, CHK_BUDGET_NO_FTE), 0);
	assert_int_equal(db_check(t.db, 0, &again, &e), 0);
	assert_ptr_equal(kept(t.db, DB_MEMO_CHECK), first);
	assert_int_equal(again.n, en.n);
	for (size_t i = 0; i < en.n; i++)
		assert_string_equal(again.f[i].message, en.f[i].message);
	findings_free(&again);
	/* Dutch messages are not the English ones kept before. */
	i18n_set(LANG_NL);
	assert_int_equal(db_check(t.db, 0, &nl, &e), 0);
	assert_int_equal(nl.n, en.n);
	assert_true(nl.n > 0);
	assert_string_not_equal(nl.f[0].message, en.f[0].message);
	findings_free(&nl);
	i18n_set(LANG_EN);
	/* A change adds a finding at once. */
	assert_int_equal(db_exec(t.db, "UPDATE item_year SET fte = 0 WHERE item_id = 'c'", &e), 0);
	memset(&again, 0, sizeof(again));
	memcpy(again.today, "2025-06-01", 11);
	assert_int_equal(db_check(t.db, 0, &again, &e), 0);
	assert_int_equal(count_of(&again, CHK_BUDGET_NO_FTE), 1);
	findings_free(&again);
	findings_free(&en);
	dbtest_done(&t);
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_while_unchanged),
		cmocka_unit_test(test_change_same_connection),
		cmocka_unit_test(test_change_other_connection),
		cmocka_unit_test(test_not_kept_in_transaction),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_request_scope),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
