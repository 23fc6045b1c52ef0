/*
 * csv.c - CSV reader and field writer; see csv.h.
 */
#include "steiger.h"

/* Column (in characters, 1-based) of byte offset off on the current line.
 * Counting goes on from the last column asked for on the same line, so a
 * long line costs linear time, not quadratic. */
static int column_of(struct csv_reader *r, size_t off)
{
	if (r->col_line_start != r->line_start || off < r->col_off) {
		r->col_line_start = r->line_start;
		r->col_off = r->line_start;
		r->col_chars = 0;
	}
	r->col_chars += utf8_count(r->data + r->col_off, off - r->col_off);
	r->col_off = off;
	return (int)r->col_chars + 1;
}

/* Find the delimiter: count ';' and ',' outside quotes in the first line. */
static char detect_delimiter(const char *s, size_t len)
{
	size_t semi = 0, comma = 0;
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ';')
			semi++;
		else if (!quoted && c == ',')
			comma++;
	}
	return comma > semi ? ',' : ';';
}

/* See csv.h. */
int csv_open(struct csv_reader *r, const char *name, const char *data, size_t len, struct diag *d)
{
	size_t bad;
	memset(r, 0, sizeof(*r));
	buf_init(&r->text);
	r->name = name;
	r->line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
		r->bom_cols = 1;
	}
	r->data = data;
	r->len = len;
	bad = utf8_invalid_at(data, len);
	if (bad < len) {
		int line, col;
		text_position(data, bad, &line, &col);
		return diag_add(d, name, line, col,
				_("expected UTF-8 text, found the byte 0x%02X (save the file as \"CSV UTF-8\")"),
				(unsigned)(unsigned char)data[bad]);
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		int line, col;
		text_position(data, (size_t)(nul - data), &line, &col);
		return diag_add(d, name, line, col, _("expected text, found a NUL byte"));
	}
	size_t i = 0;
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (i == len)
		return diag_add(d, name, 0, 0, _("empty file: expected a header line"));
	while (i > 0 && data[i - 1] != '\n' && data[i - 1] != '\r')
		i--; /* the start of the first line that is not blank */
	r->delim = detect_delimiter(data + i, len - i);
	return 0;
}

/* Begin a new field at byte offset start. */
static struct csv_field *new_field(struct csv_reader *r, size_t start)
{
	struct csv_field *f;
	ARRAY_GROW(r->fields, r->cap, r->nfields + 1);
	f = &r->fields[r->nfields++];
	f->off = r->text.len;
	f->len = 0;
	f->line = r->line;
	f->col = column_of(r, start);
	return f;
}

/* Move past a line break at pos (LF, CRLF or a lone CR). */
static void skip_newline(struct csv_reader *r)
{
	if (r->data[r->pos] == '\r')
		r->pos++;
	if (r->pos < r->len && r->data[r->pos] == '\n')
		r->pos++;
	r->line++;
	r->line_start = r->pos;
}

/* Read one row into r->fields. Returns 1, 0 at the end, or E_INPUT. */
static int read_row(struct csv_reader *r, struct diag *d)
{
	r->nfields = 0;
	buf_reset(&r->text);
	if (r->pos >= r->len)
		return 0;
	r->row_line = r->line;
	for (;;) {
		struct csv_field *f = new_field(r, r->pos);
		if (r->nfields > CSV_MAX_FIELDS)
			return diag_add(d, r->name, f->line, f->col,
					_("expected at most %d fields on a line, found more"), CSV_MAX_FIELDS);
		if (r->pos < r->len && r->data[r->pos] == '"') {
			int qline = r->line, qcol = f->col;
			r->pos++;
			for (;;) {
				if (r->pos >= r->len)
					return diag_add(d, r->name, qline, qcol,
							_("expected a closing quote for the field that starts here, "
							  "found the end of the file"));
				char c = r->data[r->pos];
				if (c == '"') {
					if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
						buf_addch(&r->text, '"');
						r->pos += 2;
						continue;
					}
					r->pos++;
					break;
				}
				if (c == '\n' || (c == '\r')) {
					if (c == '\r' && r->pos + 1 < r->len && r->data[r->pos + 1] == '\n') {
						buf_addch(&r->text, '\r');
						r->pos++;
					}
					buf_addch(&r->text, r->data[r->pos]);
					r->pos++;
					r->line++;
					r->line_start = r->pos;
					continue;
				}
				buf_addch(&r->text, c);
				r->pos++;
			}
			if (r->pos < r->len && r->data[r->pos] != r->delim && r->data[r->pos] != '\n' &&
			    r->data[r->pos] != '\r') {
				/* Tolerate spaces after the closing quote. */
				while (r->pos < r->len && (r->data[r->pos] == ' ' || r->data[r->pos] == '\t'))
					r->pos++;
				if (r->pos < r->len && r->data[r->pos] != r->delim && r->data[r->pos] != '\n' &&
				    r->data[r->pos] != '\r')
					return diag_add(d, r->name, r->line, column_of(r, r->pos),
							_("expected '%c' or the end of the line after a closing quote, "
							  "found '%.*s'"),
							r->delim, (int)utf8_char_len(r->data + r->pos, r->len - r->pos),
							r->data + r->pos);
			}
		} else {
			while (r->pos < r->len) {
				char c = r->data[r->pos];
				if (c == r->delim || c == '\n' || c == '\r')
					break;
				buf_addch(&r->text, c);
				r->pos++;
			}
		}
		f = &r->fields[r->nfields - 1];
		f->len = r->text.len - f->off;
		if (f->len > CSV_MAX_FIELD)
			return diag_add(d, r->name, f->line, f->col,
					_("expected a field of at most %d bytes, found %zu bytes"), CSV_MAX_FIELD,
					f->len);
		buf_addch(&r->text, '\0');
		if (r->pos >= r->len)
			return 1;
		if (r->data[r->pos] == r->delim) {
			r->pos++;
			continue;
		}
		skip_newline(r);
		return 1;
	}
}

/* See csv.h. */
int csv_next(struct csv_reader *r, struct diag *d)
{
	for (;;) {
		int rc = read_row(r, d);
		if (rc <= 0)
			return rc;
		for (size_t i = 0; i < r->nfields; i++) {
			const char *t = csv_text(r, i);
			while (*t == ' ' || *t == '\t')
				t++;
			if (*t)
				return 1;
		}
		/* all fields empty: skip the row */
	}
}

/* See csv.h. */
const char *csv_text(const struct csv_reader *r, size_t i)
{
	return r->text.data + r->fields[i].off;
}

/* See csv.h. */
void csv_close(struct csv_reader *r)
{
	buf_free(&r->text);
	free(r->fields);
	r->fields = NULL;
	r->nfields = r->cap = 0;
}

/* See csv.h. */
void csv_add_field(struct buf *b, const char *s, char delim)
{
	size_t n = strlen(s);
	int quote = n && (s[0] == ' ' || s[n - 1] == ' ');
	for (size_t i = 0; i < n && !quote; i++)
		if (s[i] == delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			quote = 1;
	if (!quote) {
		buf_add(b, s, n);
		return;
	}
	buf_addch(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addch(b, '"');
		buf_addch(b, s[i]);
	}
	buf_addch(b, '"');
}
