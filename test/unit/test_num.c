/*
 * test_num.c - unit tests of numbers, dates and booleans (src/lib/num.h).
 *
 * Covers num_parse on every form num.h documents (machine form, decimal
 * comma, both thousands styles, a leading euro sign, spaces around,
 * negatives) and the forms it refuses; num_parse_ex's Dutch reading of
 * "450.000"; int_parse with ranges and overflow;
 * date_parse in both orders and separators with the leap-year rules and
 * month/day bounds; datetime_parse with T or space, Z, optional seconds,
 * dropped fractions and bad times; bool_parse in Dutch and English in any
 * case; num_format (exact texts, and a property over thousands of
 * pseudo-random doubles: the text reads back as the same double, uses '.'
 * and has no exponent from 1e-6 to 1e16); num_format_human and
 * num_format_short in Dutch and English (grouping, decimals, negatives,
 * rounding); eur_format_human; is_leap_year; days_from_civil.
 */
#include "unit.h"

/* Whether num_parse accepts s, and with which value. */
static void check_num(const char *s, double expected)
{
	double d = -12345.678;
	if (num_parse(s, &d) != 0) {
		print_error("num_parse(\"%s\") refused, expected %.17g\n", s, expected);
		fail();
	}
	if (d != expected) {
		print_error("num_parse(\"%s\") = %.17g, expected %.17g\n", s, d, expected);
		fail();
	}
}

/* Assert that num_parse refuses s and leaves *out alone. */
static void check_num_refused(const char *s)
{
	double d = -12345.678;
	if (num_parse(s, &d) == 0) {
		print_error("num_parse(\"%s\") accepted as %.17g\n", s, d);
		fail();
	}
	assert_true(d == -12345.678);
}

/* num_parse: the machine form. */
static void test_num_parse_machine(void **state)
{
	(void)state;
	check_num("0", 0);
	check_num("42", 42);
	check_num("-12.5", -12.5);
	check_num("1e6", 1e6);
	check_num("1E+6", 1e6);
	check_num("2.5e-3", 2.5e-3);
	check_num("-0.001", -0.001);
	check_num("1.5", 1.5);
	/* a single '.' is always the decimal point */
	check_num("1.234", 1.234);
	check_num("1234567.891", 1234567.891);
}

/* num_parse: the forms people write in Dutch and English spreadsheets. */
static void test_num_parse_human(void **state)
{
	(void)state;
	check_num("12,5", 12.5);
	check_num("0,75", 0.75);
	check_num("-3,25", -3.25);
	/* a single comma is a decimal comma */
	check_num("1,234", 1.234);
	check_num("1.234.567,89", 1234567.89);
	check_num("1,234,567.89", 1234567.89);
	check_num("1.234,5", 1234.5);
	check_num("1,234.5", 1234.5);
	check_num("-1.234.567,89", -1234567.89);
	check_num("-1,234,567.89", -1234567.89);
	check_num("12.345.678", 12345678);
	check_num("1,234,567", 1234567);
	check_num("\xe2\x82\xac 1.200.000", 1200000);
	check_num("\xe2\x82\xac"
		  "1.200.000",
		  1200000);
	check_num("\xe2\x82\xac 12,50", 12.5);
	check_num("\xe2\x82\xac 1,234,567.89", 1234567.89);
	check_num("  42  ", 42);
	check_num("\t-7,5\n", -7.5);
	check_num(" \xe2\x82\xac 3 ", 3);
}

/* num_parse refuses what is not a number, NaN, infinities, hexadecimal,
 * incomplete numbers and badly grouped thousands. */
static void test_num_parse_refused(void **state)
{
	static const char *const bad[] = {
		"",
		"   ",
		"abc",
		"12abc",
		"1.2.3",
		"1,2,3",
		"1,23,456",
		"1.23.456",
		"12.34.567",
		"1.234,5.6",
		"1,234.5,6",
		"nan",
		"NaN",
		"inf",
		"-inf",
		"Infinity",
		"0x10",
		"0X1A",
		"1e",
		"1e+",
		"e5",
		"12,",
		"-",
		"+",
		"\xe2\x82\xac",
		"1e400",
		"-1e400",
		"1 2",
		"--1",
		"1..2",
		"1,,2",
		"12 345",
		"\xe2\x82\xac\xe2\x82\xac 1",
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		check_num_refused(bad[i]);
}

/* Assert num_parse_ex(s, dutch) gives expected. */
static void check_num_ex(const char *s, int dutch, double expected)
{
	double d = -12345.678;
	if (num_parse_ex(s, dutch, &d) != 0 || d != expected) {
		print_error("num_parse_ex(\"%s\", %d) = %.17g, expected %.17g\n", s, dutch, d, expected);
		fail();
	}
}

/* num_parse_ex: in Dutch files a single '.' before exactly three digits,
 * after a first group of 1-3 digits not starting with 0, is a thousands
 * separator; everything else reads as num_parse reads it. */
static void test_num_parse_dutch(void **state)
{
	double d;
	(void)state;
	check_num_ex("450.000", 1, 450000);
	check_num_ex("-450.000", 1, -450000);
	check_num_ex("\xe2\x82\xac 1.500", 1, 1500);
	check_num_ex("1.234.567", 1, 1234567);
	check_num_ex("1.234,5", 1, 1234.5);
	check_num_ex("12,5", 1, 12.5);
	/* decimals stay decimals */
	check_num_ex("0.125", 1, 0.125);
	check_num_ex("1.5", 1, 1.5);
	check_num_ex("1234.5", 1, 1234.5);
	check_num_ex("1.2345", 1, 1.2345);
	check_num_ex("045.000", 1, 45);
	check_num_ex("1.5e3", 1, 1500);
	/* without the Dutch reading a single '.' is the decimal point */
	check_num_ex("450.000", 0, 450);
	check_num_ex("1.234.567", 0, 1234567);
	assert_int_equal(num_parse_ex("1.2.3", 1, &d), -1);
	assert_int_equal(num_parse_ex("abc", 1, &d), -1);
	assert_int_equal(num_parse_ex("nan", 1, &d), -1);
}

/* int_parse: sign, digits, spaces around, the range, and overflow. */
static void test_int_parse(void **state)
{
	static const char *const bad[] = { "",
					   " ",
					   "-",
					   "+",
					   "1.0",
					   "1,0",
					   "1e3",
					   "12a",
					   "1 2",
					   "0x10",
					   "abc",
					   "99999999999999999999",
					   "9223372036854775808",
					   "-9223372036854775809" };
	long long v = -1;
	(void)state;
	assert_int_equal(int_parse("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(int_parse(" -7 ", -10, 10, &v), 0);
	assert_int_equal(v, -7);
	assert_int_equal(int_parse("+7", 0, 10, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(int_parse("0", 0, 0, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(int_parse("007", 0, 10, &v), 0);
	assert_int_equal(v, 7);
	/* the bounds are inclusive */
	assert_int_equal(int_parse("1800", 1800, 2200, &v), 0);
	assert_int_equal(int_parse("2200", 1800, 2200, &v), 0);
	v = 5;
	assert_int_equal(int_parse("1799", 1800, 2200, &v), -1);
	assert_int_equal(int_parse("2201", 1800, 2200, &v), -1);
	assert_int_equal(int_parse("-1", 0, 100, &v), -1);
	assert_int_equal(int_parse("101", 0, 100, &v), -1);
	assert_int_equal(v, 5);
	assert_int_equal(int_parse("9223372036854775807", LLONG_MIN, LLONG_MAX, &v), 0);
	assert_true(v == LLONG_MAX);
	assert_int_equal(int_parse("-9223372036854775808", LLONG_MIN, LLONG_MAX, &v), 0);
	assert_true(v == LLONG_MIN);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		v = 5;
		if (int_parse(bad[i], LLONG_MIN, LLONG_MAX, &v) != -1) {
			print_error("int_parse(\"%s\") accepted as %lld\n", bad[i], v);
			fail();
		}
		assert_int_equal(v, 5);
	}
}

/* Assert that date_parse turns s into iso. */
static void check_date(const char *s, const char *iso)
{
	char out[11];
	memset(out, 'x', sizeof(out));
	if (date_parse(s, out) != 0) {
		print_error("date_parse(\"%s\") refused, expected %s\n", s, iso);
		fail();
	}
	assert_string_equal(out, iso);
}

/* date_parse: both orders, both separators, leap years and bounds. */
static void test_date_parse(void **state)
{
	static const char *const bad[] = {
		"",           "2023-02-29", "2100-02-29", "1900-02-29",       "29-02-2023",  "2024-13-01",
		"2024-00-10", "2024-01-00", "2024-01-32", "2024-04-31",       "2024-02-30",  "0999-12-31",
		"2024-1-5",   "5-1-2024",   "2024-01/05", "05/01-2024",       "2024-01-05x", "20240105",
		"2024.01.05", "31-12-26",   "abcd-ef-gh", "2024-01-05T10:00",
	};
	char out[11] = "unchanged";
	(void)state;
	check_date("2026-12-31", "2026-12-31");
	check_date("31-12-2026", "2026-12-31");
	check_date("2026/12/31", "2026-12-31");
	check_date("31/12/2026", "2026-12-31");
	check_date("01-02-2026", "2026-02-01");
	check_date("2024-02-29", "2024-02-29");
	check_date("29-02-2024", "2024-02-29");
	check_date("2000-02-29", "2000-02-29");
	check_date("2400-02-29", "2400-02-29");
	check_date("2024-04-30", "2024-04-30");
	check_date("1000-01-01", "1000-01-01");
	check_date("9999-12-31", "9999-12-31");
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		if (date_parse(bad[i], out) == 0) {
			print_error("date_parse(\"%s\") accepted as %s\n", bad[i], out);
			fail();
		}
	}
}

/* Assert that datetime_parse turns s into iso. */
static void check_datetime(const char *s, const char *iso)
{
	char out[21];
	memset(out, 'x', sizeof(out));
	if (datetime_parse(s, out) != 0) {
		print_error("datetime_parse(\"%s\") refused, expected %s\n", s, iso);
		fail();
	}
	assert_string_equal(out, iso);
}

/* datetime_parse: T or space, optional seconds and Z, dropped fractions,
 * a date alone; bad times and dates are refused. */
static void test_datetime_parse(void **state)
{
	static const char *const bad[] = {
		"",
		"2026-12-31T24:00",
		"2026-12-31T25:00:00Z",
		"2026-12-31T14:60",
		"2026-12-31T14:05:61",
		"2026-12-31T14",
		"2026-12-31T14:5",
		"2026-12-31T1:05",
		"2026-02-30T10:00",
		"2026-12-31T14:05:00+01:00",
		"2026-12-31T14:05:00ZZ",
		"2026-12-31X14:05",
		"2026-12-31T",
		"14:05",
		"2026-12-31T14:05:0",
	};
	char out[21];
	(void)state;
	check_datetime("2026-12-31T14:05:00Z", "2026-12-31T14:05:00Z");
	check_datetime("2026-12-31T14:05:09", "2026-12-31T14:05:09Z");
	check_datetime("2026-12-31T14:05Z", "2026-12-31T14:05:00Z");
	check_datetime("2026-12-31T14:05", "2026-12-31T14:05:00Z");
	check_datetime("2026-12-31 14:05", "2026-12-31T14:05:00Z");
	check_datetime("2026-12-31 14:05:59", "2026-12-31T14:05:59Z");
	check_datetime("2026-12-31T14:05:00.123Z", "2026-12-31T14:05:00Z");
	check_datetime("2026-12-31T14:05:07.999999", "2026-12-31T14:05:07Z");
	check_datetime("2026-12-31", "2026-12-31T00:00:00Z");
	check_datetime("31-12-2026 23:59", "2026-12-31T23:59:00Z");
	check_datetime("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z");
	check_datetime("2026-01-01T00:00", "2026-01-01T00:00:00Z");
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		if (datetime_parse(bad[i], out) == 0) {
			print_error("datetime_parse(\"%s\") accepted as %s\n", bad[i], out);
			fail();
		}
	}
}

/* bool_parse: Dutch and English words and 1/0, in any case. */
static void test_bool_parse(void **state)
{
	static const char *const yes[] = {
		"ja", "JA", "Ja", "yes", "YES", "true", "True", "TRUE", "1", "waar", "WAAR"
	};
	static const char *const no[] = { "nee", "NEE", "Nee", "no", "No", "false", "FALSE", "0", "onwaar", "Onwaar" };
	static const char *const bad[] = { "", "2", "-1", "10", "maybe", "jaa", "yess", "nope", "ja nee", "on", "off" };
	int v;
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		v = -1;
		assert_int_equal(bool_parse(yes[i], &v), 0);
		assert_int_equal(v, 1);
	}
	for (size_t i = 0; i < ARRAY_SIZE(no); i++) {
		v = -1;
		assert_int_equal(bool_parse(no[i], &v), 0);
		assert_int_equal(v, 0);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		v = -1;
		if (bool_parse(bad[i], &v) == 0) {
			print_error("bool_parse(\"%s\") accepted as %d\n", bad[i], v);
			fail();
		}
		assert_int_equal(v, -1);
	}
}

/* The text num_format writes for d, in b. */
static const char *formatted(struct buf *b, double d)
{
	buf_reset(b);
	num_format(b, d);
	return b->data;
}

/* num_format: the exact texts of the examples in num.h and more. */
static void test_num_format_examples(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	assert_string_equal(formatted(&b, 0), "0");
	assert_string_equal(formatted(&b, -0.0), "0");
	assert_string_equal(formatted(&b, 900000), "900000");
	assert_string_equal(formatted(&b, 0.1), "0.1");
	assert_string_equal(formatted(&b, 1e21), "1e+21");
	assert_string_equal(formatted(&b, 100), "100");
	assert_string_equal(formatted(&b, 1500000), "1500000");
	assert_string_equal(formatted(&b, -2000), "-2000");
	assert_string_equal(formatted(&b, 12.5), "12.5");
	assert_string_equal(formatted(&b, -0.75), "-0.75");
	assert_string_equal(formatted(&b, 1.0 / 3), "0.3333333333333333");
	assert_string_equal(formatted(&b, 2.0 / 3), "0.6666666666666666");
	assert_string_equal(formatted(&b, 0.1 + 0.2), "0.30000000000000004");
	assert_string_equal(formatted(&b, 1234567.89), "1234567.89");
	assert_string_equal(formatted(&b, 1e-6), "0.000001");
	assert_string_equal(formatted(&b, 0.000123), "0.000123");
	assert_string_equal(formatted(&b, 1e15), "1000000000000000");
	assert_string_equal(formatted(&b, 123456789012.0), "123456789012");
	assert_string_equal(formatted(&b, 5e-324), "5e-324");
	buf_free(&b);
}

/* A tiny pseudo-random generator (xorshift64*), so the property tests are
 * the same on every run. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

/* The next pseudo-random 64-bit number. */
static uint64_t rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* Check the documented properties of num_format on d: the text reads back
 * as d, has a '.' decimal point (never ','), and has no exponent for
 * magnitudes from 1e-6 to 1e16. */
static void check_format_property(struct buf *b, double d)
{
	const char *t = formatted(b, d);
	double back = strtod(t, NULL);
	if (back != d) {
		print_error("num_format(%.17g) = \"%s\" reads back as %.17g\n", d, t, back);
		fail();
	}
	if (strchr(t, ',')) {
		print_error("num_format(%.17g) = \"%s\" has a comma\n", d, t);
		fail();
	}
	if (fabs(d) >= 1e-6 && fabs(d) < 1e16 && strpbrk(t, "eE")) {
		print_error("num_format(%.17g) = \"%s\" has an exponent\n", d, t);
		fail();
	}
}

/* num_format: thousands of pseudo-random doubles of every magnitude, whole
 * numbers and amounts in cents round-trip; cents need at most 2 decimals
 * and whole numbers none (the shortest form). */
static void test_num_format_property(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	/* random bit patterns: every exponent */
	for (int i = 0; i < 3000; i++) {
		uint64_t bits = rng_next();
		double d;
		memcpy(&d, &bits, sizeof(d));
		if (!isfinite(d))
			continue;
		check_format_property(&b, d);
	}
	/* ordinary magnitudes */
	for (int i = 0; i < 3000; i++) {
		double mant = (double)(rng_next() >> 11) / 9007199254740992.0; /* [0, 1) */
		int exp10 = (int)(rng_next() % 24) - 8;                        /* 1e-8 .. 1e15 */
		double d = mant * pow(10, exp10);
		if (rng_next() & 1)
			d = -d;
		check_format_property(&b, d);
	}
	/* whole numbers print as plain digits */
	for (int i = 0; i < 2000; i++) {
		long long n = (long long)(rng_next() % 1000000000000000ULL) - 500000000000000LL;
		char expect[32];
		snprintf(expect, sizeof(expect), "%lld", n);
		assert_string_equal(formatted(&b, (double)n), expect);
	}
	/* amounts in cents need at most two decimals */
	for (int i = 0; i < 2000; i++) {
		long long cents = (long long)(rng_next() % 100000000000ULL);
		const char *t, *dot;
		check_format_property(&b, (double)cents / 100);
		t = formatted(&b, (double)cents / 100);
		dot = strchr(t, '.');
		if (dot && strlen(dot + 1) > 2) {
			print_error("num_format(%lld/100) = \"%s\": more decimals than needed\n", cents, t);
			fail();
		}
	}
	buf_free(&b);
}

/* num_format near the powers of ten, where a digit count computed with
 * log10 is easily off by one. */
static void test_num_format_powers_of_ten(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	for (int e = -6; e <= 15; e++) {
		double p = pow(10, e);
		check_format_property(&b, p);
		check_format_property(&b, nextafter(p, 0));
		check_format_property(&b, nextafter(p, INFINITY));
		check_format_property(&b, -nextafter(p, 0));
		check_format_property(&b, p * 9);
		check_format_property(&b, p * 1.5);
	}
	buf_free(&b);
}

/* The text num_format_human writes, in b. */
static const char *human(struct buf *b, double d, int decimals, int dutch)
{
	buf_reset(b);
	num_format_human(b, d, decimals, dutch);
	return b->data;
}

/* num_format_human: Dutch and English grouping and decimal marks,
 * negatives, rounding and the clamping of decimals. */
static void test_num_format_human(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	assert_string_equal(human(&b, 1234.5, 1, 1), "1.234,5");
	assert_string_equal(human(&b, 1234.5, 1, 0), "1,234.5");
	assert_string_equal(human(&b, 1234567.891, 2, 1), "1.234.567,89");
	assert_string_equal(human(&b, 1234567.891, 2, 0), "1,234,567.89");
	assert_string_equal(human(&b, 1234567890123.0, 0, 1), "1.234.567.890.123");
	assert_string_equal(human(&b, 0, 0, 1), "0");
	assert_string_equal(human(&b, 0, 2, 1), "0,00");
	assert_string_equal(human(&b, 999, 0, 1), "999");
	assert_string_equal(human(&b, 1000, 0, 1), "1.000");
	assert_string_equal(human(&b, 100000, 0, 0), "100,000");
	assert_string_equal(human(&b, 12, 2, 1), "12,00");
	assert_string_equal(human(&b, 0.5, 2, 0), "0.50");
	assert_string_equal(human(&b, -1234.5, 1, 1), "-1.234,5");
	assert_string_equal(human(&b, -1234.5, 1, 0), "-1,234.5");
	assert_string_equal(human(&b, -0.4, 0, 1), "0");      /* no "-0" */
	assert_string_equal(human(&b, -0.004, 2, 0), "0.00"); /* no "-0.00" */
	assert_string_equal(human(&b, -0.0, 1, 1), "0,0");
	/* rounding half away from zero, with carries into the groups */
	assert_string_equal(human(&b, 2.5, 0, 1), "3");
	assert_string_equal(human(&b, -2.5, 0, 1), "-3");
	assert_string_equal(human(&b, 1234.5678, 2, 1), "1.234,57");
	assert_string_equal(human(&b, 999.996, 2, 1), "1.000,00");
	assert_string_equal(human(&b, 999999.5, 0, 0), "1,000,000");
	assert_string_equal(human(&b, 0.05, 1, 1), "0,1");
	/* decimals below 0 count as 0, above 6 as 6 */
	assert_string_equal(human(&b, 3.7, -1, 1), "4");
	assert_string_equal(human(&b, 1.5, 9, 1), "1,500000");
	assert_string_equal(human(&b, 1.25, 6, 0), "1.250000");
	buf_free(&b);
}

/* num_format_human keeps the Dutch or English style for large numbers too:
 * a value of 1e13 with 6 decimals is still grouped and uses the decimal
 * comma in Dutch, never a plain "%g" form with a '.' decimal point. */
static void test_num_format_human_large(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	assert_string_equal(human(&b, 1e13, 6, 1), "10.000.000.000.000,000000");
	assert_string_equal(human(&b, 9876543210123.5, 6, 1), "9.876.543.210.123,500000");
	buf_free(&b);
}

/* Around 2^52 units of the last decimal, where num_format_human stops
 * making the digits itself and prints with %f, both give the same digits. */
static void test_num_format_human_digits_limit(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	assert_string_equal(human(&b, 4503599627370495.0, 0, 0), "4,503,599,627,370,495");
	assert_string_equal(human(&b, 4503599627370496.0, 0, 0), "4,503,599,627,370,496");
	assert_string_equal(human(&b, -4503599627370497.0, 0, 0), "-4,503,599,627,370,497");
	assert_string_equal(human(&b, 450359962737.0495, 4, 1), "450.359.962.737,0495");
	assert_string_equal(human(&b, -0.00000049, 6, 0), "0.000000");
	assert_string_equal(human(&b, -0.0000005, 6, 0), "-0.000001");
	assert_string_equal(human(&b, 0.125, 2, 1), "0,13");
	assert_string_equal(human(&b, 1e20, 0, 0), "100,000,000,000,000,000,000");
	buf_free(&b);
}

/* The text num_format_short writes, in b. */
static const char *shortest(struct buf *b, double d, int maxdec, int dutch)
{
	buf_reset(b);
	num_format_short(b, d, maxdec, dutch);
	return b->data;
}

/* num_format_short: at most maxdec decimals, no trailing zeros, and never a
 * zero of the whole part removed. */
static void test_num_format_short(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	assert_string_equal(shortest(&b, 0.8, 3, 1), "0,8");
	assert_string_equal(shortest(&b, 12, 3, 1), "12");
	assert_string_equal(shortest(&b, 1.0 / 6, 3, 1), "0,167");
	assert_string_equal(shortest(&b, 1.0 / 6, 3, 0), "0.167");
	assert_string_equal(shortest(&b, 100, 3, 1), "100");
	assert_string_equal(shortest(&b, 1000, 2, 1), "1.000");
	assert_string_equal(shortest(&b, 1200.5, 2, 0), "1,200.5");
	assert_string_equal(shortest(&b, 0, 2, 1), "0");
	assert_string_equal(shortest(&b, 2.5, 0, 1), "3");
	assert_string_equal(shortest(&b, -10.10, 2, 1), "-10,1");
	buf_free(&b);
}

/* num_format_short of a value beyond the grouping range must still show
 * that value: 1e20 must not lose the zero of its exponent ("1e+2"). */
static void test_num_format_short_large(void **state)
{
	struct buf b = BUF_INIT;
	const char *t;
	double back;
	(void)state;
	t = shortest(&b, 1e20, 3, 0);
	assert_int_equal(num_parse(t, &back), 0);
	if (back != 1e20) {
		print_error("num_format_short(1e20, 3, en) = \"%s\"\n", t);
		fail();
	}
	t = shortest(&b, 1e13, 6, 0);
	assert_int_equal(num_parse(t, &back), 0);
	if (back != 1e13) {
		print_error("num_format_short(1e13, 6, en) = \"%s\"\n", t);
		fail();
	}
	buf_free(&b);
}

/* eur_format_human: the euro sign, grouping and rounding to whole euros. */
static void test_eur_format_human(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	eur_format_human(&b, 1234567, 1);
	assert_buf_equal(&b, "\xe2\x82\xac 1.234.567");
	buf_reset(&b);
	eur_format_human(&b, 1234567, 0);
	assert_buf_equal(&b, "\xe2\x82\xac"
			     "1,234,567");
	buf_reset(&b);
	eur_format_human(&b, 1234567.5, 1);
	assert_buf_equal(&b, "\xe2\x82\xac 1.234.568");
	buf_reset(&b);
	eur_format_human(&b, 999.49, 0);
	assert_buf_equal(&b, "\xe2\x82\xac"
			     "999");
	buf_reset(&b);
	eur_format_human(&b, -2500, 1);
	assert_buf_equal(&b, "\xe2\x82\xac -2.500");
	buf_reset(&b);
	eur_format_human(&b, 0, 1);
	assert_buf_equal(&b, "\xe2\x82\xac 0");
	buf_free(&b);
}

/* What num_format_human writes, num_parse reads back (rounded). */
static void test_human_round_trip(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	for (int i = 0; i < 2000; i++) {
		long long cents = (long long)(rng_next() % 100000000000000ULL) - 50000000000000LL;
		double d = (double)cents / 100, back = 0;
		for (int dutch = 0; dutch <= 1; dutch++) {
			const char *t = human(&b, d, 2, dutch);
			if (num_parse(t, &back) != 0 || fabs(back - d) > 0.005 + fabs(d) * 1e-15) {
				print_error("%.2f written as \"%s\" reads back as %.17g\n", d, t, back);
				fail();
			}
		}
	}
	buf_free(&b);
}

/* is_leap_year: the Gregorian rules. */
static void test_is_leap_year(void **state)
{
	(void)state;
	assert_true(is_leap_year(2024));
	assert_true(is_leap_year(2000));
	assert_true(is_leap_year(2400));
	assert_true(is_leap_year(1996));
	assert_false(is_leap_year(2023));
	assert_false(is_leap_year(2100));
	assert_false(is_leap_year(1900));
	assert_false(is_leap_year(2200));
}

/* days_from_civil: fixed points and differences across leap days. */
static void test_days_from_civil(void **state)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long expect;
	(void)state;
	assert_int_equal(days_from_civil(1970, 1, 1), 0);
	assert_int_equal(days_from_civil(1970, 1, 2), 1);
	assert_int_equal(days_from_civil(1969, 12, 31), -1);
	assert_int_equal(days_from_civil(2000, 1, 1), 10957);
	assert_int_equal(days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(days_from_civil(2024, 2, 29), 19782);
	assert_int_equal(days_from_civil(9999, 12, 31), 2932896);
	assert_int_equal(days_from_civil(1000, 1, 1), -354285);
	assert_int_equal(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28), 2);
	assert_int_equal(days_from_civil(2023, 3, 1) - days_from_civil(2023, 2, 28), 1);
	assert_int_equal(days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 28), 1);
	assert_int_equal(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28), 2);
	assert_int_equal(days_from_civil(2025, 1, 1) - days_from_civil(2024, 1, 1), 366);
	assert_int_equal(days_from_civil(2024, 1, 1) - days_from_civil(2023, 1, 1), 365);
	assert_int_equal(days_from_civil(2001, 1, 1) - days_from_civil(1901, 1, 1), 36525);
	assert_int_equal(days_from_civil(2401, 1, 1) - days_from_civil(2001, 1, 1), 146097);
	/* every day from 1900 to 2100 is one more than the day before */
	expect = days_from_civil(1900, 1, 1);
	for (int y = 1900; y <= 2100; y++)
		for (int m = 1; m <= 12; m++) {
			int n = mdays[m - 1] + (m == 2 && is_leap_year(y));
			for (int d = 1; d <= n; d++) {
				if (days_from_civil(y, m, d) != expect) {
					print_error("days_from_civil(%d, %d, %d) = %ld, expected %ld\n", y, m, d,
						    days_from_civil(y, m, d), expect);
					fail();
				}
				expect++;
			}
		}
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
/* Booleans are words, not amounts: "€ ja" is refused; a date-time may be
 * followed by spaces like a date. */
static void test_bool_and_datetime_edges(void **state)
{
	int yes = -1;
	char iso[21];
	(void)state;
	assert_int_equal(bool_parse("\xe2\x82\xac ja", &yes), -1);
	assert_int_equal(bool_parse(" Ja ", &yes), 0);
	assert_int_equal(yes, 1);
	assert_int_equal(bool_parse("n", &yes), 0);
	assert_int_equal(yes, 0);
	assert_int_equal(datetime_parse("2026-12-31 ", iso), 0);
	assert_string_equal(iso, "2026-12-31T00:00:00Z");
	assert_int_equal(datetime_parse("2026-12-31 14:05 ", iso), 0);
	assert_string_equal(iso, "2026-12-31T14:05:00Z");
	assert_int_equal(datetime_parse("2026-12-31 x", iso), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bool_and_datetime_edges),
		cmocka_unit_test(test_num_parse_machine),
		cmocka_unit_test(test_num_parse_human),
		cmocka_unit_test(test_num_parse_refused),
		cmocka_unit_test(test_num_parse_dutch),
		cmocka_unit_test(test_int_parse),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_datetime_parse),
		cmocka_unit_test(test_bool_parse),
		cmocka_unit_test(test_num_format_examples),
		cmocka_unit_test(test_num_format_property),
		cmocka_unit_test(test_num_format_powers_of_ten),
		cmocka_unit_test(test_num_format_human),
		cmocka_unit_test(test_num_format_human_large),
		cmocka_unit_test(test_num_format_human_digits_limit),
		cmocka_unit_test(test_num_format_short),
		cmocka_unit_test(test_num_format_short_large),
		cmocka_unit_test(test_eur_format_human),
		cmocka_unit_test(test_human_round_trip),
		cmocka_unit_test(test_is_leap_year),
		cmocka_unit_test(test_days_from_civil),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
