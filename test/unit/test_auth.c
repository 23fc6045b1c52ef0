/*
 * test_auth.c - unit tests of roles, permissions and the secrets helpers
 * (src/core/auth.h) and of accounts, sessions, login throttling and API
 * tokens in the database (src/db/account.h).
 *
 * SHA-256 is checked against the test vectors of FIPS 180-2, appendix B.1
 * ("abc") and the empty string (NIST CAVS); argon2id hashes against the PHC
 * string format of RFC 9106 section 4 ($argon2id$v=19$m=...,t=...,p=...).
 */
#include "dbtest.h"
#include "db/account.h"

/* The permission table as doc/security.md gives it for people. */
static void test_role_permissions(void **state)
{
	(void)state;
	for (int p = 0; p < PERM_COUNT; p++)
		assert_true(role_can(ROLE_BEHEERDER, p));
	assert_true(role_can(ROLE_MEDEWERKER, PERM_EDIT));
	assert_true(role_can(ROLE_MEDEWERKER, PERM_ASSESS));
	assert_false(role_can(ROLE_MEDEWERKER, PERM_DECIDE));
	assert_false(role_can(ROLE_MEDEWERKER, PERM_ADMIN));
	assert_true(role_can(ROLE_BESTUUR, PERM_DECIDE));
	assert_false(role_can(ROLE_BESTUUR, PERM_EDIT));
	assert_true(role_can(ROLE_RAAD, PERM_COMMENT));
	assert_true(role_can(ROLE_RAAD, PERM_READ_INTERNAL));
	assert_false(role_can(ROLE_RAAD, PERM_EDIT));
	for (int r = ROLE_PARTNER; r <= ROLE_INWONER; r++) {
		assert_true(role_can(r, PERM_READ));
		for (int p = PERM_READ_INTERNAL; p < PERM_COUNT; p++)
			assert_false(role_can(r, p));
	}
	/* Out of range never grants anything. */
	assert_false(role_can(ROLE_COUNT, PERM_READ));
	assert_false(role_can(-1, PERM_READ));
	assert_false(role_can(ROLE_BEHEERDER, PERM_COUNT));
	/* Codes round-trip; unknown codes are refused. */
	for (int r = 0; r < ROLE_COUNT; r++)
		assert_int_equal(role_by_code(role_code(r)), r);
	assert_int_equal(role_by_code("admin"), -1);
	assert_int_equal(role_by_code(NULL), -1);
}

/* argon2id: the PHC string, verification of the right and wrong password,
 * a fresh salt per hash, and the length bounds. */
static void test_password_hash(void **state)
{
	char h1[PASSWORD_HASH_SIZE], h2[PASSWORD_HASH_SIZE];
	char longpw[PASSWORD_MAX + 2];
	(void)state;
	assert_int_equal(password_hash("correct horse battery", h1), 0);
	assert_true(strncmp(h1, "$argon2id$v=19$m=", 17) == 0);
	assert_true(password_verify(h1, "correct horse battery"));
	assert_false(password_verify(h1, "correct horse batterY"));
	assert_false(password_verify(h1, ""));
	assert_int_equal(password_hash("correct horse battery", h2), 0);
	assert_string_not_equal(h1, h2); /* salted */
	assert_int_equal(password_hash("short", h2), -1);
	memset(longpw, 'x', PASSWORD_MAX);
	longpw[PASSWORD_MAX] = '\0';
	assert_int_equal(password_hash(longpw, h2), 0);
	assert_true(password_verify(h2, longpw));
	longpw[PASSWORD_MAX] = 'x';
	longpw[PASSWORD_MAX + 1] = '\0';
	assert_int_equal(password_hash(longpw, h2), -1);
	assert_false(password_verify(h2, longpw));
	/* No hash never matches. */
	assert_false(password_verify(NULL, "anything at all"));
	assert_false(password_verify("", "anything at all"));
}

/* SHA-256 test vectors; random_hex length, alphabet and freshness;
 * equal_secret. */
static void test_secrets(void **state)
{
	char h[65], r1[65], r2[65];
	(void)state;
	sha256_hex("abc", h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	random_hex(r1, 32);
	random_hex(r2, 32);
	assert_int_equal(strlen(r1), 64);
	assert_int_equal(strspn(r1, "0123456789abcdef"), 64);
	assert_string_not_equal(r1, r2);
	assert_true(equal_secret(r1, r1));
	assert_false(equal_secret(r1, r2));
	assert_false(equal_secret("abc", "abcd"));
	assert_true(equal_secret("", ""));
}

/* Accounts: add, read, the name rules, duplicates, role and disable; the
 * changes are audited with the password hash only as "set". */
static void test_accounts(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	struct account a;
	char hash[PASSWORD_HASH_SIZE];
	(void)state;
	dbtest_open(&t);
	assert_int_equal(password_hash("een lang wachtwoord", hash), 0);
	assert_int_equal(db_account_add(t.db, "anna", ROLE_MEDEWERKER, "Anna de Vries", "anna@example.nl", hash, &e),
			 0);
	assert_int_equal(db_account_get(t.db, "anna", &a, &e), 0);
	assert_string_equal(a.display, "Anna de Vries");
	assert_string_equal(a.email, "anna@example.nl");
	assert_int_equal(a.role, ROLE_MEDEWERKER);
	assert_false(a.disabled);
	assert_true(password_verify(a.hash, "een lang wachtwoord"));
	assert_int_equal(db_account_add(t.db, "anna", ROLE_RAAD, NULL, NULL, NULL, &e), E_INPUT);
	assert_int_equal(db_account_add(t.db, "Bad Name", ROLE_RAAD, NULL, NULL, NULL, &e), E_INPUT);
	assert_int_equal(db_account_add(t.db, "x'; DROP TABLE account; --", ROLE_RAAD, NULL, NULL, NULL, &e), E_INPUT);
	assert_int_equal(db_account_add(t.db, "new", ROLE_RAAD, NULL, NULL, NULL, &e), E_INPUT);
	assert_int_equal(db_account_get(t.db, "nobody", &a, &e), E_NOTFOUND);
	assert_int_equal(db_account_set_role(t.db, "anna", ROLE_BESTUUR, &e), 0);
	assert_int_equal(db_account_set_disabled(t.db, "anna", 1, &e), 0);
	assert_int_equal(db_account_get(t.db, "anna", &a, &e), 0);
	assert_int_equal(a.role, ROLE_BESTUUR);
	assert_true(a.disabled);
	assert_int_equal(db_account_set_role(t.db, "nobody", ROLE_RAAD, &e), E_NOTFOUND);
	/* The audit log has the account's rows; the hash never appears. */
	assert_true(dbtest_int(&t, "SELECT count(*) FROM audit_log WHERE tbl = 'account'") >= 3);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log WHERE instr(coalesce(after, '')"
					" || coalesce(before, ''), '$argon2id') > 0"),
			 0);
	dbtest_done(&t);
}

/* Sessions: read back, idle and absolute expiry, touch, delete; a new
 * password or disabling ends them. */
static void test_sessions(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	struct session s, got;
	long long now = 1800000000;
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_account_add(t.db, "jan", ROLE_RAAD, NULL, NULL, NULL, &e), 0);
	memset(&s, 0, sizeof(s));
	snprintf(s.token_hash, sizeof(s.token_hash), "%064d", 1);
	snprintf(s.account, sizeof(s.account), "jan");
	snprintf(s.csrf, sizeof(s.csrf), "%064d", 2);
	s.created = s.seen = now;
	assert_int_equal(db_session_add(t.db, &s, "127.0.0.1", &e), 0);
	assert_int_equal(db_session_get(t.db, s.token_hash, now + 10, &got, &e), 0);
	assert_string_equal(got.account, "jan");
	assert_string_equal(got.csrf, s.csrf);
	/* Idle: just within, then just past SESSION_IDLE since last seen. */
	assert_int_equal(db_session_get(t.db, s.token_hash, now + SESSION_IDLE - 1, &got, &e), 0);
	assert_int_equal(db_session_touch(t.db, s.token_hash, now + SESSION_IDLE - 1, &e), 0);
	assert_int_equal(db_session_get(t.db, s.token_hash, now + 2 * SESSION_IDLE - 2, &got, &e), 0);
	assert_int_equal(db_session_get(t.db, s.token_hash, now + 3 * SESSION_IDLE, &got, &e), E_NOTFOUND);
	/* Expired sessions are removed when read. */
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM session"), 0);
	/* Absolute: kept alive by touches, it still ends at SESSION_MAX. */
	assert_int_equal(db_session_add(t.db, &s, "127.0.0.1", &e), 0);
	for (long long at = now; at < now + SESSION_MAX; at += SESSION_IDLE / 2)
		assert_int_equal(db_session_touch(t.db, s.token_hash, at, &e), 0);
	assert_int_equal(db_session_get(t.db, s.token_hash, now + SESSION_MAX + 1, &got, &e), E_NOTFOUND);
	/* Delete (logout). */
	assert_int_equal(db_session_add(t.db, &s, "127.0.0.1", &e), 0);
	assert_int_equal(db_session_delete(t.db, s.token_hash, &e), 0);
	assert_int_equal(db_session_get(t.db, s.token_hash, now, &got, &e), E_NOTFOUND);
	/* A new password and disabling end the account's sessions. */
	assert_int_equal(db_session_add(t.db, &s, "127.0.0.1", &e), 0);
	assert_int_equal(db_account_set_password(t.db, "jan", "$argon2id$fake", &e), 0);
	assert_int_equal(db_session_get(t.db, s.token_hash, now, &got, &e), E_NOTFOUND);
	assert_int_equal(db_session_add(t.db, &s, "127.0.0.1", &e), 0);
	assert_int_equal(db_account_set_disabled(t.db, "jan", 1, &e), 0);
	assert_int_equal(db_session_get(t.db, s.token_hash, now, &got, &e), E_NOTFOUND);
	/* Sessions are not audited. */
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log WHERE tbl = 'session'"), 0);
	dbtest_done(&t);
}

/* Throttling: `allowed` failures are free, the next locks for a minute,
 * each further failure doubles the lock up to LOGIN_MAX_LOCK; failures
 * older than LOGIN_WINDOW are forgotten; success clears the count; keys
 * are independent. */
static void test_throttling(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	long long now = 1800000000;
	(void)state;
	dbtest_open(&t);
	for (int i = 0; i < 4; i++)
		assert_int_equal(db_login_failed(t.db, "account:jan", 5, now, &e), 0);
	assert_int_equal(db_login_locked(t.db, "account:jan", now), 0);
	assert_int_equal(db_login_failed(t.db, "account:jan", 5, now, &e), 0);
	assert_int_equal(db_login_locked(t.db, "account:jan", now), 60);
	assert_int_equal(db_login_locked(t.db, "account:jan", now + 60), 0);
	assert_int_equal(db_login_failed(t.db, "account:jan", 5, now + 61, &e), 0);
	assert_int_equal(db_login_locked(t.db, "account:jan", now + 61), 120);
	for (int i = 0; i < 20; i++)
		assert_int_equal(db_login_failed(t.db, "account:jan", 5, now + 62, &e), 0);
	assert_int_equal(db_login_locked(t.db, "account:jan", now + 62), LOGIN_MAX_LOCK);
	assert_int_equal(db_login_locked(t.db, "account:piet", now + 62), 0);
	/* After the window, the count starts again. */
	assert_int_equal(db_login_failed(t.db, "address:10.0.0.1", 50, now, &e), 0);
	assert_int_equal(db_login_failed(t.db, "address:10.0.0.1", 50, now + LOGIN_WINDOW + 1, &e), 0);
	assert_int_equal(dbtest_int(&t, "SELECT failures FROM login_attempt WHERE key = 'address:10.0.0.1'"), 1);
	/* Success forgets. */
	assert_int_equal(db_login_succeeded(t.db, "account:jan", &e), 0);
	assert_int_equal(db_login_locked(t.db, "account:jan", now + 62), 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM login_attempt WHERE key = 'account:jan'"), 0);
	dbtest_done(&t);
}

/* API tokens: created with a hash stored (never the token), resolved to
 * the account, revoked; revoking twice or an unknown id is E_NOTFOUND. */
static void test_tokens(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	char id[17], token[65], account[65], hash[65];
	(void)state;
	dbtest_open(&t);
	assert_int_equal(db_account_add(t.db, "gis", ROLE_MEDEWERKER, NULL, NULL, NULL, &e), 0);
	assert_int_equal(db_token_create(t.db, "gis", "koppeling", id, token, &e), 0);
	assert_int_equal(strlen(token), 64);
	sha256_hex(token, hash);
	/* Both are hex digits only, so they can be pasted into the SQL. */
	char *sql = mprintf("SELECT count(*) FROM api_token WHERE token_hash = '%s'", hash);
	assert_int_equal(dbtest_int(&t, sql), 1);
	free(sql);
	sql = mprintf("SELECT count(*) FROM api_token WHERE token_hash = '%s'", token);
	assert_int_equal(dbtest_int(&t, sql), 0);
	free(sql);
	assert_int_equal(db_token_account(t.db, token, account), 0);
	assert_string_equal(account, "gis");
	assert_int_equal(db_token_account(t.db, "0123", account), E_NOTFOUND);
	assert_int_equal(db_token_create(t.db, "nobody", NULL, id, token, &e), E_NOTFOUND);
	assert_int_equal(db_token_revoke(t.db, id, &e), 0);
	assert_int_equal(db_token_account(t.db, token, account), E_NOTFOUND);
	assert_int_equal(db_token_revoke(t.db, id, &e), E_NOTFOUND);
	assert_int_equal(db_token_revoke(t.db, "no-such-id", &e), E_NOTFOUND);
	dbtest_done(&t);
}

/* Set up libsodium once. */
static int setup(void **state)
{
	(void)state;
	return auth_init();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_permissions), cmocka_unit_test(test_password_hash),
		cmocka_unit_test(test_secrets),          cmocka_unit_test(test_accounts),
		cmocka_unit_test(test_sessions),         cmocka_unit_test(test_throttling),
		cmocka_unit_test(test_tokens),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
