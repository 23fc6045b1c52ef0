/*
 * test_strmap.c - unit tests of the string hash map (src/lib/strmap.h).
 *
 * Covers an empty map (lookups without a table), put/get/has, a stored
 * NULL value (has tells it from a missing key), overwriting (put returns
 * the previous value and does not add a key), lookups by equal content in a
 * different buffer, the empty key, growth past tens of thousands of keys
 * with every key still found, strmap_free and reuse, and str_hash against
 * the published FNV-1a 64-bit test vectors.
 */
#include "unit.h"

/* A map that was never written to answers lookups without a table. */
static void test_empty_map(void **state)
{
	struct strmap m = STRMAP_INIT;
	(void)state;
	assert_null(strmap_get(&m, "x"));
	assert_false(strmap_has(&m, "x"));
	assert_false(strmap_has(&m, ""));
	assert_int_equal(m.n, 0);
	assert_int_equal(m.cap, 0);
	strmap_free(&m);
}

/* put, get and has on a few keys. */
static void test_put_get_has(void **state)
{
	struct strmap m = STRMAP_INIT;
	int one = 1, two = 2, three = 3;
	(void)state;
	assert_null(strmap_put(&m, "one", &one));
	assert_null(strmap_put(&m, "two", &two));
	assert_null(strmap_put(&m, "three", &three));
	assert_int_equal(m.n, 3);
	assert_ptr_equal(strmap_get(&m, "one"), &one);
	assert_ptr_equal(strmap_get(&m, "two"), &two);
	assert_ptr_equal(strmap_get(&m, "three"), &three);
	assert_true(strmap_has(&m, "two"));
	assert_false(strmap_has(&m, "four"));
	assert_false(strmap_has(&m, "On"));
	assert_false(strmap_has(&m, "one "));
	assert_null(strmap_get(&m, "four"));
	strmap_free(&m);
}

/* A stored NULL value: get gives NULL, has tells it is there. */
static void test_null_value(void **state)
{
	struct strmap m = STRMAP_INIT;
	int x = 7;
	(void)state;
	assert_null(strmap_put(&m, "nothing", NULL));
	assert_true(strmap_has(&m, "nothing"));
	assert_null(strmap_get(&m, "nothing"));
	assert_int_equal(m.n, 1);
	/* overwriting NULL returns NULL and keeps one key */
	assert_null(strmap_put(&m, "nothing", &x));
	assert_ptr_equal(strmap_get(&m, "nothing"), &x);
	assert_int_equal(m.n, 1);
	strmap_free(&m);
}

/* Overwriting returns the previous value and does not add a key. */
static void test_overwrite(void **state)
{
	struct strmap m = STRMAP_INIT;
	int a = 1, b = 2, c = 3;
	(void)state;
	assert_null(strmap_put(&m, "k", &a));
	assert_ptr_equal(strmap_put(&m, "k", &b), &a);
	assert_ptr_equal(strmap_put(&m, "k", &c), &b);
	assert_ptr_equal(strmap_get(&m, "k"), &c);
	assert_int_equal(m.n, 1);
	strmap_free(&m);
}

/* Keys are compared by content, not by pointer; "" is a key like any. */
static void test_keys_by_content(void **state)
{
	struct strmap m = STRMAP_INIT;
	char stored[] = "area/GM0637", probe[32];
	int v = 1, e = 2;
	(void)state;
	strmap_put(&m, stored, &v);
	snprintf(probe, sizeof(probe), "area/%s", "GM0637");
	assert_ptr_not_equal(probe, stored);
	assert_ptr_equal(strmap_get(&m, probe), &v);
	assert_null(strmap_put(&m, "", &e));
	assert_ptr_equal(strmap_get(&m, ""), &e);
	assert_int_equal(m.n, 2);
	strmap_free(&m);
}

/* Growing past many thousands of keys keeps every key and value; the
 * table stays a power of two and at most three quarters full. */
static void test_grow_many(void **state)
{
	enum { N = 50000 };
	struct strmap m = STRMAP_INIT;
	struct arena a = ARENA_INIT;
	char **keys = xcalloc(N, sizeof(*keys));
	(void)state;
	for (size_t i = 0; i < N; i++) {
		keys[i] = arena_printf(&a, "key-%zu", i);
		assert_null(strmap_put(&m, keys[i], (void *)(uintptr_t)(i + 1)));
	}
	assert_int_equal(m.n, N);
	assert_true((m.cap & (m.cap - 1)) == 0);
	assert_true(m.n * 4 <= m.cap * 3);
	for (size_t i = 0; i < N; i++) {
		char probe[32];
		snprintf(probe, sizeof(probe), "key-%zu", i);
		if (strmap_get(&m, probe) != (void *)(uintptr_t)(i + 1)) {
			print_error("%s lost after growing\n", probe);
			fail();
		}
	}
	for (size_t i = N; i < N + 1000; i++) {
		char probe[32];
		snprintf(probe, sizeof(probe), "key-%zu", i);
		assert_false(strmap_has(&m, probe));
	}
	/* overwrite every other key after growing */
	for (size_t i = 0; i < N; i += 2)
		assert_ptr_equal(strmap_put(&m, keys[i], NULL), (void *)(uintptr_t)(i + 1));
	assert_int_equal(m.n, N);
	assert_true(strmap_has(&m, "key-0"));
	assert_null(strmap_get(&m, "key-0"));
	assert_ptr_equal(strmap_get(&m, "key-1"), (void *)(uintptr_t)2);
	strmap_free(&m);
	arena_free(&a);
	free(keys);
}

/* strmap_free empties the map; it can be used again. */
static void test_free_and_reuse(void **state)
{
	struct strmap m = STRMAP_INIT;
	int v = 1;
	(void)state;
	strmap_put(&m, "a", &v);
	strmap_free(&m);
	assert_int_equal(m.n, 0);
	assert_int_equal(m.cap, 0);
	assert_null(m.keys);
	assert_false(strmap_has(&m, "a"));
	strmap_put(&m, "b", &v);
	assert_true(strmap_has(&m, "b"));
	assert_false(strmap_has(&m, "a"));
	strmap_free(&m);
}

/* str_hash is 64-bit FNV-1a: the published test vectors. */
static void test_fnv1a_vectors(void **state)
{
	(void)state;
	assert_true(str_hash("") == 0xcbf29ce484222325ULL);
	assert_true(str_hash("a") == 0xaf63dc4c8601ec8cULL);
	assert_true(str_hash("foobar") == 0x85944171f73967e8ULL);
	assert_true(str_hash("ab") != str_hash("ba"));
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_map),       cmocka_unit_test(test_put_get_has),
		cmocka_unit_test(test_null_value),      cmocka_unit_test(test_overwrite),
		cmocka_unit_test(test_keys_by_content), cmocka_unit_test(test_grow_many),
		cmocka_unit_test(test_free_and_reuse),  cmocka_unit_test(test_fnv1a_vectors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
