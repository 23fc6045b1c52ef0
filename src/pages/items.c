/*
 * items.c - GET /items: the register of policy documents, programmes,
 * projects, regulations and actions.
 *
 * A filter form (a plain GET form: it works without JavaScript) by kind,
 * status, domain, main line, pillar, area and owner, with a full-text
 * search (db/item_query.h); archived items for those who may read internal
 * details, when they ask. The table sorts by the column whose header link
 * is followed (aria-sort tells which); 50 items a page with "x-y of N"
 * and links to the pages. Budget and fte are those of the default year,
 * illustrative ones marked *. The page of one item is item_show.c; the
 * forms are item_form.c.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/item_query.h"
#include "pages/item_pages.h"
#include "pages/pages.h"
#include "render/html.h"

/* The parameters of the list, as the address gives them. */
struct list_params {
	const char *q;         /* free text */
	const char *kind;      /* kind code */
	const char *status;    /* status code */
	const char *domain;    /* domain code */
	const char *hoofdlijn; /* main line id */
	const char *pillar;    /* pillar id */
	const char *area;      /* area code */
	const char *owner;     /* owner */
	int archived;          /* show archived items too (internal only) */
	int sort;              /* enum item_sort */
	int descending;        /* dir=desc */
	long long page;        /* 1-based page */
};

/* The names of the parameters in the address, in the order they are
 * written back. */
static const char *const param_names[] = { "q",    "kind",  "status",   "domain", "hoofdlijn", "pillar",
					   "area", "owner", "archived", "sort",   "dir",       "page" };

/* The value of parameter name of p as text (in the request's arena), or
 * NULL when it has none. */
static const char *param_value(struct request *req, const struct list_params *p, const char *name)
{
	if (strcmp(name, "q") == 0)
		return p->q;
	if (strcmp(name, "kind") == 0)
		return p->kind;
	if (strcmp(name, "status") == 0)
		return p->status;
	if (strcmp(name, "domain") == 0)
		return p->domain;
	if (strcmp(name, "hoofdlijn") == 0)
		return p->hoofdlijn;
	if (strcmp(name, "pillar") == 0)
		return p->pillar;
	if (strcmp(name, "area") == 0)
		return p->area;
	if (strcmp(name, "owner") == 0)
		return p->owner;
	if (strcmp(name, "archived") == 0)
		return p->archived ? "1" : NULL;
	if (strcmp(name, "sort") == 0)
		return p->sort != ITEM_SORT_DEFAULT ? item_sort_names[p->sort] : NULL;
	if (strcmp(name, "dir") == 0)
		return p->descending ? "desc" : NULL;
	if (strcmp(name, "page") == 0)
		return p->page > 1 ? arena_printf(req->a, "%lld", p->page) : NULL;
	return NULL;
}

/* The address of the list with the parameters of p, parameter name set to
 * value (NULL: left out); a change of filter or order goes to page 1. */
static const char *list_href(struct request *req, const struct list_params *p, const char *name, const char *value)
{
	struct buf b = BUF_INIT;
	const char *href;
	buf_adds(&b, "/items");
	for (size_t i = 0; i < ARRAY_SIZE(param_names); i++) {
		const char *n = param_names[i], *v;
		if (name && strcmp(n, name) == 0)
			v = value;
		else if (name && strcmp(name, "page") != 0 && strcmp(n, "page") == 0)
			v = NULL;
		else
			v = param_value(req, p, n);
		if (strcmp(n, "page") == 0 && v && strcmp(v, "1") == 0)
			v = NULL; /* the first page is the list itself */
		if (v && *v)
			buf_printf(&b, "%c%t=%t", b.len == 6 ? '?' : '&', n, v);
	}
	href = arena_strdup(req->a, b.data);
	buf_free(&b);
	return href;
}

/* A query parameter, or NULL when it is absent or empty. */
static const char *query_opt(struct request *req, const char *name)
{
	const char *v = http_query(req, name);
	return v && *v ? v : NULL;
}

/* Read the parameters of the list from the address. */
static void read_params(struct request *req, struct list_params *p)
{
	long long page;
	const char *v;
	memset(p, 0, sizeof(*p));
	p->q = query_opt(req, "q");
	p->kind = query_opt(req, "kind");
	p->status = query_opt(req, "status");
	p->domain = query_opt(req, "domain");
	p->hoofdlijn = query_opt(req, "hoofdlijn");
	p->pillar = query_opt(req, "pillar");
	p->area = query_opt(req, "area");
	p->owner = query_opt(req, "owner");
	p->archived = item_internal(req) && (v = query_opt(req, "archived")) && strcmp(v, "0") != 0;
	p->sort = item_sort_by_name(query_opt(req, "sort"));
	if (p->sort < 0 || (p->sort == ITEM_SORT_CONTRACT_END && !item_internal(req)))
		p->sort = ITEM_SORT_DEFAULT;
	p->descending = (v = query_opt(req, "dir")) && strcmp(v, "desc") == 0;
	p->page = (v = query_opt(req, "page")) && int_parse(v, 1, 1000000, &page) == 0 ? page : 1;
}

/* A select of the filter form: "all" first, then codes[i] as labels[i];
 * a value that is not among the codes is kept as an option of its own. */
static void filter_select(struct request *req, const char *name, const char *label, const char *const *codes,
			  const char *const *labels, const char *value)
{
	struct buf *o = &req->out;
	int known = 0;
	buf_printf(o,
		   "<div class=\"utrecht-form-field utrecht-form-field--select steiger-filter__field\">"
		   "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		   "for=\"filter-%h\">%h</label></div>\n<div class=\"utrecht-form-field__input\"><select "
		   "class=\"utrecht-select utrecht-select--html-select\" id=\"filter-%h\" name=\"%h\">\n"
		   "<option value=\"\">%h</option>\n",
		   name, label, name, name, _("all"));
	for (size_t i = 0; codes[i]; i++) {
		int selected = value && strcmp(value, codes[i]) == 0;
		known |= selected;
		buf_printf(o, "<option value=\"%h\"%s>%h</option>\n", codes[i], selected ? " selected" : "",
			   labels[i]); /* literal */
	}
	if (value && !known)
		buf_printf(o, "<option value=\"%h\" selected>%h</option>\n", value, value);
	buf_adds(o, "</select></div></div>\n");
}

/* A select of the filter form from a choice list of the database. */
static void filter_choices(struct request *req, const char *name, const char *label, enum item_choices which,
			   const char *value)
{
	struct item_choice *c;
	struct err e = { 0, "" };
	int n = db_item_choices(req->db, which, item_internal(req), req->a, &c, &e);
	if (n < 0)
		n = 0;
	const char **codes = arena_calloc(req->a, (size_t)n + 1, sizeof(*codes));
	const char **labels = arena_calloc(req->a, (size_t)n + 1, sizeof(*labels));
	for (int i = 0; i < n; i++) {
		codes[i] = c[i].code;
		labels[i] = c[i].label;
	}
	filter_select(req, name, label, codes, labels, value);
}

/* The filter form. */
static void filter_form(struct request *req, const struct list_params *p)
{
	struct buf *o = &req->out;
	const char *const *codes, *const *labels;
	buf_printf(o,
		   "<form method=\"get\" action=\"/items\" class=\"steiger-filter\" role=\"search\" "
		   "aria-label=\"%h\">\n",
		   _("Filter and search the items"));
	buf_printf(o,
		   "<div class=\"utrecht-form-field utrecht-form-field--text steiger-filter__search\">"
		   "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		   "for=\"filter-q\">%h</label></div>\n<div class=\"utrecht-form-field-description\" "
		   "id=\"filter-q-hint\">%h</div>\n"
		   "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox "
		   "utrecht-textbox--html-input\" type=\"search\" id=\"filter-q\" name=\"q\" value=\"%h\" "
		   "aria-describedby=\"filter-q-hint\"></div></div>\n",
		   _("Search"), _("Words in the title, description or owner."), p->q ? p->q : "");
	int active = !!p->kind + !!p->status + !!p->domain + !!p->hoofdlijn + !!p->pillar + !!p->area + !!p->owner +
		     p->archived;
	buf_printf(o, "<details class=\"steiger-filter__more\"%s><summary>%h</summary>\n", active ? " open" : "",
		   active ? arena_printf(req->a, _("Filters (%d chosen)"), active) : _("Filters")); /* literal */
	buf_adds(o, "<div class=\"steiger-filter__fields\">\n");
	item_enum_choices(req, "kind", &codes, &labels);
	filter_select(req, "kind", _("Kind"), codes, labels, p->kind);
	item_enum_choices(req, "status", &codes, &labels);
	filter_select(req, "status", _("Status"), codes, labels, p->status);
	item_enum_choices(req, "domains", &codes, &labels);
	filter_select(req, "domain", _("Domain"), codes, labels, p->domain);
	filter_choices(req, "hoofdlijn", _("Main line"), CHOICES_HOOFDLIJNEN, p->hoofdlijn);
	filter_choices(req, "pillar", _("Pillar"), CHOICES_PILLARS, p->pillar);
	filter_choices(req, "area", _("Area"), CHOICES_AREAS, p->area);
	filter_choices(req, "owner", _("Owner"), CHOICES_OWNERS, p->owner);
	buf_adds(o, "</div>\n");
	if (item_internal(req))
		buf_printf(
			o,
			"<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><div "
			"class=\"utrecht-form-field__label utrecht-form-field__label--checkbox\"><label "
			"class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"filter-archived\">%h</label>"
			"</div><div class=\"utrecht-form-field__input\"><input class=\"utrecht-checkbox "
			"utrecht-checkbox--html-input\" type=\"checkbox\" id=\"filter-archived\" name=\"archived\" "
			"value=\"1\"%s></div></div>\n",
			_("Also show archived items"), p->archived ? " checked" : ""); /* literal */
	buf_adds(o, "</details>\n");
	if (p->sort != ITEM_SORT_DEFAULT)
		buf_printf(o, "<input type=\"hidden\" name=\"sort\" value=\"%h\">\n", item_sort_names[p->sort]);
	if (p->descending)
		buf_adds(o, "<input type=\"hidden\" name=\"dir\" value=\"desc\">\n");
	buf_printf(o,
		   "<div class=\"utrecht-button-group\"><button type=\"submit\" class=\"utrecht-button "
		   "utrecht-button--primary-action\">%h</button> <a class=\"utrecht-link\" href=\"/items\">%h</a>"
		   "</div>\n</form>\n",
		   _("Show"), _("Clear the filters"));
}

/* One column of the table. */
struct column {
	enum item_sort sort; /* its order */
	const char *label;   /* its header (translated) */
	int numeric;         /* numbers: right-aligned */
};

/* Append a header cell that sorts the list by column c (the other way
 * when the list is sorted by it already). */
static void sort_header(struct request *req, const struct list_params *p, const struct column *c, int searched)
{
	struct buf *o = &req->out;
	int current =
		p->sort == (int)c->sort || (p->sort == ITEM_SORT_DEFAULT && c->sort == ITEM_SORT_TITLE && !searched);
	const char *next_dir = current && !p->descending ? "desc" : NULL;
	struct list_params q = *p;
	q.sort = c->sort;
	q.descending = next_dir != NULL;
	q.page = 1;
	buf_printf(o, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\"",
		   c->numeric ? " utrecht-table__header-cell--numeric" : ""); /* literal */
	if (current)
		buf_printf(o, " aria-sort=\"%s\"", p->descending ? "descending" : "ascending"); /* literal */
	buf_printf(o, "><a class=\"utrecht-link\" href=\"%h\">%h", list_href(req, &q, "dir", next_dir), c->label);
	if (current)
		buf_printf(o, " <span aria-hidden=\"true\">%s</span>",
			   p->descending ? "\xe2\x96\xbc" : "\xe2\x96\xb2"); /* literal */
	buf_adds(o, "</a></th>");
}

/* Append the table of the rows. */
static void item_table(struct request *req, const struct list_params *p, const struct item_result *res)
{
	struct buf *o = &req->out;
	int internal = item_internal(req);
	const struct column cols[] = {
		{ ITEM_SORT_TITLE, _("Title"), 0 },
		{ ITEM_SORT_KIND, _("Kind"), 0 },
		{ ITEM_SORT_STATUS, _("Status"), 0 },
		{ ITEM_SORT_OWNER, _("Owner"), 0 },
		{ ITEM_SORT_BUDGET, arena_printf(req->a, _("Budget %d"), res->year), 1 },
		{ ITEM_SORT_FTE, arena_printf(req->a, _("FTE %d"), res->year), 1 },
		{ ITEM_SORT_CONTRACT_END, _("Bound by contract until"), 0 },
	};
	size_t ncols = internal ? ARRAY_SIZE(cols) : ARRAY_SIZE(cols) - 1;
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\" id=\"items\">\n"
		   "<caption class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\">"
		   "<tr class=\"utrecht-table__row\">",
		   _("Items (select a column header to sort)"));
	for (size_t c = 0; c < ncols; c++)
		sort_header(req, p, &cols[c], res->searched);
	buf_adds(o, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t i = 0; i < res->n; i++) {
		const struct item_row *r = &res->rows[i];
		buf_printf(o,
			   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__cell\" scope=\"row\">"
			   "<a class=\"utrecht-link\" href=\"/items/%t\">%h</a>",
			   r->id, r->title);
		if (r->archived)
			buf_printf(o, " <span class=\"utrecht-status-badge utrecht-status-badge--inactive\">%h</span>",
				   _("archived"));
		buf_printf(o, "</th><td class=\"utrecht-table__cell\">%h</td><td class=\"utrecht-table__cell\">",
			   code_label(r->kind));
		status_badge(o, r->status);
		buf_adds(o, "</td>");
		buf_printf(o, "<td class=\"utrecht-table__cell\">%h</td>", r->owner ? r->owner : "");
		buf_adds(o, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
		if (r->has_budget)
			item_figure(o, r->budget, 1, r->budget_source);
		buf_adds(o, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
		if (r->has_fte)
			item_figure(o, r->fte, 0, r->fte_source);
		buf_adds(o, "</td>");
		if (internal) {
			buf_adds(o, "<td class=\"utrecht-table__cell\">");
			item_when(o, r->contract_end);
			buf_adds(o, "</td>");
		}
		buf_adds(o, "</tr>\n");
	}
	buf_adds(o, "</tbody>\n</table></div>\n");
}

/* Append the links to the other pages. */
static void pager(struct request *req, const struct list_params *p, long long pages)
{
	struct buf *o = &req->out;
	if (pages <= 1)
		return;
	buf_printf(o, "<nav class=\"utrecht-pagination\" aria-label=\"%h\"><ul class=\"steiger-pager\">\n",
		   _("Pages of the list"));
	if (p->page > 1)
		buf_printf(o,
			   "<li><a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--prev\" "
			   "rel=\"prev\" href=\"%h\">%h</a></li>\n",
			   list_href(req, p, "page", arena_printf(req->a, "%lld", p->page - 1)), _("Previous page"));
	for (long long k = 1; k <= pages; k++) {
		if (pages > 9 && k != 1 && k != pages && (k < p->page - 2 || k > p->page + 2)) {
			if (k == 2 || k == pages - 1)
				buf_adds(o, "<li aria-hidden=\"true\">\xe2\x80\xa6</li>\n");
			continue;
		}
		if (k == p->page)
			buf_printf(o,
				   "<li><a class=\"utrecht-pagination__page-link "
				   "utrecht-pagination__page-link--current\" aria-current=\"page\" href=\"%h\">"
				   "<span class=\"visually-hidden steiger-visually-hidden\">%h </span>%lld</a></li>\n",
				   list_href(req, p, "page", arena_printf(req->a, "%lld", k)), _("Page"), k);
		else
			buf_printf(o,
				   "<li><a class=\"utrecht-pagination__page-link\" href=\"%h\">"
				   "<span class=\"visually-hidden steiger-visually-hidden\">%h </span>%lld</a></li>\n",
				   list_href(req, p, "page", arena_printf(req->a, "%lld", k)), _("Page"), k);
	}
	if (p->page < pages)
		buf_printf(o,
			   "<li><a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--next\" "
			   "rel=\"next\" href=\"%h\">%h</a></li>\n",
			   list_href(req, p, "page", arena_printf(req->a, "%lld", p->page + 1)), _("Next page"));
	buf_adds(o, "</ul></nav>\n");
}

/* Whether any figure shown is illustrative. */
static int any_illustrative(const struct item_result *res)
{
	for (size_t i = 0; i < res->n; i++)
		if ((res->rows[i].budget_source && strcmp(res->rows[i].budget_source, "illustrative") == 0) ||
		    (res->rows[i].fte_source && strcmp(res->rows[i].fte_source, "illustrative") == 0))
			return 1;
	return 0;
}

/* See pages.h. */
int page_items(struct request *req)
{
	struct list_params p;
	struct item_filter f;
	struct item_result res;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	read_params(req, &p);
	memset(&f, 0, sizeof(f));
	f.kind = p.kind;
	f.status = p.status;
	f.domain = p.domain;
	f.hoofdlijn = p.hoofdlijn;
	f.pillar = p.pillar;
	f.area = p.area;
	f.owner = p.owner;
	f.q = p.q;
	f.internal = item_internal(req);
	f.archived = p.archived ? ITEM_WITH_ARCHIVED : ITEM_CURRENT;
	f.sort = (enum item_sort)p.sort;
	f.descending = p.descending;
	f.limit = ITEMS_PER_PAGE;
	f.offset = (p.page - 1) * ITEMS_PER_PAGE;
	if (db_item_query(req->db, &f, req->a, &res, &e) < 0)
		return http_error(req, 500, _("The list cannot be made now; try again later."));
	long long pages = (res.total + ITEMS_PER_PAGE - 1) / ITEMS_PER_PAGE;
	if (res.total && p.page > pages) {
		/* Past the last page: show the last one. */
		p.page = pages;
		f.offset = (p.page - 1) * ITEMS_PER_PAGE;
		if (db_item_query(req->db, &f, req->a, &res, &e) < 0)
			return http_error(req, 500, _("The list cannot be made now; try again later."));
	}
	page_begin(req, _("Policy and projects"), "items");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("Policy and projects"));
	buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("The policy documents, programmes, projects, regulations and actions of the municipality."));
	if (role_can(req->user.role, PERM_EDIT))
		buf_printf(o,
			   "<p class=\"utrecht-paragraph\"><a class=\"utrecht-button-link utrecht-button-link--html-a "
			   "utrecht-button-link--primary-action\" href=\"/items/new\">%h</a></p>\n",
			   _("New item"));
	filter_form(req, &p);
	if (!res.total) {
		buf_printf(o,
			   "<p class=\"utrecht-paragraph\" id=\"items-count\" role=\"status\">%h "
			   "<a class=\"utrecht-link\" href=\"/items\">%h</a></p>\n",
			   _("No items match these filters."), _("Show all items"));
		page_end(req);
		return 200;
	}
	long long first = f.offset + 1, last = f.offset + (long long)res.n;
	buf_printf(o, "<p class=\"utrecht-paragraph\" id=\"items-count\" role=\"status\">%h%h</p>\n",
		   arena_printf(req->a, _("Items %s of %lld"),
				arena_printf(req->a, "%lld\xe2\x80\x93%lld", first, last), res.total),
		   res.searched && p.sort == ITEM_SORT_DEFAULT ? _(", the best matches first") : "");
	if (any_illustrative(&res))
		item_illustrative_note(req);
	item_table(req, &p, &res);
	pager(req, &p, pages);
	page_end(req);
	return 200;
}
