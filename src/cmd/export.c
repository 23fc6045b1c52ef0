/*
 * export.c - `steiger export [--format csv|json|xlsx] [--output PATH]
 *            [--delimiter ';'|','] [REGISTER...]`
 *
 * JSON (the default) goes to standard output or --output FILE; CSV writes
 * one file per register into the directory --output DIR (or, for a single
 * register without --output, to standard output); XLSX writes the workbook
 * --output FILE (default steiger-export.xlsx). Without REGISTER arguments
 * every register that has records is exported.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "render/export.h"
#include <sys/stat.h>

/* Write text to path, or to standard output when path is NULL. */
static int emit(struct cmd_ctx *ctx, const char *path, const struct buf *text)
{
	if (!path) {
		fwrite(text->data, 1, text->len, stdout);
		return 0;
	}
	return write_file(path, text->data, text->len, &ctx->err);
}

/* See cmd.h. */
int cmd_export(struct cmd_ctx *ctx)
{
	const char *format = "json", *output = NULL, *delim = ";";
	char **args;
	int nargs, rc;
	const struct register_def *regs[REG_COUNT];
	size_t nregs = 0;
	struct db *db;
	struct buf text = BUF_INIT;
	const struct option opts[] = {
		{ "format", 1, &format, NULL },
		{ "output", 1, &output, NULL },
		{ "delimiter", 1, &delim, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0 && strcmp(format, "xlsx") != 0) {
		free(args);
		return usage_error(ctx, "export", _("unknown format '%s' (expected csv, json or xlsx)"), format);
	}
	if (strcmp(delim, ";") != 0 && strcmp(delim, ",") != 0) {
		free(args);
		return usage_error(ctx, "export", _("unknown delimiter '%s' (expected ';' or ',')"), delim);
	}
	for (int i = 0; i < nargs; i++) {
		const struct register_def *r = reg_by_name(args[i]);
		if (!r) {
			rc = usage_error(ctx, "export", _("unknown register '%s'"), args[i]);
			free(args);
			return rc;
		}
		regs[nregs++] = r;
	}
	free(args);
	if ((rc = open_db(ctx, &db, 0)) < 0)
		return rc;
	if (!nregs)
		for (int i = 0; i < REG_COUNT; i++)
			if (register_count(db, reg_get(i)) > 0)
				regs[nregs++] = reg_get(i);
	if (strcmp(format, "json") == 0) {
		rc = export_json(db, regs, nregs, &text, &ctx->err);
		if (rc == 0)
			rc = emit(ctx, output, &text);
	} else if (strcmp(format, "xlsx") == 0) {
		rc = export_xlsx(db, regs, nregs, output ? output : "steiger-export.xlsx", &ctx->err);
		if (rc == 0)
			err_printf(_("Wrote %s (%zu registers).\n"), output ? output : "steiger-export.xlsx", nregs);
	} else if (!output && nregs == 1) {
		rc = export_csv(db, regs[0], delim[0], 1, &text, &ctx->err);
		if (rc == 0)
			rc = emit(ctx, NULL, &text);
	} else if (!output) {
		rc = usage_error(ctx, "export", _("CSV of several registers needs --output DIRECTORY%s"), "");
	} else {
		if (mkdir(output, 0755) < 0 && errno != EEXIST)
			rc = err_set(&ctx->err, E_IO, _("%s: cannot create the directory: %s"), output,
				     strerror(errno));
		for (size_t i = 0; i < nregs && rc == 0; i++) {
			char *path = mprintf("%s/%s.csv", output, regs[i]->name);
			buf_reset(&text);
			rc = export_csv(db, regs[i], delim[0], 1, &text, &ctx->err);
			if (rc == 0)
				rc = emit(ctx, path, &text);
			free(path);
		}
		if (rc == 0)
			err_printf(_("Wrote %zu files to %s.\n"), nregs, output);
	}
	buf_free(&text);
	db_close(db);
	return rc;
}
