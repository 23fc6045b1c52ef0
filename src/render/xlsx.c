/*
 * xlsx.c - the XLSX export (libxlsxwriter): a sheet per register with the
 * Dutch column labels, a frozen and filterable header row, numbers as
 * numbers, and every value whose provenance is "illustrative" on a light
 * yellow background, explained on a first sheet "Toelichting".
 */
#include "steiger.h"
#include "render/export.h"
#include "db/read.h"
#include <xlsxwriter.h>

/* State of writing one sheet. */
struct sheet {
	lxw_worksheet *ws; /* the sheet */
	lxw_format *plain; /* normal cells */
	lxw_format *illus; /* illustrative values */
	int *years;        /* years of the yearly columns */
	int nyears;
	lxw_row_t row;     /* next row */
	double width[256]; /* widest text per column, for column widths */
	struct arena *a;   /* reset after each record */
};

/* Write value v of field f at (row, col), as a number when it is one. */
static void write_cell(struct sheet *sh, lxw_col_t col, const struct field_def *f, const char *v, int illustrative)
{
	lxw_format *fmt = illustrative ? sh->illus : sh->plain;
	double d;
	if (!v) {
		if (illustrative)
			worksheet_write_blank(sh->ws, sh->row, col, fmt);
		return;
	}
	if ((f->type == FT_INT || f->type == FT_REAL || (f->type == FT_SCORE && strcmp(v, "n.v.t.") != 0)) &&
	    num_parse(v, &d) == 0) {
		worksheet_write_number(sh->ws, sh->row, col, d, fmt);
		if (sh->width[col] < 12)
			sh->width[col] = 12;
		return;
	}
	if (f->type == FT_BOOL)
		v = strcmp(v, "true") == 0 ? "ja" : "nee";
	worksheet_write_string(sh->ws, sh->row, col, v, fmt);
	double w = (double)utf8_count(v, strlen(v)) + 2;
	if (col < 256 && w > sh->width[col])
		sh->width[col] = w > 60 ? 60 : w;
}

/* Write one record as a row. */
static int xlsx_record(const struct stored *s, void *arg)
{
	struct sheet *sh = arg;
	const struct register_def *r = s->reg;
	lxw_col_t col = 0;
	int yk = 0;
	struct buf cell = BUF_INIT;
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		int ill = !(f->flags & F_NOSOURCE) && strcmp(stored_source(s, f->key), "illustrative") == 0;
		if (f->flags & F_YEARLY) {
			for (int y = 0; y < sh->nyears; y++) {
				const char *v = NULL;
				char key[40];
				for (size_t k = 0; k < s->nyears; k++)
					if (s->years[k].year == sh->years[y])
						v = s->years[k].vals[yk];
				snprintf(key, sizeof(key), "%s_%d", f->key, sh->years[y]);
				write_cell(sh, col++, f, v, v && strcmp(stored_source(s, key), "illustrative") == 0);
			}
			yk++;
			continue;
		}
		if (f->flags & F_LIST) {
			buf_reset(&cell);
			for (size_t k = 0; k < s->nlist[i]; k++)
				buf_printf(&cell, "%s%s", k ? "|" : "", s->lists[i][k]);
			write_cell(sh, col++, f, s->nlist[i] ? cell.data : NULL, ill && s->nlist[i]);
			continue;
		}
		write_cell(sh, col++, f, s->vals[i], ill && s->vals[i]);
	}
	buf_reset(&cell);
	for (size_t i = 0; i < s->nfsrcs; i++)
		buf_printf(&cell, "%s%s:%s", i ? "|" : "", s->fsrcs[i].field, s->fsrcs[i].source);
	if (cell.len)
		worksheet_write_string(sh->ws, sh->row, col, cell.data, sh->plain);
	buf_free(&cell);
	sh->row++;
	arena_free(sh->a);
	return 0;
}

/* Write the explanation sheet. */
static void write_legend(lxw_workbook *wb, lxw_format *bold, lxw_format *illus, struct db *db)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Toelichting");
	char today[11];
	const char *dataset = NULL;
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM meta WHERE key = 'dataset'", NULL);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		dataset = db_col_text(st, 0);
	today_iso(today);
	worksheet_set_column(ws, 0, 0, 100, NULL);
	worksheet_write_string(ws, 0, 0, "Export van steiger", bold);
	worksheet_write_string(ws, 1, 0, dataset && *dataset ? dataset : "", NULL);
	worksheet_write_string(ws, 2, 0, today, NULL);
	worksheet_write_string(
		ws, 4, 0,
		"Elk tabblad is een register. De kolomkoppen zijn de Nederlandse veldnamen uit doc/formats.md.", NULL);
	worksheet_write_string(ws, 5, 0,
			       "Gele cellen zijn voorbeeldwaarden (bron: illustrative): geen gegevens van de gemeente.",
			       illus);
	worksheet_write_string(ws, 6, 0,
			       "De kolommen bron, bronvermelding en bron_per_veld geven de herkomst van elke waarde "
			       "(seed = strategische agenda, cbs = CBS, gemeente, illustrative = voorbeeld).",
			       NULL);
	worksheet_write_string(
		ws, 7, 0,
		"Opslaan als CSV UTF-8 en weer inlezen met 'steiger import' kan; lijsten staan gescheiden door |.",
		NULL);
	if (st)
		sqlite3_reset(st);
}

/* See export.h. */
int export_xlsx(struct db *db, const struct register_def *const *regs, size_t n, const char *path, struct err *e)
{
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	lxw_format *bold, *illus, *plain;
	struct arena a = ARENA_INIT;
	int rc = 0;
	lxw_error xe;
	if (!wb)
		return err_set(e, E_IO, _("%s: cannot create the workbook"), path);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_bg_color(bold, 0xDDE5F0);
	illus = workbook_add_format(wb);
	format_set_bg_color(illus, 0xFFF2CC);
	format_set_italic(illus);
	plain = workbook_add_format(wb);
	write_legend(wb, bold, illus, db);
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct register_def *r = regs[i];
		struct sheet sh;
		lxw_col_t col = 0;
		memset(&sh, 0, sizeof(sh));
		sh.ws = workbook_add_worksheet(wb, r->name_nl);
		sh.plain = plain;
		sh.illus = illus;
		sh.a = &a;
		sh.nyears = db_register_years(db, r, &sh.years, e);
		if (sh.nyears < 0) {
			rc = E_DB;
			break;
		}
		/* The header row: Dutch labels. */
		for (size_t k = 0; k < r->nfields; k++) {
			const struct field_def *f = &r->fields[k];
			if (f->flags & F_YEARLY) {
				for (int y = 0; y < sh.nyears; y++) {
					char h[40];
					snprintf(h, sizeof(h), "%s_%d", f->label_nl, sh.years[y]);
					worksheet_write_string(sh.ws, 0, col, h, bold);
					sh.width[col++] = (double)strlen(h) + 2;
				}
				continue;
			}
			worksheet_write_string(sh.ws, 0, col, f->label_nl, bold);
			sh.width[col++] = (double)utf8_count(f->label_nl, strlen(f->label_nl)) + 3;
		}
		worksheet_write_string(sh.ws, 0, col, "bron_per_veld", bold);
		sh.width[col] = 30;
		worksheet_freeze_panes(sh.ws, 1, 0);
		sh.row = 1;
		/* In constant-memory mode rows must be written in order, so
		 * the widths are set from the header and a cap on the texts. */
		rc = db_read_records(db, r, NULL, &a, xlsx_record, &sh, e);
		for (lxw_col_t c = 0; c <= col && c < 256; c++)
			worksheet_set_column(sh.ws, c, c, sh.width[c] < 10 ? 10 : sh.width[c], NULL);
		worksheet_autofilter(sh.ws, 0, 0, sh.row > 1 ? sh.row - 1 : 1, col);
		free(sh.years);
	}
	xe = workbook_close(wb);
	arena_free(&a);
	if (rc == 0 && xe != LXW_NO_ERROR)
		rc = err_set(e, E_IO, _("%s: cannot write the workbook: %s"), path, lxw_strerror(xe));
	return rc;
}
