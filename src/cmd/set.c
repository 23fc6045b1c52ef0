/*
 * set.c - `steiger set [--register REGISTER] [--source SOURCE] ID FIELD VALUE`
 *
 * Changes one field of one record through the same validation as an
 * import, in one audited transaction. FIELD is a field key or its Dutch
 * label (title, titel, budget_2024, status, ...); an empty VALUE clears the
 * field. The field's provenance becomes "manual" (entered by hand), or
 * SOURCE when given (e.g. --source gemeente for an official figure).
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "cmd/find.h"
#include "db/import.h"
#include "db/read.h"

/* The stored record, copied by the read callback. */
struct current {
	struct arena *a;    /* the batch's arena, which outlives the read */
	struct fsrc *fsrcs; /* its field sources */
	size_t nfsrcs;
	const char *old;       /* the old value of the field, as text */
	const char *field_key; /* the field (key_YYYY for yearly ones) */
	int field, year;       /* its index and year */
};

/* Keep the field sources and the old value of the record. */
static int keep_current(const struct stored *s, void *arg)
{
	struct current *c = arg;
	const struct field_def *f = c->field >= 0 ? &s->reg->fields[c->field] : NULL;
	c->fsrcs = arena_calloc(c->a, s->nfsrcs + 1, sizeof(*c->fsrcs));
	for (size_t i = 0; i < s->nfsrcs; i++) {
		c->fsrcs[i].field = arena_strdup(c->a, s->fsrcs[i].field);
		c->fsrcs[i].source = arena_strdup(c->a, s->fsrcs[i].source);
	}
	c->nfsrcs = s->nfsrcs;
	if (!f)
		return 0;
	if (f->flags & F_YEARLY) {
		int k = 0;
		for (int i = 0; i < c->field; i++)
			if (s->reg->fields[i].flags & F_YEARLY)
				k++;
		for (size_t y = 0; y < s->nyears; y++)
			if (s->years[y].year == c->year && s->years[y].vals[k])
				c->old = arena_strdup(c->a, s->years[y].vals[k]);
	} else if (f->flags & F_LIST) {
		struct buf b = BUF_INIT;
		for (size_t k = 0; k < s->nlist[c->field]; k++)
			buf_printf(&b, "%s%s", k ? "|" : "", s->lists[c->field][k]);
		c->old = arena_strdup(c->a, b.data);
		buf_free(&b);
	} else if (s->vals[c->field]) {
		c->old = arena_strdup(c->a, s->vals[c->field]);
	}
	return 0;
}

/* Give rec the field sources of cur with field's entry set to source (in
 * its place, or added at the end). */
static void merge_sources(struct batch *b, struct record *rec, const struct current *cur, const char *field,
			  const char *source)
{
	size_t n = cur->nfsrcs;
	rec->fsrcs = arena_calloc(&b->arena, n + 1, sizeof(*rec->fsrcs));
	memcpy(rec->fsrcs, cur->fsrcs, n * sizeof(*rec->fsrcs));
	size_t i;
	for (i = 0; i < n && strcmp(rec->fsrcs[i].field, field) != 0; i++)
		;
	rec->fsrcs[i].field = arena_strdup(&b->arena, field);
	rec->fsrcs[i].source = source;
	rec->nfsrcs = i == n ? n + 1 : n;
	rec->fsrc_present = 1;
}

/* The new value as stored (normalised: 12,5 becomes 12.5). */
static const char *new_text(struct batch *b, const struct record *rec, const struct current *cur, const char *value)
{
	const struct fval *v = NULL;
	if (cur->field < 0)
		return value;
	if (cur->year) {
		for (size_t i = 0; i < rec->nyears; i++)
			if (rec->years[i].field == cur->field && rec->years[i].year == cur->year)
				v = &rec->years[i].v;
	} else {
		v = &rec->vals[cur->field];
	}
	if (!v || v->is_null)
		return "";
	if (rec->reg->fields[cur->field].type == FT_REAL) {
		struct buf t = BUF_INIT;
		num_format(&t, v->d);
		const char *s = arena_strndup(&b->arena, t.data, t.len);
		buf_free(&t);
		return s;
	}
	return v->text ? v->text : value;
}

/* See cmd.h. */
int cmd_set(struct cmd_ctx *ctx)
{
	const char *regname = NULL, *source = NULL;
	char **args;
	int nargs, rc;
	struct db *db = NULL;
	const struct register_def *r;
	struct diag d;
	struct batch b;
	struct import_result res;
	struct current cur;
	const struct option opts[] = {
		{ "register", 1, &regname, NULL },
		{ "source", 1, &source, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (nargs != 3) {
		free(args);
		return usage_error(ctx, "set", _("expected ID FIELD VALUE%s"), "");
	}
	if (source && !enum_has(source_values, source)) {
		rc = usage_error(
			ctx, "set",
			_("unknown source '%s' (expected seed, cbs, gemeente, illustrative, import or manual)"),
			source);
		free(args);
		return rc;
	}
	diag_init(&d, 20);
	batch_init(&b, &d, ctx->actor);
	b.dutch_numbers = i18n_get() == LANG_NL; /* "1.500" is 1500 in Dutch */
	import_result_init(&res);
	memset(&cur, 0, sizeof(cur));
	cur.a = &b.arena;
	if ((rc = open_db(ctx, &db, 0)) < 0 || (rc = find_record(ctx, db, args[0], regname, &r)) < 0)
		goto out;
	const char *field = args[1], *value = args[2];
	struct record *rec = batch_new_record(&b, r, "set", 0);
	int fsrc_field = strcasecmp(field, "field_sources") == 0 || strcasecmp(field, "bron_per_veld") == 0;
	cur.field = fsrc_field ? -1 : reg_field(r, field, &cur.year);
	if (!fsrc_field && cur.field < 0) {
		struct buf keys = BUF_INIT;
		for (size_t k = 0; k < r->nfields; k++)
			buf_printf(&keys, "%s%s%s", k ? ", " : "", r->fields[k].key,
				   r->fields[k].flags & F_YEARLY ? "_YYYY" : "");
		rc = err_set(&ctx->err, E_USAGE, _("%s has no field \"%s\"; its fields are: %s"), r->name, field,
			     keys.data);
		buf_free(&keys);
		goto out;
	}
	if (cur.field >= 0 && (r->fields[cur.field].flags & F_KEY)) {
		rc = err_set(&ctx->err, E_USAGE, _("\"%s\" is the key of the record and cannot be changed"), field);
		goto out;
	}
	if ((rc = db_read_records(db, r, args[0], &b.arena, keep_current, &cur, &ctx->err)) < 0)
		goto out;
	fval_parse(&b, &r->fields[0], args[0], &rec->vals[0], "set", 0, 0);
	if (fsrc_field) {
		fsrc_parse(&b, rec, value, 0, 0);
	} else {
		const struct field_def *f = &r->fields[cur.field];
		struct fval *v = cur.year ? record_year_value(&b, rec, cur.field, cur.year) : &rec->vals[cur.field];
		cur.field_key = cur.year ? arena_printf(&b.arena, "%s_%d", f->key, cur.year) : f->key;
		fval_parse(&b, f, value, v, cur.field_key, 0, 0);
		if (!(f->flags & F_NOSOURCE))
			merge_sources(&b, rec, &cur, cur.field_key, source ? source : "manual");
	}
	{
		struct import_opts o = { 0, 0 };
		char *context = mprintf("set %s", fsrc_field ? "field_sources" : cur.field_key);
		db_set_actor(db, ctx->actor, context);
		free(context);
		rc = db_import(db, &b, &o, &res, &ctx->err);
	}
	if (rc == E_INPUT) {
		err_printf("%s", d.text.data);
		err_set(&ctx->err, E_INPUT, _("nothing was changed"));
	} else if (rc == 0) {
		const char *now = fsrc_field ? value : new_text(&b, rec, &cur, value);
		if (res.changed[r->id] && !fsrc_field && strcmp(cur.old ? cur.old : "", now) == 0)
			out_printf(_("%s/%s: the source of %s is now \"%s\" (recorded in the audit log)\n"), r->name,
				   args[0], cur.field_key, code_label(source ? source : "manual"));
		else if (res.changed[r->id])
			out_printf(_("%s/%s: %s changed from \"%s\" to \"%s\" (recorded in the audit log)\n"), r->name,
				   args[0], fsrc_field ? "field_sources" : cur.field_key, cur.old ? cur.old : "",
				   new_text(&b, rec, &cur, value));
		else
			out_printf(_("%s/%s: %s was already \"%s\"; nothing changed\n"), r->name, args[0],
				   fsrc_field ? "field_sources" : cur.field_key, value);
	}
out:
	import_result_free(&res);
	batch_free(&b);
	diag_free(&d);
	db_close(db);
	free(args);
	return rc;
}
