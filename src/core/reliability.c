/*
 * reliability.c - the reader of reliability data (see reliability.h and
 * doc/formats.md, "Reliability data").
 */
#include "steiger.h"
#include "core/reliability.h"

/* One cell of the data while reading: its trimmed text and position. */
struct cell {
	char *text; /* the trimmed text, or NULL when the cell is empty */
	int line;   /* line where it starts */
	int col;    /* column where it starts, in characters */
};

/* Everything the reader keeps between rows. */
struct reader {
	const char *name;      /* the file name, for messages */
	struct diag *diag;     /* where messages go */
	struct reliability *r; /* what is being filled */
	struct cell *cells;    /* nunits * ncoders cells, row-major */
	size_t capcells;       /* allocated entries of cells */
	size_t capunits;       /* allocated entries of r->units */
	struct strmap seen;    /* unit id -> line (as a pointer) of its row */
};

/* A new string: field i of the current row of c without spaces around. */
static char *trimmed(const struct csv_reader *c, size_t i)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, csv_text(c, i));
	buf_trim(&b);
	return buf_detach(&b, NULL);
}

/* Append "\"TEXT\"" to out, shortening long texts (and not splitting a
 * UTF-8 character). */
static void quoted(struct buf *out, const char *text)
{
	size_t n = strlen(text);
	if (n > 60) {
		size_t cut = 57;
		while (cut && ((unsigned char)text[cut] & 0xc0) == 0x80)
			cut--;
		buf_printf(out, "\"%.*s...\"", (int)cut, text);
	} else {
		buf_printf(out, "\"%s\"", text);
	}
}

/* Report at cell c of coder j: "coder "NAME": expected WHAT, found "TEXT"". */
static int bad_cell(struct reader *rd, const struct cell *c, size_t j, const char *what)
{
	struct buf f = BUF_INIT;
	quoted(&f, c->text);
	diag_add(rd->diag, rd->name, c->line, c->col, _("coder \"%s\": expected %s, found %s"), rd->r->coders[j], what,
		 f.data);
	buf_free(&f);
	return E_INPUT;
}

/* Read the header row of c: the coders. Returns 0 or E_INPUT. */
static int read_header(struct reader *rd, const struct csv_reader *c)
{
	struct reliability *r = rd->r;
	struct strmap names = STRMAP_INIT;
	int rc = 0;
	if (c->nfields < 2) {
		strmap_free(&names);
		return diag_add(rd->diag, rd->name, c->fields[0].line, c->fields[0].col,
				_("expected a header: unit, then one column per coder"));
	}
	r->ncoders = c->nfields - 1;
	r->coders = xcalloc(r->ncoders, sizeof(*r->coders));
	for (size_t j = 0; j < r->ncoders; j++) {
		const struct csv_field *f = &c->fields[j + 1];
		r->coders[j] = trimmed(c, j + 1);
		if (!r->coders[j][0]) {
			rc = diag_add(rd->diag, rd->name, f->line, f->col,
				      _("expected the name of a coder, found an empty cell"));
		} else if (strmap_has(&names, r->coders[j])) {
			rc = diag_add(rd->diag, rd->name, f->line, f->col, _("coder \"%s\" occurs twice"),
				      r->coders[j]);
		} else {
			strmap_put(&names, r->coders[j], NULL);
		}
	}
	strmap_free(&names);
	return rc;
}

/* Read one unit row of c. Returns 0, E_INPUT for an error in the row, or
 * 1 when there are too many units (reading stops). */
static int read_row(struct reader *rd, const struct csv_reader *c)
{
	struct reliability *r = rd->r;
	const struct csv_field *f0 = &c->fields[0];
	char *id;
	if (c->nfields != r->ncoders + 1)
		return diag_add(rd->diag, rd->name, c->row_line, f0->col,
				_("expected %zu cells (the unit and one per coder), found %zu"), r->ncoders + 1,
				c->nfields);
	if (r->nunits >= RELIABILITY_MAX_UNITS) {
		diag_add(rd->diag, rd->name, c->row_line, f0->col, _("more than %d units"), RELIABILITY_MAX_UNITS);
		return 1;
	}
	id = trimmed(c, 0);
	if (!id[0]) {
		free(id);
		return diag_add(rd->diag, rd->name, f0->line, f0->col, _("expected a unit id, found an empty cell"));
	}
	if (strmap_has(&rd->seen, id)) {
		int first = (int)(intptr_t)strmap_get(&rd->seen, id);
		diag_add(rd->diag, rd->name, f0->line, f0->col, _("unit \"%s\" occurs twice (first on line %d)"), id,
			 first);
		free(id);
		return E_INPUT;
	}
	ARRAY_GROW(r->units, rd->capunits, r->nunits + 1);
	ARRAY_GROW(rd->cells, rd->capcells, (r->nunits + 1) * r->ncoders);
	r->units[r->nunits] = id;
	strmap_put(&rd->seen, id, (void *)(intptr_t)f0->line);
	for (size_t j = 0; j < r->ncoders; j++) {
		struct cell *cl = &rd->cells[r->nunits * r->ncoders + j];
		cl->text = trimmed(c, j + 1);
		cl->line = c->fields[j + 1].line;
		cl->col = c->fields[j + 1].col;
		if (!cl->text[0]) {
			free(cl->text);
			cl->text = NULL;
		}
	}
	r->nunits++;
	return 0;
}

/* Compare two strings through pointers to them, for qsort. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Turn the cells into label indices (nominal). */
static void convert_labels(struct reader *rd)
{
	struct reliability *r = rd->r;
	struct strmap index = STRMAP_INIT;
	size_t cap = 0, n = r->nunits * r->ncoders;
	for (size_t i = 0; i < n; i++) {
		const char *t = rd->cells[i].text;
		if (t && !strmap_has(&index, t)) {
			ARRAY_GROW(r->labels, cap, r->nlabels + 1);
			r->labels[r->nlabels++] = xstrdup(t);
			strmap_put(&index, t, NULL);
		}
	}
	if (r->nlabels)
		qsort(r->labels, r->nlabels, sizeof(*r->labels), cmp_str);
	for (size_t k = 0; k < r->nlabels; k++)
		strmap_put(&index, r->labels[k], (void *)(uintptr_t)(k + 1));
	for (size_t i = 0; i < n; i++) {
		const char *t = rd->cells[i].text;
		r->values[i] = t ? (double)((uintptr_t)strmap_get(&index, t) - 1) : NAN;
	}
	strmap_free(&index);
}

/* Turn the cells into numbers; dutch: the delimiter was ';'. Returns 0 or
 * E_INPUT. */
static int convert_numbers(struct reader *rd, int dutch)
{
	struct reliability *r = rd->r;
	int rc = 0;
	for (size_t u = 0; u < r->nunits; u++)
		for (size_t j = 0; j < r->ncoders; j++) {
			size_t i = u * r->ncoders + j;
			const struct cell *cl = &rd->cells[i];
			double v;
			r->values[i] = NAN;
			if (!cl->text)
				continue;
			if (num_parse_ex(cl->text, dutch, &v) < 0 || !(fabs(v) <= ALPHA_MAX_MAGNITUDE))
				rc = bad_cell(rd, cl, j, _("a number"));
			else if (r->level == ALPHA_RATIO && v < 0)
				rc = bad_cell(rd, cl, j, _("a number that is not negative (ratio level)"));
			else
				r->values[i] = v;
			if (rc && diag_full(rd->diag))
				return rc;
		}
	return rc;
}

/* Whether every non-empty cell reads as a number. */
static int all_numbers(const struct reader *rd, int dutch)
{
	size_t n = rd->r->nunits * rd->r->ncoders;
	for (size_t i = 0; i < n; i++) {
		double v;
		if (rd->cells[i].text && num_parse_ex(rd->cells[i].text, dutch, &v) < 0)
			return 0;
	}
	return 1;
}

/* See reliability.h. */
int reliability_read(struct reliability *r, const char *name, const char *text, size_t len,
		     const enum alpha_level *level, struct diag *d)
{
	struct csv_reader c;
	struct reader rd;
	int rc, got, errors = d->count, dutch = 0;
	memset(r, 0, sizeof(*r));
	memset(&rd, 0, sizeof(rd));
	rd.name = name;
	rd.diag = d;
	rd.r = r;
	rc = csv_open(&c, name, text, len, d);
	if (rc == 0) {
		dutch = c.delim == ';';
		got = csv_next(&c, d);
		if (got == 0)
			rc = diag_add(d, name, 0, 0, _("expected a header: unit, then one column per coder"));
		else if (got < 0)
			rc = got;
		else
			rc = read_header(&rd, &c);
	}
	if (rc == 0) {
		while ((got = csv_next(&c, d)) > 0 && !diag_full(d))
			if (read_row(&rd, &c) == 1)
				break;
		if (d->count > errors)
			rc = E_INPUT;
		else if (r->nunits == 0)
			rc = diag_add(d, name, 0, 0, _("expected rows of units after the header, found none"));
	}
	csv_close(&c);
	if (rc == 0) {
		r->level = level ? *level : all_numbers(&rd, dutch) ? ALPHA_INTERVAL : ALPHA_NOMINAL;
		r->values = xcalloc(r->nunits * r->ncoders, sizeof(*r->values));
		if (r->level == ALPHA_NOMINAL)
			convert_labels(&rd);
		else
			rc = convert_numbers(&rd, dutch);
	}
	for (size_t i = 0; i < r->nunits * r->ncoders; i++)
		free(rd.cells[i].text);
	free(rd.cells);
	strmap_free(&rd.seen);
	return rc < 0 ? rc : 0;
}

/* See reliability.h. */
void reliability_free(struct reliability *r)
{
	for (size_t j = 0; j < r->ncoders; j++)
		free(r->coders[j]);
	for (size_t u = 0; u < r->nunits; u++)
		free(r->units[u]);
	for (size_t k = 0; k < r->nlabels; k++)
		free(r->labels[k]);
	free(r->coders);
	free(r->units);
	free(r->labels);
	free(r->values);
	memset(r, 0, sizeof(*r));
}
