/*
 * item_show.c - GET /items/:id, the page of one item, and POST
 * /items/:id/comments, a comment on it.
 *
 * The page shows every field with its label and provenance (illustrative
 * values marked *, with a note that says what that means; values from
 * another source than the record say which), the budget and fte per year
 * as a table and, with several years, a chart; the links with other items
 * in both directions; the main lines, goals, pillars and areas it serves
 * as links to their pages. Those who may read internal details also see
 * its contracts, partners, assessments, decisions, history and comments;
 * those who may comment, a comment form. An archived item is not found
 * for the others.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/item_detail.h"
#include "db/read.h"
#include "db/related.h"
#include "pages/item_pages.h"
#include "pages/pages.h"
#include "render/chart.h"
#include "render/html.h"

/* Keep a copy of the record read (callback of db_read_records); its
 * memory is in the arena given to the reader. */
static int keep_record(const struct stored *s, void *arg)
{
	struct stored *out = arg;
	*out = *s;
	return 0;
}

/* Append text as HTML with its line breaks kept. */
static void multiline(struct buf *o, const char *text)
{
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		buf_add_html(o, p, n && p[n - 1] == '\r' ? n - 1 : n);
		if (!nl)
			break;
		buf_adds(o, "<br>\n");
		p = nl + 1;
	}
}

/* Append the provenance of field key of s after its value: the marker when
 * illustrative, the source when it differs from the record's. */
static void provenance(struct buf *o, const struct stored *s, const char *key, const char *row_source)
{
	const char *src = stored_source(s, key);
	if (strcmp(src, "illustrative") == 0)
		item_mark_illustrative(o);
	else if (row_source && strcmp(src, row_source) != 0)
		buf_printf(o, " <span class=\"steiger-source\">(%h: %h)</span>", _("source"), code_label(src));
}

/* Append the value of field i of s for people, then after (HTML, its
 * provenance): after the text, or in the last entry of a list. */
static void field_value(struct request *req, const struct stored *s, size_t i, const char *after)
{
	const struct field_def *f = &s->reg->fields[i];
	struct buf *o = &req->out;
	if (f->flags & F_LIST) {
		buf_adds(o, "<ul class=\"utrecht-unordered-list steiger-inline-list\">");
		for (size_t k = 0; k < s->nlist[i]; k++) {
			const char *v = s->lists[i][k];
			buf_adds(o, "<li>");
			if (f->ref == REG_AREAS) {
				const char *name = db_area_name(req->db, v, req->a);
				buf_printf(o, "<a class=\"utrecht-link\" href=\"/areas/%t\">%h</a>", v,
					   name ? name : v);
			} else if (f->ref == REG_VISION) {
				const char *title = db_vision_title(req->db, v, req->a);
				buf_printf(o, "<a class=\"utrecht-link\" href=\"/vision/%t\">%h</a>", v,
					   title ? title : v);
			} else if (f->type == FT_ENUM) {
				buf_printf(o, "%h", code_label(v));
			} else {
				buf_printf(o, "%h", v);
			}
			if (k + 1 == s->nlist[i])
				buf_adds(o, after);
			buf_adds(o, "</li>");
		}
		buf_adds(o, "</ul>");
		return;
	}
	const char *v = s->vals[i];
	if (f->type == FT_BOOL)
		buf_printf(o, "%h", strcmp(v, "true") == 0 ? _("yes") : _("no"));
	else if (f->type == FT_ENUM || f->type == FT_SOURCE)
		buf_printf(o, "%h", code_label(v));
	else if (f->flags & F_KEY)
		buf_printf(o, "<code>%h</code>", v);
	else
		multiline(o, v);
	buf_adds(o, after);
}

/* Whether field i of s has a value. */
static int has_value(const struct stored *s, size_t i)
{
	return (s->reg->fields[i].flags & F_LIST) ? s->nlist[i] > 0 : s->vals[i] != NULL;
}

/* Whether any value of s is illustrative. */
static int any_illustrative(const struct stored *s)
{
	for (size_t i = 0; i < s->nfsrcs; i++)
		if (strcmp(s->fsrcs[i].source, "illustrative") == 0)
			return 1;
	int fs = reg_field_index(s->reg, "source");
	return fs >= 0 && s->vals[fs] && strcmp(s->vals[fs], "illustrative") == 0;
}

/* The data list of the fields (the links between items are shown apart). */
static void field_list(struct request *req, const struct stored *s)
{
	struct buf *o = &req->out;
	const struct register_def *r = s->reg;
	int fs = reg_field_index(r, "source");
	const char *row_source = fs >= 0 ? s->vals[fs] : NULL;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<dl class=\"utrecht-data-list steiger-fields\">\n",
		   _("Details"));
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		if ((f->flags & F_YEARLY) || (f->ref == REG_ITEMS && (f->flags & F_LIST)) ||
		    strcmp(f->key, "title") == 0 || strcmp(f->key, "source_note") == 0)
			continue;
		buf_printf(o,
			   "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">%h</dt>"
			   "<dd class=\"utrecht-data-list__item-value%s\">",
			   tr(f->label),
			   strcmp(f->key, "description") == 0 ? " utrecht-data-list__item-value--multiline"
							      : ""); /* literal */
		if (!has_value(s, i)) {
			buf_printf(o, "<span class=\"steiger-empty\">%h</span>", _("not filled in"));
		} else if (strcmp(f->key, "source") == 0) {
			buf_printf(o, "%h", code_label(s->vals[i]));
			int ni = reg_field_index(r, "source_note");
			if (ni >= 0 && s->vals[ni]) {
				buf_adds(o, " \xe2\x80\x94 ");
				multiline(o, s->vals[ni]);
			}
		} else {
			struct buf after = BUF_INIT;
			if (!(f->flags & F_NOSOURCE))
				provenance(&after, s, f->key, row_source);
			field_value(req, s, i, after.data);
			buf_free(&after);
		}
		buf_adds(o, "</dd></div>\n");
	}
	buf_adds(o, "</dl>\n");
}

/* The budget and fte per year: a table and, for several years, a chart
 * of the budget. */
static void year_figures(struct request *req, const struct stored *s)
{
	struct buf *o = &req->out;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Budget and staff per year"));
	if (!s->nyears) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("No figures have been entered."));
		return;
	}
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n<caption "
		   "class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\"><tr "
		   "class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>"
		   "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%h</th>"
		   "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%h</th>"
		   "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n",
		   _("Budget (euros) and staff (fte) per year"), _("Year"), _("Budget"), _("FTE"));
	double *budget = arena_calloc(req->a, s->nyears, sizeof(double));
	const char **years = arena_calloc(req->a, s->nyears, sizeof(char *));
	for (size_t y = 0; y < s->nyears; y++) {
		const struct year_vals *yv = &s->years[y];
		double d;
		years[y] = arena_printf(req->a, "%d", yv->year);
		budget[y] = NAN;
		buf_printf(o,
			   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__cell\" scope=\"row\">%d</th>"
			   "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">",
			   yv->year);
		for (int k = 0; k < 2; k++) {
			if (k)
				buf_adds(o, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
			if (yv->vals[k] && num_parse(yv->vals[k], &d) == 0) {
				const char *key = arena_printf(req->a, "%s_%d", k ? "fte" : "budget", yv->year);
				item_figure(o, d, !k, stored_source(s, key));
				if (!k)
					budget[y] = d;
			}
		}
		buf_adds(o, "</td></tr>\n");
	}
	buf_adds(o, "</tbody>\n</table></div>\n");
	if (s->nyears >= 2) {
		struct chart_series series = { _("Budget"), budget };
		struct chart c;
		memset(&c, 0, sizeof(c));
		c.id = "item-budget";
		c.title = _("Budget per year");
		c.category_label = _("Year");
		c.categories = years;
		c.ncategories = s->nyears;
		c.series = &series;
		c.nseries = 1;
		c.unit = CHART_EUR;
		chart_bar(o, &c);
	}
}

/* The heading of one group of links: its type seen from this item. */
static const char *link_heading(const char *type, int incoming)
{
	if (strcmp(type, "implements") == 0)
		return incoming ? _("Carried out by") : _("Carries out");
	if (strcmp(type, "part_of") == 0)
		return incoming ? _("Consists of") : _("Part of");
	return incoming ? _("Replaced by") : _("Replaces");
}

/* The links with other items, both ways. */
static void links(struct request *req, const char *id)
{
	struct buf *o = &req->out;
	struct item_link *l;
	struct err e = { 0, "" };
	int n = db_item_links(req->db, id, item_internal(req), req->a, &l, &e);
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Links with other items"));
	if (n <= 0) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n",
			   n < 0 ? _("The links cannot be read now.") : _("This item has no links with other items."));
		return;
	}
	buf_adds(o, "<dl class=\"utrecht-data-list steiger-links\">\n");
	for (int i = 0; i < n;) {
		int j = i;
		buf_printf(o,
			   "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">%h</dt>"
			   "<dd class=\"utrecht-data-list__item-value\"><ul class=\"utrecht-unordered-list\">\n",
			   link_heading(l[i].type, l[i].incoming));
		for (; j < n && l[j].incoming == l[i].incoming && strcmp(l[j].type, l[i].type) == 0; j++) {
			buf_printf(o, "<li><a class=\"utrecht-link\" href=\"/items/%t\">%h</a> (%h, %h", l[j].id,
				   l[j].title, code_label(l[j].kind), code_label(l[j].status));
			if (l[j].archived)
				buf_printf(o, ", %h", _("archived"));
			buf_adds(o, ")</li>\n");
		}
		buf_adds(o, "</ul></dd></div>\n");
		i = j;
	}
	buf_adds(o, "</dl>\n");
}

/* Append a cell value of a related listing (column key) for people. */
static void related_cell(struct buf *o, const char *key, enum col_type type, const char *v)
{
	double d;
	int nl = i18n_get() == LANG_NL;
	struct buf t = BUF_INIT;
	if (!v)
		return;
	if (strcmp(key, "at") == 0 || strcmp(key, "end_date") == 0 || strcmp(key, "decided_on") == 0) {
		item_when(o, v);
		return;
	}
	if (type == COL_EUR && num_parse(v, &d) == 0)
		eur_format_human(&t, d, nl);
	else if (type == COL_NUM && num_parse(v, &d) == 0)
		num_format_short(&t, d, 2, nl);
	else if (type == COL_CODE)
		buf_adds(&t, code_label(v));
	else if (type == COL_BOOL)
		buf_adds(&t, strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ? _("yes") : _("no"));
	else
		buf_adds(&t, v);
	buf_printf(o, "%h", t.data);
	buf_free(&t);
}

/* Append a section of related records as a table. */
static void related_table(struct request *req, const struct related_section *sec)
{
	struct buf *o = &req->out;
	const struct list_result *rows = &sec->rows;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\" id=\"%h\">%h</h2>\n", sec->key, tr(sec->title));
	if (!rows->nrows) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("None."));
		return;
	}
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n<caption "
		   "class=\"utrecht-table__caption visually-hidden steiger-visually-hidden\">%h</caption>\n<thead "
		   "class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">",
		   tr(sec->title));
	for (size_t c = 0; c < rows->ncols; c++) {
		char *head = arena_strdup(req->a, tr(rows->cols[c].header));
		head[0] = (char)toupper((unsigned char)head[0]); /* ASCII only: the headers start so */
		buf_printf(o, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\">%h</th>",
			   rows->cols[c].type == COL_EUR || rows->cols[c].type == COL_NUM ||
					   rows->cols[c].type == COL_INT
				   ? " utrecht-table__header-cell--numeric"
				   : "",
			   head); /* literal */
	}
	buf_adds(o, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t r = 0; r < rows->nrows; r++) {
		buf_adds(o, "<tr class=\"utrecht-table__row\">");
		for (size_t c = 0; c < rows->ncols; c++) {
			enum col_type t = rows->cols[c].type;
			buf_printf(o, "<td class=\"utrecht-table__cell%s\">",
				   t == COL_EUR || t == COL_NUM || t == COL_INT ? " utrecht-table__cell--numeric"
										: ""); /* literal */
			related_cell(o, rows->cols[c].key, t, rows->cells[r * rows->ncols + c]);
			buf_adds(o, "</td>");
		}
		buf_adds(o, "</tr>\n");
	}
	buf_adds(o, "</tbody>\n</table></div>\n");
}

/* The internal sections: contracts, partners, assessments, decisions and
 * the history. */
static void internal_sections(struct request *req, const char *id)
{
	static const char *const shown[] = { "contracts", "partners", "assessments", "decisions", "history", NULL };
	struct related_section secs[RELATED_MAX];
	struct err e = { 0, "" };
	int n = db_related(req->db, reg_get(REG_ITEMS), id, secs, &e);
	if (n < 0) {
		buf_printf(&req->out, "<p class=\"utrecht-paragraph\">%h</p>\n",
			   _("The contracts, partners and history cannot be read now."));
		return;
	}
	for (int i = 0; i < n; i++)
		if (enum_has(shown, secs[i].key))
			related_table(req, &secs[i]);
	related_free(secs, n);
}

/* The comments and, for those who may comment, the form. */
static void comments(struct request *req, const char *id, const struct form_errors *fe, const char *text)
{
	struct buf *o = &req->out;
	struct item_comment *c;
	struct err e = { 0, "" };
	int n = db_item_comments(req->db, id, req->a, &c, &e);
	buf_printf(o, "<h2 class=\"utrecht-heading-2\" id=\"comments\">%h</h2>\n", _("Comments"));
	if (n <= 0)
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n",
			   n < 0 ? _("The comments cannot be read now.") : _("There are no comments yet."));
	for (int i = 0; i < n; i++) {
		buf_printf(o,
			   "<article class=\"steiger-comment\" id=\"comment-%lld\"><p class=\"utrecht-paragraph "
			   "steiger-comment__meta\"><strong>%h</strong> ",
			   c[i].id, c[i].author_name);
		item_when(o, c[i].created_at);
		buf_adds(o, "</p>\n<p class=\"utrecht-paragraph\">");
		multiline(o, c[i].text);
		buf_adds(o, "</p></article>\n");
	}
	if (!role_can(req->user.role, PERM_COMMENT))
		return;
	buf_printf(o, "<h3 class=\"utrecht-heading-3\">%h</h3>\n", _("Add a comment"));
	form_error_summary(req, fe);
	form_begin(req, arena_printf(req->a, "/items/%t/comments", id));
	field_textarea(req, fe, "text", _("Your comment"), text,
		       _("At most 5000 characters. Everyone who may read internal details can read it."), 1);
	button(req, _("Add the comment"), 1);
	form_end(req);
}

/* The confirmation of what the last request did (?saved=1 ...), or NULL. */
static const char *confirmation(struct request *req)
{
	if (http_query(req, "created"))
		return _("The item has been created.");
	if (http_query(req, "saved"))
		return _("Your changes have been saved.");
	if (http_query(req, "archived"))
		return _("The item has been archived.");
	if (http_query(req, "restored"))
		return _("The item has been restored: it is part of the agenda again.");
	if (http_query(req, "commented"))
		return _("Your comment has been added.");
	return NULL;
}

/* Render the page of item id with the comment form's errors and text;
 * returns status. */
static int item_page(struct request *req, const char *id, const struct form_errors *fe, const char *comment_text,
		     int status)
{
	struct stored s;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	int archived = 0, rc;
	const char *msg;
	if ((rc = item_find(req, id, &archived)) != 0)
		return rc;
	memset(&s, 0, sizeof(s));
	if (db_read_records(req->db, reg_get(REG_ITEMS), id, req->a, keep_record, &s, &e) < 0 || !s.reg)
		return http_error(req, 500, _("The item cannot be read now; try again later."));
	const char *title = s.vals[reg_field_index(s.reg, "title")];
	req->status = status;
	page_begin(req, title, "items");
	buf_printf(o,
		   "<p class=\"utrecht-paragraph steiger-back\"><a class=\"utrecht-link\" href=\"/items\">%h</a></p>\n",
		   _("All items"));
	if ((msg = confirmation(req)) && status == 200)
		buf_printf(o,
			   "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><p "
			   "class=\"utrecht-paragraph\">%h</p></div>\n",
			   msg);
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", title);
	buf_printf(o, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h ",
		   code_label(s.vals[reg_field_index(s.reg, "kind")]));
	status_badge(o, s.vals[reg_field_index(s.reg, "status")]);
	if (archived)
		buf_printf(o, " <span class=\"utrecht-status-badge utrecht-status-badge--inactive\">%h</span>",
			   _("archived"));
	buf_adds(o, "</p>\n");
	if (archived)
		buf_printf(o,
			   "<div class=\"utrecht-alert utrecht-alert--warning\" role=\"note\"><p "
			   "class=\"utrecht-paragraph\">%h</p></div>\n",
			   _("This item is archived: it no longer counts in the agenda, and only people who may read "
			     "internal details see it."));
	if (role_can(req->user.role, PERM_EDIT))
		buf_printf(o,
			   "<p class=\"utrecht-paragraph\"><a class=\"utrecht-button-link utrecht-button-link--html-a "
			   "utrecht-button-link--secondary-action\" href=\"/items/%t/edit\">%h</a></p>\n",
			   id, _("Edit this item"));
	if (any_illustrative(&s))
		item_illustrative_note(req);
	field_list(req, &s);
	year_figures(req, &s);
	links(req, id);
	if (item_internal(req)) {
		internal_sections(req, id);
		comments(req, id, fe, comment_text);
	}
	page_end(req);
	return status;
}

/* See pages.h. */
int page_item(struct request *req)
{
	return item_page(req, req->params[0], NULL, NULL, 200);
}

/* See pages.h. */
int page_item_comment(struct request *req)
{
	const char *id = req->params[0], *text = http_form(req, "text");
	struct form_errors fe;
	struct err e = { 0, "" };
	int rc;
	memset(&fe, 0, sizeof(fe));
	if ((rc = item_find(req, id, NULL)) != 0)
		return rc;
	size_t chars = text ? utf8_count(text, strlen(text)) : 0;
	if (!text || is_blank(text))
		form_error(&fe, "text", _("Write a comment: at least 1 character."));
	else if (chars > COMMENT_MAX)
		form_error(&fe, "text",
			   arena_printf(req->a, _("A comment has at most 5000 characters; this one has %zu."), chars));
	if (!fe.n && db_item_comment_add(req->db, id, req->user.name, text, &e) < 0)
		return http_error(req, 500, _("The comment cannot be saved now; try again later."));
	if (fe.n)
		return item_page(req, id, &fe, text, 422);
	return http_redirect(req, arena_printf(req->a, "/items/%t?commented=1#comments", id));
}
