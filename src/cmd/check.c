/*
 * check.c - `steiger check [--json] [--strict] [--today DATE] [--limit N]`
 *
 * Integrity of the database: references to records that do not exist,
 * cycles, links of the wrong kind or to stopped and archived items, the
 * vision tree, the weights of the main lines, items nobody assessed,
 * contracts that end within a year of --today (default: today), budget
 * without fte or the reverse. Errors give exit status 1; warnings do so
 * only with --strict. --full also scans the file (quick_check) and every
 * reference (foreign_key_check). People see at most --limit findings per check
 * (default 10; 0 shows all); --json gives all.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "db/check.h"

/* See cmd.h. */
int cmd_check(struct cmd_ctx *ctx)
{
	int json = 0, strict = 0, full = 0, nargs, rc, errors = 0, warnings = 0;
	const char *today = NULL, *limit_arg = NULL;
	long long limit = 10;
	char **args;
	struct db *db;
	struct findings fs;
	struct buf out = BUF_INIT;
	const struct option opts[] = {
		{ "json", 0, NULL, &json },   { "strict", 0, NULL, &strict },   { "full", 0, NULL, &full },
		{ "today", 1, &today, NULL }, { "limit", 1, &limit_arg, NULL }, { NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	free(args);
	if (nargs)
		return usage_error(ctx, "check", _("unexpected argument%s"), "");
	memset(&fs, 0, sizeof(fs));
	if (today) {
		if (date_parse(today, fs.today) < 0)
			return usage_error(ctx, "check", _("expected a date such as 2026-12-31, found '%s'"), today);
	} else {
		today_iso(fs.today);
	}
	if (limit_arg && int_parse(limit_arg, 0, 1000000, &limit) < 0)
		return usage_error(ctx, "check", _("expected a number, found '%s'"), limit_arg);
	if ((rc = open_db(ctx, &db, 0)) < 0)
		return rc;
	rc = db_check(db, full, &fs, &ctx->err);
	db_close(db);
	if (rc < 0) {
		findings_free(&fs);
		return rc;
	}
	for (size_t i = 0; i < fs.n; i++) {
		if (check_severity(fs.f[i].check) == SEV_ERROR)
			errors++;
		else
			warnings++;
	}
	if (json) {
		buf_printf(&out, "{\"today\": \"%s\", \"errors\": %d, \"warnings\": %d, \"findings\": [", fs.today,
			   errors, warnings);
		for (size_t i = 0; i < fs.n; i++)
			buf_printf(&out,
				   "%s\n {\"check\": \"%s\", \"severity\": \"%s\", \"record\": %J, \"message\": %J}",
				   i ? "," : "", check_name(fs.f[i].check),
				   check_severity(fs.f[i].check) == SEV_ERROR ? "error" : "warning", fs.f[i].record,
				   fs.f[i].message);
		buf_adds(&out, fs.n ? "\n]}\n" : "]}\n");
	} else {
		buf_printf(&out, _("Check of %s on %s: %d errors, %d warnings\n"), ctx->db_path, fs.today, errors,
			   warnings);
		for (size_t i = 0; i < fs.n;) {
			enum check_id c = fs.f[i].check;
			size_t j = i, shown = 0;
			while (j < fs.n && fs.f[j].check == c)
				j++;
			buf_printf(&out, "\n%s %s (%zu)\n", check_severity(c) == SEV_ERROR ? _("ERROR") : _("warning"),
				   check_title(c), j - i);
			for (; i < j; i++) {
				if (limit && shown >= (size_t)limit) {
					buf_printf(&out, _("  ... and %zu more (--limit 0 shows all)\n"), j - i);
					i = j;
					break;
				}
				buf_printf(&out, "  %s\n", fs.f[i].message);
				shown++;
			}
		}
	}
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	findings_free(&fs);
	if (errors || (strict && warnings))
		return err_set(&ctx->err, E_FAIL, _("%d errors and %d warnings"), errors, warnings);
	return 0;
}
