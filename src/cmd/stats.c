/*
 * stats.c - `steiger stats SUBCOMMAND ...`: statistics of files, without a
 * database. The subcommands are in the table below; the first is
 *
 *   steiger stats alpha [--level nominal|ordinal|interval|ratio] [--json] FILE
 *
 * Krippendorff's alpha of reliability data (doc/formats.md): the agreement
 * between assessors. The first line of the output is alpha alone, with a
 * decimal point in every language (so that scripts can read it), then the
 * level, the counts and the coincidence matrix. --json prints one object.
 * Without --level the level is interval when every value is a number and
 * nominal otherwise. Bad data exit 3 with FILE:LINE:COLUMN messages; when
 * every pairable value is the same, alpha is undefined (0/0) and that is an
 * error too (exit 3), because a number would suggest a reliability the data
 * cannot show.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "core/reliability.h"
#include "method/alpha.h"
#include "render/table.h"

/* The largest reliability data file read. */
#define STATS_MAX_FILE (64u * 1024 * 1024)

/* The coincidence matrix is shown as a table up to this many values. */
#define STATS_MAX_TABLE 12

/* Level names for people, in the order of enum alpha_level. */
static const char *const level_labels[] = { N_("nominal"), N_("ordinal"), N_("interval"), N_("ratio") };

/* Append value k of res (a label for nominal data, else the number). */
static void add_value(struct buf *out, const struct reliability *rel, const struct alpha_result *res, size_t k, int nl)
{
	if (rel->level == ALPHA_NOMINAL)
		buf_adds(out, rel->labels[(size_t)res->values[k]]);
	else
		num_format_short(out, res->values[k], 6, nl);
}

/* Append the result for people. */
static void human(struct buf *out, const struct reliability *rel, const struct alpha_result *res)
{
	int nl = i18n_get() == LANG_NL;
	struct buf a = BUF_INIT, b = BUF_INIT;
	buf_printf(out, "%.4f\n", res->alpha);
	buf_printf(out, _("Krippendorff's alpha, %s level"), tr(level_labels[res->level]));
	buf_addch(out, '\n');
	buf_printf(out, _("%zu pairable values in %zu of %zu units; %zu coders"), res->pairable_values,
		   res->pairable_units, rel->nunits, rel->ncoders);
	buf_addch(out, '\n');
	num_format_short(&a, res->observed, 4, nl);
	num_format_short(&b, res->expected, 4, nl);
	buf_printf(out, _("observed disagreement %s, expected by chance %s"), a.data, b.data);
	buf_addch(out, '\n');
	buf_free(&a);
	buf_free(&b);
	if (res->nvalues > STATS_MAX_TABLE) {
		buf_printf(out, _("The coincidence matrix has %zu values; --json shows it."), res->nvalues);
		buf_addch(out, '\n');
		return;
	}
	struct table t;
	const char **cells = xcalloc(res->nvalues + 2, sizeof(*cells));
	struct buf *text = xcalloc((res->nvalues + 2) * (res->nvalues + 1), sizeof(*text));
	size_t w = res->nvalues + 2;
	buf_printf(out, "\n%s\n", _("Coincidence matrix (pairs of values within units)"));
	table_init(&t, w, ~1u);
	for (size_t r = 0; r <= res->nvalues; r++) {
		for (size_t c = 0; c < w; c++) {
			struct buf *cell = &text[r * w + c];
			buf_init(cell);
			if (r == 0 && c > 0 && c <= res->nvalues)
				add_value(cell, rel, res, c - 1, nl);
			else if (r == 0 && c > 0)
				buf_adds(cell, "n_c");
			else if (r > 0 && c == 0)
				add_value(cell, rel, res, r - 1, nl);
			else if (r > 0 && c <= res->nvalues)
				num_format_short(cell, res->coincidence[(r - 1) * res->nvalues + c - 1], 3, nl);
			else if (r > 0)
				num_format_short(cell, res->marginals[r - 1], 3, nl);
			cells[c] = cell->data;
		}
		table_row(&t, cells);
	}
	table_render(&t, out, 2, 1);
	table_free(&t);
	for (size_t i = 0; i < w * (res->nvalues + 1); i++)
		buf_free(&text[i]);
	free(text);
	free(cells);
}

/* Append the result as JSON. */
static void json(struct buf *out, const struct reliability *rel, const struct alpha_result *res)
{
	buf_adds(out, "{\"alpha\": ");
	json_add_number(out, res->alpha);
	buf_printf(out, ", \"level\": \"%s\", \"pairable_values\": %zu, \"units\": %zu, \"units_in_file\": %zu",
		   alpha_level_name(res->level), res->pairable_values, res->pairable_units, rel->nunits);
	buf_printf(out, ", \"coders\": %zu, \"observed_disagreement\": ", rel->ncoders);
	json_add_number(out, res->observed);
	buf_adds(out, ", \"expected_disagreement\": ");
	json_add_number(out, res->expected);
	buf_adds(out, ",\n \"coincidence\": {\"values\": [");
	for (size_t k = 0; k < res->nvalues; k++) {
		if (k)
			buf_adds(out, ", ");
		if (rel->level == ALPHA_NOMINAL)
			json_add_string(out, rel->labels[(size_t)res->values[k]]);
		else
			json_add_number(out, res->values[k]);
	}
	buf_adds(out, "],\n  \"matrix\": [");
	for (size_t r = 0; r < res->nvalues; r++) {
		buf_adds(out, r ? ",\n   [" : "\n   [");
		for (size_t c = 0; c < res->nvalues; c++) {
			if (c)
				buf_adds(out, ", ");
			json_add_number(out, res->coincidence[r * res->nvalues + c]);
		}
		buf_addch(out, ']');
	}
	buf_adds(out, "]}}\n");
}

/* `steiger stats alpha`: see the header comment. */
static int stats_alpha(struct cmd_ctx *ctx)
{
	int as_json = 0, nargs, rc;
	const char *level_arg = NULL;
	enum alpha_level level;
	char **args;
	struct buf text = BUF_INIT, out = BUF_INIT;
	struct reliability rel;
	struct alpha_result res;
	struct diag d;
	struct err e;
	const struct option opts[] = {
		{ "json", 0, NULL, &as_json },
		{ "level", 1, &level_arg, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (nargs != 1) {
		free(args);
		return usage_error(ctx, "stats", _("expected one file of reliability data%s"), "");
	}
	if (level_arg && alpha_level_parse(level_arg, &level) < 0) {
		free(args);
		return usage_error(ctx, "stats", _("expected --level nominal, ordinal, interval or ratio, found '%s'"),
				   level_arg);
	}
	if ((rc = read_file(args[0], STATS_MAX_FILE, &text, &ctx->err)) < 0) {
		free(args);
		buf_free(&text);
		return rc;
	}
	diag_init(&d, 20);
	memset(&res, 0, sizeof(res));
	rc = reliability_read(&rel, args[0], text.data, text.len, level_arg ? &level : NULL, &d);
	if (rc < 0) {
		err_printf("%s", d.text.data);
		if (d.count > d.limit)
			err_printf(_("... and %d more errors\n"), d.count - d.limit);
		goto out;
	}
	err_clear(&e);
	rc = alpha_compute(rel.values, rel.nunits, rel.ncoders, rel.level, &res, &e);
	if (rc < 0) {
		err_set(&ctx->err, rc, "%s: %s", args[0], e.msg);
		goto out;
	}
	if (!res.defined) {
		struct buf v = BUF_INIT;
		add_value(&v, &rel, &res, 0, i18n_get() == LANG_NL);
		rc = err_set(&ctx->err, E_INPUT,
			     _("%s: alpha is undefined: every pairable value is %s, so agreement cannot be told from "
			       "chance"),
			     args[0], v.data);
		buf_free(&v);
		goto out;
	}
	if (as_json)
		json(&out, &rel, &res);
	else
		human(&out, &rel, &res);
	fwrite(out.data, 1, out.len, stdout);
out:
	alpha_result_free(&res);
	reliability_free(&rel);
	diag_free(&d);
	buf_free(&text);
	buf_free(&out);
	free(args);
	return rc;
}

/* One subcommand of stats. */
struct stats_sub {
	const char *name;                /* e.g. "alpha" */
	int (*run)(struct cmd_ctx *ctx); /* gets the arguments after the name */
};

/* The subcommands of stats. */
static const struct stats_sub stats_subs[] = {
	{ "alpha", stats_alpha },
	{ NULL, NULL },
};

/* See cmd.h. */
int cmd_stats(struct cmd_ctx *ctx)
{
	const struct stats_sub *s;
	struct cmd_ctx sub;
	char **argv;
	int rc;
	if (ctx->argc < 1)
		return usage_error(ctx, "stats", _("expected a subcommand: alpha%s"), "");
	for (s = stats_subs; s->name; s++)
		if (strcmp(s->name, ctx->argv[0]) == 0)
			break;
	if (!s->name)
		return usage_error(ctx, "stats", _("unknown subcommand '%s'"), ctx->argv[0]);
	/* The subcommand sees its own arguments, with "stats" before them
	 * (parse_options names the command by argv[-1]). */
	argv = xcalloc((size_t)ctx->argc + 1, sizeof(*argv));
	argv[0] = ctx->argv[-1];
	for (int i = 1; i < ctx->argc; i++)
		argv[i] = ctx->argv[i];
	sub = *ctx;
	sub.argv = argv + 1;
	sub.argc = ctx->argc - 1;
	rc = s->run(&sub);
	ctx->err = sub.err;
	free(argv);
	return rc;
}
