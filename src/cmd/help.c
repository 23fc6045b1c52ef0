/*
 * help.c - `steiger help [COMMAND]` and `steiger version`.
 */
#include "steiger.h"
#include "cmd/cmd.h"

/* Print the overview: usage, commands, global options, exit codes. */
static void overview(void)
{
	out_printf("%s: steiger [--db FILE] [--lang nl|en] COMMAND [ARGUMENTS]\n\n", _("usage"));
	out_printf("%s\n\n", _("steiger holds a municipality's strategic agenda: its vision, the review of its\n"
			       "policy, programmes and projects, planning, participation and reporting."));
	out_printf("%s\n", _("Commands:"));
	for (const struct command *c = commands; c->name; c++)
		out_printf("  %-8s %s\n", c->name, tr(c->summary));
	out_printf("\n%s\n", _("Global options:"));
	out_printf("  --db FILE       %s\n", _("the database (default $STEIGER_DB, else ./steiger.db)"));
	out_printf("  --lang nl|en    %s\n", _("the language of the output (default $STEIGER_LANG, else nl)"));
	out_printf("  --version       %s\n", _("print the version"));
	out_printf("\n%s\n", _("Exit status:"));
	out_printf("  0  %s\n  1  %s\n  2  %s\n  3  %s\n  4  %s\n  5  %s\n  6  %s\n  70 %s\n", _("success"),
		   _("a check found problems"), _("wrong use of the command line"),
		   _("invalid input; nothing was written"), _("no such record"), _("database error"),
		   _("a file could not be read or written"), _("internal error (a bug; please report it)"));
	out_printf("\n%s\n", _("'steiger help COMMAND' shows the help of one command; 'man steiger' the manual."));
}

/* See cmd.h. */
int cmd_help(struct cmd_ctx *ctx)
{
	const struct command *c;
	if (ctx->argc == 0) {
		overview();
		return 0;
	}
	if (ctx->argc > 1)
		return usage_error(ctx, "help", _("expected at most one COMMAND%s"), "");
	c = command_find(ctx->argv[0]);
	if (!c)
		return err_set(&ctx->err, E_USAGE, _("'%s' is not a steiger command; see 'steiger help'"),
			       ctx->argv[0]);
	out_printf("%s: steiger %s\n\n%s\n", _("usage"), c->usage, tr(c->summary));
	if (c->help)
		out_printf("\n%s\n", tr(c->help));
	return 0;
}

/* See cmd.h. */
int cmd_version(struct cmd_ctx *ctx)
{
	(void)ctx;
	out_printf("steiger %s\n", STEIGER_VERSION);
	out_printf("SQLite %s, %s %d\n", sqlite3_libversion(), _("schema version"), db_migration_count);
	return 0;
}
