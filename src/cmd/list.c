/*
 * list.c - `steiger list [--json] [--all] [--year YEAR] KIND`
 *
 * KIND: policies, programmes, projects, regulations, actions, items,
 * hoofdlijnen, vision, goals, pillars, urgent-issues, mechanisms, areas,
 * organisations, contacts, indicators, contracts, users, rounds, decisions
 * (or their Dutch names). Archived items only with --all. --json prints an
 * array of objects with at least id (or code, name) and title (or name).
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "core/register.h"
#include "db/list.h"
#include "render/render_list.h"

/* See cmd.h. */
int cmd_list(struct cmd_ctx *ctx)
{
	int json = 0, all = 0, nargs, rc;
	const char *year_arg = NULL;
	long long year = 0;
	char **args;
	struct db *db;
	struct list_result res;
	struct buf out = BUF_INIT;
	const struct option opts[] = {
		{ "json", 0, NULL, &json },
		{ "all", 0, NULL, &all },
		{ "year", 1, &year_arg, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (nargs != 1) {
		free(args);
		return usage_error(ctx, "list", _("expected one KIND%s"), "");
	}
	if (year_arg && int_parse(year_arg, 1800, 2200, &year) < 0) {
		free(args);
		return usage_error(ctx, "list", _("expected a year, found '%s'"), year_arg);
	}
	if ((rc = open_db(ctx, &db, 0)) < 0) {
		free(args);
		return rc;
	}
	rc = db_list(db, args[0], all, (int)year, &res, &ctx->err);
	free(args);
	db_close(db);
	if (rc < 0)
		return rc;
	if (json) {
		render_list_json(&out, &res);
		buf_addch(&out, '\n');
	} else {
		render_list_table(&out, &res, 0);
		buf_printf(&out, _("%zu records"), res.nrows);
		for (size_t c = 0; c < res.ncols; c++)
			if (res.cols[c].type == COL_EUR && strcmp(res.cols[c].key, "budget") == 0 && res.year) {
				buf_printf(&out, _("; budget and fte in %d"), res.year);
				break;
			}
		buf_addch(&out, '\n');
	}
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	list_result_free(&res);
	return 0;
}
