/*
 * csv.h - a reader for CSV as spreadsheets write it (RFC 4180 and Excel).
 *
 * UTF-8 with or without a byte-order mark; `;` or `,` as the delimiter (the
 * one that occurs most often outside quotes in the first line); fields
 * optionally quoted with `"`, a quote inside written twice, line breaks
 * inside quoted fields; LF or CRLF line ends. Rows whose fields are all
 * empty (as Excel writes below a table) are skipped. Every field knows the
 * line and column (in characters) where it starts, for error messages.
 *
 * Bounds: a field at most CSV_MAX_FIELD bytes, a row at most CSV_MAX_FIELDS
 * fields. The whole text must be valid UTF-8 without NUL bytes.
 */
#ifndef STEIGER_CSV_H
#define STEIGER_CSV_H

#include <stddef.h>
#include "buf.h"
#include "err.h"

#define CSV_MAX_FIELD (64 * 1024)
#define CSV_MAX_FIELDS 1000

/* Where one field of the current row is. */
struct csv_field {
	size_t off; /* offset of its NUL-terminated text in the row buffer */
	size_t len; /* its length in bytes */
	int line;   /* line where it starts (1-based) */
	int col;    /* column where it starts, in characters (1-based) */
};

struct csv_reader {
	const char *name;         /* file name used in messages */
	const char *data;         /* the text, after any byte-order mark */
	size_t len;               /* bytes in data */
	size_t pos;               /* offset of the next unread byte */
	int line;                 /* line of pos */
	size_t line_start;        /* offset where that line starts */
	int bom_cols;             /* 1 when a BOM preceded line 1 (not counted) */
	char delim;               /* ';' or ',' */
	struct buf text;          /* texts of the current row's fields */
	struct csv_field *fields; /* the current row's fields */
	size_t nfields;           /* how many */
	size_t cap;               /* allocated entries of fields */
	int row_line;             /* line where the current row starts */
	size_t col_line_start;    /* column_of(): the line it counted on, */
	size_t col_off;           /* the offset it counted to, */
	size_t col_chars;         /* and the characters up to there */
};

/* Start reading data[0..len) named name. Checks the encoding and finds the
 * delimiter. Returns 0, or E_INPUT with a located message added to d (an
 * empty file, invalid UTF-8, a NUL byte). r must be closed with csv_close()
 * either way. */
int csv_open(struct csv_reader *r, const char *name, const char *data, size_t len, struct diag *d);

/* Read the next row. Returns 1 when a row was read, 0 at the end, E_INPUT
 * with a located message in d for malformed text (an unterminated quote,
 * text after a closing quote, an over-long field, too many fields). */
int csv_next(struct csv_reader *r, struct diag *d);

/* The NUL-terminated text of field i of the current row. */
const char *csv_text(const struct csv_reader *r, size_t i);

/* Free what the reader allocated. */
void csv_close(struct csv_reader *r);

/* Append s to b as one CSV field: quoted when it holds delim, a quote, a
 * line break or leading/trailing spaces. */
void csv_add_field(struct buf *b, const char *s, char delim);

#endif
