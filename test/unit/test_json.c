/*
 * test_json.c - unit tests of the JSON parser and writers (src/lib/json.h).
 *
 * Covers json_parse on every kind of value, nesting, the string escapes
 * (including \u00e9 and surrogate pairs), the positions (line and column in
 * characters) of values and members, also on later lines, and each error
 * with its position and message: lone surrogates, \u0000, raw control
 * characters, bad escapes, duplicate members (named in the message),
 * trailing garbage, trailing commas, leading zeros, incomplete numbers
 * (`-`, `1.`, `1e`), numbers out of range, nesting deeper than
 * JSON_MAX_DEPTH, over-long strings, invalid UTF-8 and empty input; a
 * byte-order mark is accepted. Also json_get, json_type_name,
 * json_add_string and json_add_number (shortest form that reads back as the
 * same double). Two tests compare parse times to catch work that grows with
 * the square of the input: minified JSON (one long line) must parse about
 * as fast as the same values on many lines, and an object with many
 * members about as fast as as many one-member objects.
 */
#include "unit.h"

static struct arena arena; /* values of the current test */
static struct diag diag;   /* messages of the current test */

/* Per-test setup: a fresh arena and message list. */
static int setup(void **state)
{
	(void)state;
	arena_init(&arena);
	diag_init(&diag, 10);
	return 0;
}

/* Per-test teardown: free what setup made. */
static int teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	diag_free(&diag);
	return 0;
}

/* Parse the C string text named "t.json"; fail at the caller's file:line
 * with the message when it does not parse. */
static struct json_value *parse_ok_at(const char *file, int line, const char *text)
{
	struct json_value *v;
	diag_free(&diag);
	diag_init(&diag, 10);
	v = json_parse(&arena, "t.json", text, strlen(text), &diag);
	if (!v || diag.count != 0)
		fail_at(file, line, "parsing %s failed: %s\n", text, diag.text.data);
	return v;
}

/* parse_ok(text): the root value of the C string text, which must parse. */
#define parse_ok(text) parse_ok_at(__FILE__, __LINE__, (text))

/* Parse the bytes text[0..len) and check that they are refused with one
 * message that starts with prefix (e.g. "t.json:1:5: expected") and is
 * valid UTF-8; on a mismatch fail at the caller's file:line. */
static void check_refused(const char *file, int line, const char *text, size_t len, const char *prefix)
{
	struct json_value *v;
	diag_free(&diag);
	diag_init(&diag, 10);
	v = json_parse(&arena, "t.json", text, len, &diag);
	if (v)
		fail_at(file, line, "%.*s was accepted\n", (int)len, text);
	if (diag.count != 1)
		fail_at(file, line, "expected one message, got %d: %s\n", diag.count, diag.text.data);
	if (strncmp(diag.text.data, prefix, strlen(prefix)) != 0)
		fail_at(file, line, "message \"%s\" does not start with \"%s\"\n", diag.text.data, prefix);
	if (utf8_invalid_at(diag.text.data, diag.text.len) != diag.text.len)
		fail_at(file, line, "message \"%s\" is not valid UTF-8\n", diag.text.data);
}

/* assert_refused(text, prefix) for a C string; assert_refused_n for bytes
 * with a length (NUL bytes inside). */
#define assert_refused(text, prefix) check_refused(__FILE__, __LINE__, (text), strlen(text), (prefix))
#define assert_refused_n(text, len, prefix) check_refused(__FILE__, __LINE__, (text), (len), (prefix))

/* The scalar values and their types. */
static void test_scalars(void **state)
{
	struct json_value *v;
	(void)state;
	assert_int_equal(parse_ok("true")->type, JSON_TRUE);
	assert_int_equal(parse_ok("false")->type, JSON_FALSE);
	assert_int_equal(parse_ok("null")->type, JSON_NULL);
	v = parse_ok("\"text\"");
	assert_int_equal(v->type, JSON_STRING);
	assert_string_equal(v->str, "text");
	assert_int_equal(v->len, 4);
	v = parse_ok("  -12.5e1  ");
	assert_int_equal(v->type, JSON_NUMBER);
	assert_true(v->num == -125.0);
	assert_string_equal(v->str, "-12.5e1");
	assert_int_equal(v->col, 3);
	v = parse_ok("\"\"");
	assert_string_equal(v->str, "");
	assert_int_equal(v->len, 0);
}

/* Numbers in every valid form keep their value and their text. */
static void test_numbers(void **state)
{
	static const struct {
		const char *text;
		double value;
	} cases[] = {
		{ "0", 0 },         { "-0", -0.0 },         { "7", 7 },
		{ "1.5", 1.5 },     { "-1.5e-3", -1.5e-3 }, { "1E10", 1e10 },
		{ "1e+2", 100 },    { "0.1", 0.1 },         { "123456789012", 123456789012.0 },
		{ "2.5E-1", 0.25 }, { "1e308", 1e308 },     { "5e-324", 5e-324 },
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct json_value *v = parse_ok(cases[i].text);
		assert_int_equal(v->type, JSON_NUMBER);
		assert_true(v->num == cases[i].value);
		assert_string_equal(v->str, cases[i].text);
	}
}

/* Objects and arrays, nested, with members in input order. */
static void test_nested(void **state)
{
	struct json_value *v, *b, *d;
	(void)state;
	v = parse_ok("{\"a\":1,\"b\":[true,false,null,[]],\"c\":\"x\",\"d\":{\"e\":-1.5e3,\"f\":{}}}");
	assert_int_equal(v->type, JSON_OBJECT);
	assert_int_equal(v->n, 4);
	assert_string_equal(v->members[0].key, "a");
	assert_string_equal(v->members[1].key, "b");
	assert_string_equal(v->members[2].key, "c");
	assert_string_equal(v->members[3].key, "d");
	b = json_get(v, "b");
	assert_non_null(b);
	assert_int_equal(b->type, JSON_ARRAY);
	assert_int_equal(b->n, 4);
	assert_int_equal(b->items[0]->type, JSON_TRUE);
	assert_int_equal(b->items[1]->type, JSON_FALSE);
	assert_int_equal(b->items[2]->type, JSON_NULL);
	assert_int_equal(b->items[3]->type, JSON_ARRAY);
	assert_int_equal(b->items[3]->n, 0);
	d = json_get(v, "d");
	assert_true(json_get(d, "e")->num == -1500.0);
	assert_int_equal(json_get(d, "f")->type, JSON_OBJECT);
	assert_int_equal(json_get(d, "f")->n, 0);
	assert_string_equal(json_get(v, "c")->str, "x");
	v = parse_ok(" [ ] ");
	assert_int_equal(v->type, JSON_ARRAY);
	assert_int_equal(v->n, 0);
	v = parse_ok("[[[[1]]]]");
	assert_true(v->items[0]->items[0]->items[0]->items[0]->num == 1);
}

/* All escapes of RFC 8259 decode to the right bytes. */
static void test_escapes(void **state)
{
	struct json_value *v;
	(void)state;
	v = parse_ok("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"");
	assert_string_equal(v->str, "a\"b\\c/d\b\f\n\r\t");
	assert_int_equal(v->len, 12);
	assert_string_equal(parse_ok("\"caf\\u00e9\"")->str, "caf\xc3\xa9");
	assert_string_equal(parse_ok("\"\\u00E9\"")->str, "\xc3\xa9");
	assert_string_equal(parse_ok("\"\\u20ac\"")->str, "\xe2\x82\xac");
	assert_string_equal(parse_ok("\"\\u0041\\u007f\"")->str, "A\x7f");
	assert_string_equal(parse_ok("\"\\u07ff\\u0800\\uffff\"")->str, "\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf");
	/* a surrogate pair is one code point, U+1F600 */
	v = parse_ok("\"\\ud83d\\ude00\"");
	assert_string_equal(v->str, "\xf0\x9f\x98\x80");
	assert_int_equal(v->len, 4);
	assert_string_equal(parse_ok("\"\\uD83D\\uDE00!\"")->str, "\xf0\x9f\x98\x80!");
	assert_string_equal(parse_ok("\"\\udbff\\udfff\"")->str, "\xf4\x8f\xbf\xbf");
	/* raw UTF-8 passes through */
	assert_string_equal(parse_ok("\"\xf0\x9f\x98\x80 \xc3\xa9\"")->str, "\xf0\x9f\x98\x80 \xc3\xa9");
}

/* Lone or misordered surrogates are refused. */
static void test_lone_surrogates(void **state)
{
	(void)state;
	assert_refused("\"\\ud83d\"", "t.json:1:2: expected a low surrogate");
	assert_refused("\"\\ud83dx\"", "t.json:1:2: expected a low surrogate");
	assert_refused("\"\\ud83d\\u0041\"", "t.json:1:2: expected a low surrogate");
	assert_refused("\"\\ud83d\\ud83d\"", "t.json:1:2: expected a low surrogate");
	assert_refused("\"ab\\ude00\"", "t.json:1:4: expected a high surrogate");
}

/* \u0000 is refused (strings are NUL-terminated C strings). */
static void test_u0000(void **state)
{
	(void)state;
	assert_refused("\"a\\u0000b\"", "t.json:1:3: expected a character other than \\u0000");
}

/* Raw control characters inside strings are refused; so are bad escapes. */
static void test_bad_string_content(void **state)
{
	(void)state;
	assert_refused("\"a\x01z\"", "t.json:1:3: expected a character of a string");
	assert_refused("\"a\nz\"", "t.json:1:3: expected a character of a string");
	assert_refused("\"a\tz\"", "t.json:1:3: expected a character of a string");
	assert_refused_n("\"a\0z\"", 5, "t.json:1:3: expected a character of a string");
	assert_refused("\"\\x\"", "t.json:1:2: expected a valid escape");
	assert_refused("\"\\u12\"", "t.json:1:2: expected \\u and four hexadecimal digits");
	assert_refused("\"\\u12G4\"", "t.json:1:2: expected \\u and four hexadecimal digits");
	assert_refused("\"abc", "t.json:1:1: expected the end of the string that starts here");
	assert_refused("[\"abc\\", "t.json:1:7: expected an escape sequence");
}

/* A member name twice in one object is refused; the message names it. */
static void test_duplicate_member(void **state)
{
	(void)state;
	assert_refused("{\"a\":1,\"a\":2}", "t.json:1:8: duplicate member \"a\" (first at line 1)");
	assert_refused("{\n\"id\": 1,\n\"x\": 2,\n\"id\": 3}", "t.json:4:1: duplicate member \"id\" (first at line 2)");
	/* the same name in different objects is fine */
	parse_ok("[{\"a\":1},{\"a\":2}]");
	parse_ok("{\"a\":{\"a\":1}}");
}

/* Text after the value is refused. */
static void test_trailing_garbage(void **state)
{
	(void)state;
	assert_refused("{} x", "t.json:1:4: expected the end of the text after the value, found 'x'");
	assert_refused("1 2", "t.json:1:3: expected the end of the text after the value");
	assert_refused("[1]]", "t.json:1:4: expected the end of the text after the value");
	assert_refused("nullnull", "t.json:1:5: expected the end of the text after the value");
	parse_ok("{}\n\n  \t\r\n");
}

/* Trailing commas, missing separators and bad member names are refused. */
static void test_structure_errors(void **state)
{
	(void)state;
	assert_refused("[1,]", "t.json:1:4: expected a value");
	assert_refused("{\"a\":1,}", "t.json:1:8: expected a member name in double quotes");
	assert_refused("{a:1}", "t.json:1:2: expected a member name in double quotes, found 'a'");
	assert_refused("{\"a\" 1}", "t.json:1:6: expected ':'");
	assert_refused("[1 2]", "t.json:1:4: expected ',' or ']'");
	assert_refused("{\"a\":1 \"b\":2}", "t.json:1:8: expected ',' or '}'");
	assert_refused("[1,2", "t.json:1:5: expected ',' or ']', found the end of the text");
	assert_refused("[", "t.json:1:2: expected a value");
	assert_refused("]", "t.json:1:1: expected a value");
	assert_refused("tru", "t.json:1:1: expected a value");
	assert_refused("True", "t.json:1:1: expected a value");
	assert_refused("'x'", "t.json:1:1: expected a value");
	assert_refused(
		"[\xc3\xa9]",
		"t.json:1:2: expected a value (object, array, string, number, true, false or null), found '\xc3\xa9'");
	assert_refused_n("[1,\0]", 5,
			 "t.json:1:4: expected a value (object, array, string, number, true, false or null), found the "
			 "control character 0x00");
}

/* Numbers that RFC 8259 does not allow are refused. */
static void test_bad_numbers(void **state)
{
	(void)state;
	assert_refused("01", "t.json:1:2: expected the end of the text");
	assert_refused("[01]", "t.json:1:3: expected ',' or ']'");
	assert_refused("-01", "t.json:1:3: expected the end of the text");
	assert_refused("-", "t.json:1:2: expected a digit");
	assert_refused("[-]", "t.json:1:3: expected a digit");
	assert_refused("1.", "t.json:1:3: expected a digit after the decimal point");
	assert_refused("1.e5", "t.json:1:3: expected a digit after the decimal point");
	assert_refused("1e", "t.json:1:3: expected a digit in the exponent");
	assert_refused("1e+", "t.json:1:4: expected a digit in the exponent");
	assert_refused(".5", "t.json:1:1: expected a value");
	assert_refused("+1", "t.json:1:1: expected a value");
	assert_refused("1e400", "t.json:1:1: expected a number within the range of a double");
	assert_refused("-1e400", "t.json:1:1: expected a number within the range of a double");
	assert_refused("0x10", "t.json:1:2: expected the end of the text");
	assert_refused("NaN", "t.json:1:1: expected a value");
	assert_refused("Infinity", "t.json:1:1: expected a value");
}

/* Build n nested arrays around inner ("" for empty arrays). */
static void nested_arrays(struct buf *b, int n, const char *inner)
{
	buf_reset(b);
	buf_addchars(b, '[', (size_t)n);
	buf_adds(b, inner);
	buf_addchars(b, ']', (size_t)n);
}

/* JSON_MAX_DEPTH levels of nesting are accepted, with or without a scalar
 * inside; one level more is refused. */
static void test_depth_limit(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	nested_arrays(&b, JSON_MAX_DEPTH, "1");
	parse_ok(b.data);
	nested_arrays(&b, JSON_MAX_DEPTH, "");
	parse_ok(b.data);
	nested_arrays(&b, JSON_MAX_DEPTH + 1, "1");
	assert_refused_n(b.data, b.len, "t.json:1:66: expected at most 64 levels of nesting");
	nested_arrays(&b, 1000, "");
	assert_refused_n(b.data, b.len, "t.json:1:");
	buf_reset(&b);
	for (int i = 0; i < JSON_MAX_DEPTH + 1; i++)
		buf_adds(&b, "{\"a\":");
	buf_adds(&b, "1");
	buf_addchars(&b, '}', JSON_MAX_DEPTH + 1);
	assert_refused_n(b.data, b.len, "t.json:1:");
	buf_free(&b);
}

/* Nesting of JSON_MAX_DEPTH + 1 containers is too deep whether or not the
 * innermost one is empty: the limit counts levels of nesting, so "[[]]"
 * nests as deep as "[[1]]". */
static void test_depth_limit_empty_innermost(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	nested_arrays(&b, JSON_MAX_DEPTH + 1, "");
	assert_refused_n(b.data, b.len, "t.json:1:");
	buf_free(&b);
}

/* A UTF-8 byte-order mark is skipped; columns start after it. */
static void test_bom(void **state)
{
	struct json_value *v;
	(void)state;
	v = parse_ok("\xef\xbb\xbf{\"a\": 1}");
	assert_int_equal(v->col, 1);
	assert_int_equal(v->members[0].col, 2);
	assert_int_equal(json_get(v, "a")->col, 7);
	assert_refused("\xef\xbb\xbf", "t.json: empty file");
}

/* Invalid UTF-8 anywhere is refused with its position and byte. */
static void test_invalid_utf8(void **state)
{
	(void)state;
	assert_refused("{\"a\": \"caf\xe9\"}", "t.json:1:11: expected UTF-8 text, found the byte 0xE9");
	assert_refused("[1,\n \xff]", "t.json:2:2: expected UTF-8 text, found the byte 0xFF");
	assert_refused("\"\xc0\xaf\"", "t.json:1:2: expected UTF-8 text, found the byte 0xC0");
	assert_refused("\"\xed\xa0\xbd\"", "t.json:1:2: expected UTF-8 text, found the byte 0xED");
}

/* Empty or white-space-only input is refused. */
static void test_empty_input(void **state)
{
	(void)state;
	assert_refused("", "t.json: empty file: expected a JSON value");
	assert_refused(" \n\t\r\n", "t.json: empty file: expected a JSON value");
}

/* Values and members on later lines know their line and column (in
 * characters). */
static void test_positions(void **state)
{
	static const char text[] = "{\n"
				   "  \"id\": \"x\",\n"
				   "  \"n\": [1,\n"
				   "        2],\n"
				   "\t\"\xc3\xa9\xc3\xa9\": \"\xc3\xbc\", \"k\": true\n"
				   "}";
	struct json_value *v, *n;
	(void)state;
	v = parse_ok(text);
	assert_int_equal(v->line, 1);
	assert_int_equal(v->col, 1);
	assert_int_equal(v->members[0].line, 2);
	assert_int_equal(v->members[0].col, 3);
	assert_int_equal(json_get(v, "id")->line, 2);
	assert_int_equal(json_get(v, "id")->col, 9);
	n = json_get(v, "n");
	assert_int_equal(n->line, 3);
	assert_int_equal(n->col, 8);
	assert_int_equal(n->items[0]->line, 3);
	assert_int_equal(n->items[0]->col, 9);
	assert_int_equal(n->items[1]->line, 4);
	assert_int_equal(n->items[1]->col, 9);
	/* line 5: a tab, then "éé": "ü", "k": true */
	assert_int_equal(v->members[2].line, 5);
	assert_int_equal(v->members[2].col, 2);
	assert_int_equal(json_get(v, "\xc3\xa9\xc3\xa9")->col, 8);
	assert_int_equal(v->members[3].col, 13);
	assert_int_equal(json_get(v, "k")->line, 5);
	assert_int_equal(json_get(v, "k")->col, 18);
	/* and errors on later lines */
	assert_refused("{\n  \"a\": 1,\n  \"b\": tru\n}", "t.json:3:8: expected a value");
	assert_refused("[\r\n1,\r\n\xc3\xa9\xc3\xa9 ]", "t.json:3:1: expected a value");
}

/* Strings up to JSON_MAX_STRING bytes are accepted, longer ones refused. */
static void test_string_limit(void **state)
{
	struct buf b = BUF_INIT;
	struct json_value *v;
	(void)state;
	buf_addch(&b, '"');
	buf_addchars(&b, 'x', JSON_MAX_STRING);
	buf_addch(&b, '"');
	v = parse_ok(b.data);
	assert_int_equal(v->len, JSON_MAX_STRING);
	buf_reset(&b);
	buf_adds(&b, "[\"");
	buf_addchars(&b, 'x', JSON_MAX_STRING + 1);
	buf_addch(&b, '"');
	buf_addch(&b, ']');
	assert_refused_n(b.data, b.len, "t.json:1:2: expected a string of at most 65536 bytes");
	buf_free(&b);
}

/* json_get finds members by exact name, and gives NULL otherwise. */
static void test_json_get(void **state)
{
	struct json_value *v;
	(void)state;
	v = parse_ok("{\"a\":1,\"B\":2,\"\":3}");
	assert_true(json_get(v, "a")->num == 1);
	assert_true(json_get(v, "B")->num == 2);
	assert_true(json_get(v, "")->num == 3);
	assert_null(json_get(v, "b"));
	assert_null(json_get(v, "A"));
	assert_null(json_get(v, "missing"));
	assert_null(json_get(NULL, "a"));
	assert_null(json_get(parse_ok("[1]"), "0"));
	assert_null(json_get(parse_ok("\"a\""), "a"));
}

/* json_type_name names each type (English messages here). */
static void test_type_names(void **state)
{
	(void)state;
	assert_string_equal(json_type_name(parse_ok("null")), "null");
	assert_string_equal(json_type_name(parse_ok("true")), "a boolean");
	assert_string_equal(json_type_name(parse_ok("false")), "a boolean");
	assert_string_equal(json_type_name(parse_ok("1")), "a number");
	assert_string_equal(json_type_name(parse_ok("\"s\"")), "a string");
	assert_string_equal(json_type_name(parse_ok("[]")), "an array");
	assert_string_equal(json_type_name(parse_ok("{}")), "an object");
}

/* json_add_string writes a quoted, escaped literal or null; what it writes
 * parses back to the same string. */
static void test_add_string(void **state)
{
	static const char *const texts[] = { "plain",        "q\"uote",
					     "back\\slash",  "nl\ncr\rtab\t",
					     "\x01\x1f\x7f", "caf\xc3\xa9 \xf0\x9f\x98\x80",
					     "</script>",    "" };
	struct buf b = BUF_INIT;
	(void)state;
	json_add_string(&b, "x\"y\n");
	assert_buf_equal(&b, "\"x\\\"y\\n\"");
	buf_reset(&b);
	json_add_string(&b, NULL);
	assert_buf_equal(&b, "null");
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
		struct json_value *v;
		buf_reset(&b);
		json_add_string(&b, texts[i]);
		v = parse_ok(b.data);
		assert_int_equal(v->type, JSON_STRING);
		assert_string_equal(v->str, texts[i]);
	}
	buf_free(&b);
}

/* The text json_add_number writes for d. */
static const char *number_text(struct buf *b, double d)
{
	buf_reset(b);
	json_add_number(b, d);
	return b->data;
}

/* json_add_number writes the shortest text that reads back as the same
 * double, as JavaScript's Number.prototype.toString does: fractions as
 * decimals, whole numbers below 1e21 as plain digits. */
static void test_add_number(void **state)
{
	struct buf b = BUF_INIT;
	const char *t;
	(void)state;
	assert_string_equal(number_text(&b, 0), "0");
	assert_string_equal(number_text(&b, 0.1), "0.1");
	assert_string_equal(number_text(&b, -2.5), "-2.5");
	assert_string_equal(number_text(&b, 1.0 / 3), "0.3333333333333333");
	assert_string_equal(number_text(&b, 0.30000000000000004), "0.30000000000000004");
	assert_string_equal(number_text(&b, 7), "7");
	assert_string_equal(number_text(&b, 1234.5), "1234.5");
	assert_string_equal(number_text(&b, 123456789), "123456789");
	assert_string_equal(number_text(&b, 5e-324), "5e-324");
	assert_string_equal(number_text(&b, NAN), "null");
	assert_string_equal(number_text(&b, INFINITY), "null");
	assert_string_equal(number_text(&b, -INFINITY), "null");
	t = number_text(&b, 1e21);
	assert_true(strcmp(t, "1e21") == 0 || strcmp(t, "1e+21") == 0);
	buf_free(&b);
}

/* Whole numbers such as budgets are written as plain digits: 1500000, not
 * 1.5e+06; 100, not 1e+02 (which is also longer). */
static void test_add_number_whole(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	assert_string_equal(number_text(&b, 10), "10");
	assert_string_equal(number_text(&b, 100), "100");
	assert_string_equal(number_text(&b, 1500000), "1500000");
	assert_string_equal(number_text(&b, -2000), "-2000");
	assert_string_equal(number_text(&b, 123456789012.0), "123456789012");
	assert_string_equal(number_text(&b, 1e15), "1000000000000000");
	buf_free(&b);
}

/* Every number json_add_number writes parses back to the same double. */
static void test_add_number_round_trip(void **state)
{
	static const double values[] = { 0.1,
					 0.2,
					 1e-7,
					 123.456,
					 -9.87654321e-200,
					 1.7976931348623157e308,
					 2.2250738585072014e-308,
					 4.9e-324,
					 1e21,
					 1e22,
					 9007199254740993.0,
					 1500000,
					 100,
					 0.5,
					 -0.0 };
	struct buf b = BUF_INIT;
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
		struct json_value *v = parse_ok(number_text(&b, values[i]));
		assert_int_equal(v->type, JSON_NUMBER);
		assert_true(v->num == values[i]);
	}
	buf_free(&b);
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_scalars, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lone_surrogates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_u0000, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_string_content, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_member, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trailing_garbage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_structure_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_depth_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_depth_limit_empty_innermost, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_positions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_string_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_type_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_string, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_number, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_number_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_number_round_trip, setup, teardown),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
