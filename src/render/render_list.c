/*
 * render_list.c - printing listings (db/list.h) as text tables and JSON
 * arrays, for `list` and `show`.
 */
#include "steiger.h"
#include "core/register.h"
#include "render/render_list.h"
#include "render/table.h"

/* Append cell text of column c for people. */
static void human_cell(struct buf *b, const struct list_col *c, const char *v)
{
	int nl = i18n_get() == LANG_NL;
	double d;
	if (!v)
		return;
	switch (c->type) {
	case COL_EUR:
		if (num_parse(v, &d) == 0)
			eur_format_human(b, d, nl);
		break;
	case COL_NUM:
		if (num_parse(v, &d) == 0)
			num_format_short(b, d, 3, nl);
		break;
	case COL_BOOL: buf_adds(b, strcmp(v, "1") == 0 ? _("yes") : ""); break;
	case COL_CODE: buf_adds(b, code_label(v)); break;
	case COL_LIST:
		for (const char *p = v; *p; p++)
			if (*p == '|')
				buf_adds(b, ", ");
			else
				buf_addch(b, *p);
		break;
	default: buf_adds(b, v);
	}
}

/* Append cell v of column c as a JSON value. */
static void json_cell(struct buf *b, const struct list_col *c, const char *v)
{
	if (!v) {
		buf_adds(b, c->type == COL_LIST ? "[]" : "null");
		return;
	}
	switch (c->type) {
	case COL_INT:
	case COL_NUM:
	case COL_EUR: buf_adds(b, v); break;
	case COL_BOOL: buf_adds(b, strcmp(v, "1") == 0 ? "true" : "false"); break;
	case COL_LIST: {
		const char *start = v;
		buf_addch(b, '[');
		for (const char *p = v;; p++) {
			if (*p && *p != '|')
				continue;
			buf_printf(b, "%s\"%.*j\"", start == v ? "" : ", ", (int)(p - start), start);
			if (!*p)
				break;
			start = p + 1;
		}
		buf_addch(b, ']');
		break;
	}
	default: buf_printf(b, "%J", v);
	}
}

/* See render_list.h. */
void render_list_json(struct buf *out, const struct list_result *res)
{
	buf_addch(out, '[');
	for (size_t r = 0; r < res->nrows; r++) {
		buf_adds(out, r ? ",\n {" : "\n {");
		for (size_t c = 0; c < res->ncols; c++) {
			buf_printf(out, "%s\"%s\": ", c ? ", " : "", res->cols[c].key);
			json_cell(out, &res->cols[c], res->cells[r * res->ncols + c]);
		}
		buf_addch(out, '}');
	}
	buf_adds(out, res->nrows ? "\n]" : "]");
}

/* See render_list.h. */
void render_list_table(struct buf *out, const struct list_result *res, int indent)
{
	/* A column "K_source" is not shown: it marks the values of
	 * column K that are illustrative with '*'. */
	struct table t;
	unsigned right = 0;
	const char *cells[32];
	struct buf cellbuf[32];
	int marker_of[32], shown[32], nshown = 0, starred = 0;
	for (size_t c = 0; c < res->ncols; c++) {
		marker_of[c] = -1;
		for (size_t k = 0; k < res->ncols; k++) {
			size_t kl = strlen(res->cols[k].key);
			if (k != c && strncmp(res->cols[c].key, res->cols[k].key, kl) == 0 &&
			    strcmp(res->cols[c].key + kl, "_source") == 0)
				marker_of[k] = (int)c;
		}
	}
	for (size_t c = 0; c < res->ncols; c++) {
		int hidden = 0;
		for (size_t k = 0; k < res->ncols; k++)
			if (marker_of[k] == (int)c)
				hidden = 1;
		if (hidden)
			continue;
		enum col_type ty = res->cols[c].type;
		if (ty == COL_INT || ty == COL_NUM || ty == COL_EUR)
			right |= 1u << nshown;
		cells[nshown] = tr(res->cols[c].header);
		buf_init(&cellbuf[nshown]);
		shown[nshown++] = (int)c;
	}
	table_init(&t, (size_t)nshown, right);
	table_row(&t, cells);
	for (size_t r = 0; r < res->nrows; r++) {
		for (int i = 0; i < nshown; i++) {
			int c = shown[i];
			const char *v = res->cells[r * res->ncols + (size_t)c];
			buf_reset(&cellbuf[i]);
			human_cell(&cellbuf[i], &res->cols[c], v);
			if (marker_of[c] >= 0 && v) {
				const char *src = res->cells[r * res->ncols + (size_t)marker_of[c]];
				if (src && strcmp(src, "illustrative") == 0) {
					buf_addch(&cellbuf[i], '*');
					starred = 1;
				}
			}
			cells[i] = cellbuf[i].data;
		}
		table_row(&t, cells);
	}
	table_render(&t, out, indent, 1);
	table_free(&t);
	for (int i = 0; i < nshown; i++)
		buf_free(&cellbuf[i]);
	if (starred)
		buf_printf(out, "%*s%s\n", indent, "",
			   _("* illustrative: an example value, not a figure of the municipality"));
}

/* See render_list.h. */
void render_list_print(const struct list_result *res, int json)
{
	struct buf out = BUF_INIT;
	if (json) {
		render_list_json(&out, res);
		buf_addch(&out, '\n');
	} else {
		render_list_table(&out, res, 0);
	}
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
}
