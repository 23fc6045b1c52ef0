/*
 * ahp_read.c - the pairwise comparison matrix and points readers; see
 * ahp_read.h and doc/formats.md.
 */
#include "steiger.h"
#include "method/ahp_read.h"

/* Parse one judgment: a decimal (num_parse_ex, Dutch when dutch is set) or
 * a fraction `A/B` of two decimals with B not zero. Returns 0 and sets
 * *out, or -1 when s is not a number. */
static int parse_judgment(const char *s, int dutch, double *out)
{
	const char *slash = strchr(s, '/');
	if (slash) {
		double num, den;
		char *left = xstrndup(s, (size_t)(slash - s));
		int rc = num_parse_ex(left, dutch, &num);
		free(left);
		if (rc < 0 || num_parse_ex(slash + 1, dutch, &den) < 0 || den == 0)
			return -1;
		*out = num / den;
		return isfinite(*out) ? 0 : -1;
	}
	return num_parse_ex(s, dutch, out);
}

/* See ahp_read.h. */
void ahp_format_reciprocal(struct buf *b, double v)
{
	double r = 1 / v;
	if (v >= 1 && fabs(v - nearbyint(v)) < 1e-9 && v < 1e9)
		buf_printf(b, "1/%.0f", nearbyint(v));
	else if (r >= 1 && fabs(r - nearbyint(r)) < 1e-6 && r < 1e9)
		buf_printf(b, "%.0f", nearbyint(r));
	else
		num_format_short(b, r, 6, 0);
}

/* See ahp_read.h. */
void ahp_matrix_free(struct ahp_matrix *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->name[i]);
	m->n = 0;
}

/* Read the header row of r into m: the criteria. Returns 0 or E_INPUT
 * (messages in d). */
static int read_header(struct ahp_matrix *m, struct csv_reader *r, const char *file, struct diag *d)
{
	size_t n = r->nfields - 1;
	int rc = 0;
	if (r->nfields < 2)
		return diag_add(d, file, r->row_line, 0,
				_("expected a header ,CRITERION 1,...,CRITERION n with at least one criterion, "
				  "found one cell"));
	if (n > AHP_MAX_N)
		return diag_add(d, file, r->row_line, 0, _("expected at most %d criteria, found %zu"), AHP_MAX_N, n);
	for (size_t i = 0; i < n; i++) {
		const char *name = csv_text(r, i + 1);
		if (is_blank(name)) {
			rc = diag_add(d, file, r->row_line, 0,
				      _("column %zu of the header: expected the name of a criterion, found an empty "
					"cell"),
				      i + 2);
			continue;
		}
		for (size_t k = 0; k < m->n; k++)
			if (strcmp(m->name[k], name) == 0) {
				rc = diag_add(d, file, r->row_line, 0, _("criterion \"%s\" occurs twice in the header"),
					      name);
				break;
			}
		m->name[m->n++] = xstrdup(name);
	}
	return rc;
}

/* Check the diagonal and the reciprocity of the values read (ok[c] set for
 * the cells that hold a valid number), with texts and lines for the
 * messages. Returns 0 or E_INPUT. */
static int check_matrix(const struct ahp_matrix *m, char *const *text, const unsigned char *ok, const int *line,
			const char *file, struct diag *d)
{
	size_t n = m->n;
	int rc = 0;
	for (size_t i = 0; i < n && !diag_full(d); i++) {
		for (size_t j = 0; j <= i; j++) {
			double v = m->a[i * n + j];
			if (!ok[i * n + j])
				continue;
			if (i == j) {
				if (fabs(v - 1) > AHP_RECIPROCAL_TOL)
					rc = diag_add(d, file, line[i], 0,
						      _("column \"%s\": expected 1 (a criterion compared with "
							"itself), found %s"),
						      m->name[j], text[i * n + j]);
			} else if (ok[j * n + i] && fabs(v * m->a[j * n + i] - 1) > AHP_RECIPROCAL_TOL) {
				struct buf want = BUF_INIT;
				ahp_format_reciprocal(&want, m->a[j * n + i]);
				rc = diag_add(d, file, line[i], 0,
					      _("column \"%s\": expected %s (the reciprocal of row \"%s\", column "
						"\"%s\": %s), found %s"),
					      m->name[j], want.data, m->name[j], m->name[i], text[j * n + i],
					      text[i * n + j]);
				buf_free(&want);
			}
		}
	}
	return rc;
}

/* See ahp_read.h. */
int ahp_matrix_read(struct ahp_matrix *m, const char *file, const char *text, size_t len, struct diag *d)
{
	struct csv_reader r;
	char *cell[AHP_MAX_N * AHP_MAX_N];
	unsigned char ok[AHP_MAX_N * AHP_MAX_N];
	int line[AHP_MAX_N];
	size_t rows = 0;
	int rc, err = 0, dutch;
	memset(m, 0, sizeof(*m));
	memset(cell, 0, sizeof(cell));
	memset(ok, 0, sizeof(ok));
	if ((rc = csv_open(&r, file, text, len, d)) < 0) {
		csv_close(&r);
		return rc;
	}
	dutch = r.delim == ';';
	rc = csv_next(&r, d);
	if (rc == 0)
		rc = diag_add(d, file, 0, 0, _("empty file: expected a header line"));
	if (rc < 0 || (rc = read_header(m, &r, file, d)) < 0) {
		csv_close(&r);
		return E_INPUT;
	}
	while (!diag_full(d) && (rc = csv_next(&r, d)) > 0) {
		size_t n = m->n;
		const char *rowname = csv_text(&r, 0);
		if (rows == n) {
			err = diag_add(d, file, r.row_line, 0, _("expected %zu rows (one per criterion), found more"),
				       n);
			break;
		}
		line[rows] = r.row_line;
		if (strcmp(rowname, m->name[rows]) != 0)
			err = diag_add(d, file, r.row_line, 0,
				       _("expected row \"%s\" (rows in the order of the header), found \"%s\""),
				       m->name[rows], rowname);
		if (r.nfields != n + 1) {
			err = diag_add(d, file, r.row_line, 0,
				       _("row \"%s\": expected %zu cells (the name and %zu values), found %zu"),
				       m->name[rows], n + 1, n, r.nfields);
			rows++;
			continue;
		}
		for (size_t j = 0; j < n; j++) {
			const char *t = csv_text(&r, j + 1);
			double v;
			size_t c = rows * n + j;
			cell[c] = xstrdup(t);
			if (parse_judgment(t, dutch, &v) < 0) {
				err = diag_add(d, file, r.row_line, 0,
					       _("column \"%s\": expected a positive number or a fraction such as "
						 "1/3, found \"%s\""),
					       m->name[j], t);
			} else if (!(v > 0)) {
				err = diag_add(d, file, r.row_line, 0,
					       _("column \"%s\": expected a positive number, found %s"), m->name[j], t);
			} else if (v < AHP_MIN_VALUE || v > AHP_MAX_VALUE) {
				err = diag_add(d, file, r.row_line, 0,
					       _("column \"%s\": expected a number from 0.000001 to 1000000, found %s"),
					       m->name[j], t);
			} else {
				m->a[c] = v;
				ok[c] = 1;
			}
		}
		rows++;
	}
	if (rc < 0)
		err = E_INPUT;
	else if (rows < m->n && !diag_full(d))
		err = diag_add(d, file, 0, 0, _("expected a row for criterion \"%s\", found the end of the file"),
			       m->name[rows]);
	if (!err && check_matrix(m, cell, ok, line, file, d) < 0)
		err = E_INPUT;
	else if (err && rows == m->n)
		check_matrix(m, cell, ok, line, file, d);
	for (size_t c = 0; c < AHP_MAX_N * AHP_MAX_N; c++)
		free(cell[c]);
	csv_close(&r);
	return err < 0 ? E_INPUT : 0;
}

/* See ahp_read.h. */
void ahp_points_free(struct ahp_points *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->name[i]);
	p->n = 0;
}

/* See ahp_read.h. */
int ahp_points_read(struct ahp_points *p, const char *file, const char *text, size_t len, struct diag *d)
{
	struct csv_reader r;
	int rc, err = 0, dutch, first = 1;
	memset(p, 0, sizeof(*p));
	if ((rc = csv_open(&r, file, text, len, d)) < 0) {
		csv_close(&r);
		return rc;
	}
	dutch = r.delim == ';';
	while (!diag_full(d) && (rc = csv_next(&r, d)) > 0) {
		const char *name = csv_text(&r, 0);
		const char *t = r.nfields > 1 ? csv_text(&r, 1) : "";
		double v;
		int is_num = parse_judgment(t, dutch, &v) == 0;
		if (first && !is_num && r.nfields == 2) {
			first = 0;
			continue; /* the header row */
		}
		first = 0;
		if (r.nfields != 2) {
			err = diag_add(d, file, r.row_line, 0, _("expected 2 cells (criterion,points), found %zu"),
				       r.nfields);
			continue;
		}
		if (is_blank(name)) {
			err = diag_add(d, file, r.row_line, 0,
				       _("expected the name of a criterion, found an empty cell"));
			continue;
		}
		if (p->n == AHP_MAX_N) {
			err = diag_add(d, file, r.row_line, 0, _("expected at most %d criteria, found more"),
				       AHP_MAX_N);
			break;
		}
		for (size_t k = 0; k < p->n; k++)
			if (strcmp(p->name[k], name) == 0) {
				err = diag_add(d, file, r.row_line, 0, _("criterion \"%s\" occurs twice"), name);
				break;
			}
		if (!is_num || !isfinite(v) || v < 0 || v > 1e15) {
			err = diag_add(d, file, r.row_line, 0,
				       _("column \"points\": expected zero or a positive number, found \"%s\""), t);
			v = 0;
		}
		p->name[p->n] = xstrdup(name);
		p->points[p->n++] = v;
	}
	if (rc < 0)
		err = E_INPUT;
	else if (!err && p->n == 0)
		err = diag_add(d, file, 0, 0, _("empty file: expected rows criterion,points"));
	if (!err) {
		double sum = 0;
		for (size_t i = 0; i < p->n; i++)
			sum += p->points[i];
		if (!(sum > 0))
			err = diag_add(d, file, 0, 0, _("expected points that add up to more than zero, found 0"));
	}
	csv_close(&r);
	return err < 0 ? E_INPUT : 0;
}
