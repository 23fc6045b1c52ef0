/*
 * vision.c - GET /vision: the vision tree (the vision, its hoofdlijnen
 * and their goals, the pillars, urgent issues and mechanisms) as nested
 * lists under headings, each element with the number, budget and fte of
 * the items serving it, and a bar chart of the budget per hoofdlijn with
 * its table. GET /vision/:id: one element with its text, its place in the
 * tree, its areas and indicators, the items that serve it (archived ones
 * only for PERM_READ_INTERNAL) and their totals.
 *
 * Which items serve an element, and how they are summed, is
 * db/vision_tree.h.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/read.h"
#include "db/vision_tree.h"
#include "pages/pages.h"
#include "pages/places.h"
#include "render/chart.h"
#include "render/html.h"

/* The kinds of the vision in the order the tree shows them, with the
 * heading of a group of them. */
static const struct {
	const char *kind;    /* the code */
	const char *heading; /* heading of a group of them */
} kind_groups[] = {
	{ "hoofdlijn", N_("Main lines") }, { "pillar", N_("Pillars") }, { "urgent_issue", N_("Urgent issues") },
	{ "mechanism", N_("Mechanisms") }, { "goal", N_("Goals") },     { "vision", N_("Visions") },
};

/* Append the sums of an element: items, budget, fte (an asterisk when at
 * least half of the budget is illustrative). */
static void sum_text(struct request *req, const struct status_group *g)
{
	struct buf *o = &req->out;
	struct buf f = BUF_INIT;
	chart_format_value(&f, g->fte, CHART_FTE, 1, req->lang == LANG_NL);
	buf_printf(o, "<span class=\"steiger-sum\">%h: %d, %h ", _("items"), g->count, _("budget"));
	places_eur(req, g->budget);
	if (g->budget > 0 && g->budget_illustrative >= g->budget * 0.5)
		places_source_mark(o, "illustrative");
	buf_printf(o, ", %h</span>", f.data);
	buf_free(&f);
}

/* Append the list item of element i of t and, nested, its children. */
static void tree_item(struct request *req, const struct vision_tree *t, size_t i)
{
	struct buf *o = &req->out;
	const struct vision_node *n = &t->n[i];
	int open = 0;
	buf_adds(o, "<li>");
	places_link(o, "vision", n->id, n->title);
	places_source_mark(o, n->title_source);
	if (strcmp(n->status, "vastgesteld") != 0)
		buf_printf(o, " <span class=\"steiger-status\">(%h)</span>", code_label(n->status));
	buf_adds(o, " \xe2\x80\x94 ");
	sum_text(req, &n->sum);
	for (size_t k = i + 1; k < t->count && t->n[k].depth > n->depth; k++) {
		if (t->n[k].parent_index != (long)i)
			continue;
		if (!open)
			buf_adds(o, "\n<ul class=\"utrecht-unordered-list steiger-tree\">\n");
		open = 1;
		tree_item(req, t, k);
	}
	if (open)
		buf_adds(o, "</ul>\n");
	buf_adds(o, "</li>\n");
}

/* Append the children of root r grouped by kind, each group under an h3. */
static void root_groups(struct request *req, const struct vision_tree *t, size_t r)
{
	struct buf *o = &req->out;
	for (size_t g = 0; g < ARRAY_SIZE(kind_groups); g++) {
		int open = 0;
		for (size_t k = r + 1; k < t->count && t->n[k].depth > t->n[r].depth; k++) {
			if (t->n[k].parent_index != (long)r || strcmp(t->n[k].kind, kind_groups[g].kind) != 0)
				continue;
			if (!open)
				buf_printf(
					o,
					"<h3 class=\"utrecht-heading-3\">%h</h3>\n<ul class=\"utrecht-unordered-list "
					"steiger-tree\">\n",
					tr(kind_groups[g].heading));
			open = 1;
			tree_item(req, t, k);
		}
		if (open)
			buf_adds(o, "</ul>\n");
	}
}

/* Append the bar chart of the budget per hoofdlijn, with its table. */
static void budget_chart(struct request *req, const struct vision_tree *t)
{
	size_t n = 0;
	const char **labels = arena_calloc(req->a, t->count + 1, sizeof(*labels));
	double *budget = arena_calloc(req->a, t->count + 1, sizeof(*budget));
	double *illustrative = arena_calloc(req->a, t->count + 1, sizeof(*illustrative));
	for (size_t i = 0; i < t->count; i++) {
		if (strcmp(t->n[i].kind, "hoofdlijn") != 0)
			continue;
		labels[n] = t->n[i].title;
		budget[n] = t->n[i].sum.budget;
		illustrative[n] = t->n[i].sum.budget_illustrative;
		n++;
	}
	struct chart_series series[2] = {
		{ _("Budget"), budget },
		{ _("of which illustrative"), illustrative },
	};
	struct chart c = { 0 };
	c.id = "budget-per-main-line";
	c.title = t->year ? arena_printf(req->a, _("Budget per main line in %d"), t->year) : _("Budget per main line");
	c.category_label = _("Main line");
	c.categories = labels;
	c.ncategories = n;
	c.series = series;
	c.nseries = 2;
	c.unit = CHART_EUR;
	c.with_table = 1;
	buf_printf(&req->out, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Budget per main line"),
		   _("The budget of the items that serve each main line or one of its goals. An item that serves "
		     "two main lines counts in both. The second bar shows how much of it is illustrative."));
	chart_bar(&req->out, &c);
}

/* See pages.h. */
int page_vision(struct request *req)
{
	struct vision_tree t;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	int illustrative = 0;
	if (db_vision_tree(req->db, 0, &t, &e) < 0)
		return http_error(req, 500, _("The vision cannot be shown now."));
	page_begin(req, _("Vision"), "vision");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("Vision"));
	buf_printf(o, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h</p>\n",
		   _("The vision of the municipality and what belongs to it. For each part you see how many items "
		     "(policy, programmes, projects, regulations and actions) serve it, with their budget and fte."));
	for (size_t i = 0; i < t.count; i++)
		illustrative |= strcmp(t.n[i].title_source, "illustrative") == 0 || t.n[i].sum.budget_illustrative > 0;
	if (illustrative)
		places_illustrative_notice(o);
	if (t.year)
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h %d.</p>\n", _("Budget and fte are those of the year"),
			   t.year);
	if (!t.count)
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("There is no vision yet."));
	for (size_t i = 0; i < t.count; i++) {
		const struct vision_node *n = &t.n[i];
		if (n->depth != 0)
			continue;
		buf_adds(o, "<section class=\"steiger-vision-root\">\n<h2 class=\"utrecht-heading-2\">");
		places_link(o, "vision", n->id, n->title);
		places_source_mark(o, n->title_source);
		buf_printf(o, "</h2>\n<p class=\"utrecht-paragraph\">%h", code_label(n->kind));
		if (strcmp(n->status, "vastgesteld") != 0)
			buf_printf(o, " (%h)", code_label(n->status));
		buf_adds(o, ": ");
		sum_text(req, &n->sum);
		buf_adds(o, "</p>\n");
		root_groups(req, &t, i);
		buf_adds(o, "</section>\n");
	}
	budget_chart(req, &t);
	page_end(req);
	vision_tree_free(&t);
	return 200;
}

/* The stored fields of one element, copied into the request's arena. */
struct element {
	int found;                        /* the element exists */
	const char *description, *weight; /* its text and weight, or NULL */
	const char *description_source;   /* provenance of the description */
	const char *weight_source;        /* provenance of the weight */
	const char *source, *source_note; /* provenance of the record */
};

/* Keep the fields of the element (callback of db_read_records). */
static int keep_element(const struct stored *s, void *arg)
{
	struct request *req = ((void **)arg)[0];
	struct element *el = ((void **)arg)[1];
	const struct register_def *r = s->reg;
	int d = reg_field_index(r, "description"), w = reg_field_index(r, "weight");
	int src = reg_field_index(r, "source"), note = reg_field_index(r, "source_note");
	el->found = 1;
	el->description = s->vals[d] ? arena_strdup(req->a, s->vals[d]) : NULL;
	el->weight = s->vals[w] ? arena_strdup(req->a, s->vals[w]) : NULL;
	el->description_source = arena_strdup(req->a, stored_source(s, "description"));
	el->weight_source = arena_strdup(req->a, stored_source(s, "weight"));
	el->source = s->vals[src] ? arena_strdup(req->a, s->vals[src]) : NULL;
	el->source_note = s->vals[note] ? arena_strdup(req->a, s->vals[note]) : NULL;
	return 0;
}

/* Append the breadcrumb trail of element i: the vision page and the
 * elements above it. */
static void breadcrumb(struct request *req, const struct vision_tree *t, size_t i)
{
	struct buf *o = &req->out;
	long chain[64];
	size_t n = 0;
	for (long k = t->n[i].parent_index; k >= 0 && n < ARRAY_SIZE(chain); k = t->n[k].parent_index)
		chain[n++] = k;
	buf_printf(o,
		   "<nav class=\"steiger-breadcrumb\" aria-label=\"%h\"><ol class=\"utrecht-unordered-list\">"
		   "<li><a class=\"utrecht-link\" href=\"/vision\">%h</a></li>",
		   _("Breadcrumb"), _("Vision"));
	while (n-- > 0) {
		buf_adds(o, "<li>");
		places_link(o, "vision", t->n[chain[n]].id, t->n[chain[n]].title);
		buf_adds(o, "</li>");
	}
	buf_adds(o, "</ol></nav>\n");
}

/* Append the facts of element n as a description list. */
static void element_facts(struct request *req, const struct vision_tree *t, const struct vision_node *n,
			  const struct element *el)
{
	struct buf *o = &req->out;
	buf_adds(o, "<dl class=\"steiger-facts\">\n");
	places_term(o, _("Kind"));
	buf_printf(o, "%h</dd>\n", code_label(n->kind));
	places_term(o, _("Status"));
	buf_printf(o, "%h</dd>\n", code_label(n->status));
	if (n->parent_index >= 0) {
		const struct vision_node *p = &t->n[n->parent_index];
		places_term(o, _("Part of"));
		places_link(o, "vision", p->id, p->title);
		buf_adds(o, "</dd>\n");
	}
	if (el->weight) {
		double w = 0;
		places_term(o, _("Weight"));
		if (num_parse(el->weight, &w) == 0)
			places_number(req, w, 4);
		places_source_mark(o, el->weight_source);
		buf_adds(o, "</dd>\n");
	}
	places_term(o, _("Source"));
	buf_printf(o, "%h</dd>\n", el->source ? code_label(el->source) : "");
	if (el->source_note) {
		places_term(o, _("Source note"));
		buf_printf(o, "%h</dd>\n", el->source_note);
	}
	buf_adds(o, "</dl>\n");
}

/* Append the elements directly below element i, with their sums. */
static void children_list(struct request *req, const struct vision_tree *t, size_t i)
{
	struct buf *o = &req->out;
	int open = 0;
	for (size_t k = i + 1; k < t->count && t->n[k].depth > t->n[i].depth; k++) {
		const struct vision_node *c = &t->n[k];
		if (c->parent_index != (long)i)
			continue;
		if (!open)
			buf_printf(o,
				   "<h2 class=\"utrecht-heading-2\">%h</h2>\n<ul class=\"utrecht-unordered-list "
				   "steiger-tree\">\n",
				   _("Below this element"));
		open = 1;
		buf_adds(o, "<li>");
		places_link(o, "vision", c->id, c->title);
		places_source_mark(o, c->title_source);
		buf_printf(o, " (%h) \xe2\x80\x94 ", code_label(c->kind));
		sum_text(req, &c->sum);
		buf_adds(o, "</li>\n");
	}
	if (open)
		buf_adds(o, "</ul>\n");
}

/* Append the areas of element id (a pillar's wijken, in order). */
static void areas_list(struct request *req, const char *id)
{
	struct list_result r;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	if (db_vision_areas(req->db, id, &r, &e) < 0 || !r.nrows) {
		list_result_free(&r);
		return;
	}
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<ol class=\"utrecht-ordered-list\">\n",
		   _("Areas, in the order of approach"));
	for (size_t i = 0; i < r.nrows; i++) {
		char **row = &r.cells[i * r.ncols];
		buf_adds(o, "<li>");
		places_link(o, "areas", row[0], row[1]);
		buf_printf(o, " (%h)</li>\n", code_label(row[2]));
	}
	buf_adds(o, "</ol>\n");
	list_result_free(&r);
}

/* Append a number cell with the machine-form number text (may be NULL)
 * and its year (may be NULL). */
static void number_year_cell(struct request *req, const char *num, const char *year)
{
	double v;
	places_cell(&req->out, 1);
	if (num && num_parse(num, &v) == 0) {
		places_number(req, v, 2);
		if (year)
			buf_printf(&req->out, " (%h)", year);
	}
	buf_adds(&req->out, "</td>");
}

/* Append the indicators that measure element id. */
static void indicators_table(struct request *req, const char *id)
{
	struct list_result r;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	if (db_vision_indicators(req->db, id, &r, &e) < 0 || !r.nrows) {
		list_result_free(&r);
		return;
	}
	const char *heads[] = { _("Indicator"), _("Unit"), _("Direction"), _("Baseline"), _("Target") };
	const int numeric[] = { 0, 0, 0, 1, 1 };
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Indicators"));
	places_table_begin(o, _("Indicators that measure this goal"), heads, numeric, ARRAY_SIZE(heads));
	for (size_t i = 0; i < r.nrows; i++) {
		char **row = &r.cells[i * r.ncols];
		places_row_begin(o);
		buf_printf(o, "%h", row[1]);
		places_source_mark(o, row[8]);
		buf_adds(o, "</th>");
		places_cell(o, 0);
		buf_printf(o, "%h</td>", row[2] ? row[2] : "");
		places_cell(o, 0);
		buf_printf(o, "%h</td>", row[3] ? code_label(row[3]) : "");
		number_year_cell(req, row[4], row[5]);
		number_year_cell(req, row[6], row[7]);
		buf_adds(o, "</tr>\n");
	}
	places_table_end(o);
	list_result_free(&r);
}

/* Append how item it serves the element. */
static void how_text(struct buf *o, const struct vision_item *it)
{
	const char *sep = "";
	if (it->direct) {
		buf_printf(o, "%h", _("directly"));
		sep = "; ";
	}
	if (it->through) {
		buf_printf(o, "%s%h: %h", sep, _("through"), it->through); /* literal */
		sep = "; ";
	}
	if (it->areas)
		buf_printf(o, "%s%h: %h", sep, _("lies in"), it->areas); /* literal */
}

/* Append the table of the items serving element id. */
static void items_table(struct request *req, const struct vision_tree *t, const char *id)
{
	struct vision_items items;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	int internal = places_internal(req);
	if (db_vision_items(req->db, id, t->year, internal, &items, &e) < 0) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("The items cannot be shown now."));
		return;
	}
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Items that serve it"));
	if (!items.n) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("No item declares to serve this yet."));
		vision_items_free(&items);
		return;
	}
	const char *heads[] = { _("Item"),
				_("Kind"),
				_("Status"),
				t->year ? arena_printf(req->a, "%s %d", _("Budget"), t->year) : _("Budget"),
				t->year ? arena_printf(req->a, "%s %d", _("FTE"), t->year) : _("FTE"),
				_("How") };
	const int numeric[] = { 0, 0, 0, 1, 1, 0 };
	places_table_begin(o, _("Items that serve this element, directly or through a part of it"), heads, numeric,
			   ARRAY_SIZE(heads));
	for (size_t i = 0; i < items.n; i++) {
		const struct vision_item *it = &items.i[i];
		places_row_begin(o);
		places_item_cells(o, it->id, it->title, it->archived, it->kind, it->status);
		places_cell(o, 1);
		if (it->has_budget) {
			places_eur(req, it->budget);
			places_source_mark(o, it->budget_source);
		}
		buf_adds(o, "</td>");
		places_cell(o, 1);
		if (it->has_fte)
			places_number(req, it->fte, 2);
		buf_adds(o, "</td>");
		places_cell(o, 0);
		how_text(o, it);
		buf_adds(o, "</td></tr>\n");
	}
	places_table_end(o);
	vision_items_free(&items);
}

/* See pages.h. */
int page_vision_element(struct request *req)
{
	struct vision_tree t;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	struct element el = { 0 };
	void *arg[2] = { req, &el };
	const char *id = req->nparams ? req->params[0] : "";
	long i;
	if (db_vision_tree(req->db, 0, &t, &e) < 0)
		return http_error(req, 500, _("The vision cannot be shown now."));
	i = vision_tree_find(&t, id);
	if (i < 0 || db_read_records(req->db, reg_get(REG_VISION), id, req->a, keep_element, arg, &e) < 0 ||
	    !el.found) {
		vision_tree_free(&t);
		return http_error(req, 404, _("There is no part of the vision with this id."));
	}
	const struct vision_node *n = &t.n[i];
	page_begin(req, n->title, "vision");
	breadcrumb(req, &t, (size_t)i);
	buf_adds(o, "<h1 class=\"utrecht-heading-1\">");
	buf_printf(o, "%h", n->title);
	places_source_mark(o, n->title_source);
	buf_printf(o, "</h1>\n<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h</p>\n", code_label(n->kind));
	if (strcmp(n->title_source, "illustrative") == 0 ||
	    (el.description && strcmp(el.description_source, "illustrative") == 0) || n->sum.budget_illustrative > 0)
		places_illustrative_notice(o);
	if (el.description) {
		buf_printf(o, "<p class=\"utrecht-paragraph steiger-description\">%h", el.description);
		places_source_mark(o, el.description_source);
		buf_adds(o, "</p>\n");
	}
	element_facts(req, &t, n, &el);
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">", _("Totals"));
	buf_printf(o, "%h %d: ", _("Items that serve it, not archived, with their budget and fte in"), t.year);
	sum_text(req, &n->sum);
	buf_adds(o, "</p>\n");
	children_list(req, &t, (size_t)i);
	areas_list(req, n->id);
	indicators_table(req, n->id);
	items_table(req, &t, n->id);
	page_end(req);
	vision_tree_free(&t);
	return 200;
}
