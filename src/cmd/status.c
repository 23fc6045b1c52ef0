/*
 * status.c - `steiger status [--json] [--year YEAR]`
 *
 * The agenda at a glance: the vision, the items by kind, domain, hoofdlijn
 * and pillar with their budget and fte in one year (the current year when
 * there are figures for it), areas, partners and review, and where the
 * values come from: how much is from the strategic agenda, from CBS, from
 * the municipality, and how much is illustrative.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "db/status.h"
#include "render/table.h"

/* Append a group table (kind/domain/hoofdlijn/pillar) to out. */
static void group_table(struct buf *out, const char *title, const char *first_col, const struct status_groups *gs,
			const struct status_group *total, int code_keys)
{
	struct table t;
	int nl = i18n_get() == LANG_NL;
	buf_printf(out, "\n%s\n", title);
	table_init(&t, 6, 0x3e);
	table_rowv(&t, first_col, _("items"), _("running"), _("budget"), _("fte"), _("illustrative"));
	for (size_t i = 0; i <= gs->n; i++) {
		const struct status_group *g = i < gs->n ? &gs->g[i] : total;
		struct buf c[5];
		if (!g)
			break;
		for (int k = 0; k < 5; k++)
			buf_init(&c[k]);
		buf_printf(&c[0], "%d", g->count);
		buf_printf(&c[1], "%d", g->active);
		eur_format_human(&c[2], g->budget, nl);
		num_format_short(&c[3], g->fte, 1, nl);
		if (g->budget > 0 || g->fte > 0) {
			num_format_human(&c[4],
					 100 * status_share(g->budget_illustrative + g->fte_illustrative * 1e-9,
							    g->budget + g->fte * 1e-9),
					 0, nl);
			buf_adds(&c[4], "%");
		}
		const char *name = i < gs->n ? (g->label    ? g->label
						: code_keys ? code_label(g->key)
							    : g->key)
					     : _("total");
		table_rowv(&t, name, c[0].data, c[1].data, c[2].data, c[3].data, c[4].data);
		for (int k = 0; k < 5; k++)
			buf_free(&c[k]);
	}
	table_render(&t, out, 2, 1);
	table_free(&t);
}

/* Append the status for people. */
static void human(struct buf *out, const struct status *st, const char *dbpath)
{
	int nl = i18n_get() == LANG_NL;
	struct table t;
	buf_printf(out, "steiger — %s%s%s\n", st->dataset ? st->dataset : dbpath, st->dataset ? " — " : "",
		   st->dataset ? dbpath : "");
	buf_printf(out, "\n%s: %s\n", _("Vision"), st->vision ? st->vision : _("(none yet)"));
	buf_printf(out, "  ");
	buf_printf(out,
		   _("%d main lines (%d to be confirmed by the municipality), %d goals, %d pillars, %d urgent "
		     "issues, %d mechanisms; %d indicators with %d values"),
		   st->vision_counts[1], st->hoofdlijnen_to_confirm, st->vision_counts[2], st->vision_counts[3],
		   st->vision_counts[4], st->vision_counts[5], st->indicators, st->indicator_values);
	buf_addch(out, '\n');
	if (st->year)
		buf_printf(out, "\n%s %d\n", _("Budget and fte are those of the year"), st->year);
	group_table(out, _("Items by kind"), _("kind"), &st->by_kind, &st->total, 1);
	if (st->archived)
		buf_printf(out, _("  (%d archived items are not counted)\n"), st->archived);
	group_table(out, _("By domain (an item counts in each of its domains)"), _("domain"), &st->by_domain, NULL, 1);
	group_table(out, _("By main line (items that declare to serve it or one of its goals)"), _("main line"),
		    &st->by_hoofdlijn, NULL, 0);
	group_table(out, _("By pillar (items that serve it or lie in one of its areas)"), _("pillar"), &st->by_pillar,
		    NULL, 0);
	/* "label: count" pairs read well in both languages for any count. */
	buf_printf(out, "\n%s: %s %d, %s %d, %s %d, %s %d", _("Areas"), _("municipality"), st->areas_by_type[0],
		   _("districts"), st->areas_by_type[1], _("neighbourhoods"), st->areas_by_type[2],
		   _("development areas"), st->areas_by_type[3]);
	buf_printf(out, "\n%s: %s %d (%s %d), %s %d, %s %d, %s %d", _("Partners"), _("organisations"),
		   st->organisations, _("networks"), st->networks, _("contact persons"), st->contacts,
		   _("partner links"), st->partners, _("contracts"), st->contracts);
	buf_printf(out, "\n%s: %s %d, %s %d, %s %d, %s %d", _("Review"), _("assessment rounds"), st->rounds,
		   _("scores"), st->assessments, _("decisions"), st->decisions, _("users"), st->users);
	buf_printf(out, "\n\n%s\n", _("Where the values come from"));
	table_init(&t, 8, 0xfe);
	table_rowv(&t, _("register"), _("records"), code_label("seed"), code_label("cbs"), code_label("gemeente"),
		   code_label("illustrative"), code_label("import"), code_label("manual"));
	for (int r = 0; r < REG_COUNT; r++) {
		const struct status_provenance *p = &st->prov[r];
		char c[7][16];
		if (!p->total)
			continue;
		snprintf(c[0], sizeof(c[0]), "%d", p->total);
		for (int k = 0; k < 6; k++)
			snprintf(c[k + 1], sizeof(c[k + 1]), "%d", p->by_source[k]);
		table_rowv(&t, tr(reg_get(r)->label), c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
	}
	table_render(&t, out, 2, 1);
	table_free(&t);
	if (st->nfields) {
		buf_printf(out, "  %s\n", _("Fields with illustrative values (number of records):"));
		for (size_t i = 0; i < st->nfields; i++) {
			if (!i || st->fields[i].reg != st->fields[i - 1].reg)
				buf_printf(out, "%s    %s: ", i ? "\n" : "", tr(reg_get(st->fields[i].reg)->label));
			else
				buf_adds(out, ", ");
			int fi = reg_field_index(reg_get(st->fields[i].reg), st->fields[i].field);
			buf_printf(out, "%s (%d)",
				   fi >= 0 ? tr(reg_get(st->fields[i].reg)->fields[fi].label) : st->fields[i].field,
				   st->fields[i].records);
		}
		buf_addch(out, '\n');
	}
	if (st->total.budget > 0) {
		struct buf b = BUF_INIT, p = BUF_INIT;
		eur_format_human(&b, st->total.budget, nl);
		num_format_human(&p, 100 * status_share(st->total.budget_illustrative, st->total.budget), 0, nl);
		buf_printf(out, "  ");
		buf_printf(out, _("Budget %d: %s, of which %s%% illustrative."), st->year, b.data, p.data);
		buf_addch(out, '\n');
		buf_free(&b);
		buf_free(&p);
	}
	int illustrative = 0;
	for (int r = 0; r < REG_COUNT; r++)
		illustrative += st->prov[r].by_source[3] + st->prov[r].illustrative_fields;
	if (illustrative)
		buf_printf(out, "  %s\n",
			   _("Illustrative values are examples, not figures of the municipality: replace "
			     "them by importing the municipality's own files."));
}

/* Append a group list as JSON. */
static void json_groups(struct buf *out, const char *name, const struct status_groups *gs)
{
	buf_printf(out, ",\n \"%s\": [", name);
	for (size_t i = 0; i < gs->n; i++) {
		const struct status_group *g = &gs->g[i];
		buf_printf(out, "%s\n  {\"key\": %J, \"title\": %J, \"items\": %d, \"running\": %d, \"budget\": ",
			   i ? "," : "", g->key, g->label, g->count, g->active);
		json_add_number(out, g->budget);
		buf_adds(out, ", \"fte\": ");
		json_add_number(out, g->fte);
		buf_adds(out, ", \"budget_illustrative\": ");
		json_add_number(out, g->budget_illustrative);
		buf_adds(out, ", \"fte_illustrative\": ");
		json_add_number(out, g->fte_illustrative);
		buf_adds(out, ", \"by_status\": {");
		for (int k = 0; item_status_values[k]; k++)
			buf_printf(out, "%s\"%s\": %d", k ? ", " : "", item_status_values[k], g->by_status[k]);
		buf_adds(out, "}}");
	}
	buf_adds(out, "]");
}

/* Append the status as JSON. */
static void json(struct buf *out, const struct status *st)
{
	buf_printf(out, "{\"year\": %d, \"dataset\": %J, \"vision\": %J,\n \"vision_counts\": {", st->year, st->dataset,
		   st->vision);
	for (int k = 0; status_vision_kinds[k]; k++)
		buf_printf(out, "%s\"%s\": %d", k ? ", " : "", status_vision_kinds[k], st->vision_counts[k]);
	buf_printf(out,
		   "}, \"hoofdlijnen_to_confirm\": %d, \"indicators\": %d, \"indicator_values\": %d,\n \"areas\": {",
		   st->hoofdlijnen_to_confirm, st->indicators, st->indicator_values);
	for (int k = 0; status_area_types[k]; k++)
		buf_printf(out, "%s\"%s\": %d", k ? ", " : "", status_area_types[k], st->areas_by_type[k]);
	buf_printf(
		out,
		"},\n \"organisations\": %d, \"networks\": %d, \"contacts\": %d, \"contracts\": %d, \"partners\": %d,"
		" \"users\": %d, \"rounds\": %d, \"assessments\": %d, \"decisions\": %d, \"archived_items\": %d",
		st->organisations, st->networks, st->contacts, st->contracts, st->partners, st->users, st->rounds,
		st->assessments, st->decisions, st->archived);
	buf_printf(out, ",\n \"total\": {\"items\": %d, \"running\": %d, \"budget\": ", st->total.count,
		   st->total.active);
	json_add_number(out, st->total.budget);
	buf_adds(out, ", \"fte\": ");
	json_add_number(out, st->total.fte);
	buf_adds(out, ", \"budget_illustrative\": ");
	json_add_number(out, st->total.budget_illustrative);
	buf_adds(out, ", \"fte_illustrative\": ");
	json_add_number(out, st->total.fte_illustrative);
	buf_addch(out, '}');
	json_groups(out, "by_kind", &st->by_kind);
	json_groups(out, "by_domain", &st->by_domain);
	json_groups(out, "by_hoofdlijn", &st->by_hoofdlijn);
	json_groups(out, "by_pillar", &st->by_pillar);
	buf_adds(out, ",\n \"provenance\": {");
	int first = 1;
	for (int r = 0; r < REG_COUNT; r++) {
		const struct status_provenance *p = &st->prov[r];
		if (!p->total)
			continue;
		buf_printf(out, "%s\n  \"%s\": {\"records\": %d", first ? "" : ",", reg_get(r)->name, p->total);
		for (int k = 0; source_values[k]; k++)
			buf_printf(out, ", \"%s\": %d", source_values[k], p->by_source[k]);
		buf_printf(out, ", \"illustrative_fields\": {");
		int f1 = 1;
		for (size_t i = 0; i < st->nfields; i++)
			if (st->fields[i].reg == (enum reg_id)r) {
				buf_printf(out, "%s\"%j\": %d", f1 ? "" : ", ", st->fields[i].field,
					   st->fields[i].records);
				f1 = 0;
			}
		buf_adds(out, "}}");
		first = 0;
	}
	buf_adds(out, "}}\n");
}

/* See cmd.h. */
int cmd_status(struct cmd_ctx *ctx)
{
	int as_json = 0, nargs, rc;
	const char *year_arg = NULL;
	long long year = 0;
	char **args;
	struct db *db;
	struct status st;
	struct buf out = BUF_INIT;
	const struct option opts[] = {
		{ "json", 0, NULL, &as_json },
		{ "year", 1, &year_arg, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	free(args);
	if (nargs)
		return usage_error(ctx, "status", _("unexpected argument%s"), "");
	if (year_arg && int_parse(year_arg, 1800, 2200, &year) < 0)
		return usage_error(ctx, "status", _("expected a year, found '%s'"), year_arg);
	if ((rc = open_db(ctx, &db, 0)) < 0)
		return rc;
	rc = db_status(db, (int)year, &st, &ctx->err);
	db_close(db);
	if (rc == 0) {
		if (as_json)
			json(&out, &st);
		else
			human(&out, &st, ctx->db_path);
		fwrite(out.data, 1, out.len, stdout);
	}
	buf_free(&out);
	status_free(&st);
	return rc;
}
