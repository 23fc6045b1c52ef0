/*
 * test_fmt.c - unit tests of the escaping formatter (src/lib/fmt.h).
 *
 * Covers the escaping conversions (%h HTML, %t URL component, %q and %Q
 * SQL, %j and %J JSON) including NULL arguments and injection payloads,
 * width, precision and the '-' flag on string conversions, the standard
 * numeric conversions with flags and length modifiers (l ll z), %%, an
 * unknown conversion and a trailing '%', mprintf/vmprintf, and the direct
 * helpers buf_add_html, buf_add_json and buf_add_url. With a precision, a
 * string conversion reads at most that many bytes, as in C: the CSV and
 * JSON readers print a character of their (unterminated) input with %.*s.
 */
#include "unit.h"

#include <sys/mman.h>
#include <unistd.h>

/* %h turns each of & < > " ' into an entity and leaves the rest alone. */
static void test_html_escapes(void **state)
{
	(void)state;
	assert_fmt("&amp;&lt;&gt;&quot;&#39;", "%h", "&<>\"'");
	assert_fmt("Tom &amp; Jerry", "%h", "Tom & Jerry");
	assert_fmt("caf\xc3\xa9 100% plain", "%h", "caf\xc3\xa9 100% plain");
	assert_fmt("&amp;amp;", "%h", "&amp;"); /* escaped again, not left as is */
	assert_fmt("<b>&lt;i&gt;</b>", "<b>%h</b>", "<i>");
}

/* Script and attribute-breaking payloads rendered with %h contain no
 * character that could open a tag or end an attribute value. */
static void test_html_injection_payloads(void **state)
{
	static const char *const payloads[] = {
		"<script>alert(1)</script>",        "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)",
		"</textarea><svg/onload=alert(1)>", "javascript:alert(\"x\")",
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(payloads); i++) {
		char *s = mprintf("<input value=\"%h\">", payloads[i]);
		/* Only the template's own < > and two quotes may remain. */
		const char *inner = s + strlen("<input value=\"");
		size_t inner_len = strlen(s) - strlen("<input value=\"") - strlen("\">");
		for (size_t k = 0; k < inner_len; k++) {
			assert_true(inner[k] != '<');
			assert_true(inner[k] != '>');
			assert_true(inner[k] != '"');
			assert_true(inner[k] != '\'');
		}
		assert_true(strncmp(s + strlen(s) - 2, "\">", 2) == 0);
		free(s);
	}
	assert_fmt("&lt;script&gt;alert(1)&lt;/script&gt;", "%h", "<script>alert(1)</script>");
	assert_fmt("&quot;&gt;&lt;img onerror=alert(1)&gt;", "%h", "\"><img onerror=alert(1)>");
}

/* %t keeps only the unreserved characters A-Z a-z 0-9 - . _ ~ and
 * percent-encodes every other byte, with upper-case hex digits. */
static void test_url_encoding(void **state)
{
	(void)state;
	assert_fmt("AZaz09-._~", "%t", "AZaz09-._~");
	assert_fmt("a%20b", "%t", "a b");
	assert_fmt("caf%C3%A9", "%t", "caf\xc3\xa9");
	assert_fmt("%2F%3F%26%3D%2B%23%25", "%t", "/?&=+#%");
	assert_fmt("%22%3C%3E%27", "%t", "\"<>'");
	assert_fmt("%E2%82%AC", "%t", "\xe2\x82\xac");
	assert_fmt("%0A%09", "%t", "\n\t");
	assert_fmt("/items?q=a%26b&x=1", "/items?q=%t&x=%d", "a&b", 1);
}

/* %q doubles single quotes; %Q also adds the quotes, and gives NULL for a
 * NULL pointer. */
static void test_sql_quoting(void **state)
{
	(void)state;
	assert_fmt("O''Brien", "%q", "O'Brien");
	assert_fmt("''''", "%q", "''");
	assert_fmt("no quotes", "%q", "no quotes");
	assert_fmt("'it''s'", "%Q", "it's");
	assert_fmt("''", "%Q", "");
	assert_fmt("NULL", "%Q", (const char *)NULL);
	assert_fmt("x = ''' OR 1=1 --'", "x = %Q", "' OR 1=1 --");
	assert_fmt("\"", "%q", "\""); /* only ' is special */
}

/* %j escapes " \ and control characters; %J adds quotes or gives null. */
static void test_json_escapes(void **state)
{
	(void)state;
	assert_fmt("a\\\"b\\\\c", "%j", "a\"b\\c");
	assert_fmt("line\\nnext\\r\\t", "%j", "line\nnext\r\t");
	assert_fmt("\\b\\f", "%j", "\b\f");
	assert_fmt("\\u0001\\u001f", "%j", "\x01\x1f");
	assert_fmt("\\u007f", "%j", "\x7f");
	assert_fmt("caf\xc3\xa9 / <ok>", "%j", "caf\xc3\xa9 / <ok>");
	assert_fmt("\"x\\\"y\"", "%J", "x\"y");
	assert_fmt("\"\"", "%J", "");
	assert_fmt("null", "%J", (const char *)NULL);
	assert_fmt("{\"k\":\"v\\n\",\"n\":null}", "{\"k\":%J,\"n\":%J}", "v\n", (const char *)NULL);
}

/* A NULL string prints as "" with %s %h %t %q %j. */
static void test_null_strings(void **state)
{
	const char *nil = NULL;
	(void)state;
	assert_fmt("[]", "[%s]", nil);
	assert_fmt("[]", "[%h]", nil);
	assert_fmt("[]", "[%t]", nil);
	assert_fmt("[]", "[%q]", nil);
	assert_fmt("[]", "[%j]", nil);
	assert_fmt("[   ]", "[%3s]", nil);
}

/* Width, precision and the '-' flag on %s. */
static void test_string_width_precision(void **state)
{
	(void)state;
	assert_fmt("[   ab]", "[%5s]", "ab");
	assert_fmt("[ab   ]", "[%-5s]", "ab");
	assert_fmt("[abcdef]", "[%3s]", "abcdef");
	assert_fmt("[abc]", "[%.3s]", "abcdef");
	assert_fmt("[  abc]", "[%5.3s]", "abcdef");
	assert_fmt("[abc  ]", "[%-5.3s]", "abcdef");
	assert_fmt("[   ab]", "[%*s]", 5, "ab");
	assert_fmt("[ab   ]", "[%*s]", -5, "ab");
	assert_fmt("[abc]", "[%.*s]", 3, "abcdef");
	assert_fmt("[]", "[%.0s]", "abc");
}

/* Width and precision on %h: the precision cuts the source text before
 * escaping (so an entity is never cut in half) and the width pads the
 * escaped text. */
static void test_html_width_precision(void **state)
{
	(void)state;
	assert_fmt("[  &lt;]", "[%6h]", "<");
	assert_fmt("[&lt;  ]", "[%-6h]", "<");
	assert_fmt("[&lt;]", "[%.1h]", "<b>");
	assert_fmt("[&amp;&amp;]", "[%2h]", "&&");
	assert_fmt("[   a]", "[%4h]", "a");
	assert_fmt("[a%20]", "[%.2t]", "a b");
}

/* Integers of every length modifier, with flags and widths. */
static void test_integers(void **state)
{
	char expect[64];
	(void)state;
	assert_fmt("42 -42 0", "%d %d %d", 42, -42, 0);
	assert_fmt("7", "%i", 7);
	assert_fmt("[   42]", "[%5d]", 42);
	assert_fmt("[42   ]", "[%-5d]", 42);
	assert_fmt("[00042]", "[%05d]", 42);
	assert_fmt("[+42]", "[%+d]", 42);
	assert_fmt("[ 42]", "[% d]", 42);
	assert_fmt("[  -42]", "[%*d]", 5, -42);
	assert_fmt("4000000000", "%u", 4000000000u);
	assert_fmt("ff FF 0xff 17", "%x %X %#x %o", 255u, 255u, 255u, 15u);
	snprintf(expect, sizeof(expect), "%ld", LONG_MIN);
	assert_fmt(expect, "%ld", LONG_MIN);
	assert_fmt("18446744073709551615", "%lu", ULONG_MAX);
	assert_fmt("9223372036854775807", "%lld", LLONG_MAX);
	assert_fmt("-9223372036854775808", "%lld", LLONG_MIN);
	assert_fmt("18446744073709551615", "%llu", ULLONG_MAX);
	snprintf(expect, sizeof(expect), "%zu", SIZE_MAX);
	assert_fmt(expect, "%zu", SIZE_MAX);
	assert_fmt("-5", "%zd", (ptrdiff_t)-5);
	assert_fmt("1234567890123", "%lld", 1234567890123LL);
	assert_fmt("x", "%c", 'x');
	assert_fmt("[  x]", "[%3c]", 'x');
	snprintf(expect, sizeof(expect), "%d %u", INT_MIN, UINT_MAX);
	assert_fmt(expect, "%d %u", INT_MIN, UINT_MAX);
}

/* The plain %d, %i and %u (made without snprintf) agree with snprintf for
 * values of every size and sign. */
static void test_plain_integers_agree(void **state)
{
	char expect[192];
	struct buf b = BUF_INIT;
	unsigned long long x = 88172645463325252ULL;
	(void)state;
	for (int i = 0; i < 20000; i++) {
		long long v;
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		v = (long long)(x >> (x % 64));
		if (x & 1)
			v = -v;
		snprintf(expect, sizeof(expect), "%d|%i|%u|%ld|%lld|%llu|%zu", (int)v, (int)v, (unsigned)v, (long)v, v,
			 (unsigned long long)v, (size_t)v);
		buf_reset(&b);
		buf_printf(&b, "%d|%i|%u|%ld|%lld|%llu|%zu", (int)v, (int)v, (unsigned)v, (long)v, v,
			   (unsigned long long)v, (size_t)v);
		assert_string_equal(b.data, expect);
	}
	buf_free(&b);
}

/* Floating-point conversions with width, precision and flags. */
static void test_floats(void **state)
{
	(void)state;
	assert_fmt("[ 3.14]", "[%5.2f]", 3.14159);
	assert_fmt("[3.14 ]", "[%-5.2f]", 3.14159);
	assert_fmt("[03.14]", "[%05.2f]", 3.14159);
	assert_fmt("[+3.1]", "[%+.1f]", 3.14159);
	assert_fmt("2.500000", "%f", 2.5);
	assert_fmt("-0.5", "%.1f", -0.5);
	assert_fmt("0.0001", "%g", 0.0001);
	assert_fmt("1e+20", "%g", 1e20);
	assert_fmt("1.5", "%g", 1.5);
	assert_fmt("100000", "%g", 1e5);
	assert_fmt("1e+06", "%g", 1e6);
	assert_fmt("1.234568e+04", "%e", 12345.678);
	assert_fmt("1.23E+04", "%.2E", 12345.678);
	assert_fmt("1234.5", "%.1F", 1234.5);
	assert_fmt("[    1e-05]", "[%9g]", 1e-5);
	assert_fmt("12.35 and 7", "%.2f and %d", 12.345678, 7);
}

/* %% is a literal percent sign, anywhere in the format. */
static void test_percent(void **state)
{
	(void)state;
	assert_fmt("%", "%%");
	assert_fmt("100%", "%d%%", 100);
	assert_fmt("%d", "%%d");
	assert_fmt("a%%b", "a%%%%b");
}

/* An unknown conversion is printed literally and consumes no argument, so
 * later conversions still get the right argument; a trailing '%' is kept. */
static void test_unknown_conversion(void **state)
{
	(void)state;
	assert_fmt("%y 5", "%y %d", 5);
	assert_fmt("%w x", "%w %s", "x");
	assert_fmt("50%", "50%");
	assert_fmt("no conversions at all", "no conversions at all");
	assert_fmt("", "");
}

/* Arguments of different kinds are consumed in order. */
static void test_mixed_arguments(void **state)
{
	(void)state;
	assert_fmt("1 a &lt; 2.5 b%20c 'd''e' 18446744073709551615 z", "%d %s %h %.1f %t %Q %zu %c", 1, "a", "<", 2.5,
		   "b c", "d'e", SIZE_MAX, 'z');
}

/* buf_printf appends to what the buffer holds. */
static void test_appends(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_adds(&b, "start:");
	buf_printf(&b, "%d", 1);
	buf_printf(&b, ",%h", "<2>");
	assert_buf_equal(&b, "start:1,&lt;2&gt;");
	buf_free(&b);
}

/* A long string argument is copied whole. */
static void test_long_argument(void **state)
{
	struct buf arg = BUF_INIT, b = BUF_INIT;
	(void)state;
	buf_addchars(&arg, 'x', 100000);
	buf_printf(&b, "[%s]", arg.data);
	assert_int_equal(b.len, 100002);
	assert_int_equal(b.data[0], '[');
	assert_int_equal(b.data[100001], ']');
	buf_reset(&b);
	buf_addchars(&arg, '<', 1);
	buf_printf(&b, "%h", arg.data);
	assert_int_equal(b.len, 100000 + 4);
	assert_string_equal(b.data + 100000, "&lt;");
	buf_free(&arg);
	buf_free(&b);
}

/* A vmprintf wrapper, to test the va_list entry point. */
static char *call_vmprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = vmprintf(fmt, ap);
	va_end(ap);
	return s;
}

/* Place the bytes s[0..n) at the very end of a readable page followed by
 * an inaccessible one, so that reading one byte past them faults. Returns
 * the copy; *map and *maplen receive the mapping for munmap. */
static const char *at_page_end(const char *s, size_t n, void **map, size_t *maplen)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(m != MAP_FAILED);
	assert_int_equal(mprotect(m + page, page, PROT_NONE), 0);
	memcpy(m + page - n, s, n);
	*map = m;
	*maplen = 2 * page;
	return m + page - n;
}

/* With a precision, %s %h %t %q %j read no further than the precision:
 * the argument need not be NUL-terminated. Here the text ends right before
 * an inaccessible page, so reading one byte too many crashes the test. */
static void test_precision_bounds_reading(void **state)
{
	void *map;
	size_t maplen;
	const char *s = at_page_end("abc<", 4, &map, &maplen);
	(void)state;
	assert_fmt("'abc<'", "'%.*s'", 4, s);
	assert_fmt("'a'", "'%.1s'", s);
	assert_fmt("abc&lt;", "%.4h", s);
	assert_fmt("abc%3C", "%.4t", s);
	assert_fmt("abc<", "%.4q", s);
	assert_fmt("abc<", "%.4j", s);
	assert_fmt("[ abc<]", "[%5.4s]", s);
	munmap(map, maplen);
}

/* mprintf and vmprintf return a new heap string; never NULL. */
static void test_mprintf(void **state)
{
	char *s;
	(void)state;
	s = mprintf("%s-%d-%h", "a", 2, "&");
	assert_string_equal(s, "a-2-&amp;");
	free(s);
	s = mprintf("%s", "");
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	s = call_vmprintf("%J=%5.1f", "k", 2.25);
	assert_string_equal(s, "\"k\"=  2.2");
	free(s);
}

/* The direct helpers take a length and so handle embedded NUL bytes. */
static void test_direct_helpers(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_add_html(&b, "a<\0>", 4);
	assert_int_equal(b.len, 1 + 4 + 1 + 4);
	assert_memory_equal(b.data, "a&lt;\0&gt;", 10);
	buf_reset(&b);
	buf_add_json(&b, "a\0b", 3);
	assert_buf_equal(&b, "a\\u0000b");
	buf_reset(&b);
	buf_add_url(&b, "a\0b", 3);
	assert_buf_equal(&b, "a%00b");
	buf_reset(&b);
	buf_add_html(&b, "<<<", 2);
	assert_buf_equal(&b, "&lt;&lt;");
	buf_free(&b);
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escapes),
		cmocka_unit_test(test_html_injection_payloads),
		cmocka_unit_test(test_url_encoding),
		cmocka_unit_test(test_sql_quoting),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_null_strings),
		cmocka_unit_test(test_string_width_precision),
		cmocka_unit_test(test_html_width_precision),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_plain_integers_agree),
		cmocka_unit_test(test_floats),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_unknown_conversion),
		cmocka_unit_test(test_mixed_arguments),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_long_argument),
		cmocka_unit_test(test_precision_bounds_reading),
		cmocka_unit_test(test_mprintf),
		cmocka_unit_test(test_direct_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
