/*
 * test_buf.c - unit tests of the growable string buffer (src/lib/buf.h).
 *
 * Covers the invariants every function must keep (data never NULL, always
 * NUL-terminated, an empty buffer shares buf_empty and allocates nothing),
 * each append function (buf_add, buf_addch, buf_adds, buf_addchars), growth
 * (buf_grow reserves without changing the content, large appends), and the
 * functions that shrink or hand over the content (buf_truncate, buf_trim,
 * buf_reset, buf_detach, buf_free), including text with embedded NUL bytes.
 */
#include "unit.h"

/* Check the invariants of buf.h on b: data not NULL, data[len] == '\0',
 * and an unallocated buffer pointing at the shared empty string. */
static void check_invariants(const struct buf *b)
{
	assert_non_null(b->data);
	assert_int_equal(b->data[b->len], '\0');
	if (b->cap == 0) {
		assert_ptr_equal(b->data, buf_empty);
		assert_int_equal(b->len, 0);
	} else {
		assert_true(b->len < b->cap);
	}
}

/* BUF_INIT and buf_init give an empty buffer that has allocated nothing. */
static void test_init_is_empty(void **state)
{
	struct buf a = BUF_INIT, b;
	(void)state;
	b.data = NULL;
	b.len = 99;
	b.cap = 7;
	buf_init(&b);
	check_invariants(&a);
	check_invariants(&b);
	assert_int_equal(a.len, 0);
	assert_int_equal(a.cap, 0);
	assert_string_equal(a.data, "");
	assert_ptr_equal(b.data, buf_empty);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

/* The functions that do not add anything keep an empty buffer unallocated
 * and valid, and never write into the shared empty string. */
static void test_empty_operations(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_reset(&b);
	check_invariants(&b);
	buf_truncate(&b, 0);
	check_invariants(&b);
	buf_trim(&b);
	check_invariants(&b);
	buf_add(&b, "xyz", 0);
	check_invariants(&b);
	buf_addchars(&b, 'x', 0);
	check_invariants(&b);
	buf_adds(&b, "");
	check_invariants(&b);
	assert_int_equal(b.cap, 0);
	assert_int_equal(buf_empty[0], '\0');
	buf_free(&b);
	check_invariants(&b);
}

/* buf_add appends exactly len bytes, also when the source is longer. */
static void test_add(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_add(&b, "hello world", 5);
	assert_buf_equal(&b, "hello");
	buf_add(&b, ", there", 7);
	assert_buf_equal(&b, "hello, there");
	check_invariants(&b);
	buf_free(&b);
}

/* buf_addch appends single bytes, including bytes above 0x7f. */
static void test_addch(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_addch(&b, 'a');
	buf_addch(&b, 'b');
	buf_addch(&b, 0xc3);
	buf_addch(&b, 0xa9);
	assert_buf_equal(&b, "ab\xc3\xa9");
	assert_int_equal((unsigned char)b.data[2], 0xc3);
	check_invariants(&b);
	buf_free(&b);
}

/* buf_adds appends whole C strings. */
static void test_adds(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_adds(&b, "steiger");
	buf_adds(&b, "");
	buf_adds(&b, " 0.1");
	assert_buf_equal(&b, "steiger 0.1");
	buf_free(&b);
}

/* buf_addchars appends n copies of one byte. */
static void test_addchars(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_adds(&b, "[");
	buf_addchars(&b, '-', 5);
	buf_adds(&b, "]");
	assert_buf_equal(&b, "[-----]");
	buf_reset(&b);
	buf_addchars(&b, ' ', 1000);
	assert_int_equal(b.len, 1000);
	for (size_t i = 0; i < b.len; i++)
		assert_int_equal(b.data[i], ' ');
	check_invariants(&b);
	buf_free(&b);
}

/* buf_grow reserves room without changing the content or its length, and
 * appends within the reserved room do not move the data. */
static void test_grow(void **state)
{
	struct buf b = BUF_INIT;
	char *before;
	(void)state;
	buf_adds(&b, "abc");
	buf_grow(&b, 10000);
	assert_true(b.cap >= 3 + 10000 + 1);
	assert_buf_equal(&b, "abc");
	before = b.data;
	buf_addchars(&b, 'z', 10000);
	assert_ptr_equal(b.data, before);
	assert_int_equal(b.len, 10003);
	check_invariants(&b);
	buf_free(&b);
}

/* buf_grow(0) on an empty buffer allocates a real, terminated buffer. */
static void test_grow_zero(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_grow(&b, 0);
	assert_true(b.cap > 0);
	assert_ptr_not_equal(b.data, buf_empty);
	check_invariants(&b);
	assert_buf_equal(&b, "");
	buf_free(&b);
}

/* buf_truncate shortens and re-terminates; truncating to the current
 * length changes nothing. */
static void test_truncate(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_adds(&b, "abcdef");
	buf_truncate(&b, 6);
	assert_buf_equal(&b, "abcdef");
	buf_truncate(&b, 3);
	assert_buf_equal(&b, "abc");
	assert_int_equal(b.data[3], '\0');
	buf_truncate(&b, 0);
	assert_buf_equal(&b, "");
	buf_adds(&b, "x");
	assert_buf_equal(&b, "x");
	buf_free(&b);
}

/* buf_trim removes spaces, tabs and line breaks from both ends only. */
static void test_trim(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_adds(&b, " \t\r\n  a b\tc \n\t ");
	buf_trim(&b);
	assert_buf_equal(&b, "a b\tc");
	buf_reset(&b);
	buf_adds(&b, "no-space");
	buf_trim(&b);
	assert_buf_equal(&b, "no-space");
	buf_reset(&b);
	buf_adds(&b, "   \t\n ");
	buf_trim(&b);
	assert_buf_equal(&b, "");
	buf_reset(&b);
	buf_adds(&b, "   lead");
	buf_trim(&b);
	assert_buf_equal(&b, "lead");
	buf_reset(&b);
	buf_adds(&b, "trail   ");
	buf_trim(&b);
	assert_buf_equal(&b, "trail");
	buf_free(&b);
}

/* buf_reset keeps the allocation but empties the text. */
static void test_reset_keeps_allocation(void **state)
{
	struct buf b = BUF_INIT;
	char *data;
	size_t cap;
	(void)state;
	buf_adds(&b, "some text that allocates");
	data = b.data;
	cap = b.cap;
	buf_reset(&b);
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.cap, cap);
	assert_buf_equal(&b, "");
	buf_adds(&b, "again");
	assert_ptr_equal(b.data, data);
	assert_buf_equal(&b, "again");
	buf_free(&b);
}

/* buf_detach hands over a malloc'd copy with its length and leaves the
 * buffer empty and usable. */
static void test_detach(void **state)
{
	struct buf b = BUF_INIT;
	size_t len = 0;
	char *s;
	(void)state;
	buf_adds(&b, "detached");
	s = buf_detach(&b, &len);
	assert_string_equal(s, "detached");
	assert_int_equal(len, 8);
	check_invariants(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	buf_adds(&b, "new");
	assert_buf_equal(&b, "new");
	assert_string_equal(s, "detached");
	free(s);
	buf_free(&b);
}

/* buf_detach of an empty buffer returns a freeable "" (never buf_empty,
 * never NULL), also with len NULL. */
static void test_detach_empty(void **state)
{
	struct buf b = BUF_INIT;
	size_t len = 42;
	char *s = buf_detach(&b, &len);
	(void)state;
	assert_non_null(s);
	assert_ptr_not_equal(s, buf_empty);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s); /* must be a heap pointer: ASan checks this */
	s = buf_detach(&b, NULL);
	assert_string_equal(s, "");
	free(s);
	check_invariants(&b);
}

/* Embedded NUL bytes are kept; len is authoritative. */
static void test_embedded_nul(void **state)
{
	struct buf b = BUF_INIT;
	static const char bytes[] = { 'a', '\0', 'b', '\0', '\0', 'c' };
	size_t len;
	char *s;
	(void)state;
	buf_add(&b, bytes, sizeof(bytes));
	buf_addch(&b, '\0');
	assert_int_equal(b.len, 7);
	assert_memory_equal(b.data, bytes, sizeof(bytes));
	assert_int_equal(b.data[6], '\0');
	assert_int_equal(b.data[7], '\0');
	assert_int_equal(strlen(b.data), 1);
	buf_adds(&b, "z");
	assert_int_equal(b.len, 8);
	assert_int_equal(b.data[7], 'z');
	s = buf_detach(&b, &len);
	assert_int_equal(len, 8);
	assert_memory_equal(s, "a\0b\0\0c\0z", 9);
	free(s);
}

/* Many small appends and one large append give the expected bytes; the
 * capacity grows geometrically (few reallocations). */
static void test_large_appends(void **state)
{
	struct buf b = BUF_INIT;
	struct buf big = BUF_INIT;
	size_t moves = 0;
	char *last = NULL;
	(void)state;
	for (size_t i = 0; i < 1000000; i++) {
		buf_addch(&b, (int)('a' + i % 26));
		if (b.data != last) {
			moves++;
			last = b.data;
		}
	}
	assert_int_equal(b.len, 1000000);
	for (size_t i = 0; i < b.len; i += 9973)
		assert_int_equal(b.data[i], 'a' + (int)(i % 26));
	check_invariants(&b);
	/* doubling: about log2(1e6 / 64) = 14 moves; allow slack but not one
	 * per append */
	assert_true(moves < 64);
	buf_addchars(&big, 'q', 5 * 1024 * 1024);
	buf_add(&b, big.data, big.len);
	assert_int_equal(b.len, 1000000 + 5 * 1024 * 1024);
	assert_int_equal(b.data[1000000], 'q');
	assert_int_equal(b.data[b.len - 1], 'q');
	check_invariants(&b);
	buf_free(&b);
	buf_free(&big);
}

/* buf_free returns the buffer to the empty state, ready for reuse. */
static void test_free_and_reuse(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_adds(&b, "first");
	buf_free(&b);
	check_invariants(&b);
	assert_int_equal(b.cap, 0);
	buf_adds(&b, "second");
	assert_buf_equal(&b, "second");
	buf_free(&b);
	buf_free(&b); /* freeing twice is harmless */
	check_invariants(&b);
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
/* Appending a buffer's own bytes works even when the append makes it
 * grow (and move). */
static void test_add_from_itself(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_adds(&b, "abc");
	for (int i = 0; i < 12; i++)
		buf_add(&b, b.data, b.len); /* doubles, moving the data */
	assert_int_equal(b.len, 3 << 12);
	for (size_t i = 0; i < b.len; i += 3)
		assert_memory_equal(b.data + i, "abc", 3);
	assert_int_equal(b.data[b.len], '\0');
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_from_itself),
		cmocka_unit_test(test_init_is_empty),
		cmocka_unit_test(test_empty_operations),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_addch),
		cmocka_unit_test(test_adds),
		cmocka_unit_test(test_addchars),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_grow_zero),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_reset_keeps_allocation),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_detach_empty),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_large_appends),
		cmocka_unit_test(test_free_and_reuse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
