/*
 * unit.h - what every cmocka unit test of steiger includes.
 *
 * cmocka needs <stdarg.h>, <stddef.h>, <setjmp.h> and <stdint.h> before
 * <cmocka.h>; steiger.h brings in the library under test. steiger.h comes
 * first because it defines _GNU_SOURCE before any system header.
 *
 * Besides cmocka's own assertions (assert_string_equal, assert_int_equal,
 * ...) the helpers below make the common checks of these tests one line
 * with a message that shows both sides.
 */
#ifndef STEIGER_UNIT_H
#define STEIGER_UNIT_H

#include "steiger.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/*
 * assert_buf_equal(b, expected): the struct buf b holds exactly the
 * NUL-terminated string expected (same length, same bytes), and keeps the
 * buffer invariants (data not NULL, data[len] == '\0').
 */
#define assert_buf_equal(b, expected) unit_assert_buf_equal((b), (expected), __FILE__, __LINE__)

/* Implementation of assert_buf_equal: fail the current test with a message
 * showing both texts when they differ. */
static inline void unit_assert_buf_equal(const struct buf *b, const char *expected, const char *file, int line)
{
	size_t n = strlen(expected);
	if (!b->data) {
		print_error("%s:%d: buffer data is NULL\n", file, line);
		_fail(file, line);
	}
	if (b->data[b->len] != '\0') {
		print_error("%s:%d: buffer is not NUL-terminated at len %zu\n", file, line, b->len);
		_fail(file, line);
	}
	if (b->len != n || memcmp(b->data, expected, n) != 0) {
		print_error("%s:%d: buffer holds \"%s\" (%zu bytes), expected \"%s\" (%zu bytes)\n", file, line,
			    b->data, b->len, expected, n);
		_fail(file, line);
	}
}

/*
 * assert_contains(haystack, needle): the C string haystack contains the C
 * string needle; the message shows both.
 */
#define assert_contains(haystack, needle) unit_assert_contains((haystack), (needle), 1, __FILE__, __LINE__)

/* assert_not_contains(haystack, needle): the opposite of assert_contains. */
#define assert_not_contains(haystack, needle) unit_assert_contains((haystack), (needle), 0, __FILE__, __LINE__)

/* Implementation of assert_contains / assert_not_contains. */
static inline void unit_assert_contains(const char *haystack, const char *needle, int want, const char *file, int line)
{
	int has = haystack && strstr(haystack, needle) != NULL;
	if (has != want) {
		print_error("%s:%d: \"%s\" %s \"%s\"\n", file, line, haystack ? haystack : "(null)",
			    want ? "does not contain" : "contains", needle);
		_fail(file, line);
	}
}

/*
 * assert_fmt(expected, fmt, ...): buf_printf(fmt, ...) into a fresh buffer
 * gives exactly expected. The format is not a literal printf format (it has
 * steiger's escaping conversions), so the compiler does not check it.
 */
#define assert_fmt(expected, ...)                             \
	do {                                                  \
		struct buf assert_fmt_b_ = BUF_INIT;          \
		buf_printf(&assert_fmt_b_, __VA_ARGS__);      \
		assert_buf_equal(&assert_fmt_b_, (expected)); \
		buf_free(&assert_fmt_b_);                     \
	} while (0)

/*
 * fail_at(file, line, fmt, ...): fail the current test, reporting the
 * position file:line (usually a caller's __FILE__ and __LINE__, passed
 * down by a checking helper) and a printf-style message.
 */
#define fail_at(file, line, ...)          \
	do {                              \
		print_error(__VA_ARGS__); \
		_fail((file), (line));    \
	} while (0)

/* Set up English messages for every test of a group: the library's
 * messages default to Dutch, and the tests compare English texts. */
static inline int unit_setup_english(void **state)
{
	(void)state;
	i18n_set(LANG_EN);
	return 0;
}

#endif
