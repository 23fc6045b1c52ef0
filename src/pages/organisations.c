/*
 * organisations.c - the organisations in the browser.
 *
 * GET /organisations: the list, filtered by type, searched by name and
 * sorted (by name, type or the number of items an organisation is a
 * partner in; the column headers sort too). GET /organisations/:id: one
 * organisation with its members and networks, the items it is a partner in
 * and, for those who may read internal details (PERM_READ_INTERNAL), its
 * role, willingness to change and notes per item, its contracts and its
 * contact persons (personal data). Archived items are internal as well.
 *
 * GET /organisations/new and /organisations/:id/edit show the form, POST
 * /organisations and /organisations/:id write it (PERM_EDIT) through
 * form_write: one audited transaction with the validation of the import;
 * on an error the form comes back (422) with the values typed and the
 * error at each field; on success 303 to the organisation.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/org_query.h"
#include "db/read.h"
#include "pages/pages.h"
#include "pages/places.h"
#include "pages/recordform.h"
#include "render/html.h"

/* The fields of the form. The id is written only for a new organisation
 * (form_write skips key fields) but is listed so that its errors go to
 * its field. */
static const char *const form_fields[] = { "id", "name", "type", "description", "website", "members", NULL };

/* The organisation types (the codes of the register). */
static const char *const *org_types(void)
{
	const struct register_def *r = reg_get(REG_ORGANISATIONS);
	return r->fields[reg_field_index(r, "type")].values;
}

/* The translated labels of the organisation types, NULL-ended, in the
 * request's arena. */
static const char **org_type_labels(struct request *req)
{
	const char *const *codes = org_types();
	size_t n = 0;
	while (codes[n])
		n++;
	const char **labels = arena_calloc(req->a, n + 1, sizeof(*labels));
	for (size_t i = 0; i < n; i++)
		labels[i] = org_type_label(codes[i]);
	return labels;
}

/* Append the header cell of a sortable column: a link that sorts by it
 * (the other way round when it is the current order), with aria-sort on
 * the current one. */
static void sort_header(struct request *req, const char *label, enum org_sort key, enum org_sort sort, int desc,
			const char *q, const char *type, int numeric)
{
	struct buf *o = &req->out;
	int current = key == sort;
	buf_printf(o, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\"%s>",
		   numeric ? " utrecht-table__header-cell--numeric" : "",
		   current ? (desc ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : ""); /* literal */
	buf_printf(o,
		   "<a class=\"utrecht-link\" href=\"/organisations?q=%t&amp;type=%t&amp;sort=%t&amp;dir=%t\">%h</a>",
		   q, type, org_sort_code(key), current && !desc ? "desc" : "asc", label);
	if (current)
		buf_printf(o, " <span aria-hidden=\"true\">%s</span>",
			   desc ? "\xe2\x96\xbc" : "\xe2\x96\xb2"); /* literal */
	buf_adds(o, "</th>");
}

/* Append a select of a filter form (always one of its options, so no
 * empty option and no "required"). */
static void filter_select(struct request *req, const char *name, const char *label, const char *const *codes,
			  const char *const *labels, const char *value)
{
	struct buf *o = &req->out;
	buf_printf(
		o,
		"<div class=\"utrecht-form-field utrecht-form-field--select\"><div class=\"utrecht-form-field__label\">"
		"<label class=\"utrecht-form-label\" for=\"field-%h\">%h</label></div>\n<div "
		"class=\"utrecht-form-field__input\"><select class=\"utrecht-select utrecht-select--html-select\" "
		"id=\"field-%h\" name=\"%h\">\n",
		name, label, name, name);
	for (size_t i = 0; codes[i]; i++)
		buf_printf(o, "<option value=\"%h\"%s>%h</option>\n", codes[i],
			   strcmp(value, codes[i]) == 0 ? " selected" : "", labels[i]); /* literal */
	buf_adds(o, "</select></div>\n</div>\n");
}

/* Append the filter form of the list. */
static void filter_form(struct request *req, const char *q, const char *type, enum org_sort sort, int desc)
{
	static const char *const sort_codes[] = { "name", "type", "items", NULL };
	static const char *const dir_codes[] = { "asc", "desc", NULL };
	const char *sort_labels[] = { _("name"), _("type"), _("number of items"), NULL };
	const char *dir_labels[] = { _("ascending (A to Z, low to high)"), _("descending (Z to A, high to low)"),
				     NULL };
	buf_printf(&req->out,
		   "<form method=\"get\" action=\"/organisations\" class=\"steiger-filter\" role=\"search\" "
		   "aria-label=\"%h\">\n",
		   _("Find organisations"));
	field_input(req, NULL, "search", "q", _("Search by name"), q, NULL, 0);
	field_select(req, NULL, "type", _("Type"), org_types(), org_type_labels(req), type, 0);
	filter_select(req, "sort", _("Sort by"), sort_codes, sort_labels, org_sort_code(sort));
	filter_select(req, "dir", _("Order"), dir_codes, dir_labels, desc ? "desc" : "asc");
	button(req, _("Show"), 1);
	buf_adds(&req->out, "</form>\n");
}

/* See pages.h. */
int page_organisations(struct request *req)
{
	struct list_result r;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	const char *q = http_query(req, "q"), *type = http_query(req, "type"), *dir = http_query(req, "dir");
	int sort = org_sort_parse(http_query(req, "sort")), desc = dir && strcmp(dir, "desc") == 0;
	int internal = places_internal(req);
	if (!q)
		q = "";
	if (!type || !enum_has(org_types(), type))
		type = "";
	if (sort < 0)
		sort = ORG_SORT_NAME;
	if (db_organisations(req->db, type, q, sort, desc, internal, &r, &e) < 0)
		return http_error(req, 500, _("The organisations cannot be shown now."));
	page_begin(req, _("Organisations"), "organisations");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("Organisations"));
	buf_printf(o, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h</p>\n",
		   _("The partners of the municipality: housing corporations, schools, care and welfare "
		     "organisations, companies, networks and others."));
	if (role_can(req->user.role, PERM_EDIT))
		buf_printf(o,
			   "<p class=\"utrecht-paragraph\"><a class=\"utrecht-button-link utrecht-button-link--html-a "
			   "utrecht-button-link--primary-action\" href=\"/organisations/new\">%h</a></p>\n",
			   _("Add an organisation"));
	filter_form(req, q, type, sort, desc);
	buf_printf(o, "<p class=\"utrecht-paragraph\" role=\"status\">%h: %zu</p>\n", _("Organisations found"),
		   r.nrows);
	if (r.nrows) {
		buf_printf(o,
			   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
			   "steiger-table\">\n<caption "
			   "class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\"><tr "
			   "class=\"utrecht-table__row\">",
			   _("Organisations; choose a column heading to sort by it"));
		sort_header(req, _("Name"), ORG_SORT_NAME, sort, desc, q, type, 0);
		sort_header(req, _("Type"), ORG_SORT_TYPE, sort, desc, q, type, 0);
		sort_header(req, _("Partner in (items)"), ORG_SORT_ITEMS, sort, desc, q, type, 1);
		buf_printf(o,
			   "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" "
			   "scope=\"col\">%h</th>"
			   "<th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th></tr></thead>\n"
			   "<tbody class=\"utrecht-table__body\">\n",
			   _("Members"), _("Source"));
		for (size_t i = 0; i < r.nrows; i++) {
			char **row = &r.cells[i * r.ncols];
			places_row_begin(o);
			places_link(o, "organisations", row[0], row[1]);
			places_source_mark(o, row[5]);
			buf_adds(o, "</th>");
			places_cell(o, 0);
			buf_printf(o, "%h</td>", org_type_label(row[2]));
			places_cell(o, 1);
			buf_printf(o, "%h</td>", row[3]);
			places_cell(o, 1);
			buf_printf(o, "%h</td>", row[4]);
			places_cell(o, 0);
			buf_printf(o, "%h</td></tr>\n", code_label(row[5]));
		}
		places_table_end(o);
	}
	page_end(req);
	list_result_free(&r);
	return 200;
}

/* An organisation as stored, copied into the request's arena. */
struct org {
	int found;                                  /* it exists */
	const char *id, *name, *type, *description; /* its fields (NULL: empty) */
	const char *website;                        /* its website, or NULL */
	const char *members;                        /* member ids, '|' between */
	const char *source, *source_note;           /* its provenance */
	const char *name_source;                    /* provenance of the name */
	const char *description_source;             /* provenance of the description */
};

/* A copy of field key of s in the arena, or NULL. */
static const char *field_copy(struct arena *a, const struct stored *s, const char *key)
{
	int i = reg_field_index(s->reg, key);
	return i >= 0 && s->vals[i] ? arena_strdup(a, s->vals[i]) : NULL;
}

/* Keep the organisation (callback of db_read_records). */
static int keep_org(const struct stored *s, void *arg)
{
	struct request *req = ((void **)arg)[0];
	struct org *g = ((void **)arg)[1];
	int m = reg_field_index(s->reg, "members");
	struct buf b = BUF_INIT;
	g->found = 1;
	g->id = field_copy(req->a, s, "id");
	g->name = field_copy(req->a, s, "name");
	g->type = field_copy(req->a, s, "type");
	g->description = field_copy(req->a, s, "description");
	g->website = field_copy(req->a, s, "website");
	g->source = field_copy(req->a, s, "source");
	g->source_note = field_copy(req->a, s, "source_note");
	g->name_source = arena_strdup(req->a, stored_source(s, "name"));
	g->description_source = arena_strdup(req->a, stored_source(s, "description"));
	for (size_t k = 0; k < s->nlist[m]; k++)
		buf_printf(&b, "%s%s", k ? "|" : "", s->lists[m][k]);
	g->members = arena_strdup(req->a, b.data);
	buf_free(&b);
	return 0;
}

/* Read organisation id into g. Returns 0 (g->found says whether it
 * exists) or E_DB. */
static int read_org(struct request *req, const char *id, struct org *g)
{
	struct err e = { 0, "" };
	void *arg[2] = { req, g };
	memset(g, 0, sizeof(*g));
	return db_read_records(req->db, reg_get(REG_ORGANISATIONS), id, req->a, keep_org, arg, &e) < 0 ? E_DB : 0;
}

/* Whether a website may be a link: an http or https address. Anything
 * else (javascript:, data:) is shown as text. */
static int web_address(const char *s)
{
	return s && (strncasecmp(s, "https://", 8) == 0 || strncasecmp(s, "http://", 7) == 0);
}

/* Append a list of organisations (id, name, type rows) as links. */
static void org_list(struct request *req, const char *heading, const struct list_result *r)
{
	struct buf *o = &req->out;
	if (!r->nrows)
		return;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<ul class=\"utrecht-unordered-list\">\n", heading);
	for (size_t i = 0; i < r->nrows; i++) {
		char **row = &r->cells[i * r->ncols];
		buf_adds(o, "<li>");
		places_link(o, "organisations", row[0], row[1]);
		buf_printf(o, " (%h)</li>\n", org_type_label(row[2]));
	}
	buf_adds(o, "</ul>\n");
}

/* Append the items organisation id is a partner in; the partner details
 * (role, willingness, note, source) and archived items only when
 * internal. */
static void partner_items(struct request *req, const char *id, int internal)
{
	struct buf *o = &req->out;
	struct list_result r;
	struct err e = { 0, "" };
	const char *heads[] = { _("Item"), _("Kind"),  _("Status"), _("Role"), _("Willingness to change (1-5)"),
				_("Note"), _("Source") };
	const int numeric[] = { 0, 0, 0, 0, 1, 0, 0 };
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Partner in"));
	if (db_org_items(req->db, id, internal, &r, &e) < 0) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("The items cannot be shown now."));
		return;
	}
	if (!r.nrows) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n",
			   _("This organisation is not a partner in any item."));
		list_result_free(&r);
		return;
	}
	places_table_begin(o, _("Items this organisation is a partner in"), heads, numeric,
			   internal ? ARRAY_SIZE(heads) : 3);
	for (size_t i = 0; i < r.nrows; i++) {
		char **row = &r.cells[i * r.ncols];
		places_row_begin(o);
		places_item_cells(o, row[0], row[1], row[4] && strcmp(row[4], "1") == 0, row[2], row[3]);
		if (internal) {
			places_cell(o, 0);
			buf_printf(o, "%h</td>", row[5] ? row[5] : "");
			places_cell(o, 1);
			buf_printf(o, "%h", row[6] ? row[6] : "");
			places_source_mark(o, row[6] ? row[8] : NULL);
			buf_adds(o, "</td>");
			places_cell(o, 0);
			buf_printf(o, "%h</td>", row[7] ? row[7] : "");
			places_cell(o, 0);
			buf_printf(o, "%h</td>", code_label(row[8]));
		}
		buf_adds(o, "</tr>\n");
	}
	places_table_end(o);
	list_result_free(&r);
}

/* Append the contracts organisation id is a party to (internal). */
static void org_contracts(struct request *req, const char *id)
{
	struct buf *o = &req->out;
	struct list_result r;
	struct err e = { 0, "" };
	const char *heads[] = { _("Contract"), _("End date"), _("Exit cost"), _("Item") };
	const int numeric[] = { 0, 0, 1, 0 };
	if (db_org_contracts(req->db, id, 1, &r, &e) < 0 || !r.nrows) {
		list_result_free(&r);
		return;
	}
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Contracts"));
	places_table_begin(o, _("Contracts this organisation is a party to"), heads, numeric, ARRAY_SIZE(heads));
	for (size_t i = 0; i < r.nrows; i++) {
		char **row = &r.cells[i * r.ncols];
		double v;
		places_row_begin(o);
		buf_printf(o, "%h</th>", row[1]);
		places_cell(o, 0);
		buf_printf(o, "%h</td>", row[2]);
		places_cell(o, 1);
		if (row[3] && num_parse(row[3], &v) == 0)
			places_eur(req, v);
		buf_adds(o, "</td>");
		places_cell(o, 0);
		places_link(o, "items", row[4], row[4]);
		buf_adds(o, "</td></tr>\n");
	}
	places_table_end(o);
	list_result_free(&r);
}

/* Append the contact persons of organisation id (internal: personal
 * data). */
static void org_contacts(struct request *req, const char *id)
{
	struct buf *o = &req->out;
	struct list_result r;
	struct err e = { 0, "" };
	const char *heads[] = { _("Name"), _("Role"), _("E-mail"), _("Phone") };
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Contact persons"));
	if (db_org_contacts(req->db, id, &r, &e) < 0 || !r.nrows) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("No contact persons are known."));
		list_result_free(&r);
		return;
	}
	places_table_begin(o, _("Contact persons (personal data: for internal use only)"), heads, NULL,
			   ARRAY_SIZE(heads));
	for (size_t i = 0; i < r.nrows; i++) {
		char **row = &r.cells[i * r.ncols];
		places_row_begin(o);
		buf_printf(o, "%h", row[1]);
		places_source_mark(o, row[5]);
		buf_adds(o, "</th>");
		places_cell(o, 0);
		buf_printf(o, "%h</td>", row[2] ? row[2] : "");
		places_cell(o, 0);
		if (row[3])
			buf_printf(o, "<a class=\"utrecht-link\" href=\"mailto:%t\">%h</a>", row[3], row[3]);
		buf_adds(o, "</td>");
		places_cell(o, 0);
		buf_printf(o, "%h</td></tr>\n", row[4] ? row[4] : "");
	}
	places_table_end(o);
	list_result_free(&r);
}

/* Append the facts of organisation g. */
static void org_facts(struct request *req, const struct org *g)
{
	struct buf *o = &req->out;
	buf_adds(o, "<dl class=\"steiger-facts\">\n");
	places_term(o, _("Type"));
	buf_printf(o, "%h</dd>\n", org_type_label(g->type));
	if (g->website) {
		places_term(o, _("Website"));
		if (web_address(g->website))
			buf_printf(o, "<a class=\"utrecht-link\" href=\"%h\" rel=\"noopener noreferrer\">%h</a>",
				   g->website, g->website);
		else
			buf_printf(o, "%h", g->website);
		buf_adds(o, "</dd>\n");
	}
	places_term(o, _("Id"));
	buf_printf(o, "%h</dd>\n", g->id);
	places_term(o, _("Source"));
	buf_printf(o, "%h</dd>\n", g->source ? code_label(g->source) : "");
	if (g->source_note) {
		places_term(o, _("Source note"));
		buf_printf(o, "%h</dd>\n", g->source_note);
	}
	buf_adds(o, "</dl>\n");
}

/* See pages.h. */
int page_organisation(struct request *req)
{
	struct org g;
	struct list_result members, networks;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	const char *id = req->nparams ? req->params[0] : "";
	int internal = places_internal(req);
	if (read_org(req, id, &g) < 0)
		return http_error(req, 500, _("The organisation cannot be shown now."));
	if (!g.found)
		return http_error(req, 404, _("There is no organisation with this id."));
	page_begin(req, g.name, "organisations");
	buf_printf(o,
		   "<nav class=\"steiger-breadcrumb\" aria-label=\"%h\"><ol class=\"utrecht-unordered-list\"><li><a "
		   "class=\"utrecht-link\" href=\"/organisations\">%h</a></li></ol></nav>\n",
		   _("Breadcrumb"), _("Organisations"));
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h", g.name);
	places_source_mark(o, g.name_source);
	buf_printf(o, "</h1>\n<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h</p>\n", org_type_label(g.type));
	if (role_can(req->user.role, PERM_EDIT))
		buf_printf(o,
			   "<p class=\"utrecht-paragraph\"><a class=\"utrecht-button-link utrecht-button-link--html-a "
			   "utrecht-button-link--secondary-action\" href=\"/organisations/%t/edit\">%h</a></p>\n",
			   g.id, _("Edit this organisation"));
	if (g.description) {
		buf_printf(o, "<p class=\"utrecht-paragraph steiger-description\">%h", g.description);
		places_source_mark(o, g.description_source);
		buf_adds(o, "</p>\n");
	}
	org_facts(req, &g);
	if (db_org_members(req->db, g.id, &members, &e) == 0)
		org_list(req, _("Members"), &members);
	list_result_free(&members);
	if (db_org_networks(req->db, g.id, &networks, &e) == 0)
		org_list(req, _("Member of"), &networks);
	list_result_free(&networks);
	partner_items(req, g.id, internal);
	if (internal) {
		org_contracts(req, g.id);
		org_contacts(req, g.id);
	}
	page_end(req);
	return 200;
}

/* Show the form for organisation g (g->id NULL: a new one) with the errors
 * of fe, answering status. */
static int org_form(struct request *req, const struct org *g, const struct form_errors *fe, int status)
{
	struct list_result all;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	const char *title = g->id ? _("Edit organisation") : _("Add an organisation");
	size_t n = 0;
	if (db_organisations(req->db, NULL, NULL, ORG_SORT_NAME, 0, 1, &all, &e) < 0)
		return http_error(req, 500, _("The form cannot be shown now."));
	const char **codes = arena_calloc(req->a, all.nrows + 1, sizeof(*codes));
	const char **labels = arena_calloc(req->a, all.nrows + 1, sizeof(*labels));
	for (size_t i = 0; i < all.nrows; i++) {
		char **row = &all.cells[i * all.ncols];
		if (g->id && strcmp(row[0], g->id) == 0)
			continue; /* not a member of itself */
		codes[n] = arena_strdup(req->a, row[0]);
		labels[n++] = arena_strdup(req->a, row[1]);
	}
	list_result_free(&all);
	req->status = status;
	page_begin(req, title, "organisations");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", title);
	form_error_summary(req, fe);
	form_begin(req, g->id ? arena_printf(req->a, "/organisations/%t", g->id) : "/organisations");
	if (!g->id)
		field_input(req, fe, "text", "id", _("Id"), pairs_joined(req->a, &req->form, "id"),
			    _("Lower-case letters, digits and '-', for example woningcorporatie-a. It cannot be "
			      "changed later."),
			    1);
	field_input(req, fe, "text", "name", _("Name"), g->name, NULL, 1);
	field_select(req, fe, "type", _("Type"), org_types(), org_type_labels(req), g->type, 1);
	field_textarea(req, fe, "description", _("Description"), g->description, NULL, 0);
	field_input(req, fe, "text", "website", _("Website"), g->website, _("For example https://www.example.org"), 0);
	field_checkboxes(req, fe, "members", _("Members (for a network)"), codes, labels, g->members);
	button(req, g->id ? _("Save") : _("Add"), 1);
	form_end(req);
	buf_printf(o, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"%h\">%h</a></p>\n",
		   g->id ? arena_printf(req->a, "/organisations/%t", g->id) : "/organisations", _("Cancel"));
	page_end(req);
	return status;
}

/* The organisation as typed in the form (for showing it again). */
static void org_from_form(struct request *req, const char *id, struct org *g)
{
	memset(g, 0, sizeof(*g));
	g->id = id;
	g->name = pairs_joined(req->a, &req->form, "name");
	g->type = pairs_joined(req->a, &req->form, "type");
	g->description = pairs_joined(req->a, &req->form, "description");
	g->website = pairs_joined(req->a, &req->form, "website");
	g->members = pairs_joined(req->a, &req->form, "members");
}

/* Write the form to organisation id (NULL: a new one): 303 to it, or the
 * form again with the errors. */
static int org_write(struct request *req, const char *id)
{
	struct form_errors fe = { 0 };
	struct import_result res;
	struct org g;
	int rc;
	import_result_init(&res);
	rc = form_write(req, reg_get(REG_ORGANISATIONS), id, form_fields, &fe, &res);
	import_result_free(&res);
	if (rc == E_NOTFOUND)
		return http_error(req, 404, _("There is no organisation with this id."));
	if (rc == E_INPUT) {
		/* The import checks required fields only after every value
		 * parsed; name them now too, so that all errors show at once. */
		if (is_blank(http_form(req, "name")))
			form_error(&fe, "name", _("Fill in the name of the organisation."));
		if (is_blank(http_form(req, "type")))
			form_error(&fe, "type", _("Choose the type of the organisation."));
		org_from_form(req, id, &g);
		return org_form(req, &g, &fe, 422);
	}
	if (rc != 0)
		return http_error(req, 500, _("The organisation could not be saved. Nothing was changed."));
	return http_redirect(req, arena_printf(req->a, "/organisations/%t", id ? id : http_form(req, "id")));
}

/* See pages.h. */
int page_organisation_new(struct request *req)
{
	struct org g;
	memset(&g, 0, sizeof(g));
	return org_form(req, &g, NULL, 200);
}

/* See pages.h. */
int page_organisation_create(struct request *req)
{
	return org_write(req, NULL);
}

/* See pages.h. */
int page_organisation_edit(struct request *req)
{
	struct org g;
	const char *id = req->nparams ? req->params[0] : "";
	if (read_org(req, id, &g) < 0)
		return http_error(req, 500, _("The form cannot be shown now."));
	if (!g.found)
		return http_error(req, 404, _("There is no organisation with this id."));
	return org_form(req, &g, NULL, 200);
}

/* See pages.h. */
int page_organisation_update(struct request *req)
{
	const char *id = req->nparams ? req->params[0] : "";
	return org_write(req, id);
}
