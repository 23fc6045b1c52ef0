/*
 * test_csv.c - unit tests of the CSV reader and field writer
 * (src/lib/csv.h).
 *
 * Covers csv_open/csv_next/csv_text/csv_close on: a byte-order mark, the
 * choice between ';' and ',' (counted outside quotes in the first line),
 * quoted fields with "" and with the delimiter and line breaks inside (and
 * the line numbers of the fields after them), CRLF and lone CR line ends,
 * blank and all-empty rows (skipped), a missing final newline, and the
 * errors with their positions: empty and white-space-only files, invalid
 * UTF-8 (line:col and the byte), a NUL byte, an unterminated quote (at the
 * opening quote), text after a closing quote, a field longer than
 * CSV_MAX_FIELD and a row of more than CSV_MAX_FIELDS fields. Columns are
 * counted in characters, not bytes. csv_add_field is tested on its own and
 * in a round trip through the reader with both delimiters. One test
 * compares read times: a wide row must not take time that grows with the
 * square of its length.
 */
#include "unit.h"

/* Read all rows of text into out, one line per row, fields separated by
 * '|' and each written as TEXT@LINE:COL. Returns what the last csv_open or
 * csv_next returned (0 at a clean end, E_INPUT on an error); messages go to
 * d (initialised by the caller). *delim receives the detected delimiter
 * when not NULL. */
static int read_rows(const char *text, size_t len, struct buf *out, struct diag *d, char *delim)
{
	struct csv_reader r;
	int rc = csv_open(&r, "f.csv", text, len, d);
	if (rc == 0) {
		if (delim)
			*delim = r.delim;
		while ((rc = csv_next(&r, d)) > 0) {
			for (size_t i = 0; i < r.nfields; i++) {
				if (i)
					buf_addch(out, '|');
				buf_printf(out, "%s@%d:%d", csv_text(&r, i), r.fields[i].line, r.fields[i].col);
			}
			buf_addch(out, '\n');
		}
	}
	csv_close(&r);
	return rc;
}

/* Check that the C string text reads without error as expected (in the
 * format of read_rows); on a mismatch fail at the caller's file:line. */
static void check_rows(const char *file, int line, const char *text, const char *expected)
{
	struct buf rows = BUF_INIT;
	struct diag d;
	int rc;
	diag_init(&d, 10);
	rc = read_rows(text, strlen(text), &rows, &d, NULL);
	if (rc != 0 || d.count != 0)
		fail_at(file, line, "unexpected error %d: %s\n", rc, d.text.data);
	if (strcmp(rows.data, expected) != 0)
		fail_at(file, line, "read:\n%s\nexpected:\n%s\n", rows.data, expected);
	buf_free(&rows);
	diag_free(&d);
}

/* assert_rows(text, expected): text reads as expected. */
#define assert_rows(text, expected) check_rows(__FILE__, __LINE__, (text), (expected))

/* Check that the bytes text[0..len) fail to read with E_INPUT and a first
 * message that starts with prefix (e.g. "f.csv:2:3: expected"), one per
 * line and valid UTF-8; on a mismatch fail at the caller's file:line. */
static void check_error(const char *file, int line, const char *text, size_t len, const char *prefix)
{
	struct buf rows = BUF_INIT;
	struct diag d;
	int rc;
	diag_init(&d, 10);
	rc = read_rows(text, len, &rows, &d, NULL);
	if (rc != E_INPUT || d.count < 1)
		fail_at(file, line, "expected an error starting \"%s\", got %d with rows:\n%s\n", prefix, rc,
			rows.data);
	if (strncmp(d.text.data, prefix, strlen(prefix)) != 0)
		fail_at(file, line, "message \"%s\" does not start with \"%s\"\n", d.text.data, prefix);
	if (d.text.data[d.text.len - 1] != '\n')
		fail_at(file, line, "message \"%s\" does not end with a newline\n", d.text.data);
	if (utf8_invalid_at(d.text.data, d.text.len) != d.text.len)
		fail_at(file, line, "message \"%s\" is not valid UTF-8\n", d.text.data);
	buf_free(&rows);
	diag_free(&d);
}

/* assert_csv_error(text, prefix) for a C string; assert_csv_error_n for
 * bytes with a length (NUL bytes inside). */
#define assert_csv_error(text, prefix) check_error(__FILE__, __LINE__, (text), strlen(text), (prefix))
#define assert_csv_error_n(text, len, prefix) check_error(__FILE__, __LINE__, (text), (len), (prefix))

/* The delimiter csv_open picks for text. */
static char delimiter_of(const char *text)
{
	struct buf rows = BUF_INIT;
	struct diag d;
	char delim = 0;
	diag_init(&d, 10);
	assert_int_equal(read_rows(text, strlen(text), &rows, &d, &delim), 0);
	buf_free(&rows);
	diag_free(&d);
	return delim;
}

/* A simple ;-separated file: fields, positions and row lines. */
static void test_simple_semicolon(void **state)
{
	(void)state;
	assert_rows("id;title\nx;Hello world\n", "id@1:1|title@1:4\nx@2:1|Hello world@2:3\n");
	assert_rows("a;;c\n", "a@1:1|@1:3|c@1:4\n");
	assert_rows("a;b;\n", "a@1:1|b@1:3|@1:5\n");
}

/* The delimiter is the one of ';' and ',' that occurs most often outside
 * quotes in the first line; a tie or neither gives ';'. */
static void test_delimiter_detection(void **state)
{
	(void)state;
	assert_int_equal(delimiter_of("a,b\n1,2\n"), ',');
	assert_int_equal(delimiter_of("a;b\n1;2\n"), ';');
	assert_int_equal(delimiter_of("a;b;c,d\n"), ';');
	assert_int_equal(delimiter_of("a,b,c;d\n"), ',');
	assert_int_equal(delimiter_of("a;b,c\n"), ';');
	assert_int_equal(delimiter_of("single\n"), ';');
	/* commas inside quotes do not count */
	assert_int_equal(delimiter_of("\"x,y,z\";b\n"), ';');
	/* only the first line counts */
	assert_int_equal(delimiter_of("a;b\n1,2,3,4,5\n"), ';');
	assert_rows("a,b\n1,2\n", "a@1:1|b@1:3\n1@2:1|2@2:3\n");
	assert_rows("a;b;c,d\n", "a@1:1|b@1:3|c,d@1:5\n");
}

/* A UTF-8 byte-order mark is skipped and not counted as a column. */
static void test_bom(void **state)
{
	(void)state;
	assert_rows("\xef\xbb\xbfid;naam\n1;\xc3\xa9\xc3\xa9n\n", "id@1:1|naam@1:4\n1@2:1|\xc3\xa9\xc3\xa9n@2:3\n");
	assert_int_equal(delimiter_of("\xef\xbb\xbf"
				      "a,b\n"),
			 ',');
}

/* Quoted fields: "" is a quote, the delimiter is text, quotes are removed. */
static void test_quoted_fields(void **state)
{
	(void)state;
	assert_rows("\"say \"\"hi\"\"\";x\n", "say \"hi\"@1:1|x@1:14\n");
	assert_rows("\"a;b\";c\n", "a;b@1:1|c@1:7\n");
	assert_rows("a;\"b\"\n", "a@1:1|b@1:3\n");
	assert_rows("\"\";x\n", "@1:1|x@1:4\n");
	assert_rows("\"\"\"\"\n", "\"@1:1\n");
	assert_rows("\"a\"", "a@1:1\n");
	/* spaces after a closing quote are tolerated */
	assert_rows("\"x\"  ;y\n", "x@1:1|y@1:7\n");
	assert_rows("a,\"1,5\",c\n", "a@1:1|1,5@1:3|c@1:9\n");
}

/* Line breaks inside quotes belong to the field; the line numbers and
 * columns of the following fields and rows account for them. */
static void test_newlines_in_quotes(void **state)
{
	(void)state;
	assert_rows("id;text\n1;\"line1\nline2\nline3\";after\n2;x\n",
		    "id@1:1|text@1:4\n1@2:1|line1\nline2\nline3@2:3|after@4:8\n2@5:1|x@5:3\n");
}

/* row_line is where a row starts, also after multi-line fields. */
static void test_row_line(void **state)
{
	static const char text[] = "h1;h2\n\"a\nb\";c\n\nd;e\n";
	struct csv_reader r;
	struct diag d;
	int lines[3], n = 0;
	(void)state;
	diag_init(&d, 10);
	assert_int_equal(csv_open(&r, "f.csv", text, strlen(text), &d), 0);
	while (csv_next(&r, &d) > 0 && n < 3)
		lines[n++] = r.row_line;
	assert_int_equal(n, 3);
	assert_int_equal(lines[0], 1);
	assert_int_equal(lines[1], 2);
	assert_int_equal(lines[2], 5);
	assert_int_equal(r.fields[1].len, 1);
	assert_string_equal(csv_text(&r, 1), "e");
	csv_close(&r);
	diag_free(&d);
}

/* CRLF line ends; a CRLF inside quotes stays in the field. */
static void test_crlf(void **state)
{
	(void)state;
	assert_rows("a;b\r\nc;d\r\n", "a@1:1|b@1:3\nc@2:1|d@2:3\n");
	assert_rows("a;b\r\nc;d", "a@1:1|b@1:3\nc@2:1|d@2:3\n");
	assert_rows("\"x\r\ny\";z\r\nq\r\n", "x\r\ny@1:1|z@2:4\nq@3:1\n");
}

/* A lone CR (old Mac line ends) ends a line too. */
static void test_lone_cr(void **state)
{
	(void)state;
	assert_rows("a;b\rc;d\r", "a@1:1|b@1:3\nc@2:1|d@2:3\n");
	assert_rows("a;b\r\rc;d", "a@1:1|b@1:3\nc@3:1|d@3:3\n");
}

/* Blank rows and rows whose fields are all empty or white space are
 * skipped; the line numbers of later rows stay right. */
static void test_empty_rows_skipped(void **state)
{
	(void)state;
	assert_rows("a;b\n\n\nc;d\n", "a@1:1|b@1:3\nc@4:1|d@4:3\n");
	assert_rows("a;b\n;;;\n ; \t\nc;d\n;;\n\n", "a@1:1|b@1:3\nc@4:1|d@4:3\n");
	assert_rows("a;b\n\"\";\"\"\nc;d\n", "a@1:1|b@1:3\nc@3:1|d@3:3\n");
	assert_rows("\n\na;b\n", "a@3:1|b@3:3\n");
	/* a row with one non-empty field is kept */
	assert_rows("a;b\n;x\n", "a@1:1|b@1:3\n@2:1|x@2:2\n");
}

/* With or without a final newline the rows are the same, and the reader
 * keeps returning 0 at the end. */
static void test_trailing_newline(void **state)
{
	static const char *const texts[] = { "a;b\nc;d", "a;b\nc;d\n", "a;b\nc;d\n\n", "a;b\r\nc;d\r\n" };
	(void)state;
	for (size_t k = 0; k < ARRAY_SIZE(texts); k++) {
		struct csv_reader r;
		struct diag d;
		int rows = 0;
		diag_init(&d, 10);
		assert_int_equal(csv_open(&r, "f.csv", texts[k], strlen(texts[k]), &d), 0);
		while (csv_next(&r, &d) > 0)
			rows++;
		assert_int_equal(rows, 2);
		assert_int_equal(csv_next(&r, &d), 0);
		assert_int_equal(csv_next(&r, &d), 0);
		assert_int_equal(d.count, 0);
		csv_close(&r);
		diag_free(&d);
	}
}

/* An empty file, one with only a BOM and one with only white space are
 * refused. */
static void test_empty_file(void **state)
{
	(void)state;
	assert_csv_error("", "f.csv: empty file");
	assert_csv_error("\xef\xbb\xbf", "f.csv: empty file");
	assert_csv_error("  \n\t\r\n  ", "f.csv: empty file");
}

/* Invalid UTF-8 is refused with the line, the column (in characters) and
 * the byte. */
static void test_invalid_utf8(void **state)
{
	(void)state;
	assert_csv_error("id;naam\nx;caf\xe9\n", "f.csv:2:6: expected UTF-8 text, found the byte 0xE9");
	assert_csv_error("\xc3\xa9;\xff\n", "f.csv:1:3: expected UTF-8 text, found the byte 0xFF");
	assert_csv_error("\xef\xbb\xbf"
			 "a;\xc0\xaf",
			 "f.csv:1:3: expected UTF-8 text, found the byte 0xC0");
	assert_csv_error("a;b\r\nc;\xed\xa0\x80\r\n", "f.csv:2:3: expected UTF-8 text, found the byte 0xED");
	/* a truncated sequence at the very end */
	assert_csv_error("a;\xe2\x82", "f.csv:1:3: expected UTF-8 text, found the byte 0xE2");
}

/* The reader takes a lone CR as a line end (test_lone_cr), so the position
 * of a bad byte must count such lines too: files with CR line ends come from
 * old Mac Excel, which also writes Mac Roman rather than UTF-8. */
static void test_invalid_utf8_position_cr_lines(void **state)
{
	(void)state;
	assert_csv_error("a;b\rc;\xff\r", "f.csv:2:3: expected UTF-8 text, found the byte 0xFF");
}

/* A NUL byte is refused with its position. */
static void test_nul_byte(void **state)
{
	static const char text[] = "a;b\nc\0d\n";
	(void)state;
	assert_csv_error_n(text, sizeof(text) - 1, "f.csv:2:2: expected text, found a NUL byte");
}

/* An unterminated quote is reported where the field starts. */
static void test_unterminated_quote(void **state)
{
	(void)state;
	assert_csv_error("a;b\nc;\"never closed\nmore\n", "f.csv:2:3: expected a closing quote");
	assert_csv_error("\"", "f.csv:1:1: expected a closing quote");
	assert_csv_error("\xc3\xa9;\"x", "f.csv:1:3: expected a closing quote");
}

/* Text after a closing quote is an error at that text. */
static void test_text_after_quote(void **state)
{
	(void)state;
	assert_csv_error("a;b\n\"x\"y;z\n",
			 "f.csv:2:4: expected ';' or the end of the line after a closing quote, found 'y'");
	assert_csv_error("a,b\n\"x\" y,z\n",
			 "f.csv:2:5: expected ',' or the end of the line after a closing quote, found 'y'");
	/* after a multi-line field the position is on the field's last line */
	assert_csv_error("a;b\n\"x\ny\"z;w\n", "f.csv:3:3: expected ';'");
}

/* When the text after a closing quote is a non-ASCII character, the
 * message must show the whole character, not its first byte: messages are
 * UTF-8 text shown in HTML pages and JSON responses. */
static void test_text_after_quote_utf8_message(void **state)
{
	static const char text[] = "a;b\n\"x\"\xc3\xa9;c\n";
	struct buf rows = BUF_INIT;
	struct diag d;
	(void)state;
	diag_init(&d, 10);
	assert_int_equal(read_rows(text, strlen(text), &rows, &d, NULL), E_INPUT);
	assert_contains(d.text.data, "f.csv:2:4:");
	if (utf8_invalid_at(d.text.data, d.text.len) != d.text.len)
		fail_at(__FILE__, __LINE__, "message is not valid UTF-8 (a character cut after its first byte): %s",
			d.text.data);
	assert_contains(d.text.data, "'\xc3\xa9'");
	buf_free(&rows);
	diag_free(&d);
}

/* A field of exactly CSV_MAX_FIELD bytes is fine; one byte more is an
 * error at the field's start, quoted or not. */
static void test_field_length_limit(void **state)
{
	struct buf text = BUF_INIT, rows = BUF_INIT;
	struct diag d;
	(void)state;
	buf_adds(&text, "h;i\nx;");
	buf_addchars(&text, 'a', CSV_MAX_FIELD);
	buf_addch(&text, '\n');
	diag_init(&d, 10);
	assert_int_equal(read_rows(text.data, text.len, &rows, &d, NULL), 0);
	diag_free(&d);

	buf_reset(&text);
	buf_adds(&text, "h;i\nx;");
	buf_addchars(&text, 'a', CSV_MAX_FIELD + 1);
	buf_addch(&text, '\n');
	assert_csv_error_n(text.data, text.len,
			   "f.csv:2:3: expected a field of at most 65536 bytes, found 65537 bytes");

	buf_reset(&text);
	buf_adds(&text, "h;i\nx;\"");
	buf_addchars(&text, 'a', CSV_MAX_FIELD + 10);
	buf_adds(&text, "\"\n");
	assert_csv_error_n(text.data, text.len, "f.csv:2:3: expected a field of at most 65536 bytes");
	buf_free(&text);
	buf_free(&rows);
}

/* A row of CSV_MAX_FIELDS fields is fine; one more is an error at the
 * first field too many. */
static void test_field_count_limit(void **state)
{
	struct buf text = BUF_INIT;
	struct csv_reader r;
	struct diag d;
	char expect[128];
	(void)state;
	for (int i = 0; i < CSV_MAX_FIELDS; i++)
		buf_adds(&text, i ? ";x" : "x");
	buf_addch(&text, '\n');
	diag_init(&d, 10);
	assert_int_equal(csv_open(&r, "f.csv", text.data, text.len, &d), 0);
	assert_int_equal(csv_next(&r, &d), 1);
	assert_int_equal(r.nfields, CSV_MAX_FIELDS);
	assert_int_equal(r.fields[CSV_MAX_FIELDS - 1].col, 2 * CSV_MAX_FIELDS - 1);
	csv_close(&r);
	diag_free(&d);

	buf_reset(&text);
	for (int i = 0; i <= CSV_MAX_FIELDS; i++)
		buf_adds(&text, i ? ";x" : "x");
	snprintf(expect, sizeof(expect), "f.csv:1:%d: expected at most %d fields", 2 * CSV_MAX_FIELDS + 1,
		 CSV_MAX_FIELDS);
	assert_csv_error_n(text.data, text.len, expect);
	buf_free(&text);
}

/* Columns count characters, not bytes. */
static void test_columns_in_characters(void **state)
{
	(void)state;
	assert_rows("\xc3\xa9;b\n", "\xc3\xa9@1:1|b@1:3\n");
	assert_rows("\xe6\x97\xa5\xe6\x9c\xac;x\n", "\xe6\x97\xa5\xe6\x9c\xac@1:1|x@1:4\n");
	assert_rows("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac;x\n", "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac@1:1|x@1:5\n");
	assert_rows("\xf0\x9f\x98\x80;\xf0\x9f\x98\x80;z\n", "\xf0\x9f\x98\x80@1:1|\xf0\x9f\x98\x80@1:3|z@1:5\n");
	assert_rows("a;b\n\"\xc3\xa9\n\xc3\xa9\xc3\xa9\";c\n", "a@1:1|b@1:3\n\xc3\xa9\n\xc3\xa9\xc3\xa9@2:1|c@3:5\n");
}

/* csv_add_field quotes exactly when needed. */
static void test_add_field(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
#define CHECK_FIELD(in, delim, out)               \
	do {                                      \
		buf_reset(&b);                    \
		csv_add_field(&b, (in), (delim)); \
		assert_buf_equal(&b, (out));      \
	} while (0)
	CHECK_FIELD("plain", ';', "plain");
	CHECK_FIELD("", ';', "");
	CHECK_FIELD("a;b", ';', "\"a;b\"");
	CHECK_FIELD("a,b", ';', "a,b");
	CHECK_FIELD("a,b", ',', "\"a,b\"");
	CHECK_FIELD("a;b", ',', "a;b");
	CHECK_FIELD("say \"hi\"", ';', "\"say \"\"hi\"\"\"");
	CHECK_FIELD("two\nlines", ';', "\"two\nlines\"");
	CHECK_FIELD("cr\rhere", ';', "\"cr\rhere\"");
	CHECK_FIELD(" lead", ';', "\" lead\"");
	CHECK_FIELD("trail ", ';', "\"trail \"");
	CHECK_FIELD("in side", ';', "in side");
	CHECK_FIELD("caf\xc3\xa9", ';', "caf\xc3\xa9");
#undef CHECK_FIELD
	buf_free(&b);
}

/* Values written with csv_add_field read back unchanged, with either
 * delimiter. */
static void test_round_trip(void **state)
{
	static const char *const values[] = {
		"plain",
		"with;semi",
		"with,comma",
		"quote\"inside",
		"\"starts",
		"ends\"",
		"multi\nline",
		"crlf\r\nline",
		" lead",
		"trail ",
		"\xc3\xa9 \xc3\xbc \xe2\x82\xac",
		"",
		"  ",
		"a\"\"b",
		"|pipe|",
		"tab\tin",
	};
	static const char delims[] = { ';', ',' };
	(void)state;
	for (size_t k = 0; k < ARRAY_SIZE(delims); k++) {
		struct buf text = BUF_INIT;
		struct csv_reader r;
		struct diag d;
		char delim = delims[k];
		for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
			if (i)
				buf_addch(&text, delim);
			buf_printf(&text, "h%zu", i);
		}
		buf_adds(&text, "\r\n");
		for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
			if (i)
				buf_addch(&text, delim);
			csv_add_field(&text, values[i], delim);
		}
		buf_adds(&text, "\r\n");
		diag_init(&d, 10);
		assert_int_equal(csv_open(&r, "f.csv", text.data, text.len, &d), 0);
		assert_int_equal(r.delim, delim);
		assert_int_equal(csv_next(&r, &d), 1);
		assert_int_equal(r.nfields, ARRAY_SIZE(values));
		assert_int_equal(csv_next(&r, &d), 1);
		assert_int_equal(r.nfields, ARRAY_SIZE(values));
		for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
			assert_string_equal(csv_text(&r, i), values[i]);
			assert_int_equal(r.fields[i].len, strlen(values[i]));
		}
		assert_int_equal(csv_next(&r, &d), 0);
		assert_int_equal(d.count, 0);
		csv_close(&r);
		diag_free(&d);
		buf_free(&text);
	}
}

/* csv_close may be called after a failed csv_open, and twice. */
static void test_close_after_error(void **state)
{
	struct csv_reader r;
	struct diag d;
	(void)state;
	diag_init(&d, 10);
	assert_int_equal(csv_open(&r, "f.csv", "", 0, &d), E_INPUT);
	csv_close(&r);
	csv_close(&r);
	diag_free(&d);
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
/* The delimiter comes from the first line that is not blank: a ','-file
 * that starts with an empty line is still a ','-file. */
static void test_delimiter_after_blank_line(void **state)
{
	static const char text[] = "\n\nid,title\nx,\"a;b\"\n";
	struct buf rows = BUF_INIT;
	struct diag d;
	char delim = 0;
	(void)state;
	diag_init(&d, 5);
	assert_int_equal(read_rows(text, strlen(text), &rows, &d, &delim), 0);
	assert_int_equal(delim, ',');
	assert_contains(rows.data, "a;b");
	buf_free(&rows);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delimiter_after_blank_line),
		cmocka_unit_test(test_simple_semicolon),
		cmocka_unit_test(test_delimiter_detection),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_quoted_fields),
		cmocka_unit_test(test_newlines_in_quotes),
		cmocka_unit_test(test_row_line),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_lone_cr),
		cmocka_unit_test(test_empty_rows_skipped),
		cmocka_unit_test(test_trailing_newline),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_invalid_utf8_position_cr_lines),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_text_after_quote),
		cmocka_unit_test(test_text_after_quote_utf8_message),
		cmocka_unit_test(test_field_length_limit),
		cmocka_unit_test(test_field_count_limit),
		cmocka_unit_test(test_columns_in_characters),
		cmocka_unit_test(test_add_field),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_close_after_error),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
