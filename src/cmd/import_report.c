/*
 * import_report.c - reading files into a batch and reporting an import.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "cmd/import_report.h"
#include "core/embedded.h"

/* The number of errors an import reports before it stops. */
#define IMPORT_ERROR_LIMIT 50

/* See import_report.h. */
void print_import_result(const struct import_result *res, int dry_run)
{
	int total_added = 0, total_changed = 0, total_same = 0;
	if (dry_run)
		out_printf("%s\n", _("Dry run: nothing was saved. The import would make these changes:"));
	for (int r = 0; r < REG_COUNT; r++) {
		if (!res->added[r] && !res->changed[r] && !res->unchanged[r])
			continue;
		out_printf("  %-18s ", reg_get(r)->name);
		out_printf(_("%d added, %d changed, %d unchanged"), res->added[r], res->changed[r], res->unchanged[r]);
		out_printf("\n");
		total_added += res->added[r];
		total_changed += res->changed[r];
		total_same += res->unchanged[r];
	}
	out_printf("  %-18s ", _("total"));
	out_printf(_("%d added, %d changed, %d unchanged"), total_added, total_changed, total_same);
	out_printf("\n");
	if (res->details.len)
		out_printf("%s", res->details.data);
	if (res->notes.len)
		out_printf("%s", res->notes.data);
}

/* See import_report.h. */
void print_import_errors(const struct diag *d)
{
	err_printf("%s", d->text.data);
	if (d->count > d->limit)
		err_printf(_("... and %d more errors\n"), d->count - d->limit);
	err_printf("%s\n", _("Nothing was imported: the import is all or nothing."));
}

/* See import_report.h. */
int import_files(struct cmd_ctx *ctx, struct db *db, char **files, int nfiles, const char *as,
		 const struct import_opts *o)
{
	struct diag d;
	struct batch b;
	struct import_result res;
	struct buf text = BUF_INIT;
	int rc = 0;
	diag_init(&d, IMPORT_ERROR_LIMIT);
	batch_init(&b, &d, ctx->actor);
	import_result_init(&res);
	if (!files) {
		for (size_t i = 0; i < example_files_count; i++) {
			const struct embedded_file *f = &example_files[i];
			if (!ends_with(f->path, ".csv") && !ends_with(f->path, ".json"))
				continue;
			char *name = mprintf("zoetermeer/%s", f->path);
			batch_add_file(&b, name, f->data, f->len, NULL);
			free(name);
		}
	}
	for (int i = 0; i < nfiles && !diag_full(&d); i++) {
		if ((rc = read_file(files[i], MAX_INPUT_FILE, &text, &ctx->err)) < 0)
			goto out;
		batch_add_file(&b, files[i], text.data, text.len, as);
	}
	rc = db_import(db, &b, o, &res, &ctx->err);
	if (rc == E_INPUT)
		print_import_errors(&d);
	else if (rc == 0)
		print_import_result(&res, o->dry_run);
out:
	buf_free(&text);
	import_result_free(&res);
	batch_free(&b);
	diag_free(&d);
	return rc;
}
