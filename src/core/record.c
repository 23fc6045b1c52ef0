/*
 * record.c - reading import files into records; see record.h.
 */
#include "steiger.h"
#include "core/record.h"

/* See record.h. */
void batch_init(struct batch *b, struct diag *d, const char *actor)
{
	memset(b, 0, sizeof(*b));
	arena_init(&b->arena);
	b->diag = d;
	b->actor = actor;
}

/* See record.h. */
void batch_free(struct batch *b)
{
	free(b->recs);
	arena_free(&b->arena);
	b->recs = NULL;
	b->n = b->cap = 0;
}

/* See record.h. */
struct record *batch_new_record(struct batch *b, const struct register_def *r, const char *file, int line)
{
	struct record *rec = arena_zalloc(&b->arena, sizeof(*rec));
	rec->reg = r;
	rec->file = file;
	rec->line = line;
	rec->vals = arena_calloc(&b->arena, r->nfields, sizeof(*rec->vals));
	ARRAY_GROW(b->recs, b->cap, b->n + 1);
	b->recs[b->n++] = rec;
	return rec;
}

/* Append "found \"TEXT\"" to out, shortening long texts. */
static void found_text(struct buf *out, const char *text)
{
	size_t n = strlen(text);
	if (n > 60) {
		size_t cut = 57;
		while (cut && ((unsigned char)text[cut] & 0xc0) == 0x80)
			cut--; /* do not split a UTF-8 character */
		buf_printf(out, "\"%.*s...\"", (int)cut, text);
	} else {
		buf_printf(out, "\"%s\"", text);
	}
}

/* Report "expected WHAT, found "TEXT"" at file:line:col. */
static int bad_value(struct batch *b, const char *file, int line, int col, const char *what, const char *text)
{
	struct buf f = BUF_INIT;
	found_text(&f, text);
	diag_add(b->diag, file, line, col, _("expected %s, found %s"), what, f.data);
	buf_free(&f);
	return E_INPUT;
}

/* Whether s is an id: a-z 0-9 first, then a-z 0-9 - _ . */
static int is_id(const char *s)
{
	if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s))
		return 0;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-' && *s != '_' && *s != '.')
			return 0;
	return 1;
}

/* Whether s is an area code: A-Z 0-9 first, then A-Z 0-9 -. */
static int is_code(const char *s)
{
	if (!isupper((unsigned char)*s) && !isdigit((unsigned char)*s))
		return 0;
	for (; *s; s++)
		if (!isupper((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-')
			return 0;
	return 1;
}

/* See record.h. */
int is_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || !at[1] || strchr(at + 1, '@'))
		return 0;
	for (; *s; s++)
		if (isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* Append the codes of values as "a, b or c" to out; in Dutch with the
 * Dutch word that is accepted too: "active (lopend)". */
static void list_codes(struct buf *out, const char *const *values)
{
	for (size_t i = 0; values[i]; i++) {
		const char *word = i18n_get() == LANG_NL ? code_word(values[i]) : NULL;
		if (i)
			buf_adds(out, values[i + 1] ? ", " : _(" or "));
		buf_adds(out, values[i]);
		if (word)
			buf_printf(out, " (%s)", word);
	}
}

/* Validate one scalar value (not a list) as field f into v. text must live
 * in the batch's arena (v keeps pointing at it). */
static int parse_scalar(struct batch *b, const struct field_def *f, const char *text, struct fval *v, const char *file,
			int line, int col)
{
	size_t chars = utf8_count(text, strlen(text));
	struct buf what = BUF_INIT;
	int rc = 0;
	v->text = text; /* every caller passes a copy in the batch's arena */
	switch (f->type) {
	case FT_ID:
		if (!is_id(text) || chars > (size_t)f->max_len) {
			buf_printf(&what, _("an id of at most %d lower-case letters, digits, '-', '_' and '.'"),
				   f->max_len);
			rc = bad_value(b, file, line, col, what.data, text);
		}
		break;
	case FT_CODE:
		if (!is_code(text) || chars > (size_t)f->max_len) {
			buf_printf(&what,
				   _("an area code such as GM0637, WK063701, BU06370101 or OG-ENTREE "
				     "(upper-case letters, digits and '-', at most %d)"),
				   f->max_len);
			rc = bad_value(b, file, line, col, what.data, text);
		}
		break;
	case FT_TEXT:
		if (chars > (size_t)f->max_len) {
			diag_add(b->diag, file, line, col, _("expected at most %d characters, found %zu"), f->max_len,
				 chars);
			rc = E_INPUT;
		} else if ((f->flags & F_EMAIL) && !is_email(text)) {
			rc = bad_value(b, file, line, col, _("an e-mail address"), text);
		}
		break;
	case FT_INT:
		if (int_parse(text, f->min < f->max ? (long long)f->min : LLONG_MIN,
			      f->min < f->max ? (long long)f->max : LLONG_MAX, &v->i) < 0) {
			if (f->min < f->max)
				buf_printf(&what, _("a whole number from %.0f to %.0f"), f->min, f->max);
			else
				buf_adds(&what, _("a whole number"));
			rc = bad_value(b, file, line, col, what.data, text);
		}
		break;
	case FT_REAL:
		if (num_parse_ex(text, b->dutch_numbers, &v->d) < 0) {
			rc = bad_value(b, file, line, col, _("a number"), text);
		} else if (f->min < f->max && (v->d < f->min || v->d > f->max)) {
			buf_printf(&what, _("a number from %g to %g"), f->min, f->max);
			rc = bad_value(b, file, line, col, what.data, text);
		}
		break;
	case FT_DATE: {
		char iso[11];
		if (date_parse(text, iso) < 0)
			rc = bad_value(b, file, line, col, _("a date such as 2026-12-31 or 31-12-2026"), text);
		else
			v->text = arena_strdup(&b->arena, iso);
		break;
	}
	case FT_DATETIME: {
		char iso[21];
		if (datetime_parse(text, iso) < 0)
			rc = bad_value(b, file, line, col, _("a date and time such as 2026-12-31T14:05:00Z"), text);
		else
			v->text = arena_strdup(&b->arena, iso);
		break;
	}
	case FT_BOOL: {
		int yes;
		if (bool_parse(text, &yes) < 0)
			rc = bad_value(b, file, line, col, _("ja or nee (yes/no, true/false, 1/0)"), text);
		else
			v->i = yes;
		break;
	}
	case FT_ENUM: {
		const char *code = enum_resolve(f->values, text);
		if (!code) {
			list_codes(&what, f->values);
			rc = bad_value(b, file, line, col, what.data, text);
		} else {
			v->text = code;
		}
		break;
	}
	case FT_SCORE:
		if (strcasecmp(text, "n.v.t.") == 0 || strcasecmp(text, "nvt") == 0 || strcasecmp(text, "na") == 0 ||
		    strcasecmp(text, "n/a") == 0) {
			v->na = 1;
			v->text = "n.v.t.";
		} else if (int_parse(text, -100, 100, &v->i) < 0) {
			rc = bad_value(b, file, line, col, _("a whole-number score or n.v.t."), text);
		}
		break;
	case FT_SOURCE:
		if (strcasecmp(text, "illustratief") == 0 || strcasecmp(text, "voorbeeld") == 0)
			v->text = "illustrative";
		else if (!enum_has(source_values, text)) {
			list_codes(&what, source_values);
			rc = bad_value(b, file, line, col, what.data, text);
		}
		break;
	}
	buf_free(&what);
	return rc;
}

/* Copy s without leading and trailing white space into the arena. */
static char *trimmed(struct arena *a, const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

/* See record.h. For a list field, text holds the values separated by '|'
 * (or ',' or ';'). */
int fval_parse(struct batch *b, const struct field_def *f, const char *text, struct fval *v, const char *file, int line,
	       int col)
{
	const char *t = trimmed(&b->arena, text, strlen(text));
	v->present = 1;
	v->line = line;
	v->col = col;
	if (!*t) {
		v->is_null = 1;
		v->text = NULL;
		v->nlist = 0;
		return 0;
	}
	if (!(f->flags & F_LIST))
		return parse_scalar(b, f, t, v, file, line, col);
	/* Split the list and validate each value. */
	size_t n = 1, k = 0;
	for (const char *p = t; *p; p++)
		if (*p == '|' || *p == ',' || *p == ';')
			n++;
	v->list = arena_calloc(&b->arena, n, sizeof(*v->list));
	v->list_line = arena_calloc(&b->arena, n, sizeof(int));
	v->list_col = arena_calloc(&b->arena, n, sizeof(int));
	int rc = 0;
	const char *start = t;
	for (const char *p = t;; p++) {
		if (*p && *p != '|' && *p != ',' && *p != ';')
			continue;
		char *one = trimmed(&b->arena, start, (size_t)(p - start));
		if (*one) {
			struct fval tmp = { 0 };
			for (size_t j = 0; j < k; j++)
				if (strcmp(v->list[j], one) == 0) {
					rc = bad_value(b, file, line, col, _("each value once in a list"), one);
					goto next;
				}
			if (parse_scalar(b, f, one, &tmp, file, line, col) < 0)
				rc = E_INPUT;
			v->list[k] = tmp.text;
			v->list_line[k] = line;
			v->list_col[k] = col;
			k++;
		}
	next:
		if (!*p)
			break;
		start = p + 1;
	}
	v->nlist = k;
	return rc;
}

/* See record.h. */
int fsrc_parse(struct batch *b, struct record *rec, const char *text, int line, int col)
{
	const char *t = trimmed(&b->arena, text, strlen(text));
	size_t n = 1, k = 0;
	int rc = 0;
	rec->fsrc_present = 1;
	rec->fsrc_line = line;
	rec->fsrc_col = col;
	rec->nfsrcs = 0;
	if (!*t)
		return 0;
	for (const char *p = t; *p; p++)
		if (*p == '|' || *p == ',' || *p == ';')
			n++;
	rec->fsrcs = arena_calloc(&b->arena, n, sizeof(*rec->fsrcs));
	const char *start = t;
	for (const char *p = t;; p++) {
		if (*p && *p != '|' && *p != ',' && *p != ';')
			continue;
		char *one = trimmed(&b->arena, start, (size_t)(p - start));
		if (*one) {
			char *colon = strchr(one, ':');
			int year, fi = -1;
			const char *src = NULL;
			if (colon) {
				*colon = '\0';
				src = trimmed(&b->arena, colon + 1, strlen(colon + 1));
				one = trimmed(&b->arena, one, strlen(one));
				fi = reg_field(rec->reg, one, &year);
				if (fi < 0) {
					/* a yearly family without year ("budget") */
					int j = reg_field_index(rec->reg, one);
					if (j >= 0 && (rec->reg->fields[j].flags & F_YEARLY))
						fi = j;
				}
			}
			if (!colon || fi < 0 || (rec->reg->fields[fi].flags & F_NOSOURCE)) {
				rc = bad_value(b, rec->file, line, col,
					       _("field:source pairs such as description:illustrative, "
						 "naming fields of this register"),
					       colon ? one : t);
			} else if (strcasecmp(src, "illustratief") == 0) {
				rec->fsrcs[k].field = rec->reg->fields[fi].key;
				rec->fsrcs[k].source = "illustrative";
			} else if (!enum_has(source_values, src)) {
				struct buf what = BUF_INIT;
				buf_adds(&what, _("a source: "));
				list_codes(&what, source_values);
				rc = bad_value(b, rec->file, line, col, what.data, src);
				buf_free(&what);
			} else {
				rec->fsrcs[k].source = arena_strdup(&b->arena, src);
			}
			if (rc == 0 && fi >= 0) {
				const struct field_def *f = &rec->reg->fields[fi];
				int yr;
				if ((f->flags & F_YEARLY) && reg_field(rec->reg, one, &yr) >= 0 && yr)
					rec->fsrcs[k].field = arena_printf(&b->arena, "%s_%d", f->key, yr);
				else
					rec->fsrcs[k].field = f->key;
				k++;
			}
		}
		if (!*p)
			break;
		start = p + 1;
	}
	rec->nfsrcs = k;
	return rc;
}

/* See record.h. */
struct fval *record_year_value(struct batch *b, struct record *rec, int fi, int y)
{
	struct yval *ny = arena_calloc(&b->arena, rec->nyears + 1, sizeof(*ny));
	if (rec->nyears)
		memcpy(ny, rec->years, rec->nyears * sizeof(*ny));
	rec->years = ny;
	ny[rec->nyears].field = fi;
	ny[rec->nyears].year = y;
	return &ny[rec->nyears++].v;
}

/* Column of a CSV header: a field (with year), field_sources, or nothing. */
struct column {
	int field; /* field index, -1 for field_sources */
	int year;  /* year of a yearly field, else 0 */
	int fsrc;  /* 1 for the field_sources column */
};

/* See record.h. */
int batch_add_csv(struct batch *b, const char *name, const char *text, size_t len, const struct register_def *r,
		  const struct file_alias *alias)
{
	struct csv_reader cr;
	struct column *cols = NULL;
	int rc, errors_before = b->diag->count;
	size_t ncols;
	int default_field = alias && alias->default_key ? reg_field_index(r, alias->default_key) : -1;
	name = arena_strdup(&b->arena, name);
	if ((rc = csv_open(&cr, name, text, len, b->diag)) < 0)
		goto out;
	if ((rc = csv_next(&cr, b->diag)) <= 0) {
		if (rc == 0)
			rc = diag_add(b->diag, name, 0, 0, _("empty file: expected a header line"));
		goto out;
	}
	ncols = cr.nfields;
	cols = xcalloc(ncols, sizeof(*cols));
	b->dutch_numbers = cr.delim == ';';
	/* The header: map every column to a field. */
	for (size_t i = 0; i < ncols; i++) {
		const char *h = trimmed(&b->arena, csv_text(&cr, i), cr.fields[i].len);
		int year;
		if (strcasecmp(h, "field_sources") == 0 || strcasecmp(h, "bron_per_veld") == 0) {
			cols[i].field = -1;
			cols[i].fsrc = 1;
		} else if ((cols[i].field = reg_field(r, h, &year)) >= 0) {
			cols[i].year = year;
			if ((r->fields[cols[i].field].flags & F_YEARLY) && !year)
				cols[i].field = -1;
		}
		if (cols[i].field < 0 && !cols[i].fsrc) {
			struct buf keys = BUF_INIT;
			for (size_t k = 0; k < r->nfields; k++) {
				if (k)
					buf_adds(&keys, ", ");
				buf_adds(&keys, r->fields[k].key);
				if (r->fields[k].flags & F_YEARLY)
					buf_adds(&keys, "_YYYY");
			}
			buf_adds(&keys, ", field_sources");
			diag_add(b->diag, name, cr.fields[i].line, cr.fields[i].col,
				 _("unknown column \"%s\" for register %s; expected one of: %s"), h, r->name,
				 keys.data);
			buf_free(&keys);
			rc = E_INPUT;
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (cols[j].field == cols[i].field && cols[j].year == cols[i].year &&
			    cols[j].fsrc == cols[i].fsrc && (cols[i].field >= 0 || cols[i].fsrc)) {
				diag_add(b->diag, name, cr.fields[i].line, cr.fields[i].col,
					 _("expected each column once, found \"%s\" again"), h);
				rc = E_INPUT;
			}
	}
	for (size_t k = 0; k < r->nfields; k++) {
		int found = 0;
		if (!(r->fields[k].flags & F_KEY))
			continue;
		for (size_t i = 0; i < ncols; i++)
			if (cols[i].field == (int)k)
				found = 1;
		if (!found) {
			diag_add(b->diag, name, 1, 0, _("missing column \"%s\": every row needs its %s"),
				 r->fields[k].key, r->fields[k].key);
			rc = E_INPUT;
		}
	}
	if (rc < 0)
		goto out;
	/* The rows. */
	while ((rc = csv_next(&cr, b->diag)) > 0) {
		struct record *rec = batch_new_record(b, r, name, cr.row_line);
		if (cr.nfields > ncols) {
			diag_add(b->diag, name, cr.fields[ncols].line, cr.fields[ncols].col,
				 _("expected %zu fields as in the header, found %zu"), ncols, cr.nfields);
			rc = E_INPUT;
		}
		for (size_t i = 0; i < ncols && i < cr.nfields; i++) {
			const struct csv_field *cf = &cr.fields[i];
			const char *t = csv_text(&cr, i);
			if (cols[i].fsrc) {
				fsrc_parse(b, rec, t, cf->line, cf->col);
			} else if (cols[i].year) {
				struct fval *v = record_year_value(b, rec, cols[i].field, cols[i].year);
				fval_parse(b, &r->fields[cols[i].field], t, v, name, cf->line, cf->col);
			} else {
				fval_parse(b, &r->fields[cols[i].field], t, &rec->vals[cols[i].field], name, cf->line,
					   cf->col);
			}
		}
		/* Cells missing at the end of a short row count as empty. */
		for (size_t i = cr.nfields; i < ncols; i++) {
			if (cols[i].fsrc)
				rec->fsrc_present = 1;
			else {
				struct fval *v = cols[i].year ? record_year_value(b, rec, cols[i].field, cols[i].year)
							      : &rec->vals[cols[i].field];
				v->present = v->is_null = 1;
			}
		}
		if (default_field >= 0 && (!rec->vals[default_field].present || rec->vals[default_field].is_null))
			fval_parse(b, &r->fields[default_field], alias->default_value, &rec->vals[default_field], name,
				   cr.row_line, 0);
		for (size_t k = 0; k < r->nfields; k++)
			if ((r->fields[k].flags & F_KEY) && rec->vals[k].present && rec->vals[k].is_null)
				diag_add(b->diag, name, rec->vals[k].line, rec->vals[k].col,
					 _("missing required field \"%s\""), r->fields[k].key);
		if (diag_full(b->diag))
			break;
	}
out:
	b->dutch_numbers = 0;
	free(cols);
	csv_close(&cr);
	return rc < 0 || b->diag->count > errors_before ? E_INPUT : 0;
}

/* Convert a JSON scalar to the text form the field parser takes. Returns
 * NULL for null, or the text. */
static const char *json_scalar_text(const struct json_value *v)
{
	switch (v->type) {
	case JSON_NULL: return "";
	case JSON_TRUE: return "true";
	case JSON_FALSE: return "false";
	case JSON_NUMBER:
	case JSON_STRING: return v->str;
	default: return NULL;
	}
}

/* Read a yearly field given as an object {"2024": 1000, ...} into rec. */
static int json_yearly(struct batch *b, const char *name, struct record *rec, int fy, const struct json_value *v)
{
	int rc = 0;
	for (size_t k = 0; k < v->n; k++) {
		const struct json_member *ym = &v->members[k];
		const char *s = json_scalar_text(ym->value);
		long long y;
		if (int_parse(ym->key, 1800, 2200, &y) < 0) {
			rc = bad_value(b, name, ym->line, ym->col, _("a year"), ym->key);
			continue;
		}
		if (!s) {
			rc = diag_add(b->diag, name, ym->value->line, ym->value->col, _("expected a number, found %s"),
				      json_type_name(ym->value));
			continue;
		}
		if (fval_parse(b, &rec->reg->fields[fy], s, record_year_value(b, rec, fy, (int)y), name,
			       ym->value->line, ym->value->col) < 0)
			rc = E_INPUT;
	}
	return rc;
}

/* See record.h. */
int batch_add_json_record(struct batch *b, const char *name, const struct register_def *r, const struct json_value *obj)
{
	struct record *rec;
	int rc = 0;
	if (obj->type != JSON_OBJECT) {
		diag_add(b->diag, name, obj->line, obj->col, _("expected an object (a record of %s), found %s"),
			 r->name, json_type_name(obj));
		return E_INPUT;
	}
	rec = batch_new_record(b, r, name, obj->line);
	for (size_t i = 0; i < obj->n; i++) {
		const struct json_member *m = &obj->members[i];
		const struct json_value *v = m->value;
		int year, fi;
		if (strcmp(m->key, "field_sources") == 0) {
			struct buf t = BUF_INIT;
			if (v->type == JSON_NULL) {
				rec->fsrc_present = 1;
				continue;
			}
			if (v->type != JSON_OBJECT) {
				diag_add(b->diag, name, v->line, v->col,
					 _("expected an object such as {\"budget\": \"illustrative\"}, found %s"),
					 json_type_name(v));
				rc = E_INPUT;
				continue;
			}
			for (size_t k = 0; k < v->n; k++) {
				const char *s = json_scalar_text(v->members[k].value);
				if (k)
					buf_addch(&t, '|');
				buf_printf(&t, "%s:%s", v->members[k].key, s ? s : "?");
			}
			if (fsrc_parse(b, rec, t.data, v->line, v->col) < 0)
				rc = E_INPUT;
			buf_free(&t);
			continue;
		}
		fi = reg_field(r, m->key, &year);
		if (fi >= 0 && !year && strcmp(r->fields[fi].key, m->key) != 0)
			fi = -1; /* JSON takes the English keys, not the Dutch labels */
		if (fi < 0) {
			int fy = reg_field_index(r, m->key);
			if (fy >= 0 && (r->fields[fy].flags & F_YEARLY) && v->type == JSON_OBJECT) {
				if (json_yearly(b, name, rec, fy, v) < 0)
					rc = E_INPUT;
				continue;
			}
			diag_add(b->diag, name, m->line, m->col, _("unknown member \"%s\" for register %s"), m->key,
				 r->name);
			rc = E_INPUT;
			continue;
		}
		const struct field_def *f = &r->fields[fi];
		struct fval *fv = year ? record_year_value(b, rec, fi, year) : &rec->vals[fi];
		if (f->flags & F_LIST) {
			if (v->type == JSON_NULL) {
				fv->present = fv->is_null = 1;
				continue;
			}
			if (v->type != JSON_ARRAY) {
				diag_add(b->diag, name, v->line, v->col, _("expected an array for field %s, found %s"),
					 f->key, json_type_name(v));
				rc = E_INPUT;
				continue;
			}
			fv->present = 1;
			fv->line = v->line;
			fv->col = v->col;
			fv->list = arena_calloc(&b->arena, v->n + 1, sizeof(*fv->list));
			fv->list_line = arena_calloc(&b->arena, v->n + 1, sizeof(int));
			fv->list_col = arena_calloc(&b->arena, v->n + 1, sizeof(int));
			for (size_t k = 0; k < v->n; k++) {
				const struct json_value *e = v->items[k];
				struct fval one = { 0 };
				if (e->type != JSON_STRING) {
					diag_add(b->diag, name, e->line, e->col, _("expected a string, found %s"),
						 json_type_name(e));
					rc = E_INPUT;
					continue;
				}
				const char *t = trimmed(&b->arena, e->str, e->len);
				if (!*t) {
					rc = bad_value(b, name, e->line, e->col, _("a value"), "");
					continue;
				}
				if (parse_scalar(b, f, t, &one, name, e->line, e->col) < 0) {
					rc = E_INPUT;
					continue;
				}
				for (size_t j = 0; j < fv->nlist; j++)
					if (strcmp(fv->list[j], one.text) == 0) {
						bad_value(b, name, e->line, e->col, _("each value once in a list"),
							  e->str);
						rc = E_INPUT;
						goto next_item;
					}
				fv->list[fv->nlist] = one.text;
				fv->list_line[fv->nlist] = e->line;
				fv->list_col[fv->nlist] = e->col;
				fv->nlist++;
			next_item:;
			}
			continue;
		}
		const char *s = json_scalar_text(v);
		if (!s) {
			diag_add(b->diag, name, v->line, v->col, _("expected a single value for %s, found %s"), f->key,
				 json_type_name(v));
			rc = E_INPUT;
			continue;
		}
		if (fval_parse(b, f, s, fv, name, v->line, v->col) < 0)
			rc = E_INPUT;
	}
	for (size_t k = 0; k < r->nfields; k++)
		if ((r->fields[k].flags & F_KEY) && (!rec->vals[k].present || rec->vals[k].is_null)) {
			diag_add(b->diag, name, obj->line, obj->col, _("missing required field \"%s\""),
				 r->fields[k].key);
			rc = E_INPUT;
		}
	return rc;
}

/* See record.h. */
int batch_add_json(struct batch *b, const char *name, const char *text, size_t len)
{
	struct json_value *root;
	int rc = 0;
	name = arena_strdup(&b->arena, name);
	root = json_parse(&b->arena, name, text, len, b->diag);
	if (!root)
		return E_INPUT;
	if (root->type != JSON_OBJECT) {
		diag_add(b->diag, name, root->line, root->col,
			 _("expected an object whose members are registers (items, areas, ...), found %s"),
			 json_type_name(root));
		return E_INPUT;
	}
	for (size_t i = 0; i < root->n; i++) {
		const struct json_member *m = &root->members[i];
		const struct register_def *r = reg_by_name(m->key);
		if (!r || strcmp(r->name, m->key) != 0) {
			struct buf names = BUF_INIT;
			for (int k = 0; k < REG_COUNT; k++) {
				if (k)
					buf_adds(&names, ", ");
				buf_adds(&names, reg_get(k)->name);
			}
			diag_add(b->diag, name, m->line, m->col, _("unknown register \"%s\"; expected one of: %s"),
				 m->key, names.data);
			buf_free(&names);
			rc = E_INPUT;
			continue;
		}
		if (m->value->type != JSON_ARRAY) {
			diag_add(b->diag, name, m->value->line, m->value->col,
				 _("expected an array of records, found %s"), json_type_name(m->value));
			rc = E_INPUT;
			continue;
		}
		for (size_t k = 0; k < m->value->n; k++) {
			if (batch_add_json_record(b, name, r, m->value->items[k]) < 0)
				rc = E_INPUT;
			if (diag_full(b->diag))
				return E_INPUT;
		}
	}
	return rc;
}

/* See record.h. */
int batch_add_kwb(struct batch *b, const char *name, const char *text, size_t len, int year)
{
	struct csv_reader cr;
	const struct register_def *r = reg_get(REG_INDICATOR_VALUES);
	int fi_ind = reg_field_index(r, "indicator"), fi_area = reg_field_index(r, "area"),
	    fi_year = reg_field_index(r, "year"), fi_value = reg_field_index(r, "value"),
	    fi_src = reg_field_index(r, "source"), fi_note = reg_field_index(r, "source_note");
	int code_col = -1, rc, errors_before = b->diag->count;
	char **headers = NULL;
	char yeartext[8];
	const char *note;
	name = arena_strdup(&b->arena, name);
	note = arena_strdup(&b->arena, path_basename(name));
	snprintf(yeartext, sizeof(yeartext), "%d", year);
	if ((rc = csv_open(&cr, name, text, len, b->diag)) < 0)
		goto out;
	if ((rc = csv_next(&cr, b->diag)) <= 0) {
		if (rc == 0)
			rc = diag_add(b->diag, name, 0, 0, _("empty file: expected a header line"));
		goto out;
	}
	headers = xcalloc(cr.nfields, sizeof(*headers));
	for (size_t i = 0; i < cr.nfields; i++) {
		headers[i] = trimmed(&b->arena, csv_text(&cr, i), cr.fields[i].len);
		if (code_col < 0 &&
		    (strcasecmp(headers[i], "code") == 0 || strcasecmp(headers[i], "gwb_code_10") == 0 ||
		     strcasecmp(headers[i], "gwb_code") == 0))
			code_col = (int)i;
	}
	if (code_col < 0) {
		rc = diag_add(b->diag, name, 1, 0,
			      _("expected a column with the area code (code, gwb_code_10 or gwb_code), found none"));
		goto out;
	}
	size_t ncols = cr.nfields;
	while ((rc = csv_next(&cr, b->diag)) > 0) {
		const char *code;
		if ((size_t)code_col >= cr.nfields)
			continue;
		code = trimmed(&b->arena, csv_text(&cr, (size_t)code_col), cr.fields[code_col].len);
		for (size_t i = 0; i < ncols && i < cr.nfields; i++) {
			const char *cell;
			struct record *rec;
			if ((int)i == code_col)
				continue;
			cell = trimmed(&b->arena, csv_text(&cr, i), cr.fields[i].len);
			if (!*cell || strcmp(cell, ".") == 0)
				continue; /* CBS writes '.' for "not available" */
			rec = batch_new_record(b, r, name, cr.row_line);
			rec->kwb = 1;
			rec->vals[fi_ind].present = 1;
			rec->vals[fi_ind].text = headers[i];
			rec->vals[fi_ind].line = 1;
			rec->vals[fi_ind].col = cr.fields[i].col;
			fval_parse(b, &r->fields[fi_area], code, &rec->vals[fi_area], name, cr.fields[code_col].line,
				   cr.fields[code_col].col);
			fval_parse(b, &r->fields[fi_year], yeartext, &rec->vals[fi_year], name, cr.row_line, 0);
			rec->vals[fi_value].present = 1;
			rec->vals[fi_value].text = cell;
			rec->vals[fi_value].line = cr.fields[i].line;
			rec->vals[fi_value].col = cr.fields[i].col;
			fval_parse(b, &r->fields[fi_src], "cbs", &rec->vals[fi_src], name, cr.row_line, 0);
			fval_parse(b, &r->fields[fi_note], note, &rec->vals[fi_note], name, cr.row_line, 0);
		}
		if (diag_full(b->diag))
			break;
	}
out:
	free(headers);
	csv_close(&cr);
	return rc < 0 || b->diag->count > errors_before ? E_INPUT : 0;
}

/* The year in a kwb file name ("cbs-kwb-2024-..."), or 0. */
static int kwb_year(const char *base)
{
	for (const char *p = base; *p; p++) {
		if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4]) &&
		    (p == base || !isdigit((unsigned char)p[-1]))) {
			int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			if (y >= 1990 && y <= 2200)
				return y;
		}
	}
	return 0;
}

/* See record.h. */
int batch_add_file(struct batch *b, const char *name, const char *text, size_t len, const char *as)
{
	const char *base = path_basename(name);
	const struct file_alias *alias = NULL;
	const struct register_def *r;
	if (as && strcmp(as, "kwb") != 0) {
		r = reg_by_name(as);
		if (!r)
			return diag_add(b->diag, name, 0, 0, _("unknown register \"%s\""), as);
		return batch_add_csv(b, name, text, len, r, NULL);
	}
	if ((as && strcmp(as, "kwb") == 0) || starts_with(base, "cbs-kwb-") || starts_with(base, "kwb-")) {
		int year = kwb_year(base);
		if (!year)
			return diag_add(b->diag, name, 0, 0,
					_("expected a CBS kwb file name with its year, such as kwb-2024.csv"));
		return batch_add_kwb(b, name, text, len, year);
	}
	if (ends_with(base, ".json"))
		return batch_add_json(b, name, text, len);
	r = reg_by_file(name, &alias);
	if (!r) {
		struct buf names = BUF_INIT;
		for (int k = 0; k < REG_COUNT; k++) {
			if (k)
				buf_adds(&names, ", ");
			buf_printf(&names, "%s.csv", reg_get(k)->name);
		}
		diag_add(b->diag, name, 0, 0,
			 _("cannot tell which register this file holds; name it after one (%s) or use --as"),
			 names.data);
		buf_free(&names);
		return E_INPUT;
	}
	return batch_add_csv(b, name, text, len, r, alias);
}

/* See record.h. */
const char *record_key(struct arena *a, const struct record *rec)
{
	struct buf k = BUF_INIT;
	size_t nk = reg_nkeys(rec->reg);
	char *s;
	for (size_t i = 0; i < nk; i++) {
		if (i)
			buf_addch(&k, '/');
		buf_adds(&k, rec->vals[i].text ? rec->vals[i].text : "");
	}
	s = arena_strndup(a, k.data, k.len);
	buf_free(&k);
	return s;
}
