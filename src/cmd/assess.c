/*
 * assess.c - `steiger assess import [--dry-run] [--verbose] FILE...` and
 * `steiger assess progress [--round ID] [--json]`
 *
 * Scores of an assessment round: bulk import of assessments (CSV, one
 * row per assessor, item and criterion: the assessments register, all or
 * nothing, as `steiger import --as assessments`), and the progress of
 * every assessor in a round.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "cmd/import_report.h"
#include "db/review.h"
#include "render/render_list.h"

/* `assess import`: the files as the assessments register. */
static int assess_import(struct cmd_ctx *ctx)
{
	return import_command(ctx, "assess", "assessments");
}

/* `assess progress`: per assessor, how much of the round is scored. */
static int assess_progress(struct cmd_ctx *ctx)
{
	int json = 0, nargs, rc;
	const char *round = NULL;
	char **args;
	struct db *db;
	struct list_result res;
	const struct option opts[] = {
		{ "json", 0, NULL, &json },
		{ "round", 1, &round, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	free(args);
	if (nargs)
		return usage_error(ctx, "assess", _("unexpected argument%s"), "");
	if ((rc = open_db(ctx, &db, 0)) < 0)
		return rc;
	rc = db_assess_progress(db, round, &res, &ctx->err);
	db_close(db);
	if (rc == 0)
		render_list_print(&res, json);
	list_result_free(&res);
	return rc;
}

/* See cmd.h. */
int cmd_assess(struct cmd_ctx *ctx)
{
	static const struct {
		const char *name;                /* the subcommand */
		int (*run)(struct cmd_ctx *ctx); /* what runs it */
	} subs[] = { { "import", assess_import }, { "progress", assess_progress } };
	const char *name = ctx->argc ? ctx->argv[0] : NULL;
	for (size_t i = 0; name && i < ARRAY_SIZE(subs); i++) {
		if (strcmp(name, subs[i].name) != 0)
			continue;
		/* The subcommand sees its own arguments, with "assess" before
		 * them (parse_options names the command by argv[-1]). */
		char **argv = xcalloc((size_t)ctx->argc + 1, sizeof(*argv));
		struct cmd_ctx sub = *ctx;
		int rc;
		argv[0] = ctx->argv[-1];
		for (int k = 1; k < ctx->argc; k++)
			argv[k] = ctx->argv[k];
		sub.argv = argv + 1;
		sub.argc = ctx->argc - 1;
		rc = subs[i].run(&sub);
		ctx->err = sub.err;
		free(argv);
		return rc;
	}
	return usage_error(ctx, "assess", _("expected import or progress, found '%s'"), name ? name : "");
}
