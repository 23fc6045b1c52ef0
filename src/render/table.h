/*
 * table.h - plain-text tables for the command line: columns aligned by the
 * display width of their UTF-8 text, numbers right-aligned.
 */
#ifndef STEIGER_TABLE_H
#define STEIGER_TABLE_H

#include "lib/buf.h"

/* A table being built. Cells are copied. */
struct table {
	size_t ncols;      /* number of columns */
	char **cells;      /* row-major, nrows * ncols */
	size_t nrows, cap; /* rows stored / allocated */
	unsigned right;    /* bit i set: column i is right-aligned */
};

/* Start a table with ncols columns (at most 32); bit i of right makes
 * column i right-aligned. */
void table_init(struct table *t, size_t ncols, unsigned right);

/* Add a row of ncols cells (NULL is an empty cell). */
void table_row(struct table *t, const char *const *cells);

/* Add a row given as ncols string arguments. */
void table_rowv(struct table *t, ...);

/* Append the table to out, each line indented by indent spaces, the first
 * row underlined when header is set. */
void table_render(const struct table *t, struct buf *out, int indent, int header);

/* Free the table. */
void table_free(struct table *t);

#endif
