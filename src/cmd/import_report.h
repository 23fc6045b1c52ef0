/*
 * import_report.h - printing what an import did, shared by `import` and
 * `init --example`.
 */
#ifndef STEIGER_IMPORT_REPORT_H
#define STEIGER_IMPORT_REPORT_H

#include "core/record.h"
#include "db/import.h"

/* Print the per-register counts of res (and its notes and details). */
void print_import_result(const struct import_result *res, int dry_run);

/* Print the located errors of d to standard error, with a last line saying
 * that nothing was written. */
void print_import_errors(const struct diag *d);

/* The import command as `name` (for its messages): --dry-run, --verbose
 * and the files; --as REGISTER too, unless as fixes the register. Returns
 * 0 or an E_* code with ctx->err set. */
int import_command(struct cmd_ctx *ctx, const char *name, const char *as);

/* Read and import files (or the embedded example when files is NULL) into
 * db as one batch. as names the register of CSV files (or NULL). Prints
 * the result or the errors. Returns 0, E_INPUT, E_IO or E_DB. */
int import_files(struct cmd_ctx *ctx, struct db *db, char **files, int nfiles, const char *as,
		 const struct import_opts *o);

#endif
