/*
 * item_form.c - creating, editing and archiving items:
 *   GET /items/new, POST /items          the form for a new item, and saving it
 *   GET /items/:id/edit, POST /items/:id the form for an item, and saving it
 *   POST /items/:id/archive              archive (or restore) it, after a
 *                                        confirmation page
 *
 * The form has every field of the items register a person enters (the
 * provenance is set by the writer: what is changed by hand becomes
 * "entered by hand"): selects for enumerations with translated labels,
 * check boxes for domains, areas and the vision elements served,
 * multi-selects for the links with other items, and the budget and fte of
 * every year of the agenda plus an empty row for another year. It is
 * written through form_write (pages/recordform.h): the validation, import
 * and audit of the command line, in one transaction. On errors the form
 * comes back (422) with what was typed, the message at each wrong field
 * and a summary; on success the browser goes to the item (303), which
 * confirms what happened.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/item_detail.h"
#include "db/item_query.h"
#include "db/read.h"
#include "pages/item_pages.h"
#include "pages/pages.h"
#include "pages/recordform.h"
#include "render/html.h"

/* The fields of the form that form_write writes, besides the yearly
 * ones (and the id of a new item). */
static const char *const form_fields[] = { "kind",       "title",          "description", "domains",
					   "instrument", "programme_type", "owner",       "year_adopted",
					   "status",     "legal_task",     "areas",       "serves",
					   "implements", "part_of",        "replaces",    "source_note" };

/* What the form shows. */
struct item_form {
	const char *id;            /* the item (NULL: a new one) */
	const struct stored *item; /* its stored record (NULL: new) */
	const struct pairs *typed; /* what was sent (NULL: not sent) */
	int *years;                /* the years with a row (ascending) */
	size_t nyears;
	struct form_errors fe; /* the errors */
};

/* A number of the database (machine form) as people in the request's
 * language write it: a decimal comma in Dutch, no thousands separators. */
static const char *number_for_people(struct request *req, const char *v)
{
	char *s = arena_strdup(req->a, v);
	if (req->lang == LANG_NL)
		for (char *p = s; *p; p++)
			if (*p == '.')
				*p = ',';
	return s;
}

/* The value of field key (key_YYYY for a year) to show: what was typed,
 * else the stored value, else the default of a new item. */
static const char *value_of(struct request *req, const struct item_form *f, const char *key)
{
	const struct register_def *r = reg_get(REG_ITEMS);
	int year, fi;
	if (f->typed)
		return pairs_joined(req->a, f->typed, key);
	if (!f->item) {
		if (strcmp(key, "status") == 0)
			return "active";
		if (strcmp(key, "kind") == 0)
			return http_query(req, "kind");
		return NULL;
	}
	if ((fi = reg_field(r, key, &year)) < 0)
		return NULL;
	if (year) {
		int k = strcmp(r->fields[fi].key, "fte") == 0;
		for (size_t y = 0; y < f->item->nyears; y++)
			if (f->item->years[y].year == year)
				return f->item->years[y].vals[k] ? number_for_people(req, f->item->years[y].vals[k])
								 : NULL;
		return NULL;
	}
	if (r->fields[fi].flags & F_LIST) {
		struct buf b = BUF_INIT;
		const char *s;
		for (size_t k = 0; k < f->item->nlist[fi]; k++)
			buf_printf(&b, "%s%s", k ? "|" : "", f->item->lists[fi][k]);
		s = arena_strdup(req->a, b.data);
		buf_free(&b);
		return s;
	}
	return f->item->vals[fi];
}

/* One check box of a group. */
static void box(struct request *req, const char *name, const char *code, const char *label, int checked,
		const char *extra_class)
{
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field utrecht-form-field--checkbox%s%h\"><div "
		   "class=\"utrecht-form-field__label utrecht-form-field__label--checkbox\"><label "
		   "class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"field-%h-%h\">%h</label></div>"
		   "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-checkbox "
		   "utrecht-checkbox--html-input\" type=\"checkbox\" id=\"field-%h-%h\" name=\"%h\" "
		   "value=\"%h\"%s></div></div>\n",
		   extra_class ? " " : "", extra_class ? extra_class : "", name, code, label, name, code, name, code,
		   checked ? " checked" : ""); /* literal */
}

/* A group of check boxes (a fieldset) for list field name: the choices
 * (code, label; goals indented under their main line), those of selected
 * ticked; selected values that are not choices come first, ticked, so
 * that what was sent comes back. */
static void box_group(struct request *req, const struct form_errors *fe, const char *name, const char *legend,
		      const char *hint, const struct item_choice *c, int n, const char *selected)
{
	const char *err = form_error_of(fe, name);
	buf_printf(&req->out,
		   "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset steiger-boxes%s\" "
		   "id=\"field-%h\"",
		   err ? " utrecht-form-fieldset--invalid" : "", name); /* literal */
	if (err || hint)
		buf_printf(&req->out, " aria-describedby=\"%s%h%s%s%h\"", hint ? "hint-" : "", hint ? name : "",
			   hint && err ? " " : "", err ? "error-" : "", err ? name : ""); /* literal */
	buf_printf(&req->out,
		   "><legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">"
		   "%h</legend>\n",
		   legend);
	field_notes(req, name, hint, err);
	for (const char *p = selected; p && *p;) {
		const char *end = strchr(p, '|');
		const char *v = arena_strndup(req->a, p, end ? (size_t)(end - p) : strlen(p));
		int known = 0;
		for (int i = 0; i < n && !known; i++)
			known = strcmp(c[i].code, v) == 0;
		if (!known && *v)
			box(req, name, v, v, 1, NULL);
		p = end ? end + 1 : NULL;
	}
	for (int i = 0; i < n; i++) {
		const char *label = c[i].label;
		if (c[i].kind && strcmp(name, "serves") == 0)
			label = arena_printf(req->a, "%s: %s", code_label(c[i].kind), c[i].label);
		else if (strcmp(name, "areas") == 0)
			label = arena_printf(req->a, "%s (%s)", c[i].label, c[i].code);
		box(req, name, c[i].code, label, list_has(selected, c[i].code),
		    c[i].kind && strcmp(c[i].kind, "goal") == 0 ? "steiger-indent" : NULL);
	}
	buf_adds(&req->out, "</fieldset>\n");
}

/* The choices of a list as a choice array (for enumerations). */
static int enum_as_choices(struct request *req, const char *key, struct item_choice **out)
{
	const char *const *codes, *const *labels;
	int n = 0;
	item_enum_choices(req, key, &codes, &labels);
	while (codes[n])
		n++;
	*out = arena_calloc(req->a, (size_t)n + 1, sizeof(**out));
	for (int i = 0; i < n; i++) {
		(*out)[i].code = codes[i];
		(*out)[i].label = labels[i];
	}
	return n;
}

/* A text input of the year table, its label hidden (the table's headers
 * say what it is), its error under it. */
static void year_input(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		       const char *value)
{
	const char *err = form_error_of(fe, name);
	buf_printf(&req->out,
		   "<label class=\"visually-hidden steiger-visually-hidden\" for=\"field-%h\">%h</label><input "
		   "class=\"utrecht-textbox utrecht-textbox--html-input steiger-number%s\" type=\"text\" "
		   "inputmode=\"decimal\" id=\"field-%h\" name=\"%h\" value=\"%h\"",
		   name, label, err ? " utrecht-textbox--invalid" : "", name, name, value ? value : ""); /* literal */
	if (err)
		buf_printf(&req->out,
			   " aria-invalid=\"true\" aria-describedby=\"error-%h\"><div "
			   "class=\"utrecht-form-field-error-message\" id=\"error-%h\">%h</div>",
			   name, name, err);
	else
		buf_adds(&req->out, ">");
}

/* The budget and fte per year. */
static void year_table(struct request *req, const struct item_form *f)
{
	struct buf *o = &req->out;
	buf_printf(o,
		   "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset\" id=\"field-years\">"
		   "<legend class=\"utrecht-form-fieldset__legend "
		   "utrecht-form-fieldset__legend--html-legend\">%h</legend>\n"
		   "<div class=\"utrecht-form-field-description\">%h</div>\n",
		   _("Budget and staff per year"),
		   _("Budget in whole euros (such as 250000), staff in fte (such as 1,5). Leave a field empty when "
		     "there is no figure. Add another year in the last row."));
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n<caption "
		   "class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\"><tr "
		   "class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>"
		   "<th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th><th "
		   "class=\"utrecht-table__header-cell\" scope=\"col\">%h</th></tr></thead>\n<tbody "
		   "class=\"utrecht-table__body\">\n",
		   _("Budget and staff per year"), _("Year"), _("Budget (euros)"), _("Staff (fte)"));
	for (size_t y = 0; y < f->nyears; y++) {
		int year = f->years[y];
		const char *bk = arena_printf(req->a, "budget_%d", year), *fk = arena_printf(req->a, "fte_%d", year);
		buf_printf(o,
			   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__cell\" scope=\"row\">%d</th>"
			   "<td class=\"utrecht-table__cell\">",
			   year);
		year_input(req, &f->fe, bk, arena_printf(req->a, _("Budget %d"), year), value_of(req, f, bk));
		buf_adds(o, "</td><td class=\"utrecht-table__cell\">");
		year_input(req, &f->fe, fk, arena_printf(req->a, _("FTE %d"), year), value_of(req, f, fk));
		buf_adds(o, "</td></tr>\n");
	}
	const struct pairs *t = f->typed;
	buf_adds(o, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">");
	year_input(req, &f->fe, "new_year", _("Another year"), t ? pairs_get(t, "new_year") : NULL);
	buf_adds(o, "</td><td class=\"utrecht-table__cell\">");
	year_input(req, &f->fe, "new_budget", _("Budget of the other year"), t ? pairs_get(t, "new_budget") : NULL);
	buf_adds(o, "</td><td class=\"utrecht-table__cell\">");
	year_input(req, &f->fe, "new_fte", _("FTE of the other year"), t ? pairs_get(t, "new_fte") : NULL);
	buf_adds(o, "</td></tr>\n</tbody>\n</table></div>\n</fieldset>\n");
}

/* A select of an enumeration field. */
static void enum_select(struct request *req, const struct item_form *f, const char *key, const char *label,
			int required)
{
	const char *const *codes, *const *labels;
	const char *value = value_of(req, f, key);
	item_enum_choices(req, key, &codes, &labels);
	int unknown = value && *value && !enum_has(codes, value);
	if (unknown || (required && (!value || !*value))) {
		/* First an option of its own: what was sent that is not a
		 * choice (so it comes back), or for a required field without a
		 * value, "(choose)", so nothing is chosen by accident. */
		size_t n = 0;
		while (codes[n])
			n++;
		const char **c = arena_calloc(req->a, n + 2, sizeof(*c)), **l = arena_calloc(req->a, n + 2, sizeof(*l));
		c[0] = unknown ? value : "";
		l[0] = unknown ? value : _("(choose)");
		memcpy(c + 1, codes, n * sizeof(*c));
		memcpy(l + 1, labels, n * sizeof(*l));
		codes = c;
		labels = l;
	}
	field_select(req, &f->fe, key, label, codes, labels, value, required);
}

/* A multi-select of other items for link field key. */
static void link_select(struct request *req, const struct item_form *f, const struct item_choice *items, int n,
			const char *key, const char *label, const char *hint)
{
	const char **codes = arena_calloc(req->a, (size_t)n + 1, sizeof(*codes));
	const char **labels = arena_calloc(req->a, (size_t)n + 1, sizeof(*labels));
	int k = 0;
	for (int i = 0; i < n; i++) {
		if (f->id && strcmp(items[i].code, f->id) == 0)
			continue; /* not a link with itself */
		codes[k] = items[i].code;
		labels[k] = items[i].archived
				    ? arena_printf(req->a, "%s (%s, %s)", items[i].label, code_label(items[i].kind),
						   _("archived"))
				    : arena_printf(req->a, "%s (%s)", items[i].label, code_label(items[i].kind));
		k++;
	}
	field_multiselect(req, &f->fe, key, label, codes, labels, value_of(req, f, key), hint, 6);
}

/* The label of form field name, for the error summary; NULL for errors
 * of the whole form. */
static const char *field_label(struct request *req, const char *name)
{
	const struct register_def *r = reg_get(REG_ITEMS);
	int year, fi;
	if (strcmp(name, "new_year") == 0)
		return _("Another year");
	if (strcmp(name, "new_budget") == 0)
		return _("Budget of the other year");
	if (strcmp(name, "new_fte") == 0)
		return _("FTE of the other year");
	if ((fi = reg_field(r, name, &year)) < 0)
		return NULL;
	if (year)
		return arena_printf(req->a, strcmp(r->fields[fi].key, "fte") == 0 ? _("FTE %d") : _("Budget %d"), year);
	return tr(r->fields[fi].label);
}

/* The error summary: each error with the label of its field, linking to
 * the field. */
static void error_summary(struct request *req, const struct form_errors *fe)
{
	struct form_errors named;
	memset(&named, 0, sizeof(named));
	for (size_t i = 0; i < fe->n; i++) {
		const char *label = field_label(req, fe->field[i]);
		named.field[named.n] = fe->field[i];
		named.message[named.n] = label ? arena_printf(req->a, "%s: %s", label, fe->message[i]) : fe->message[i];
		named.n++;
	}
	form_error_summary(req, &named);
}

/* Render the form page with status. */
static int form_page(struct request *req, struct item_form *f, int status)
{
	struct buf *o = &req->out;
	struct item_choice *c;
	struct err e = { 0, "" };
	const char *title = f->item ? f->item->vals[reg_field_index(reg_get(REG_ITEMS), "title")] : NULL;
	int n;
	const char *heading = f->id ? arena_printf(req->a, _("Edit: %s"), title) : _("New item");
	req->status = status;
	page_begin(req, heading, "items");
	if (f->id)
		buf_printf(o,
			   "<p class=\"utrecht-paragraph steiger-back\"><a class=\"utrecht-link\" "
			   "href=\"/items/%t\">%h</a></p>\n",
			   f->id, _("Back to the item"));
	else
		buf_printf(o,
			   "<p class=\"utrecht-paragraph steiger-back\"><a class=\"utrecht-link\" "
			   "href=\"/items\">%h</a></p>\n",
			   _("All items"));
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", heading);
	error_summary(req, &f->fe);
	form_begin(req, f->id ? arena_printf(req->a, "/items/%t", f->id) : "/items");
	if (form_error_of(&f->fe, "form"))
		buf_printf(
			o,
			"<div class=\"utrecht-form-field-error-message\" id=\"field-form\" tabindex=\"-1\">%h</div>\n",
			form_error_of(&f->fe, "form"));
	buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("Fields marked \"Required\" must be filled in."));
	if (!f->id)
		field_input(req, &f->fe, "text", "id", _("Id"), f->typed ? pairs_get(f->typed, "id") : NULL,
			    _("Lower-case letters, digits and '-', such as woonvisie-2025. Leave it empty to make "
			      "one from the title. It cannot be changed later."),
			    0);
	enum_select(req, f, "kind", _("Kind"), 1);
	field_input(req, &f->fe, "text", "title", _("Title"), value_of(req, f, "title"), _("At most 300 characters."),
		    1);
	field_textarea(req, &f->fe, "description", _("Description"), value_of(req, f, "description"), NULL, 0);
	enum_select(req, f, "status", _("Status"), 1);
	enum_select(req, f, "instrument", _("Instrument"), 0);
	enum_select(req, f, "programme_type", _("Programme type"), 0);
	field_input(req, &f->fe, "text", "owner", _("Owner"), value_of(req, f, "owner"),
		    _("The department or team that is responsible."), 0);
	field_input(req, &f->fe, "text", "year_adopted", _("Year adopted"), value_of(req, f, "year_adopted"),
		    _("A year such as 2021."), 0);
	const char *legal = value_of(req, f, "legal_task");
	field_checkbox(req, &f->fe, "legal_task", _("This is a statutory task"),
		       legal && *legal && strcmp(legal, "false") != 0, NULL);
	n = enum_as_choices(req, "domains", &c);
	box_group(req, &f->fe, "domains", _("Domains"), NULL, c, n, value_of(req, f, "domains"));
	n = db_item_choices(req->db, CHOICES_VISION, 1, req->a, &c, &e);
	box_group(req, &f->fe, "serves", _("Serves"),
		  _("The main lines, goals, pillars, urgent issues and mechanisms this item contributes to."), c,
		  n < 0 ? 0 : n, value_of(req, f, "serves"));
	n = db_item_choices(req->db, CHOICES_AREAS, 1, req->a, &c, &e);
	box_group(req, &f->fe, "areas", _("Areas"), _("Where the item takes place, if in particular areas."), c,
		  n < 0 ? 0 : n, value_of(req, f, "areas"));
	n = db_item_choices(req->db, CHOICES_ITEMS, 1, req->a, &c, &e);
	if (n < 0)
		n = 0;
	buf_printf(o,
		   "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset\"><legend "
		   "class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">%h</legend>\n",
		   _("Links with other items"));
	const char *multi = _("Choose one or more; hold Ctrl (Cmd on a Mac) to choose more than one.");
	link_select(req, f, c, n, "implements", _("Carries out"), multi);
	link_select(req, f, c, n, "part_of", _("Part of"), multi);
	link_select(req, f, c, n, "replaces", _("Replaces"), multi);
	buf_adds(o, "</fieldset>\n");
	year_table(req, f);
	field_textarea(req, &f->fe, "source_note", _("Source note"), value_of(req, f, "source_note"),
		       _("Where the information comes from, such as a council decision."), 0);
	buf_adds(o, "<div class=\"utrecht-button-group\">");
	button(req, f->id ? _("Save the changes") : _("Create the item"), 1);
	buf_printf(o, " <a class=\"utrecht-link\" href=\"%h\">%h</a></div>\n",
		   f->id ? arena_printf(req->a, "/items/%t", f->id) : "/items", _("Cancel"));
	form_end(req);
	if (f->id) {
		int archived = f->item->vals[reg_field_index(reg_get(REG_ITEMS), "archived")] &&
			       strcmp(f->item->vals[reg_field_index(reg_get(REG_ITEMS), "archived")], "true") == 0;
		buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
			   archived ? _("Restore") : _("Archive"),
			   archived ? _("This item is archived. Restore it to make it part of the agenda again.")
				    : _("Archive an item that is no longer part of the agenda. It is kept with its "
					"history, and can be restored."));
		form_begin(req, arena_printf(req->a, "/items/%t/archive", f->id));
		if (archived)
			buf_adds(o, "<input type=\"hidden\" name=\"restore\" value=\"1\">\n");
		button(req,
		       arena_printf(req->a, "%s\xe2\x80\xa6",
				    archived ? _("Restore this item") : _("Archive this item")),
		       0);
		form_end(req);
	}
	page_end(req);
	return status;
}

/* Keep a copy of the record read (callback of db_read_records). */
static int keep_record(const struct stored *s, void *arg)
{
	struct stored *out = arg;
	*out = *s;
	return 0;
}

/* Read item id into *s; returns 0 or the status of the error page. */
static int read_item(struct request *req, const char *id, struct stored *s)
{
	struct err e = { 0, "" };
	int rc;
	if ((rc = item_find(req, id, NULL)) != 0)
		return rc;
	memset(s, 0, sizeof(*s));
	if (db_read_records(req->db, reg_get(REG_ITEMS), id, req->a, keep_record, s, &e) < 0 || !s->reg)
		return http_error(req, 500, _("The item cannot be read now; try again later."));
	return 0;
}

/* The years with a row: those of the agenda and of the item, and those of
 * the years typed in the form. */
static void form_years(struct request *req, struct item_form *f)
{
	struct err e = { 0, "" };
	int *all = NULL, n = db_register_years(req->db, reg_get(REG_ITEMS), &all, &e);
	size_t cap = (n > 0 ? (size_t)n : 0) + (f->item ? f->item->nyears : 0) + 1;
	f->years = arena_calloc(req->a, cap, sizeof(int));
	f->nyears = 0;
	for (int i = 0; i < n; i++)
		f->years[f->nyears++] = all[i];
	free(all);
	for (size_t y = 0; f->item && y < f->item->nyears; y++) {
		size_t k = 0;
		while (k < f->nyears && f->years[k] < f->item->years[y].year)
			k++;
		if (k < f->nyears && f->years[k] == f->item->years[y].year)
			continue;
		memmove(&f->years[k + 1], &f->years[k], (f->nyears - k) * sizeof(int));
		f->years[k] = f->item->years[y].year;
		f->nyears++;
	}
}

/* See pages.h. */
int page_item_new(struct request *req)
{
	struct item_form f;
	memset(&f, 0, sizeof(f));
	form_years(req, &f);
	return form_page(req, &f, 200);
}

/* See pages.h. */
int page_item_edit(struct request *req)
{
	struct item_form f;
	struct stored s;
	int rc;
	if ((rc = read_item(req, req->params[0], &s)) != 0)
		return rc;
	memset(&f, 0, sizeof(f));
	f.id = req->params[0];
	f.item = &s;
	form_years(req, &f);
	return form_page(req, &f, 200);
}

/* A copy of the pairs of ps in the request's arena, with room for extra
 * more. */
static struct pairs copy_pairs(struct request *req, const struct pairs *ps, size_t extra)
{
	struct pairs c;
	c.p = arena_calloc(req->a, ps->n + extra + 1, sizeof(*c.p));
	if (ps->n)
		memcpy(c.p, ps->p, ps->n * sizeof(*c.p));
	c.n = ps->n;
	return c;
}

/* Set form field name to value: the first pair of that name, or a new one
 * (req->form has room: see copy_pairs). */
static void set_pair(struct request *req, const char *name, const char *value)
{
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.p[i].name, name) == 0) {
			req->form.p[i].value = value;
			return;
		}
	req->form.p[req->form.n].name = name;
	req->form.p[req->form.n].value = value;
	req->form.n++;
}

/* For list field key of the stored item: send the values of the form in
 * the stored order (new ones after them, in the order of the form), so
 * that saving a form unchanged changes nothing: the check boxes come in
 * the order of the choices, not of the list. Replaces the pairs of key in
 * req->form with one pair of values joined by '|'. */
static void keep_list_order(struct request *req, const struct stored *item, const char *key)
{
	const struct register_def *r = reg_get(REG_ITEMS);
	int fi = reg_field_index(r, key);
	struct buf b = BUF_INIT;
	const char *sent = pairs_joined(req->a, &req->form, key);
	size_t k = 0;
	if (fi < 0 || !(r->fields[fi].flags & F_LIST) || !sent)
		return;
	for (size_t i = 0; i < item->nlist[fi]; i++)
		if (list_has(sent, item->lists[fi][i]))
			buf_printf(&b, "%s%s", b.len ? "|" : "", item->lists[fi][i]);
	for (const char *p = sent; *p;) {
		const char *end = strchr(p, '|');
		const char *v = arena_strndup(req->a, p, end ? (size_t)(end - p) : strlen(p));
		int stored = 0;
		for (size_t i = 0; i < item->nlist[fi] && !stored; i++)
			stored = strcmp(item->lists[fi][i], v) == 0;
		if (!stored && *v)
			buf_printf(&b, "%s%s", b.len ? "|" : "", v);
		if (!end)
			break;
		p = end + 1;
	}
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.p[i].name, key) != 0)
			req->form.p[k++] = req->form.p[i];
	req->form.n = k;
	set_pair(req, key, arena_strdup(req->a, b.data));
	buf_free(&b);
}

/* Check the fields of the form one by one (types, ranges, enumerations,
 * lengths), as form_write would, putting errors into fe; for when the form
 * cannot be written for another reason and should still say all that is
 * wrong. */
static void check_fields(struct request *req, const char *const *fields, size_t n, struct form_errors *fe)
{
	const struct register_def *r = reg_get(REG_ITEMS);
	struct diag d;
	struct batch b;
	diag_init(&d, 50);
	batch_init(&b, &d, req->user.name);
	for (size_t k = 0; k < n; k++) {
		int year, fi = reg_field(r, fields[k], &year);
		struct fval v;
		const char *text = pairs_joined(req->a, &req->form, fields[k]);
		if (fi < 0 || (r->fields[fi].type == FT_BOOL && !(r->fields[fi].flags & F_LIST)))
			continue;
		memset(&v, 0, sizeof(v));
		fval_parse(&b, &r->fields[fi], text ? text : "", &v, fields[k], 1, 0);
	}
	for (size_t i = 0; i < d.nentries; i++)
		form_error(fe, arena_strdup(req->a, d.entries[i].file), arena_strdup(req->a, d.entries[i].message));
	batch_free(&b);
	diag_free(&d);
}

/* Where field name comes in the form, for listing errors in that order. */
static long field_rank(const char *name)
{
	static const char *const order[] = { "form",       "id",         "kind",           "title", "description",
					     "status",     "instrument", "programme_type", "owner", "year_adopted",
					     "legal_task", "domains",    "serves",         "areas", "implements",
					     "part_of",    "replaces" };
	const char *us = strrchr(name, '_');
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		if (strcmp(name, order[i]) == 0)
			return (long)i;
	if (us && (starts_with(name, "budget_") || starts_with(name, "fte_")) && isdigit((unsigned char)us[1]))
		return 100 + strtol(us + 1, NULL, 10) * 2 + (name[0] == 'f');
	if (strcmp(name, "new_year") == 0)
		return 10000;
	if (strcmp(name, "new_budget") == 0)
		return 10001;
	if (strcmp(name, "new_fte") == 0)
		return 10002;
	return 20000; /* source_note, and anything else */
}

/* Sort the errors of fe into the order of the form (stable). */
static void sort_errors(struct form_errors *fe)
{
	for (size_t i = 1; i < fe->n; i++) {
		const char *field = fe->field[i], *message = fe->message[i];
		size_t k = i;
		while (k > 0 && field_rank(fe->field[k - 1]) > field_rank(field)) {
			fe->field[k] = fe->field[k - 1];
			fe->message[k] = fe->message[k - 1];
			k--;
		}
		fe->field[k] = field;
		fe->message[k] = message;
	}
}

/* Make an id from a title: lower-case letters and digits, accents taken
 * off (é is e), the rest '-', at most 80 characters, in the request's
 * arena; "item" when nothing is left. */
static char *slug(struct request *req, const char *title)
{
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyty"; /* U+00E0..U+00FF */
	struct buf b = BUF_INIT;
	char *s;
	for (const unsigned char *p = (const unsigned char *)title; *p && b.len < 80; p++) {
		int c = -1;
		if (isalnum(*p))
			c = tolower(*p);
		else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf) {
			unsigned cp = 0xc0 + (p[1] & 0x3f);
			c = cp == 0xdf ? 's' : latin1[(cp | 0x20) - 0xe0]; /* sharp s, else as lower case */
			p++;
		}
		if (c == -1 || c == '-')
			c = '-';
		if (c == '-' && (!b.len || b.data[b.len - 1] == '-'))
			continue;
		buf_addch(&b, c);
	}
	while (b.len && b.data[b.len - 1] == '-')
		buf_truncate(&b, b.len - 1);
	s = arena_strdup(req->a, b.len ? b.data : "item");
	buf_free(&b);
	return s;
}

/* A free id for a new item titled title: its slug, or the slug with -2,
 * -3, ... */
static const char *free_id(struct request *req, const char *title)
{
	struct err e = { 0, "" };
	const char *base = slug(req, title), *id = base;
	for (int k = 2; k < 1000 && db_item_state(req->db, id, &e) != E_NOTFOUND; k++)
		id = arena_printf(req->a, "%s-%d", base, k);
	return id;
}

/* Save the form (a new item when id is NULL): the fields, the years with
 * a value now or before, another year; through form_write. Redirects to
 * the item, or renders the form with the errors. */
static int save(struct request *req, const char *id)
{
	struct item_form f;
	struct stored s;
	struct import_result res;
	const char **fields;
	const struct pairs typed = copy_pairs(req, &req->form, 0);
	size_t nf = 0;
	int rc;
	memset(&f, 0, sizeof(f));
	if (id) {
		if ((rc = read_item(req, id, &s)) != 0)
			return rc;
		f.item = &s;
		f.id = id;
	}
	f.typed = &typed;
	form_years(req, &f);
	req->form = copy_pairs(req, &req->form, 4);
	fields = arena_calloc(req->a, ARRAY_SIZE(form_fields) + 2 * f.nyears + 4, sizeof(*fields));
	if (!id)
		fields[nf++] = "id"; /* not written as a field, but its errors belong to it */
	for (size_t i = 0; i < ARRAY_SIZE(form_fields); i++)
		fields[nf++] = form_fields[i];
	if (f.item)
		for (size_t i = 0; i < ARRAY_SIZE(form_fields); i++)
			keep_list_order(req, f.item, form_fields[i]);
	/* The figures per year: numbers as typed in the request's language. */
	for (size_t i = 0; i < req->form.n; i++) {
		struct pair *p = &req->form.p[i];
		double d;
		if ((starts_with(p->name, "budget_") || starts_with(p->name, "fte_") ||
		     strcmp(p->name, "new_budget") == 0 || strcmp(p->name, "new_fte") == 0) &&
		    num_parse_ex(p->value, req->lang == LANG_NL, &d) == 0) {
			struct buf b = BUF_INIT;
			num_format(&b, d);
			p->value = arena_strdup(req->a, b.data);
			buf_free(&b);
		}
	}
	for (size_t y = 0; y < f.nyears; y++) {
		for (int k = 0; k < 2; k++) {
			const char *key = arena_printf(req->a, "%s_%d", k ? "fte" : "budget", f.years[y]);
			const char *v = http_form(req, key);
			int stored = 0;
			for (size_t z = 0; f.item && z < f.item->nyears; z++)
				stored |= f.item->years[z].year == f.years[y] && f.item->years[z].vals[k];
			if (stored || (v && !is_blank(v)))
				fields[nf++] = key;
		}
	}
	/* Another year. */
	const char *ny = http_form(req, "new_year"), *nb = http_form(req, "new_budget"),
		   *nfte = http_form(req, "new_fte");
	long long year = 0;
	if (ny && !is_blank(ny)) {
		if (int_parse(ny, 1800, 2200, &year) < 0)
			form_error(&f.fe, "new_year", _("Fill in a year from 1800 to 2200."));
		else if (http_form(req, arena_printf(req->a, "budget_%lld", year)) ||
			 http_form(req, arena_printf(req->a, "fte_%lld", year)))
			form_error(&f.fe, "new_year", _("This year has a row already; fill in its figures there."));
	} else if ((nb && !is_blank(nb)) || (nfte && !is_blank(nfte))) {
		form_error(&f.fe, "new_year", _("Fill in the year of these figures."));
	}
	const char *new_budget_key = NULL, *new_fte_key = NULL;
	if (year && !f.fe.n) {
		new_budget_key = arena_printf(req->a, "budget_%lld", year);
		new_fte_key = arena_printf(req->a, "fte_%lld", year);
		set_pair(req, new_budget_key, nb ? nb : "");
		set_pair(req, new_fte_key, nfte ? nfte : "");
		if (nb && !is_blank(nb))
			fields[nf++] = new_budget_key;
		if (nfte && !is_blank(nfte))
			fields[nf++] = new_fte_key;
	}
	/* The id of a new item: as typed, or made from the title. */
	if (!id) {
		const char *typed_id = http_form(req, "id"), *title = http_form(req, "title");
		if (!typed_id || is_blank(typed_id)) /* without a title: the writer says it is missing */
			set_pair(req, "id", free_id(req, title && !is_blank(title) ? title : "item"));
	}
	/* What the database needs of every item, said at its field. */
	static const struct {
		const char *field, *message;
	} required[] = {
		{ "kind", N_("Choose the kind of item.") },
		{ "title", N_("Fill in a title.") },
		{ "status", N_("Choose a status.") },
	};
	for (size_t i = 0; i < ARRAY_SIZE(required); i++) {
		const char *v = http_form(req, required[i].field);
		if (!v || is_blank(v))
			form_error(&f.fe, required[i].field, tr(required[i].message));
	}
	if (f.fe.n) {
		check_fields(req, fields, nf, &f.fe);
		sort_errors(&f.fe);
		return form_page(req, &f, 422);
	}
	import_result_init(&res);
	rc = form_write(req, reg_get(REG_ITEMS), id, fields, &f.fe, &res);
	import_result_free(&res);
	if (rc == 0)
		return http_redirect(req, arena_printf(req->a, "/items/%t?%s=1", id ? id : http_form(req, "id"),
						       id ? "saved" : "created"));
	if (rc == E_NOTFOUND)
		return http_error(req, 404, _("There is no item at this address."));
	if (rc != E_INPUT)
		return http_error(req, 500, _("The item cannot be saved now; try again later."));
	/* The errors of another year belong to its row. */
	for (size_t i = 0; i < f.fe.n; i++) {
		if (new_budget_key && strcmp(f.fe.field[i], new_budget_key) == 0)
			f.fe.field[i] = "new_budget";
		else if (new_fte_key && strcmp(f.fe.field[i], new_fte_key) == 0)
			f.fe.field[i] = "new_fte";
	}
	sort_errors(&f.fe);
	return form_page(req, &f, 422);
}

/* See pages.h. */
int page_item_create(struct request *req)
{
	return save(req, NULL);
}

/* See pages.h. */
int page_item_update(struct request *req)
{
	return save(req, req->params[0]);
}

/* The confirmation page of archiving or restoring item id. */
static int archive_confirm(struct request *req, const char *id, const char *title, int restore)
{
	struct buf *o = &req->out;
	const char *quoted = arena_printf(req->a, "\xe2\x80\x98%s\xe2\x80\x99", title);
	const char *heading = arena_printf(req->a, restore ? _("Restore %s?") : _("Archive %s?"), quoted);
	page_begin(req, heading, "items");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n<p class=\"utrecht-paragraph\">%h</p>\n", heading,
		   restore ? _("The item becomes part of the agenda again: it counts in the overview and everyone "
			       "can see it.")
			   : _("An archived item no longer counts in the agenda (the overview, the lists and the "
			       "checks), and only people who may read internal details can see it. Its figures, "
			       "links and history are kept, and it can be restored."));
	form_begin(req, arena_printf(req->a, "/items/%t/archive", id));
	buf_adds(o, "<input type=\"hidden\" name=\"confirm\" value=\"1\">\n");
	if (restore)
		buf_adds(o, "<input type=\"hidden\" name=\"restore\" value=\"1\">\n");
	buf_adds(o, "<div class=\"utrecht-button-group\">");
	button(req, restore ? _("Yes, restore it") : _("Yes, archive it"), 1);
	buf_printf(o, " <a class=\"utrecht-link\" href=\"/items/%t\">%h</a></div>\n", id, _("No, go back"));
	form_end(req);
	page_end(req);
	return 200;
}

/* See pages.h. */
int page_item_archive(struct request *req)
{
	static const char *const fields[] = { "archived", NULL };
	const char *id = req->params[0];
	const char *restore_v = http_form(req, "restore"), *confirm = http_form(req, "confirm");
	int restore = restore_v && strcmp(restore_v, "1") == 0;
	struct stored s;
	struct form_errors fe;
	struct import_result res;
	int rc;
	if ((rc = read_item(req, id, &s)) != 0)
		return rc;
	if (!confirm || strcmp(confirm, "1") != 0)
		return archive_confirm(req, id, s.vals[reg_field_index(s.reg, "title")], restore);
	memset(&fe, 0, sizeof(fe));
	req->form = copy_pairs(req, &req->form, 1);
	set_pair(req, "archived", restore ? "false" : "true");
	import_result_init(&res);
	rc = form_write(req, reg_get(REG_ITEMS), id, fields, &fe, &res);
	import_result_free(&res);
	if (rc == E_NOTFOUND)
		return http_error(req, 404, _("There is no item at this address."));
	if (rc != 0)
		return http_error(req, 500, _("The item cannot be archived now; try again later."));
	return http_redirect(req, arena_printf(req->a, "/items/%t?%s=1", id, restore ? "restored" : "archived"));
}
