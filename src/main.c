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
	  "init [--example] [--force]",
	  N_("Creates the database file (--db, $STEIGER_DB or ./steiger.db) with the current schema.\n"
	     "  --example  also load the Zoetermeer example data that is built into steiger: the policy\n"
	     "             documents and programmes of the strategic agenda, the wijken with real CBS 2024\n"
	     "             figures, illustrative budgets, fte, contracts and partners, and an invented,\n"
	     "             closed assessment round by four assessors for steiger review (marked as such)\n"
	     "  --force    replace an existing database (its data is lost)") },
	{ "import", cmd_import, N_("import registers from CSV, JSON or CBS kwb files (all or nothing)"),
	  "import [--dry-run] [--verbose] [--as REGISTER] FILE...",
	  N_("Imports registers from files, all in one transaction: every file goes in, or nothing does.\n"
	     "A CSV file holds one register, named by its file name (items.csv, policies.csv, areas.csv,\n"
	     "organisations.csv, vision.csv, contracts.csv, ...; see doc/formats.md); UTF-8 with or\n"
	     "without BOM, ';' or ',' as delimiter. A .json file holds any registers. A file named\n"
	     "cbs-kwb-YYYY-*.csv or kwb-YYYY*.csv is a CBS Kerncijfers wijken en buurten table.\n"
	     "Records are matched by their id: new ids are added, known ids updated; importing the same\n"
	     "file again changes nothing. Errors read FILE:LINE:COLUMN: expected ..., found ...\n"
	     "  --dry-run      check everything and show what would change; save nothing\n"
	     "  --verbose      list every added and changed record\n"
	     "  --as REGISTER  the register of the CSV files (when their names do not tell)") },
	{ "export", cmd_export, N_("export the registers as CSV, JSON or XLSX"),
	  "export [--format csv|json|xlsx] [--output PATH] [--delimiter ';'|','] [REGISTER...]",
	  N_("Exports the registers. JSON (the default) is one object with every register, to standard\n"
	     "output or --output FILE. CSV writes one file per register into --output DIRECTORY (or one\n"
	     "register to standard output). XLSX writes a workbook with a sheet per register, Dutch\n"
	     "headers, a frozen header row and illustrative values in yellow. CSV and JSON exports import\n"
	     "again without loss.\n"
	     "  --format csv|json|xlsx   the format (default json)\n"
	     "  --output PATH            file or directory to write\n"
	     "  --delimiter ';'|','      the CSV delimiter (default ';', as Dutch Excel)\n"
	     "  REGISTER...              only these registers (items, areas, vision, ...)") },
	{ "list", cmd_list, N_("list a register"), "list [--json] [--all] [--year YEAR] KIND",
	  N_("Lists a register. KIND is one of policies, programmes, projects, regulations, actions,\n"
	     "items, hoofdlijnen, vision, goals, pillars, urgent-issues, mechanisms, areas,\n"
	     "organisations, contacts, indicators, contracts, users, rounds, decisions (Dutch names such\n"
	     "as beleid, gebieden, organisaties work too). Illustrative budgets and fte are marked *.\n"
	     "  --json       an array of objects (each with an id or code, and a title or name)\n"
	     "  --all        include archived items\n"
	     "  --year YEAR  the year of the budget and fte columns (default: this year)") },
	{ "show", cmd_show, N_("show one record with the provenance of every value"),
	  "show [--json] [--register REGISTER] ID",
	  N_("Shows one record: every field with its value and where it comes from (strategic agenda,\n"
	     "CBS, municipality, illustrative, imported, entered by hand), budget and fte per year, the\n"
	     "records related to it, and its latest changes from the audit log.\n"
	     "  --json                {\"register\", \"key\", \"record\", \"sources\", \"related\"}\n"
	     "  --register REGISTER   which register, when the id occurs in several") },
	{ "set", cmd_set, N_("change one field of one record (audited)"),
	  "set [--register REGISTER] [--source SOURCE] ID FIELD VALUE",
	  N_("Changes one field of one record, with the same checks as an import, and records the change\n"
	     "in the audit log. FIELD is a field name or its Dutch label (title, titel, status,\n"
	     "budget_2024, ...); an empty VALUE clears the field. The provenance of the field becomes\n"
	     "\"entered by hand\", or SOURCE.\n"
	     "  --register REGISTER   which register, when the id occurs in several\n"
	     "  --source SOURCE       seed, cbs, gemeente, illustrative, import or manual") },
	{ "status", cmd_status, N_("the agenda at a glance: counts, budget and fte, provenance"),
	  "status [--json] [--year YEAR]",
	  N_("The agenda at a glance: the vision; items by kind, domain, main line and pillar with their\n"
	     "budget and fte in one year; areas, partners and review; and where the values come from,\n"
	     "with how much of it is illustrative.\n"
	     "  --json       the same as one JSON object\n"
	     "  --year YEAR  the year of the budget and fte (default: this year)") },
	{ "check", cmd_check, N_("check integrity: dangling links, unassessed items, ending contracts, ..."),
	  "check [--json] [--strict] [--full] [--today DATE] [--limit N]",
	  N_("Checks the integrity of the database: references to records that do not exist, cycles,\n"
	     "links to records of the wrong kind or to stopped and archived items, the vision tree and\n"
	     "its weights, items nobody has assessed, contracts that end within a year, budget without\n"
	     "fte or the reverse. Exit status 1 when there are errors (with --strict: also warnings).\n"
	     "  --json         all findings as JSON\n"
	     "  --strict       fail on warnings too\n"
	     "  --full         also scan the database file and every reference (slower)\n"
	     "  --today DATE   the reference date for contracts (default: today)\n"
	     "  --limit N      findings shown per check (default 10; 0: all)") },
	{ "assess", cmd_assess, N_("scores of an assessment round: import them, see each assessor's progress"),
	  "assess import [--dry-run] [--verbose] FILE... | progress [--round ID] [--json]",
	  N_("Scores of an assessment round.\n"
	     "  import FILE...   read assessments (CSV: round, assessor, item, criterion, score or n.v.t.,\n"
	     "                   rationale) in one transaction, all or nothing, as `import --as assessments`\n"
	     "  progress         per assessor: the cells scored of all items times the main lines,\n"
	     "                   pillars and urgent issues, the share done, and when they last scored\n"
	     "  --dry-run        show what would change and save nothing\n"
	     "  --verbose        list every record that changes\n"
	     "  --round ID       the round (default: the one opened last)\n"
	     "  --json           the progress as JSON") },
	{ "review", cmd_review,
	  N_("review an assessment round: coverage, gaps, contested items, alignment, merges, verdicts"),
	  "review [coverage|gaps|contested|alignment|merges|verdicts|priority] [--round ID] [--year YEAR] [--gap-share "
	  "X]"
	  " [--limit N] [--min-profile X] [--min-text X] [--rules FILE] [--json]",
	  N_("Reviews the scores of an assessment round against the vision. Without a view: the gaps and\n"
	     "the most contested items.\n"
	     "  coverage     per main line, pillar and urgent issue: the items contributing, weighted by\n"
	     "               their contribution, with their budget and fte\n"
	     "  gaps         the criteria covered less than the others of their kind, and blind spots\n"
	     "               (nothing contributes)\n"
	     "  contested    the items the assessors disagree on most (mean standard deviation)\n"
	     "  alignment    every item's alignment with the main lines (-1 to 1) with its standard\n"
	     "               error between assessors, per million euro and per fte\n"
	     "  merges       groups of items that may be merged: a shared domain or area, alike\n"
	     "               profiles and alike texts (TF-IDF over Dutch word stems), with why\n"
	     "  verdicts     a proposed verdict per item from a rule set (keep, bend, merge, scrap, ...;\n"
	     "               continue, slow down, phase out, stop, accelerate, supplement) with its reason\n"
	     "  priority     track 2's order of programmes, projects, regulations and actions: largest\n"
	     "               impact on the urgent issues, most willing partners, most urgent area first\n"
	     "  --round ID      the round (default: the one opened last)\n"
	     "  --year YEAR     the year of budget and fte (default: this year)\n"
	     "  --gap-share X   a gap is below X times the mean coverage of its kind (default 0.5)\n"
	     "  --limit N       items shown (default 10; 0: all)\n"
	     "  --min-profile X profiles at least this alike (cosine, default 0.8)\n"
	     "  --min-text X    texts at least this alike (cosine, default 0.2)\n"
	     "  --rules FILE    the verdict rules to use (CSV: id, applies, when, verdict, reason)\n"
	     "  --json          the whole review as one JSON object") },
	{ "stats", cmd_stats, N_("statistics of a file: Krippendorff's alpha (agreement between assessors)"),
	  "stats alpha [--level nominal|ordinal|interval|ratio] [--json] FILE.csv",
	  N_("Computes statistics of a file; it needs no database.\n"
	     "stats alpha: Krippendorff's alpha, the agreement between assessors, from reliability data: a CSV\n"
	     "file with the header unit,<coder 1>,<coder 2>,... and one row per unit (see doc/formats.md);\n"
	     "an empty cell is a missing value, and units with fewer than two values are left out. The first\n"
	     "line of the output is alpha (1 is perfect agreement, 0 agreement by chance), then the level,\n"
	     "the counts and the coincidence matrix. When every value is the same, alpha is undefined: an\n"
	     "error (exit status 3), as is any bad cell (FILE:LINE:COLUMN: coder \"NAME\": expected ...).\n"
	     "  --level LEVEL  nominal, ordinal, interval or ratio (default: interval when every value is a\n"
	     "                 number, nominal otherwise)\n"
	     "  --json         one object: alpha, level, pairable_values, units, coincidence {values, matrix}") },
	{ "weights", cmd_weights, N_("weights of criteria from pairwise comparisons (AHP) or points"),
	  "weights ahp [--json] [--apply] FILE... | direct [--json] [--apply] FILE",
	  N_("Computes the weights of criteria (such as the main lines of the vision); needs no database\n"
	     "unless --apply is given.\n"
	     "  ahp FILE...   reads pairwise comparison matrices (CSV, see doc/formats.md): a header\n"
	     "                ,A,B,C and per criterion a row with how many times it matters more than each\n"
	     "                other (1 to 9, or 1/3 ...). Prints NAME WEIGHT per criterion, then lambda_max,\n"
	     "                CI and CR (Saaty's consistency ratio), and a warning when CR is above 0.10.\n"
	     "                Several files (one per person, same criteria in the same order) are combined\n"
	     "                by the geometric mean of their judgments. At most 10 criteria.\n"
	     "  direct FILE   reads rows criterion,points and divides the points into weights\n"
	     "  --apply       store the weights on the main lines whose ids are the criteria (audited,\n"
	     "                entered by hand); the review weighs the main lines with them\n"
	     "  --json        the same as a JSON object") },
	{ "serve", cmd_serve, N_("serve the web application and the API"),
	  "serve [--listen ADDR:PORT | unix:PATH] [--threads N] [--access-log FILE] [--proxy]",
	  N_("Serves the web application and the JSON API (/api/v1) over the database. Listens on\n"
	     "127.0.0.1:8040 unless told otherwise; put it behind the municipality's TLS proxy.\n"
	     "SIGTERM or SIGINT stops it after the requests in flight are answered.\n"
	     "  --listen ADDR:PORT|unix:PATH  where to listen (default 127.0.0.1:8040)\n"
	     "  --threads N                   worker threads (default: the number of CPUs, at least 2)\n"
	     "  --access-log FILE             one line per request (default: standard error)\n"
	     "  --proxy                       trust X-Forwarded-For and X-Forwarded-Proto from the proxy") },
	{ "user", cmd_user, N_("manage accounts: add, passwd, role, disable, enable, list"),
	  "user add NAME --role ROLE [--display-name TEXT] [--email ADDRESS] [--generate] | passwd NAME [--generate] "
	  "| role NAME ROLE | disable NAME | enable NAME | list [--json]",
	  N_("Manages the accounts of the web application. Roles: beheerder (administrator), medewerker\n"
	     "(staff), bestuur (executive), raad (council), partner, inwoner (resident). The password is\n"
	     "read from standard input when that is not a terminal (one line), asked twice at a\n"
	     "terminal, or made and printed once with --generate; at least 12 characters.") },
	{ "token", cmd_token, N_("manage API tokens for other systems"),
	  "token create ACCOUNT [--description TEXT] | revoke ID | list [--json]",
	  N_("Creates, revokes and lists API tokens. A system sends its token as\n"
	     "\"Authorization: Bearer TOKEN\" and acts with the role of the token's account. The token is\n"
	     "shown once, when it is created; steiger keeps only its SHA-256.") },
	{ "help", cmd_help, N_("show help for steiger or for one command"), "help [COMMAND]",
	  N_("Shows the list of commands, or the help of one command.") },
	{ "version", cmd_version, N_("print the version"), "version", N_("Prints the version of steiger.") },
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
			err_printf("steiger: ");
			err_printf(_("unknown option '%s'"), a);
			err_printf("\n");
			return exit_status(E_USAGE);
		}
	}
	if (lang_arg) {
		if (i18n_parse(lang_arg, &lang) < 0) {
			err_printf("steiger: ");
			err_printf(_("unknown language '%s' (expected nl or en)"), lang_arg);
			err_printf("\n");
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
		err_printf("steiger: ");
		err_printf(_("'%s' is not a steiger command; see 'steiger help'"), argv[i]);
		err_printf("\n");
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
