/*
 * recordform.c - records from forms and API bodies; see recordform.h.
 */
#include "steiger.h"
#include "db/read.h"
#include "pages/recordform.h"

/* What the stored record looks like, for comparing with the new values. */
struct current {
	struct arena *a;      /* the batch's arena */
	int found;            /* the record exists */
	struct strmap values; /* field key (key_YYYY for years) -> text */
	struct fsrc *fsrcs;   /* its field sources */
	size_t nfsrcs;
	const char *source; /* its row source */
};

/* Keep the values of the stored record (callback of db_read_records). */
static int keep(const struct stored *s, void *arg)
{
	struct current *c = arg;
	const struct register_def *r = s->reg;
	int yk = 0;
	c->found = 1;
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		if (f->flags & F_YEARLY) {
			for (size_t y = 0; y < s->nyears; y++)
				if (s->years[y].vals[yk])
					strmap_put(&c->values, arena_printf(c->a, "%s_%d", f->key, s->years[y].year),
						   (void *)arena_strdup(c->a, s->years[y].vals[yk]));
			yk++;
		} else if (f->flags & F_LIST) {
			struct buf b = BUF_INIT;
			for (size_t k = 0; k < s->nlist[i]; k++)
				buf_printf(&b, "%s%s", k ? "|" : "", s->lists[i][k]);
			strmap_put(&c->values, f->key, (void *)arena_strdup(c->a, b.data));
			buf_free(&b);
		} else if (s->vals[i]) {
			strmap_put(&c->values, f->key, (void *)arena_strdup(c->a, s->vals[i]));
		}
	}
	c->fsrcs = arena_calloc(c->a, s->nfsrcs + 1, sizeof(*c->fsrcs));
	for (size_t i = 0; i < s->nfsrcs; i++) {
		c->fsrcs[i].field = arena_strdup(c->a, s->fsrcs[i].field);
		c->fsrcs[i].source = arena_strdup(c->a, s->fsrcs[i].source);
	}
	c->nfsrcs = s->nfsrcs;
	int fs = reg_field_index(r, "source");
	c->source = fs >= 0 && s->vals[fs] ? arena_strdup(c->a, s->vals[fs]) : "import";
	return 0;
}

/* The value v of field f as the text the database would give back. */
static const char *value_text(struct arena *a, const struct field_def *f, const struct fval *v)
{
	if (!v->present || v->is_null)
		return "";
	if (f->flags & F_LIST) {
		struct buf b = BUF_INIT;
		char *s;
		for (size_t k = 0; k < v->nlist; k++)
			buf_printf(&b, "%s%s", k ? "|" : "", v->list[k]);
		s = arena_strdup(a, b.data);
		buf_free(&b);
		return s;
	}
	if (f->type == FT_REAL) {
		struct buf b = BUF_INIT;
		char *s;
		num_format(&b, v->d);
		s = arena_strdup(a, b.data);
		buf_free(&b);
		return s;
	}
	if (f->type == FT_BOOL)
		return v->i ? "true" : "false";
	if (f->type == FT_INT)
		return arena_printf(a, "%lld", v->i);
	if (f->type == FT_SCORE)
		return v->na ? "n.v.t." : arena_printf(a, "%lld", v->i);
	return v->text ? v->text : "";
}

/* Give the fields of rec whose value differs from the stored record the
 * provenance source (keeping the other field sources as they are); a new
 * record gets it as its row source. */
static void mark_changed(struct batch *b, struct record *rec, struct current *cur, const char *source)
{
	const struct register_def *r = rec->reg;
	int fs = reg_field_index(r, "source");
	if (!cur->found) {
		if (!rec->vals[fs].present)
			fval_parse(b, &r->fields[fs], source, &rec->vals[fs], "source", 0, 0);
		return;
	}
	size_t cap = cur->nfsrcs + r->nfields + rec->nyears + 1, n = cur->nfsrcs;
	struct fsrc *fsrcs = arena_calloc(&b->arena, cap, sizeof(*fsrcs));
	memcpy(fsrcs, cur->fsrcs, n * sizeof(*fsrcs));
	for (size_t i = 0; i < r->nfields + rec->nyears; i++) {
		const struct field_def *f;
		const struct fval *v;
		const char *key;
		if (i < r->nfields) {
			f = &r->fields[i];
			v = &rec->vals[i];
			key = f->key;
			if (!v->present || (f->flags & (F_KEY | F_NOSOURCE | F_YEARLY)))
				continue;
		} else {
			const struct yval *y = &rec->years[i - r->nfields];
			f = &r->fields[y->field];
			v = &y->v;
			key = arena_printf(&b->arena, "%s_%d", f->key, y->year);
		}
		const char *old = strmap_get(&cur->values, key);
		if (strcmp(old ? old : "", value_text(&b->arena, f, v)) == 0)
			continue;
		size_t k;
		for (k = 0; k < n && strcmp(fsrcs[k].field, key) != 0; k++)
			;
		fsrcs[k].field = key;
		fsrcs[k].source = source;
		if (k == n)
			n++;
	}
	rec->fsrcs = fsrcs;
	rec->nfsrcs = n;
	rec->fsrc_present = 1;
}

/* Read the stored record key of r into cur. */
static void read_current(struct request *req, const struct register_def *r, const char *key, struct current *cur,
			 struct arena *a)
{
	struct err e = { 0, "" };
	memset(cur, 0, sizeof(*cur));
	cur->a = a;
	if (key)
		db_read_records(req->db, r, key, a, keep, cur, &e);
}

/* The message of diagnostic en for a web client: never the database's own
 * words (they may hold SQL). */
static const char *client_message(const struct diag_entry *en)
{
	if (en->col == DIAG_COL_DATABASE)
		return _("This record cannot be saved: it conflicts with what is stored. Check the values and try "
			 "again.");
	return en->message;
}

/* Put the errors of d into fe: an error of field X names X as its file
 * (fval_parse) or, from the import, its column (the index + 1 of the
 * field in fields[]). */
static void map_errors(struct request *req, const struct diag *d, const char *const *fields, size_t nfields,
		       struct form_errors *fe)
{
	for (size_t i = 0; i < d->nentries; i++) {
		const struct diag_entry *en = &d->entries[i];
		const char *field = NULL;
		for (size_t k = 0; k < nfields && !field; k++)
			if (en->file && strcmp(en->file, fields[k]) == 0)
				field = fields[k];
		if (!field && en->col > 0 && (size_t)en->col <= nfields)
			field = fields[en->col - 1];
		form_error(fe, field ? field : "form", arena_strdup(req->a, client_message(en)));
	}
}

/* See recordform.h. */
int form_write(struct request *req, const struct register_def *r, const char *key, const char *const *fields,
	       struct form_errors *fe, struct import_result *res)
{
	struct diag d;
	struct batch b;
	struct import_opts o = { 0, 0 };
	struct err e = { 0, "" };
	struct current cur;
	struct record *rec;
	size_t nfields = 0;
	int rc;
	while (fields[nfields])
		nfields++;
	diag_init(&d, 50);
	batch_init(&b, &d, req->user.name);
	rec = batch_new_record(&b, r, "form", 1);
	const char *keyfield = r->fields[0].key;
	const char *keytext = key ? key : http_form(req, keyfield);
	fval_parse(&b, &r->fields[0], keytext ? keytext : "", &rec->vals[0], keyfield, 1, 0);
	if (!keytext || !*keytext)
		diag_add(&d, keyfield, 1, 0, _("Fill in an id: lower-case letters, digits and '-'."));
	for (size_t k = 0; k < nfields; k++) {
		int year, fi = reg_field(r, fields[k], &year);
		const char *text = pairs_joined(req->a, &req->form, fields[k]);
		struct fval *v;
		if (fi < 0 || (r->fields[fi].flags & F_KEY))
			continue;
		if (r->fields[fi].type == FT_BOOL && !(r->fields[fi].flags & F_LIST))
			text = text && *text && strcmp(text, "false") != 0 ? "true" : "false"; /* a checkbox */
		v = year ? record_year_value(&b, rec, fi, year) : &rec->vals[fi];
		fval_parse(&b, &r->fields[fi], text ? text : "", v, fields[k], 1, (int)k + 1);
	}
	read_current(req, r, keytext && *keytext ? keytext : NULL, &cur, &b.arena);
	if (key && !cur.found) {
		batch_free(&b);
		diag_free(&d);
		return E_NOTFOUND;
	}
	if (!key && cur.found)
		diag_add(&d, keyfield, 1, 0, _("This id is taken already; choose another."));
	if (!d.count) {
		mark_changed(&b, rec, &cur, "manual");
		rc = db_import(req->db, &b, &o, res, &e);
	} else {
		rc = E_INPUT;
	}
	if (rc == E_INPUT)
		map_errors(req, &d, fields, nfields, fe);
	strmap_free(&cur.values);
	batch_free(&b);
	diag_free(&d);
	return rc;
}

/* Find the member of obj at line:col (its value or its name), for naming
 * the field of an error. */
static const char *member_at(const struct json_value *obj, int line, int col)
{
	for (size_t i = 0; obj && obj->type == JSON_OBJECT && i < obj->n; i++) {
		const struct json_member *m = &obj->members[i];
		const struct json_value *v = m->value;
		if ((m->line == line && m->col == col) || (v->line == line && v->col == col))
			return m->key;
		for (size_t k = 0; v->type == JSON_ARRAY && k < v->n; k++)
			if (v->items[k]->line == line && v->items[k]->col == col)
				return m->key;
		for (size_t k = 0; v->type == JSON_OBJECT && k < v->n; k++)
			if ((v->members[k].line == line && v->members[k].col == col) ||
			    (v->members[k].value->line == line && v->members[k].value->col == col))
				return m->key;
	}
	return NULL;
}

/* Object obj with the key member of r (which it does not have) set to key:
 * the id of the address, so that the body need not repeat it, or "" so
 * that a missing id is reported at a member named after the key field.
 * A new object from arena a. */
static struct json_value *with_id(struct arena *a, const struct json_value *obj, const struct register_def *r,
				  const char *key)
{
	struct json_value *o = arena_calloc(a, 1, sizeof(*o)), *v = arena_calloc(a, 1, sizeof(*v));
	*o = *obj;
	o->members = arena_calloc(a, obj->n + 1, sizeof(*o->members));
	if (obj->n) /* an empty object {} has no members array */
		memcpy(o->members, obj->members, obj->n * sizeof(*o->members));
	v->type = JSON_STRING;
	v->str = arena_strdup(a, key);
	v->len = strlen(key);
	v->line = obj->line;
	v->col = obj->col;
	o->members[o->n].key = r->fields[0].key;
	o->members[o->n].line = obj->line;
	o->members[o->n].col = obj->col;
	o->members[o->n].value = v;
	o->n++;
	return o;
}

/* See recordform.h. */
int json_write(struct request *req, const struct register_def *r, const char *key, const char *body, size_t len,
	       const char **invalid_params, struct import_result *res, int *created)
{
	struct diag d;
	struct batch b;
	struct import_opts o = { 0, 0 };
	struct err e = { 0, "" };
	struct current cur;
	struct json_value *obj;
	struct record *rec;
	int rc = E_INPUT;
	*invalid_params = NULL;
	*created = 0;
	diag_init(&d, 50);
	batch_init(&b, &d, req->user.name);
	obj = json_parse(&b.arena, "body", body, len, &d);
	if (obj && obj->type != JSON_OBJECT) {
		diag_add(&d, "body", obj->line, obj->col, _("expected a JSON object, found %s"), json_type_name(obj));
		obj = NULL;
	}
	if (obj) {
		const struct json_value *idv = json_get(obj, r->fields[0].key);
		int other_id = key && idv && !(idv->type == JSON_STRING && strcmp(idv->str, key) == 0);
		if (!idv) /* from the address; without one, an error named after the id field */
			obj = with_id(&b.arena, obj, r, key ? key : "");
		if (other_id)
			diag_add(&d, "body", idv->line, idv->col, _("expected the id of the address (%s) or none"),
				 key);
		/* A new record (no id in the address): every required field
		 * is named when missing, whatever else is wrong. */
		for (size_t i = reg_nkeys(r); !key && i < r->nfields; i++) {
			const struct field_def *f = &r->fields[i];
			const struct json_value *v = json_get(obj, f->key);
			if ((f->flags & F_REQUIRED) && !(f->flags & (F_LIST | F_YEARLY)) &&
			    (!v || v->type == JSON_NULL))
				diag_add(&d, f->key, 0, 0, _("missing required field \"%s\""), f->key);
		}
		if (!other_id && batch_add_json_record(&b, "body", r, obj) == 0) {
			rec = b.recs[b.n - 1];
			const char *k = rec->vals[0].text;
			read_current(req, r, k, &cur, &b.arena);
			if (key && !cur.found) {
				rc = E_NOTFOUND;
			} else if (!key && cur.found) {
				diag_add(&d, r->fields[0].key, 0, 0, _("a record with this id exists already"));
			} else if (!d.count) {
				*created = !cur.found;
				if (!rec->fsrc_present)
					mark_changed(&b, rec, &cur, "import");
				rc = db_import(req->db, &b, &o, res, &e);
			}
			strmap_free(&cur.values);
		}
	}
	if (rc == E_INPUT || d.count) {
		struct buf inv = BUF_INIT;
		buf_addch(&inv, '[');
		for (size_t i = 0; i < d.nentries; i++) {
			const struct diag_entry *en = &d.entries[i];
			const char *name = en->file && strcmp(en->file, "body") != 0
						   ? en->file
						   : member_at(obj, en->line, en->col);
			buf_printf(&inv, "%s{\"name\": %J, \"reason\": %J", i ? ", " : "", name ? name : "body",
				   client_message(en));
			if (en->line > 0 && en->col != DIAG_COL_DATABASE)
				buf_printf(&inv, ", \"line\": %d, \"column\": %d", en->line, en->col);
			buf_addch(&inv, '}');
		}
		buf_addch(&inv, ']');
		*invalid_params = arena_strdup(req->a, inv.data);
		buf_free(&inv);
		if (rc != E_NOTFOUND)
			rc = E_INPUT;
	}
	batch_free(&b);
	diag_free(&d);
	return rc == E_DB && e.code ? E_DB : rc;
}
