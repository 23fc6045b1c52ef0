/*
 * weights.c - `steiger weights ahp [--json] FILE...` and
 * `steiger weights direct [--json] FILE`
 *
 * ahp: reads one pairwise comparison matrix per file (doc/formats.md),
 * aggregates several files (one per assessor) by the geometric mean of the
 * judgments (Forman & Peniwati 1998), and prints the weights of the
 * criteria in input order, `NAME WEIGHT` per line, then `lambda_max`, `CI`
 * and `CR` (Saaty 1980). A CR above 0.10 gives a warning on standard error;
 * the output and the exit status stay the same. At most 10 criteria, the
 * largest n of Saaty's random index table (method/ahp.h).
 *
 * direct: reads `criterion,points` and prints the points normalised to
 * weights that sum to 1.
 *
 * Bad input: every problem as FILE:LINE: column "NAME": expected ...,
 * found ... on standard error, exit status 3. No database is used.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "method/ahp.h"
#include "method/ahp_read.h"
#include "core/record.h"
#include "core/register.h"
#include "db/import.h"

/* The largest weight file read. */
#define WEIGHTS_MAX_FILE (1024 * 1024)

/* Read the file at path into *text. Returns 0, or E_IO/E_INPUT with
 * ctx->err set. */
static int load(struct cmd_ctx *ctx, const char *path, struct buf *text)
{
	return read_file(path, WEIGHTS_MAX_FILE, text, &ctx->err);
}

/* Print the messages of d on standard error; returns E_INPUT. */
static int print_diag(const struct diag *d)
{
	err_printf("%s", d->text.data);
	if (d->count > d->limit)
		err_printf(_("... and %d more errors\n"), d->count - d->limit);
	return E_INPUT;
}

/* Check that matrix b has the criteria of a, in the same order. Returns 0,
 * or E_INPUT with ctx->err set naming both files. */
static int same_criteria(struct cmd_ctx *ctx, const struct ahp_matrix *a, const char *afile, const struct ahp_matrix *b,
			 const char *bfile)
{
	for (size_t i = 0; i < a->n || i < b->n; i++) {
		const char *x = i < a->n ? a->name[i] : NULL, *y = i < b->n ? b->name[i] : NULL;
		if (!x || !y || strcmp(x, y) != 0)
			return err_set(&ctx->err, E_INPUT,
				       _("%s: expected the criteria of %s in the same order: criterion %zu is "
					 "\"%s\" there, found \"%s\""),
				       bfile, afile, i + 1, x ? x : _("(none)"), y ? y : _("(none)"));
	}
	return 0;
}

/* Store the n weights w as the weights of the main lines whose ids are
 * names (--apply): every name must be the id of a main line; one
 * transaction through the import, so the change is validated, audited
 * and its provenance is "manual". how names the command in the audit
 * log. */
static int apply_weights(struct cmd_ctx *ctx, char *const *names, const double *w, size_t n, const char *how)
{
	struct db *db;
	struct diag d;
	struct batch b;
	struct import_result res;
	struct import_opts o = { 0, 0 };
	struct buf csv = BUF_INIT;
	int rc;
	if ((rc = open_db(ctx, &db, 0)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (db_int(db, "SELECT count(*) FROM vision_element WHERE kind = 'hoofdlijn' AND id = ?", names[i],
			   0) != 1) {
			db_close(db);
			return err_set(&ctx->err, E_INPUT,
				       _("--apply: criterion \"%s\" is not the id of a main line (see steiger list "
					 "hoofdlijnen); nothing was changed"),
				       names[i]);
		}
	buf_adds(&csv, "id;weight;field_sources\n");
	for (size_t i = 0; i < n; i++)
		buf_printf(&csv, "%s;%.10f;weight:manual\n", names[i], w[i]);
	diag_init(&d, 50);
	batch_init(&b, &d, ctx->actor);
	if (batch_add_csv(&b, "weights", csv.data, csv.len, reg_get(REG_VISION), NULL) < 0) {
		rc = print_diag(&d);
	} else {
		import_result_init(&res);
		db_set_actor(db, ctx->actor, how);
		rc = db_import(db, &b, &o, &res, &ctx->err);
		if (rc == 0)
			err_printf(_("The weights of %zu main lines are stored.\n"), n);
		import_result_free(&res);
	}
	batch_free(&b);
	diag_free(&d);
	buf_free(&csv);
	db_close(db);
	return rc;
}

/* `weights ahp`: see the header comment. */
static int weights_ahp(struct cmd_ctx *ctx, char **files, int nfiles, int json, int apply)
{
	struct ahp_matrix *m = xcalloc((size_t)nfiles, sizeof(*m));
	const double **mats = xcalloc((size_t)nfiles, sizeof(*mats));
	double agg[AHP_MAX_N * AHP_MAX_N];
	struct ahp_result res;
	struct buf text = BUF_INIT, out = BUF_INIT;
	struct diag d;
	int rc = 0;
	diag_init(&d, 50);
	for (int k = 0; k < nfiles && rc != E_IO; k++) {
		int r;
		if ((r = load(ctx, files[k], &text)) < 0) {
			rc = r;
			break;
		}
		if (ahp_matrix_read(&m[k], files[k], text.data, text.len, &d) < 0)
			rc = E_INPUT;
	}
	if (rc == 0 && d.count)
		rc = E_INPUT;
	if (rc == E_INPUT && d.count) {
		print_diag(&d);
		goto done;
	}
	if (rc < 0)
		goto done;
	for (int k = 1; k < nfiles; k++)
		if ((rc = same_criteria(ctx, &m[0], files[0], &m[k], files[k])) < 0)
			goto done;
	if (m[0].n > AHP_RI_MAX_N) {
		rc = err_set(&ctx->err, E_INPUT,
			     _("%s: expected at most %d criteria (Saaty's random index, needed for the consistency "
			       "ratio, goes up to %d; compare in smaller groups), found %zu"),
			     files[0], AHP_RI_MAX_N, AHP_RI_MAX_N, m[0].n);
		goto done;
	}
	for (int k = 0; k < nfiles; k++)
		mats[k] = m[k].a;
	if (nfiles > 1) {
		if ((rc = ahp_aggregate(mats, (size_t)nfiles, m[0].n, agg, &ctx->err)) < 0)
			goto done;
	} else {
		memcpy(agg, m[0].a, sizeof(double) * m[0].n * m[0].n);
	}
	if ((rc = ahp_priorities(agg, m[0].n, &res, &ctx->err)) < 0)
		goto done;
	if (json) {
		buf_adds(&out, "{\"criteria\": [");
		for (size_t i = 0; i < res.n; i++)
			buf_printf(&out, "%s\n {\"name\": %J, \"weight\": %.10f}", i ? "," : "", m[0].name[i],
				   res.weight[i]);
		buf_printf(&out,
			   "\n], \"lambda_max\": %.10f, \"ci\": %.10f, \"cr\": %.10f, \"consistent\": %s, "
			   "\"matrices\": %d}\n",
			   res.lambda_max, res.ci, res.cr, ahp_consistent(&res) ? "true" : "false", nfiles);
	} else {
		for (size_t i = 0; i < res.n; i++)
			buf_printf(&out, "%s %.6f\n", m[0].name[i], res.weight[i]);
		buf_printf(&out, "lambda_max %.6f\nCI %.6f\nCR %.6f\n", res.lambda_max, res.ci, res.cr);
	}
	fwrite(out.data, 1, out.len, stdout);
	if (!ahp_consistent(&res)) {
		fflush(stdout);
		err_printf(_("warning: the consistency ratio CR = %.3f is above 0.10: the comparisons contradict "
			     "each other more than Saaty advises; look at them again\n"),
			   res.cr);
	}
	if (apply)
		rc = apply_weights(ctx, m[0].name, res.weight, res.n, "weights ahp --apply");
done:
	for (int k = 0; k < nfiles; k++)
		ahp_matrix_free(&m[k]);
	free(m);
	free(mats);
	buf_free(&text);
	buf_free(&out);
	diag_free(&d);
	return rc;
}

/* `weights direct`: see the header comment. */
static int weights_direct(struct cmd_ctx *ctx, const char *file, int json, int apply)
{
	struct ahp_points p;
	struct buf text = BUF_INIT, out = BUF_INIT;
	double w[AHP_MAX_N];
	struct diag d;
	int rc;
	memset(&p, 0, sizeof(p));
	diag_init(&d, 50);
	if ((rc = load(ctx, file, &text)) < 0)
		goto done;
	if (ahp_points_read(&p, file, text.data, text.len, &d) < 0) {
		rc = print_diag(&d);
		goto done;
	}
	if ((rc = ahp_direct(p.points, p.n, w, &ctx->err)) < 0)
		goto done;
	if (json) {
		buf_adds(&out, "{\"criteria\": [");
		for (size_t i = 0; i < p.n; i++) {
			buf_printf(&out, "%s\n {\"name\": %J, \"points\": ", i ? "," : "", p.name[i]);
			num_format(&out, p.points[i]);
			buf_printf(&out, ", \"weight\": %.10f}", w[i]);
		}
		buf_adds(&out, "\n]}\n");
	} else {
		for (size_t i = 0; i < p.n; i++)
			buf_printf(&out, "%s %.6f\n", p.name[i], w[i]);
	}
	fwrite(out.data, 1, out.len, stdout);
	if (apply)
		rc = apply_weights(ctx, p.name, w, p.n, "weights direct --apply");
done:
	ahp_points_free(&p);
	buf_free(&text);
	buf_free(&out);
	diag_free(&d);
	return rc;
}

/* See cmd.h. */
int cmd_weights(struct cmd_ctx *ctx)
{
	int json = 0, apply = 0, nargs, rc;
	char **args;
	const struct option opts[] = {
		{ "json", 0, NULL, &json },
		{ "apply", 0, NULL, &apply },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (nargs >= 2 && strcmp(args[0], "ahp") == 0)
		rc = weights_ahp(ctx, args + 1, nargs - 1, json, apply);
	else if (nargs == 2 && strcmp(args[0], "direct") == 0)
		rc = weights_direct(ctx, args[1], json, apply);
	else
		rc = usage_error(ctx, "weights", _("expected ahp FILE... or direct FILE%s"), "");
	free(args);
	return rc;
}
