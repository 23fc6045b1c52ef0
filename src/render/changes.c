/*
 * changes.c - an audit log entry as a readable list of changes; see
 * changes.h.
 */
#include "steiger.h"
#include "core/register.h"
#include "render/changes.h"

/* Lists longer than this are folded into <details>. */
#define FOLD_AFTER 6

/* One line of the list. */
struct change_line {
	const char *label; /* the field, for people */
	const char *old;   /* the value before, or NULL (an addition) */
	const char *new;   /* the value after, or NULL (a removal) */
};

/* The lines of one entry. */
struct change_lines {
	struct change_line *l; /* the lines (in the arena) */
	size_t n, cap;
};

/* Columns whose values the log never holds (audit.c logs "set"). */
static const char *const secret_columns[] = { "password_hash", "token_hash", NULL };

/* Add a line. */
static void add_line(struct arena *a, struct change_lines *ls, const char *label, const char *old, const char *new)
{
	if (ls->n == ls->cap) {
		size_t cap = ls->cap ? ls->cap * 2 : 16;
		struct change_line *grown = arena_calloc(a, cap, sizeof(*grown));
		if (ls->n)
			memcpy(grown, ls->l, ls->n * sizeof(*grown));
		ls->l = grown;
		ls->cap = cap;
	}
	ls->l[ls->n].label = label;
	ls->l[ls->n].old = old;
	ls->l[ls->n].new = new;
	ls->n++;
}

/* The register kept in table tbl, or NULL. */
static const struct register_def *register_of(const char *tbl)
{
	for (int i = 0; i < REG_COUNT; i++) {
		const struct register_def *r = reg_get((enum reg_id)i);
		if (r && strcmp(r->table, tbl) == 0)
			return r;
	}
	return NULL;
}

/* The field of r named key (also "budget_2025"), or NULL; its year goes
 * to *year. */
static const struct field_def *field_of(const struct register_def *r, const char *key, int *year)
{
	int i;
	*year = 0;
	if (!r)
		return NULL;
	i = reg_field(r, key, year);
	return i >= 0 ? &r->fields[i] : NULL;
}

/* Labels of columns that are not fields of a register (accounts' and
 * tokens' own columns, the rows of child tables). */
static const struct {
	const char *column; /* the column */
	const char *label;  /* its label (English msgid) */
} column_labels[] = {
	{ "password_hash", N_("password") },  { "token_hash", N_("token") },       { "created_at", N_("created") },
	{ "revoked_at", N_("revoked") },      { "last_used_at", N_("last used") }, { "account", N_("account") },
	{ "description", N_("description") },
};

/* The human label of key in register r. */
static const char *label_of(struct arena *a, const struct register_def *r, const char *key)
{
	int year;
	const struct field_def *f = field_of(r, key, &year);
	for (size_t i = 0; !f && i < ARRAY_SIZE(column_labels); i++)
		if (strcmp(column_labels[i].column, key) == 0)
			return tr(column_labels[i].label);
	if (!f)
		return key;
	if (year)
		return arena_printf(a, "%s %d", tr(f->label), year);
	return tr(f->label);
}

/* Whether two JSON values are the same. */
static int json_same(const struct json_value *x, const struct json_value *y)
{
	if (!x || !y)
		return x == y;
	if (x->type != y->type)
		return 0;
	switch (x->type) {
	case JSON_NUMBER: return x->num == y->num;
	case JSON_STRING: return x->len == y->len && memcmp(x->str, y->str, x->len) == 0;
	case JSON_ARRAY:
		if (x->n != y->n)
			return 0;
		for (size_t i = 0; i < x->n; i++)
			if (!json_same(x->items[i], y->items[i]))
				return 0;
		return 1;
	case JSON_OBJECT:
		if (x->n != y->n)
			return 0;
		for (size_t i = 0; i < x->n; i++)
			if (!json_same(x->members[i].value, json_get(y, x->members[i].key)))
				return 0;
		return 1;
	default: return 1;
	}
}

/* Whether v holds nothing: null, "", [] or {}. */
static int json_empty(const struct json_value *v)
{
	return !v || v->type == JSON_NULL || (v->type == JSON_STRING && !v->len) ||
	       ((v->type == JSON_ARRAY || v->type == JSON_OBJECT) && !v->n);
}

/* Append the text of value v of field f (may be NULL) to b. */
static void add_value(struct buf *b, const struct field_def *f, const struct json_value *v)
{
	switch (v->type) {
	case JSON_NULL: buf_adds(b, _("(empty)")); break;
	case JSON_TRUE: buf_adds(b, _("yes")); break;
	case JSON_FALSE: buf_adds(b, _("no")); break;
	case JSON_NUMBER:
		if (f && f->type == FT_BOOL)
			buf_adds(b, v->num != 0 ? _("yes") : _("no"));
		else
			buf_adds(b, v->str);
		break;
	case JSON_STRING:
		if (f && (f->type == FT_ENUM || f->type == FT_SOURCE))
			buf_adds(b, code_label(v->str));
		else
			buf_add(b, v->str, v->len);
		break;
	case JSON_ARRAY:
		if (!v->n)
			buf_adds(b, _("(empty)"));
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				buf_adds(b, ", ");
			add_value(b, f, v->items[i]);
		}
		break;
	case JSON_OBJECT:
		if (!v->n)
			buf_adds(b, _("(empty)"));
		for (size_t i = 0; i < v->n; i++) {
			buf_printf(b, "%s%s: ", i ? "; " : "", v->members[i].key);
			add_value(b, NULL, v->members[i].value);
		}
		break;
	}
}

/* The text of value v of field f, at most CHANGE_VALUE_MAX characters. */
static const char *value_text(struct arena *a, const struct field_def *f, const struct json_value *v)
{
	struct buf b = BUF_INIT;
	size_t off = 0, chars = 0;
	char *s;
	add_value(&b, f, v);
	while (off < b.len && chars < CHANGE_VALUE_MAX) {
		off += utf8_char_len(b.data + off, b.len - off);
		chars++;
	}
	if (off < b.len) {
		buf_truncate(&b, off);
		buf_adds(&b, "\xe2\x80\xa6");
	}
	s = arena_strdup(a, b.data);
	buf_free(&b);
	return s;
}

/* Add the lines of the field-level provenance: the fields whose source
 * differs between before and after (objects field -> source). */
static void add_provenance(struct arena *a, struct change_lines *ls, const struct register_def *r,
			   const struct json_value *before, const struct json_value *after, int update)
{
	const struct json_value *sides[2] = { after, before };
	for (int s = 0; s < 2; s++) {
		const struct json_value *side = sides[s];
		for (size_t i = 0; side && side->type == JSON_OBJECT && i < side->n; i++) {
			const char *key = side->members[i].key;
			const struct json_value *o = json_get(before, key), *n = json_get(after, key);
			if (s == 1 && n)
				continue; /* done from the side after */
			if (update && json_same(o, n))
				continue;
			add_line(a, ls, arena_printf(a, _("provenance of %s"), label_of(a, r, key)),
				 o ? code_label(o->type == JSON_STRING ? o->str : "?") : NULL,
				 n ? code_label(n->type == JSON_STRING ? n->str : "?") : NULL);
		}
	}
}

/* Parse a JSON text of the log; NULL when there is none or it is not an
 * object. */
static const struct json_value *parse(struct arena *a, const char *text)
{
	struct diag d;
	const struct json_value *v;
	if (!text)
		return NULL;
	diag_init(&d, 1);
	v = json_parse(a, "audit", text, strlen(text), &d);
	diag_free(&d);
	return v && v->type == JSON_OBJECT ? v : NULL;
}

/* Collect the lines of an entry. */
static void collect(struct arena *a, struct change_lines *ls, const char *tbl, int update,
		    const struct json_value *before, const struct json_value *after)
{
	const struct register_def *r = register_of(tbl);
	const struct json_value *sides[2] = { after, before };
	for (int s = 0; s < 2; s++) {
		const struct json_value *side = sides[s];
		for (size_t i = 0; side && i < side->n; i++) {
			const char *key = side->members[i].key;
			const struct json_value *o = json_get(before, key), *n = json_get(after, key);
			int year;
			const struct field_def *f = field_of(r, key, &year);
			if (s == 1 && n)
				continue; /* done from the side after */
			if (strcmp(key, "field_sources") == 0) {
				add_provenance(a, ls, r, o, n, update);
				continue;
			}
			if (update ? json_same(o, n) : json_empty(s == 0 ? n : o))
				continue;
			if (enum_has(secret_columns, key)) {
				const char *set = _("(set, not shown)");
				add_line(a, ls, label_of(a, r, key), update && !json_empty(o) ? set : NULL,
					 !json_empty(n) || (!update && !json_empty(o)) ? set : NULL);
				continue;
			}
			add_line(a, ls, label_of(a, r, key), o && update ? value_text(a, f, o) : NULL,
				 n                   ? value_text(a, f, n)
				 : s == 1 && !update ? value_text(a, f, o)
						     : NULL);
		}
	}
}

/* Whether the object v has one of the secret columns. */
static int has_secret(const struct json_value *v)
{
	for (size_t i = 0; secret_columns[i]; i++)
		if (json_get(v, secret_columns[i]))
			return 1;
	return 0;
}

/* Append one line as HTML. */
static void line_html(struct buf *out, const struct change_line *l, int update)
{
	buf_printf(out, "<li><span class=\"steiger-change__field\">%h</span>: ", l->label);
	if (update) {
		buf_printf(
			out,
			"<span class=\"steiger-change__old\">%h</span> <span aria-hidden=\"true\">\xe2\x86\x92</span>"
			"<span class=\"visually-hidden steiger-visually-hidden\"> %h </span> <span "
			"class=\"steiger-change__new\">%h</span>",
			l->old ? l->old : _("(empty)"), _("becomes"), l->new ? l->new : _("(empty)"));
	} else {
		buf_printf(out, "%h", l->new ? l->new : l->old ? l->old : "");
	}
	buf_adds(out, "</li>\n");
}

/* See changes.h. */
void changes_html(struct buf *out, struct arena *a, const char *tbl, const char *action, const char *before,
		  const char *after)
{
	const struct json_value *b = parse(a, before), *n = parse(a, after);
	int update = strcmp(action, "update") == 0;
	struct change_lines ls = { NULL, 0, 0 };
	if ((before && !b) || (after && !n)) {
		/* Not an object (never written by steiger): show the text. */
		buf_printf(out, "<code class=\"utrecht-code\">%h</code>", after ? after : before);
		return;
	}
	if (strcmp(action, "delete") == 0)
		collect(a, &ls, tbl, 0, b, NULL);
	else
		collect(a, &ls, tbl, update, update ? b : NULL, n);
	if (!ls.n) {
		buf_printf(out, "<p class=\"utrecht-paragraph steiger-muted\">%h</p>",
			   update && (has_secret(b) || has_secret(n))
				   ? _("A password or token was set (the log never holds them).")
				   : _("No values."));
		return;
	}
	int fold = ls.n > FOLD_AFTER;
	if (fold)
		buf_printf(out, "<details><summary>%h</summary>\n",
			   arena_printf(a, update ? _("%zu fields changed") : _("%zu values"), ls.n));
	buf_adds(out, "<ul class=\"utrecht-unordered-list steiger-changes\">\n");
	for (size_t i = 0; i < ls.n; i++)
		line_html(out, &ls.l[i], update);
	buf_adds(out, "</ul>\n");
	if (fold)
		buf_adds(out, "</details>\n");
}
