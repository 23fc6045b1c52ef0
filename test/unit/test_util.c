/*
 * test_util.c - unit tests of the string predicates of src/lib/util.h:
 * starts_with, ends_with, is_blank, list_has and path_basename.
 */
#include "unit.h"

/* Prefixes and suffixes, the empty string included. */
static void test_affixes(void **state)
{
	(void)state;
	assert_true(starts_with("budget_2024", "budget"));
	assert_true(starts_with("x", ""));
	assert_false(starts_with("bud", "budget"));
	assert_true(ends_with("items.csv", ".csv"));
	assert_true(ends_with("", ""));
	assert_false(ends_with("csv", "items.csv"));
}

/* NULL, empty and white space only are blank; any other byte is not. */
static void test_is_blank(void **state)
{
	(void)state;
	assert_true(is_blank(NULL));
	assert_true(is_blank(""));
	assert_true(is_blank(" \t\r\n"));
	assert_false(is_blank(" x "));
}

/* list_has matches whole |-separated values only, at every position. */
static void test_list_has(void **state)
{
	(void)state;
	assert_true(list_has("sociaal|fysiek|economie", "sociaal"));
	assert_true(list_has("sociaal|fysiek|economie", "fysiek"));
	assert_true(list_has("sociaal|fysiek|economie", "economie"));
	assert_true(list_has("fysiek", "fysiek"));
	assert_false(list_has("sociaal|fysiek", "fys"));
	assert_false(list_has("sociaal|fysiekx", "fysiek"));
	assert_false(list_has("sociaal", "sociaal|fysiek"));
	assert_false(list_has("", "sociaal"));
	assert_false(list_has(NULL, "sociaal"));
	assert_true(list_has("a||b", "b"));
}

/* The last path component. */
static void test_path_basename(void **state)
{
	(void)state;
	assert_string_equal(path_basename("data/items.csv"), "items.csv");
	assert_string_equal(path_basename("items.csv"), "items.csv");
	assert_string_equal(path_basename("/a/b/c"), "c");
}

/* Run the tests of this file, printing cmocka's report; the exit status
 * is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_affixes),
		cmocka_unit_test(test_is_blank),
		cmocka_unit_test(test_list_has),
		cmocka_unit_test(test_path_basename),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
