/*
 * test_utf8.c - unit tests of UTF-8 validation and counting
 * (src/lib/utf8.h).
 *
 * Covers utf8_invalid_at at every boundary of Table 3-7 of the Unicode
 * standard (well-formed byte sequences): the first and last code point of
 * each row, overlong forms (C0, C1, E0 80..9F, F0 80..8F), surrogates
 * (ED A0..BF), code points above U+10FFFF (F4 90.., F5..FF), stray
 * continuation bytes, sequences cut off at the end or interrupted; and an
 * exhaustive comparison with a reference decoder over all sequences of up
 * to three bytes. Also utf8_count, utf8_encode (every code point encodes to
 * valid UTF-8 of the right length) and text_position.
 */
#include "unit.h"

/* Assert utf8_invalid_at(bytes, len) == expected. */
static void check_invalid_at(const char *bytes, size_t len, size_t expected)
{
	size_t got = utf8_invalid_at(bytes, len);
	if (got != expected) {
		print_error("utf8_invalid_at of %zu bytes starting 0x%02X: %zu, expected %zu\n", len,
			    len ? (unsigned)(unsigned char)bytes[0] : 0u, got, expected);
		fail();
	}
}

/* For a C string literal: the length is its size without the NUL. */
#define CHECK(lit, expected) check_invalid_at((lit), sizeof(lit) - 1, (expected))

/* The first and last code point of every row of Table 3-7 are valid. */
static void test_valid_boundaries(void **state)
{
	(void)state;
	CHECK("", 0);
	CHECK("plain ASCII \x01\x7f", 14);
	CHECK("\xc2\x80", 2);         /* U+0080 */
	CHECK("\xdf\xbf", 2);         /* U+07FF */
	CHECK("\xe0\xa0\x80", 3);     /* U+0800 */
	CHECK("\xe0\xbf\xbf", 3);     /* U+0FFF */
	CHECK("\xe1\x80\x80", 3);     /* U+1000 */
	CHECK("\xec\xbf\xbf", 3);     /* U+CFFF */
	CHECK("\xed\x80\x80", 3);     /* U+D000 */
	CHECK("\xed\x9f\xbf", 3);     /* U+D7FF */
	CHECK("\xee\x80\x80", 3);     /* U+E000 */
	CHECK("\xef\xbf\xbf", 3);     /* U+FFFF */
	CHECK("\xf0\x90\x80\x80", 4); /* U+10000 */
	CHECK("\xf0\xbf\xbf\xbf", 4); /* U+3FFFF */
	CHECK("\xf1\x80\x80\x80", 4); /* U+40000 */
	CHECK("\xf3\xbf\xbf\xbf", 4); /* U+FFFFF */
	CHECK("\xf4\x80\x80\x80", 4); /* U+100000 */
	CHECK("\xf4\x8f\xbf\xbf", 4); /* U+10FFFF */
	CHECK("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14);
}

/* Overlong forms are invalid where they start. */
static void test_overlong(void **state)
{
	(void)state;
	CHECK("\xc0\x80", 0);         /* overlong U+0000 */
	CHECK("\xc0\xaf", 0);         /* overlong '/' */
	CHECK("\xc1\xbf", 0);         /* overlong U+007F */
	CHECK("\xe0\x80\x80", 0);     /* overlong U+0000 */
	CHECK("\xe0\x9f\xbf", 0);     /* overlong U+07FF */
	CHECK("\xf0\x80\x80\x80", 0); /* overlong U+0000 */
	CHECK("\xf0\x8f\xbf\xbf", 0); /* overlong U+FFFF */
	CHECK("ok\xc0\x80", 2);
}

/* UTF-16 surrogates (U+D800..U+DFFF) are invalid. */
static void test_surrogates(void **state)
{
	(void)state;
	CHECK("\xed\xa0\x80", 0);             /* U+D800 */
	CHECK("\xed\xaf\xbf", 0);             /* U+DBFF */
	CHECK("\xed\xb0\x80", 0);             /* U+DC00 */
	CHECK("\xed\xbf\xbf", 0);             /* U+DFFF */
	CHECK("\xed\xa0\xbd\xed\xb8\x80", 0); /* CESU-8 surrogate pair */
	CHECK("x\xed\xa0\x80", 1);
}

/* Code points above U+10FFFF and the bytes F5..FF are invalid. */
static void test_above_max(void **state)
{
	(void)state;
	CHECK("\xf4\x90\x80\x80", 0); /* U+110000 */
	CHECK("\xf4\xbf\xbf\xbf", 0);
	CHECK("\xf5\x80\x80\x80", 0);
	CHECK("\xf7\xbf\xbf\xbf", 0);
	CHECK("\xf8\x88\x80\x80\x80", 0);
	CHECK("\xfc\x84\x80\x80\x80\x80", 0);
	CHECK("\xfe", 0);
	CHECK("\xff", 0);
	CHECK("abc\xff", 3);
}

/* Continuation bytes without a lead byte are invalid. */
static void test_stray_continuation(void **state)
{
	(void)state;
	CHECK("\x80", 0);
	CHECK("\xbf", 0);
	CHECK("a\x80", 1);
	CHECK("\xc3\xa9\xa9", 2);
	CHECK("\xe2\x82\xac\x80", 3);
}

/* A sequence cut off by the end of the text, or interrupted by another
 * byte, is invalid at its lead byte. */
static void test_truncated(void **state)
{
	(void)state;
	CHECK("\xc3", 0);
	CHECK("a\xc3", 1);
	CHECK("a\xe2\x82", 1);
	CHECK("a\xe2", 1);
	CHECK("\xf0\x9f\x98", 0);
	CHECK("ab\xf0\x9f", 2);
	CHECK("\xc3"
	      "a",
	      0);
	CHECK("\xe2\x82"
	      "a",
	      0);
	CHECK("\xe2"
	      "a\xac",
	      0);
	CHECK("\xf0\x9f\x98"
	      "a",
	      0);
	CHECK("\xf0\x9f"
	      "\xc3\xa9",
	      0);
	/* len is respected: the valid "é" cut after one byte */
	check_invalid_at("\xc3\xa9", 1, 0);
	check_invalid_at("ab\xe2\x82\xac", 4, 2);
	/* and nothing past len is read as part of a sequence */
	check_invalid_at("a\xe2\x82\xac", 1, 1);
}

/* NUL bytes are valid UTF-8 (U+0000 encoded in one byte). */
static void test_nul_is_valid(void **state)
{
	(void)state;
	check_invalid_at("a\0b", 3, 3);
	check_invalid_at("\0", 1, 1);
}

/* A reference validator written from Table 3-7 in a different way: decode
 * the sequence, then check the code point's range and the shortest form.
 * Returns the length of the valid sequence at s (at most len bytes), or 0. */
static size_t reference_seq(const unsigned char *s, size_t len)
{
	unsigned cp;
	size_t n;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n > len)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000))
		return 0; /* overlong */
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* The reference result of utf8_invalid_at. */
static size_t reference_invalid_at(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t n = reference_seq(s + i, len - i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

/* utf8_invalid_at agrees with the reference on every sequence of one, two
 * and three bytes, and on a sample of four-byte sequences. */
static void test_exhaustive_against_reference(void **state)
{
	unsigned char s[4];
	(void)state;
	for (unsigned a = 0; a < 256; a++) {
		s[0] = (unsigned char)a;
		assert_int_equal(utf8_invalid_at((char *)s, 1), reference_invalid_at(s, 1));
		for (unsigned b = 0; b < 256; b++) {
			s[1] = (unsigned char)b;
			if (utf8_invalid_at((char *)s, 2) != reference_invalid_at(s, 2)) {
				print_error("bytes %02X %02X\n", a, b);
				fail();
			}
			for (unsigned c = 0; c < 256; c++) {
				s[2] = (unsigned char)c;
				if (utf8_invalid_at((char *)s, 3) != reference_invalid_at(s, 3)) {
					print_error("bytes %02X %02X %02X\n", a, b, c);
					fail();
				}
			}
		}
	}
	/* four-byte sequences: every lead byte F0..FF and E0..EF, C0..DF with
	 * second and third bytes on the boundaries and all fourth bytes */
	static const unsigned char mids[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff };
	for (unsigned a = 0xc0; a < 256; a++)
		for (size_t i = 0; i < sizeof(mids); i++)
			for (size_t j = 0; j < sizeof(mids); j++)
				for (unsigned d = 0; d < 256; d++) {
					s[0] = (unsigned char)a;
					s[1] = mids[i];
					s[2] = mids[j];
					s[3] = (unsigned char)d;
					if (utf8_invalid_at((char *)s, 4) != reference_invalid_at(s, 4)) {
						print_error("bytes %02X %02X %02X %02X\n", a, s[1], s[2], d);
						fail();
					}
				}
}

/* utf8_count counts code points, not bytes. */
static void test_count(void **state)
{
	(void)state;
	assert_int_equal(utf8_count("", 0), 0);
	assert_int_equal(utf8_count("abc", 3), 3);
	assert_int_equal(utf8_count("\xc3\xa9", 2), 1);
	assert_int_equal(utf8_count("\xe6\x97\xa5\xe6\x9c\xac", 6), 2);
	assert_int_equal(utf8_count("\xf0\x9f\x98\x80", 4), 1);
	assert_int_equal(utf8_count("a\xc3\xa9\xf0\x9f\x98\x80z", 8), 4);
	assert_int_equal(utf8_count("a\0b", 3), 3);
	assert_int_equal(utf8_count("caf\xc3\xa9 au lait", 5), 4);
}

/* utf8_encode writes the standard encodings. */
static void test_encode(void **state)
{
	static const struct {
		unsigned cp;
		const char *bytes;
	} cases[] = {
		{ 0x41, "A" },
		{ 0x7f, "\x7f" },
		{ 0x80, "\xc2\x80" },
		{ 0xe9, "\xc3\xa9" },
		{ 0x7ff, "\xdf\xbf" },
		{ 0x800, "\xe0\xa0\x80" },
		{ 0x20ac, "\xe2\x82\xac" },
		{ 0xd7ff, "\xed\x9f\xbf" },
		{ 0xe000, "\xee\x80\x80" },
		{ 0xfffd, "\xef\xbf\xbd" },
		{ 0xffff, "\xef\xbf\xbf" },
		{ 0x10000, "\xf0\x90\x80\x80" },
		{ 0x1f600, "\xf0\x9f\x98\x80" },
		{ 0x10ffff, "\xf4\x8f\xbf\xbf" },
	};
	char out[4];
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int n = utf8_encode(cases[i].cp, out);
		assert_int_equal(n, strlen(cases[i].bytes));
		assert_memory_equal(out, cases[i].bytes, (size_t)n);
	}
	assert_int_equal(utf8_encode(0, out), 1);
	assert_int_equal(out[0], '\0');
}

/* Every code point encodes to one valid character of the right length. */
static void test_encode_all(void **state)
{
	char out[4];
	(void)state;
	for (unsigned cp = 0; cp <= 0x10ffff; cp++) {
		int n, expect;
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		expect = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		n = utf8_encode(cp, out);
		if (n != expect || utf8_invalid_at(out, (size_t)n) != (size_t)n || utf8_count(out, (size_t)n) != 1) {
			print_error("U+%04X encodes badly (%d bytes)\n", cp, n);
			fail();
		}
	}
}

/* Assert that text_position(text, off) gives line:col. */
static void check_position(const char *text, size_t off, int line, int col)
{
	int l = -1, c = -1;
	text_position(text, off, &l, &c);
	if (l != line || c != col) {
		print_error("text_position(\"%s\", %zu) = %d:%d, expected %d:%d\n", text, off, l, c, line, col);
		fail();
	}
}

/* text_position: 1-based lines and columns in code points. */
static void test_text_position(void **state)
{
	(void)state;
	check_position("abc", 0, 1, 1);
	check_position("abc", 2, 1, 3);
	check_position("abc", 3, 1, 4);
	check_position("a\nb", 1, 1, 2);
	check_position("a\nb", 2, 2, 1);
	check_position("a\n\n\nb", 4, 4, 1);
	check_position("\xc3\xa9\xc3\xa9x", 4, 1, 3);
	check_position("x\n\xe2\x82\xac\xe2\x82\xac y", 8, 2, 3);
	check_position("x\n\xf0\x9f\x98\x80z", 6, 2, 2);
	check_position("a\r\nb", 3, 2, 1);
	check_position("a\r\nb", 1, 1, 2);
	check_position("", 0, 1, 1);
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_boundaries),
		cmocka_unit_test(test_overlong),
		cmocka_unit_test(test_surrogates),
		cmocka_unit_test(test_above_max),
		cmocka_unit_test(test_stray_continuation),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_nul_is_valid),
		cmocka_unit_test(test_exhaustive_against_reference),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_encode_all),
		cmocka_unit_test(test_text_position),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
