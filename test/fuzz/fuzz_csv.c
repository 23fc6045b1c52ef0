/*
 * fuzz_csv.c - libFuzzer target for the CSV readers.
 *
 * The input bytes are one CSV file. They go through the whole import
 * reader of the items register (batch_add_csv: encoding, delimiter, header
 * mapping, yearly columns, field_sources, lists, every field type of
 * items) and through a plain csv_open/csv_next loop that checks the
 * reader's invariants on every row (field lengths, valid text, rows and
 * columns that only move forward, no all-empty rows, messages that are
 * valid UTF-8). The data is passed with its length and
 * without a terminating NUL, as read_file would not guarantee one for a
 * slice, so any read past the end shows up under AddressSanitizer.
 *
 *   clang -fsanitize=fuzzer,address,undefined -Isrc -Ibuild \
 *     test/fuzz/fuzz_csv.c build/libsteiger.a -lsqlite3 -lxlsxwriter -lm
 *
 * test/fuzz/replay.c runs the saved corpus (test/fuzz/corpus/csv) through
 * the same function in `make test`.
 */
#include "steiger.h"
#include "core/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read text[0..len) with the plain reader and abort when an invariant of
 * csv.h does not hold. */
static void check_reader(const char *text, size_t len)
{
	struct csv_reader r;
	struct diag d;
	int rc, prev_line = 0;
	diag_init(&d, 10);
	if (csv_open(&r, "fuzz.csv", text, len, &d) == 0) {
		if (r.delim != ';' && r.delim != ',')
			abort();
		while ((rc = csv_next(&r, &d)) > 0) {
			int nonblank = 0;
			if (r.nfields == 0 || r.nfields > CSV_MAX_FIELDS)
				abort();
			if (r.row_line <= prev_line)
				abort(); /* rows move forward */
			prev_line = r.row_line;
			for (size_t i = 0; i < r.nfields; i++) {
				const char *t = csv_text(&r, i);
				const struct csv_field *f = &r.fields[i];
				/* no NUL inside a field: its length is its strlen */
				if (strlen(t) != f->len || f->len > CSV_MAX_FIELD)
					abort();
				if (f->line < r.row_line || f->col < 1)
					abort();
				/* fields on one line have increasing columns */
				if (i && f->line == r.fields[i - 1].line && f->col <= r.fields[i - 1].col)
					abort();
				if (i && f->line < r.fields[i - 1].line)
					abort();
				if (utf8_invalid_at(t, f->len) != f->len)
					abort(); /* fields of valid text are valid text */
				for (const char *p = t; *p; p++)
					if (*p != ' ' && *p != '\t')
						nonblank = 1;
			}
			if (!nonblank)
				abort(); /* all-empty rows are skipped */
		}
		if (rc < 0 && d.count == 0)
			abort(); /* an error always comes with a message */
	} else if (d.count == 0) {
		abort();
	}
	/* messages are lines of valid UTF-8 text */
	if (utf8_invalid_at(d.text.data, d.text.len) != d.text.len)
		abort();
	csv_close(&r);
	diag_free(&d);
}

/* See the header comment. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct diag d;
	struct batch b;
	int rc;

	i18n_set(LANG_EN);
	diag_init(&d, 50);
	batch_init(&b, &d, "fuzz");
	rc = batch_add_csv(&b, "fuzz.csv", text, size, reg_get(REG_ITEMS), NULL);
	if ((rc < 0) != (d.count > 0))
		abort(); /* failure if and only if there are messages */
	if (d.text.len && d.text.data[d.text.len - 1] != '\n')
		abort();
	if (utf8_invalid_at(d.text.data, d.text.len) != d.text.len)
		abort(); /* messages are valid UTF-8 text */
	for (size_t i = 0; i < b.n; i++)
		if (b.recs[i]->reg != reg_get(REG_ITEMS) || b.recs[i]->line < 1)
			abort();
	batch_free(&b);
	diag_free(&d);

	check_reader(text, size);
	return 0;
}
