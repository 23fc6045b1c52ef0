/*
 * import.c - `steiger import [--dry-run] [--verbose] [--as REGISTER] FILE...`
 *
 * Reads every file (CSV of one register, JSON of several, a CBS kwb table)
 * and writes them to the database in one transaction: all or nothing.
 * Errors name FILE:LINE:COLUMN and what was expected; then nothing is
 * written and the exit status is 3. --dry-run shows what would change and
 * saves nothing. Importing the same files again changes nothing.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "cmd/import_report.h"

/* See import_report.h. */
int import_command(struct cmd_ctx *ctx, const char *name, const char *as)
{
	int dry_run = 0, verbose = 0, nfiles, rc;
	char **files;
	struct db *db;
	struct import_opts o;
	struct option opts[] = {
		{ "dry-run", 0, NULL, &dry_run },
		{ "verbose", 0, NULL, &verbose },
		{ "as", 1, &as, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if (as)
		opts[2] = opts[3]; /* the register is fixed: no --as */
	if ((rc = parse_options(ctx, opts, &files, &nfiles)) < 0)
		return rc;
	if (!nfiles) {
		free(files);
		return usage_error(ctx, name, _("no files given%s"), "");
	}
	if (as && strcmp(as, "kwb") != 0 && !reg_by_name(as)) {
		free(files);
		return usage_error(ctx, name, _("unknown register '%s'"), as);
	}
	if ((rc = open_db(ctx, &db, 0)) < 0) {
		free(files);
		return rc;
	}
	o.dry_run = dry_run;
	o.details = verbose || dry_run;
	rc = import_files(ctx, db, files, nfiles, as, &o);
	db_close(db);
	free(files);
	return rc;
}

/* See cmd.h. */
int cmd_import(struct cmd_ctx *ctx)
{
	return import_command(ctx, "import", NULL);
}
