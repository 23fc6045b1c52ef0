/*
 * test_account_list.c - what the account pages read (src/db/account_list.c):
 * the accounts with their sessions and tokens, one account's sessions
 * (expired ones left out, the asker's marked), ending the other sessions,
 * tokens (active first) and their owner, and the count of active
 * administrators.
 */
#include "dbtest.h"
#include "db/account_list.h"

/* Three accounts, sessions of different ages, tokens. Time "now" is
 * 100000. */
static const char data_sql[] =
	"INSERT INTO account(name, display_name, role, email, disabled) VALUES"
	" ('ann', 'Ann', 'beheerder', 'ann@x.nl', 0), ('bob', NULL, 'beheerder', NULL, 1),"
	" ('cas', 'Cas', 'raad', NULL, 0);"
	"INSERT INTO session(token_hash, account, csrf, created_at, seen_at, address) VALUES"
	" ('h1', 'ann', 'c', 99000, 99900, '10.0.0.1'), ('h2', 'ann', 'c', 98000, 99800, '10.0.0.2'),"
	" ('old', 'ann', 'c', 90000, 90000, '10.0.0.3'), ('h4', 'cas', 'c', 99500, 99500, NULL);"
	"INSERT INTO api_token(id, token_hash, account, description, created_at, revoked_at) VALUES"
	" ('t1', 'x1', 'ann', 'eerste', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),"
	" ('t2', 'x2', 'ann', 'tweede', '2026-01-02T00:00:00Z', NULL),"
	" ('t3', 'x3', 'cas', NULL, '2026-01-03T00:00:00Z', NULL);";

/* Open a database with the data above. */
static void open_data(struct dbtest *t)
{
	struct err e = { 0, "" };
	dbtest_open(t);
	if (db_exec(t->db, data_sql, &e) != 0)
		fail_msg("%s", e.msg);
}

/* The list of accounts with their activity. */
static void test_accounts(void **state)
{
	struct dbtest t;
	struct arena a = ARENA_INIT;
	struct account_row *rows;
	struct err e = { 0, "" };
	size_t n;
	(void)state;
	open_data(&t);
	assert_int_equal(db_accounts_list(t.db, &a, &rows, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].name, "ann");
	assert_string_equal(rows[0].display, "Ann");
	assert_string_equal(rows[0].email, "ann@x.nl");
	assert_int_equal(rows[0].role, ROLE_BEHEERDER);
	assert_int_equal(rows[0].sessions, 3);
	assert_int_equal(rows[0].last_seen, 99900);
	assert_int_equal(rows[0].tokens, 1); /* t1 is revoked */
	assert_string_equal(rows[1].name, "bob");
	assert_null(rows[1].display);
	assert_int_equal(rows[1].disabled, 1);
	assert_int_equal(rows[1].sessions, 0);
	assert_int_equal(rows[1].last_seen, 0);
	assert_int_equal(rows[2].role, ROLE_RAAD);
	/* bob is disabled: one active administrator. */
	assert_int_equal(db_active_admins(t.db), 1);
	arena_free(&a);
	dbtest_done(&t);
}

/* One account's sessions; ending the others. */
static void test_sessions(void **state)
{
	struct dbtest t;
	struct arena a = ARENA_INIT;
	struct session_row *rows;
	struct err e = { 0, "" };
	size_t n;
	(void)state;
	open_data(&t);
	assert_int_equal(db_account_sessions(t.db, "ann", "h2", 100000, &a, &rows, &n, &e), 0);
	assert_int_equal(n, 2); /* "old" is past its idle time */
	assert_int_equal(rows[0].created, 99000);
	assert_false(rows[0].current);
	assert_true(rows[1].current);
	assert_string_equal(rows[1].address, "10.0.0.2");
	assert_int_equal(db_sessions_end_others(t.db, "ann", "h2", &e), 2);
	assert_int_equal(db_int(t.db, "SELECT count(*) FROM session WHERE account = 'ann'", NULL, -1), 1);
	assert_int_equal(db_int(t.db, "SELECT count(*) FROM session WHERE account = 'cas'", NULL, -1), 1);
	assert_int_equal(db_sessions_end_others(t.db, "cas", NULL, &e), 1);
	assert_int_equal(db_int(t.db, "SELECT count(*) FROM session", NULL, -1), 1);
	arena_free(&a);
	dbtest_done(&t);
}

/* Tokens: active first; the owner of a token. */
static void test_tokens(void **state)
{
	struct dbtest t;
	struct arena a = ARENA_INIT;
	struct token_row *rows;
	struct err e = { 0, "" };
	char owner[65];
	size_t n;
	(void)state;
	open_data(&t);
	assert_int_equal(db_account_tokens(t.db, "ann", &a, &rows, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].id, "t2");
	assert_null(rows[0].revoked_at);
	assert_string_equal(rows[1].id, "t1");
	assert_string_equal(rows[1].revoked_at, "2026-02-01T00:00:00Z");
	assert_int_equal(db_token_owner(t.db, "t3", owner), 0);
	assert_string_equal(owner, "cas");
	assert_int_equal(db_token_owner(t.db, "nope", owner), E_NOTFOUND);
	arena_free(&a);
	dbtest_done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accounts),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_tokens),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
