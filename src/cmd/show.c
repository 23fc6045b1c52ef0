/*
 * show.c - `steiger show [--json] [--register REGISTER] ID`
 *
 * Prints one record: every field with its value and its provenance
 * (strategic agenda, CBS, municipality, illustrative, imported, entered by
 * hand), the yearly budget and fte, then the records related to it and its
 * latest changes from the audit log. --json prints
 * {"register", "key", "record", "sources", "related"}.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "cmd/find.h"
#include "render/render_list.h"
#include "db/read.h"
#include "db/related.h"
#include "render/export.h"
#include "render/table.h"

/* What show collects while reading the record. */
struct show {
	struct buf out; /* the text */
	int json;       /* --json */
	int found;      /* a record was read */
};

/* Append a value of field f for people. */
static void add_human_value(struct buf *b, const struct field_def *f, const char *v)
{
	int nl = i18n_get() == LANG_NL;
	double d;
	if (f->type == FT_BOOL)
		buf_adds(b, strcmp(v, "true") == 0 ? _("yes") : _("no"));
	else if (f->type == FT_ENUM || f->type == FT_SOURCE)
		buf_adds(b, code_label(v));
	else if (f->type == FT_REAL && num_parse(v, &d) == 0)
		num_format_short(b, d, 3, nl);
	else
		buf_adds(b, v);
}

/* Print the record for people. */
static void human_record(struct show *sh, const struct stored *s)
{
	const struct register_def *r = s->reg;
	struct table t;
	int nl = i18n_get() == LANG_NL;
	buf_printf(&sh->out, "%s / %s\n", tr(r->label), s->key);
	table_init(&t, 2, 0);
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		struct buf v = BUF_INIT;
		if (f->flags & F_YEARLY)
			continue;
		if (f->flags & F_LIST) {
			for (size_t k = 0; k < s->nlist[i]; k++) {
				if (k)
					buf_adds(&v, ", ");
				if (f->type == FT_ENUM)
					buf_adds(&v, code_label(s->lists[i][k]));
				else
					buf_adds(&v, s->lists[i][k]);
			}
		} else if (s->vals[i]) {
			add_human_value(&v, f, s->vals[i]);
		}
		if (v.len && !(f->flags & F_NOSOURCE))
			buf_printf(&v, "  (%s)", code_label(stored_source(s, f->key)));
		if (v.len || (f->flags & F_REQUIRED))
			table_rowv(&t, tr(f->label), v.data);
		buf_free(&v);
	}
	table_render(&t, &sh->out, 2, 0);
	table_free(&t);
	if (s->nyears) {
		int yf[4], nyf = 0;
		for (size_t i = 0; i < r->nfields && nyf < 4; i++)
			if (r->fields[i].flags & F_YEARLY)
				yf[nyf++] = (int)i;
		buf_printf(&sh->out, "\n%s\n", _("Per year"));
		table_init(&t, (size_t)nyf + 1, ~0u);
		const char *head[5] = { _("year") };
		for (int k = 0; k < nyf; k++)
			head[k + 1] = tr(r->fields[yf[k]].label);
		table_row(&t, head);
		for (size_t y = 0; y < s->nyears; y++) {
			struct buf cells[5];
			const char *row[5];
			for (int k = 0; k <= nyf; k++)
				buf_init(&cells[k]);
			buf_printf(&cells[0], "%d", s->years[y].year);
			for (int k = 0; k < nyf; k++) {
				const char *v = s->years[y].vals[k];
				double d;
				char key[40];
				if (!v || num_parse(v, &d) < 0)
					continue;
				if (strcmp(r->fields[yf[k]].key, "budget") == 0)
					eur_format_human(&cells[k + 1], d, nl);
				else
					num_format_short(&cells[k + 1], d, 3, nl);
				snprintf(key, sizeof(key), "%s_%d", r->fields[yf[k]].key, s->years[y].year);
				if (strcmp(stored_source(s, key), "illustrative") == 0)
					buf_addch(&cells[k + 1], '*');
			}
			for (int k = 0; k <= nyf; k++)
				row[k] = cells[k].data;
			table_row(&t, row);
			for (int k = 0; k <= nyf; k++)
				buf_free(&cells[k]);
		}
		table_render(&t, &sh->out, 2, 1);
		table_free(&t);
		buf_printf(&sh->out, "  %s\n", _("* illustrative: an example value, not a figure of the municipality"));
	}
}

/* Print the record as JSON members "record" and "sources". */
static void json_record_sources(struct show *sh, const struct stored *s)
{
	const struct register_def *r = s->reg;
	int first = 1;
	buf_printf(&sh->out, "{\"register\": \"%s\", \"key\": %J,\n \"record\": ", r->name, s->key);
	export_json_record(&sh->out, s);
	buf_adds(&sh->out, ",\n \"sources\": {");
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		if (f->flags & F_NOSOURCE)
			continue;
		if (f->flags & F_YEARLY) {
			for (size_t y = 0; y < s->nyears; y++) {
				char key[40];
				snprintf(key, sizeof(key), "%s_%d", f->key, s->years[y].year);
				buf_printf(&sh->out, "%s\"%s\": \"%s\"", first ? "" : ", ", key, stored_source(s, key));
				first = 0;
			}
			continue;
		}
		if (!s->vals[i] && !((f->flags & F_LIST) && s->nlist[i]))
			continue;
		buf_printf(&sh->out, "%s\"%s\": \"%s\"", first ? "" : ", ", f->key, stored_source(s, f->key));
		first = 0;
	}
	buf_addch(&sh->out, '}');
}

/* Callback of db_read_records for the one record. */
static int show_one(const struct stored *s, void *arg)
{
	struct show *sh = arg;
	sh->found = 1;
	if (sh->json)
		json_record_sources(sh, s);
	else
		human_record(sh, s);
	return 0;
}

/* See cmd.h. */
int cmd_show(struct cmd_ctx *ctx)
{
	int json = 0, nargs, rc, nsec;
	const char *regname = NULL;
	char **args;
	struct db *db;
	const struct register_def *r;
	struct show sh;
	struct arena a = ARENA_INIT;
	struct related_section secs[RELATED_MAX];
	const struct option opts[] = {
		{ "json", 0, NULL, &json },
		{ "register", 1, &regname, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (nargs != 1) {
		free(args);
		return usage_error(ctx, "show", _("expected one ID%s"), "");
	}
	if ((rc = open_db(ctx, &db, 0)) < 0) {
		free(args);
		return rc;
	}
	if ((rc = find_record(ctx, db, args[0], regname, &r)) < 0)
		goto out;
	memset(&sh, 0, sizeof(sh));
	buf_init(&sh.out);
	sh.json = json;
	rc = db_read_records(db, r, args[0], &a, show_one, &sh, &ctx->err);
	if (rc == 0 && (nsec = db_related(db, r, args[0], secs, &ctx->err)) >= 0) {
		if (json)
			buf_adds(&sh.out, ",\n \"related\": {");
		for (int i = 0; i < nsec; i++) {
			if (json) {
				buf_printf(&sh.out, "%s\n  \"%s\": ", i ? "," : "", secs[i].key);
				render_list_json(&sh.out, &secs[i].rows);
			} else if (secs[i].rows.nrows) {
				buf_printf(&sh.out, "\n%s\n", tr(secs[i].title));
				render_list_table(&sh.out, &secs[i].rows, 2);
			}
		}
		if (json)
			buf_adds(&sh.out, "}}\n");
		related_free(secs, nsec);
		fwrite(sh.out.data, 1, sh.out.len, stdout);
	} else if (rc == 0) {
		rc = E_DB;
	}
	buf_free(&sh.out);
out:
	arena_free(&a);
	free(args);
	db_close(db);
	return rc;
}
