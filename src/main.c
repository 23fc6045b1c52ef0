/*
 * main.c - steiger's entry point: global options, the command table, exit
 * codes.
 *
 *   steiger [--db FILE] [--lang nl|en] COMMAND [ARGS]
 *
 * The database is --db, else $STEIGER_DB, else ./steiger.db. The language
 * of everything steiger prints is --lang, else $STEIGER_LANG, else Dutch.
 * Exit codes (see exit_status() and the man page): 0 success, 1 a check
 * found problems, 2 usage error, 3 invalid input (nothing written), 4 not
 * found, 5 database error, 6 file error, 7 solver error, 70 internal error.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include <pwd.h>
#include <unistd.h>

/* The commands, in the order `steiger help` lists them. */
const struct command commands[] = {
	{ "init", cmd_init, N_("create a database (with --example: the Zoetermeer example data)"),
	  "init [--example] [--force]", NULL },
	{ "import", cmd_import, N_("import registers from CSV, JSON or CBS kwb files (all or nothing)"),
	  "import [--dry-run] [--verbose] [--as REGISTER] FILE...", NULL },
	{ "export", cmd_export, N_("export the registers as CSV, JSON or XLSX"),
	  "export [--format csv|json|xlsx] [--output PATH] [--delimiter ';'|','] [REGISTER...]", NULL },
	{ "list", cmd_list, N_("list a register"), "list [--json] [--all] KIND", NULL },
	{ "show", cmd_show, N_("show one record with the provenance of every value"),
	  "show [--json] [--register REGISTER] ID", NULL },
	{ "set", cmd_set, N_("change one field of one record (audited)"),
	  "set [--register REGISTER] [--source SOURCE] ID FIELD VALUE", NULL },
	{ "status", cmd_status, N_("the agenda at a glance: counts, budget and fte, provenance"),
	  "status [--json] [--year YEAR]", NULL },
	{ "check", cmd_check, N_("check integrity: dangling links, unassessed items, ending contracts, ..."),
	  "check [--json] [--strict] [--today DATE]", NULL },
	{ "help", cmd_help, N_("show help for steiger or for one command"), "help [COMMAND]", NULL },
	{ "version", cmd_version, N_("print the version"), "version", NULL },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* See cmd.h. */
const struct command *command_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Who runs steiger, for the audit log: $STEIGER_ACTOR, else cli:LOGIN. */
static char *find_actor(void)
{
	const char *env = getenv("STEIGER_ACTOR");
	struct passwd *pw;
	if (env && *env)
		return xstrdup(env);
	pw = getpwuid(geteuid());
	if (pw && pw->pw_name)
		return mprintf("cli:%s", pw->pw_name);
	env = getenv("USER");
	return mprintf("cli:%s", env && *env ? env : "unknown");
}

int main(int argc, char **argv)
{
	struct cmd_ctx ctx;
	const struct command *c;
	const char *lang_arg = NULL;
	char *actor;
	int i = 1, rc;
	enum lang lang = LANG_NL;
	memset(&ctx, 0, sizeof(ctx));
	ctx.db_path = getenv("STEIGER_DB");
	if (!ctx.db_path || !*ctx.db_path)
		ctx.db_path = "steiger.db";
	if (i18n_parse(getenv("STEIGER_LANG"), &lang) == 0)
		i18n_set(lang);
	else
		i18n_set(LANG_NL);
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--db") == 0 && i + 1 < argc) {
			ctx.db_path = argv[++i];
		} else if (starts_with(a, "--db=")) {
			ctx.db_path = a + 5;
		} else if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
			lang_arg = argv[++i];
		} else if (starts_with(a, "--lang=")) {
			lang_arg = a + 7;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			break;
		} else if (strcmp(a, "--version") == 0) {
			out_printf("steiger %s\n", STEIGER_VERSION);
			return 0;
		} else {
			err_printf("steiger: %s '%s'\n", _("unknown option"), a);
			return exit_status(E_USAGE);
		}
	}
	if (lang_arg) {
		if (i18n_parse(lang_arg, &lang) < 0) {
			err_printf("steiger: %s: %s\n", _("unknown language (expected nl or en)"), lang_arg);
			return exit_status(E_USAGE);
		}
		i18n_set(lang);
	}
	if (i >= argc || strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
		static char help_name[] = "help";
		static char *help_argv[] = { help_name, NULL };
		ctx.argc = 0;
		ctx.argv = help_argv + 1;
		rc = cmd_help(&ctx);
		return i >= argc ? exit_status(E_USAGE) : exit_status(rc);
	}
	c = command_find(argv[i]);
	if (!c) {
		err_printf("steiger: '%s' %s\n", argv[i], _("is not a steiger command; see 'steiger help'"));
		return exit_status(E_USAGE);
	}
	actor = find_actor();
	ctx.actor = actor;
	ctx.argc = argc - i - 1;
	ctx.argv = argv + i + 1;
	rc = c->run(&ctx);
	if (rc < 0 && ctx.err.msg[0])
		err_printf("steiger %s: %s\n", c->name, ctx.err.msg);
	free(actor);
	fflush(stdout);
	if (ferror(stdout)) {
		err_printf("steiger: %s\n", _("cannot write to standard output"));
		return exit_status(E_IO);
	}
	return exit_status(rc);
}
