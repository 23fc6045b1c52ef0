/*
 * table.c - plain-text tables; see table.h.
 */
#include "steiger.h"
#include "render/table.h"

/* See table.h. */
void table_init(struct table *t, size_t ncols, unsigned right)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->right = right;
}

/* See table.h. */
void table_row(struct table *t, const char *const *cells)
{
	ARRAY_GROW(t->cells, t->cap, (t->nrows + 1) * t->ncols);
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = xstrdup(cells[i] ? cells[i] : "");
	t->nrows++;
}

/* See table.h. */
void table_rowv(struct table *t, ...)
{
	const char *cells[32];
	va_list ap;
	va_start(ap, t);
	for (size_t i = 0; i < t->ncols && i < ARRAY_SIZE(cells); i++)
		cells[i] = va_arg(ap, const char *);
	va_end(ap);
	table_row(t, cells);
}

/* Display width of s: its number of code points (no wide characters in
 * the texts steiger prints). */
static size_t width(const char *s)
{
	return utf8_count(s, strlen(s));
}

/* See table.h. */
void table_render(const struct table *t, struct buf *out, int indent, int header)
{
	size_t w[32] = { 0 };
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols && c < ARRAY_SIZE(w); c++) {
			size_t n = width(t->cells[r * t->ncols + c]);
			if (n > w[c])
				w[c] = n;
		}
	for (size_t r = 0; r < t->nrows; r++) {
		size_t line_start = out->len;
		buf_addchars(out, ' ', (size_t)indent);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t pad = w[c] - width(s);
			if (c)
				buf_adds(out, "  ");
			if (t->right & (1u << c))
				buf_addchars(out, ' ', pad);
			buf_adds(out, s);
			if (!(t->right & (1u << c)) && c + 1 < t->ncols)
				buf_addchars(out, ' ', pad);
		}
		while (out->len > line_start && out->data[out->len - 1] == ' ')
			buf_truncate(out, out->len - 1);
		buf_addch(out, '\n');
		if (header && r == 0) {
			size_t total = 0;
			for (size_t c = 0; c < t->ncols; c++)
				total += w[c] + (c ? 2 : 0);
			buf_addchars(out, ' ', (size_t)indent);
			for (size_t i = 0; i < total; i++)
				buf_adds(out, "\xe2\x94\x80"); /* ─ */
			buf_addch(out, '\n');
		}
	}
}

/* See table.h. */
void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}
