/*
 * audit.c - GET /audit: the audit log, newest first, a page at a time,
 * filtered by who, register or table, record, action, date range and free
 * text. Each entry shows what changed (render/changes.c) and links the
 * record to its page where it has one.
 *
 * Entries of accounts and API tokens (e-mail addresses, roles) are shown
 * only to those who manage accounts (PERM_ADMIN).
 */
#include "steiger.h"
#include "core/register.h"
#include "db/audit_query.h"
#include "pages/pages.h"
#include "pages/people.h"
#include "render/changes.h"
#include "render/html.h"
#include <time.h>

/* Entries per page. */
#define AUDIT_PAGE 50

/* The longest filter text accepted. */
#define FILTER_MAX 200

/* The page of a record of each table: the record key's first part is the
 * id of the record the page shows. */
static const struct {
	const char *tbl;    /* the table */
	const char *prefix; /* the address of its pages */
} record_pages[] = {
	{ "item", "/items/" },
	{ "item_year", "/items/" },
	{ "item_domain", "/items/" },
	{ "item_area", "/items/" },
	{ "item_serves", "/items/" },
	{ "item_link", "/items/" },
	{ "item_partner", "/items/" },
	{ "organisation", "/organisations/" },
	{ "organisation_member", "/organisations/" },
	{ "area", "/areas/" },
	{ "area_adjacent", "/areas/" },
	{ "vision_element", "/vision/" },
	{ "vision_element_area", "/vision/" },
	{ "account", "/users/" },
};

/* The filter as typed, for the form and the page links. */
struct typed {
	const char *actor, *table, *record, *action, *from, *to, *text;
};

/* The address prefix of the pages of table tbl for this user, or NULL. */
static const char *page_prefix(const struct request *req, const char *tbl)
{
	for (size_t i = 0; i < ARRAY_SIZE(record_pages); i++)
		if (strcmp(record_pages[i].tbl, tbl) == 0) {
			if (strcmp(tbl, "account") == 0 && !role_can(req->user.role, PERM_ADMIN))
				return NULL;
			return record_pages[i].prefix;
		}
	return NULL;
}

/* The item_id in the JSON values of an entry, or NULL. */
static const char *item_of(struct request *req, const char *values)
{
	struct diag d;
	const struct json_value *v, *id;
	if (!values)
		return NULL;
	diag_init(&d, 1);
	v = json_parse(req->a, "audit", values, strlen(values), &d);
	diag_free(&d);
	id = json_get(v, "item_id");
	if (!id)
		id = json_get(v, "item");
	return id && id->type == JSON_STRING && id->len ? id->str : NULL;
}

/* Append the record key of an entry, linked to the record's page when it
 * has one. value_source keys are "table/id/field". */
static void record_cell(struct request *req, const struct audit_entry *en)
{
	const char *tbl = en->tbl, *rest = en->record ? en->record : "";
	if (strcmp(tbl, "value_source") == 0 && strchr(rest, '/')) {
		const char *slash = strchr(rest, '/');
		tbl = arena_strndup(req->a, rest, (size_t)(slash - rest));
		rest = slash + 1;
	}
	const char *prefix = page_prefix(req, tbl);
	const char *slash = strchr(rest, '/');
	const char *id = slash ? arena_strndup(req->a, rest, (size_t)(slash - rest)) : rest;
	if (!prefix && (strcmp(tbl, "comment") == 0 || strcmp(tbl, "contract") == 0)) {
		/* Rows of an item with their own key: the item's page. */
		id = item_of(req, en->after ? en->after : en->before);
		prefix = id ? "/items/" : NULL;
	}
	if (prefix && *id)
		buf_printf(&req->out, "<a class=\"utrecht-link\" href=\"%h%t\">%h</a>", prefix, id, en->record);
	else
		buf_printf(&req->out, "%h", en->record ? en->record : "");
}

/* The UTC time (YYYY-MM-DDTHH:MM:SS) at which local day iso_date (plus
 * days) begins. */
static const char *day_start_utc(struct request *req, const char *iso_date, int days)
{
	struct tm tm, utc;
	time_t t;
	char out[24];
	memset(&tm, 0, sizeof(tm));
	if (sscanf(iso_date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return iso_date;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_mday += days;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || !gmtime_r(&t, &utc) || !strftime(out, sizeof(out), "%Y-%m-%dT%H:%M:%S", &utc))
		return iso_date;
	return arena_strdup(req->a, out);
}

/* A query parameter with white space trimmed, or "" (at most FILTER_MAX
 * bytes, else an error at the field). */
static const char *param(struct request *req, struct form_errors *fe, const char *name)
{
	const char *v = http_query(req, name);
	size_t n;
	if (!v)
		return "";
	while (isspace((unsigned char)*v))
		v++;
	n = strlen(v);
	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	if (n > FILTER_MAX)
		form_error(fe, name, arena_printf(req->a, _("Use at most %d characters."), FILTER_MAX));
	return arena_strndup(req->a, v, n);
}

/* Read a date filter into iso (YYYY-MM-DD); an error at the field when
 * it is not a date. Returns whether a date was given and is good. */
static int date_param(struct form_errors *fe, const char *name, const char *text, char iso[11])
{
	if (!*text)
		return 0;
	if (date_parse(text, iso) < 0) {
		form_error(fe, name, _("Expected a date such as 2026-03-01 or 1-3-2026."));
		return 0;
	}
	return 1;
}

/* Read the filter from the query into f and t; errors go to fe. Returns
 * 0, or 400 when the page cursor is not a number. */
static int read_filter(struct request *req, struct audit_filter *f, struct typed *t, struct form_errors *fe)
{
	static const char *const actions[] = { "insert", "update", "delete", NULL };
	char from[11], to[11];
	const char *before = http_query(req, "before"), *after = http_query(req, "after");
	memset(f, 0, sizeof(*f));
	t->actor = param(req, fe, "actor");
	t->table = param(req, fe, "table");
	t->record = param(req, fe, "record");
	t->action = param(req, fe, "action");
	t->from = param(req, fe, "from");
	t->to = param(req, fe, "to");
	t->text = param(req, fe, "q");
	if (*t->action && !enum_has(actions, t->action))
		form_error(fe, "action", _("Choose added, changed or removed."));
	int has_from = date_param(fe, "from", t->from, from), has_to = date_param(fe, "to", t->to, to);
	if (has_from && has_to && strcmp(from, to) > 0)
		form_error(fe, "to", _("The end date is before the start date."));
	long long id;
	if (before && *before) {
		if (int_parse(before, 1, LLONG_MAX, &id) < 0)
			return 400;
		f->before_id = id;
	}
	if (after && *after) {
		if (int_parse(after, 1, LLONG_MAX, &id) < 0)
			return 400;
		f->after_id = id;
	}
	f->actor = t->actor;
	f->table = t->table;
	f->record = t->record;
	f->action = t->action;
	f->text = t->text;
	f->from = has_from ? day_start_utc(req, from, 0) : NULL;
	f->until = has_to ? day_start_utc(req, to, 1) : NULL;
	f->hide_accounts = !role_can(req->user.role, PERM_ADMIN);
	f->limit = AUDIT_PAGE;
	return 0;
}

/* The query string of the filter t (without a page cursor), starting with
 * '&' for each parameter that is given. */
static const char *filter_query(struct request *req, const struct typed *t)
{
	const char *names[] = { "actor", "table", "record", "action", "from", "to", "q" };
	const char *values[] = { t->actor, t->table, t->record, t->action, t->from, t->to, t->text };
	struct buf b = BUF_INIT;
	char *s;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (*values[i])
			buf_printf(&b, "&%s=%t", names[i], values[i]);
	s = arena_strdup(req->a, b.data);
	buf_free(&b);
	return s;
}

/* Append a select among codes[i] shown as labels[i] (NULL-ended), with a
 * first option "all" that does not filter. */
static void filter_select(struct request *req, const struct form_errors *fe, const char *name, const char *label,
			  const char *const *codes, const char *const *labels, const char *value)
{
	const char *err = form_error_of(fe, name);
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field utrecht-form-field--select%s\">\n<div "
		   "class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"field-%h\">%h</label>"
		   "</div>\n",
		   err ? " utrecht-form-field--invalid" : "", name, label); /* literal */
	field_notes(req, name, NULL, err);
	buf_printf(
		&req->out,
		"<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select utrecht-select--html-select\""
		" id=\"field-%h\" name=\"%h\"%s>\n<option value=\"\">%h</option>\n",
		name, name, err ? " aria-invalid=\"true\"" : "", _("(all)")); /* literal */
	for (size_t i = 0; codes[i]; i++)
		buf_printf(&req->out, "<option value=\"%h\"%s>%h</option>\n", codes[i],
			   value && strcmp(value, codes[i]) == 0 ? " selected" : "", labels[i]); /* literal */
	buf_adds(&req->out, "</select></div>\n</div>\n");
}

/* Append the filter form, folded away unless a filter is given. */
static void filter_form(struct request *req, const struct typed *t, const struct form_errors *fe)
{
	static const char *const action_codes[] = { "insert", "update", "delete", NULL };
	const char *action_labels[] = { code_label("insert"), code_label("update"), code_label("delete"), NULL };
	const char **tables = NULL, **labels;
	struct err e = { 0, "" };
	size_t n = 0;
	int open = fe->n || *t->actor || *t->table || *t->record || *t->action || *t->from || *t->to || *t->text;
	if (db_audit_tables(req->db, !role_can(req->user.role, PERM_ADMIN), req->a, &tables, &e) < 0)
		tables = arena_calloc(req->a, 1, sizeof(*tables));
	while (tables[n])
		n++;
	labels = arena_calloc(req->a, n + 1, sizeof(*labels));
	for (size_t i = 0; i < n; i++) {
		const char *l = code_label(tables[i]);
		labels[i] = strcmp(l, tables[i]) == 0 ? tables[i] : arena_printf(req->a, "%s (%s)", l, tables[i]);
	}
	buf_printf(&req->out,
		   "<details class=\"steiger-filter\"%s><summary>%h</summary>\n"
		   "<form method=\"get\" action=\"/audit\" class=\"steiger-form\" role=\"search\" aria-label=\"%h\">\n",
		   open ? " open" : "", _("Filter"), _("Filter the audit log")); /* literal */
	field_input(req, fe, "text", "actor", _("Who"), t->actor, _("A login name, or cli:NAME for the command line."),
		    0);
	filter_select(req, fe, "table", _("Register or table"), tables, labels, t->table);
	field_input(req, fe, "text", "record", _("Record"), t->record,
		    _("The key of a record, e.g. an item id; also finds its budget, links and provenance."), 0);
	filter_select(req, fe, "action", _("Action"), action_codes, action_labels, t->action);
	field_input(req, fe, "date", "from", _("From"), t->from, _("The first day (e.g. 2026-03-01)."), 0);
	field_input(req, fe, "date", "to", _("Up to and including"), t->to, _("The last day."), 0);
	field_input(req, fe, "search", "q", _("Text"), t->text, _("Text in the values, the record, who or how."), 0);
	button(req, _("Filter"), 1);
	buf_printf(&req->out, " <a class=\"utrecht-link\" href=\"/audit\">%h</a>\n</form>\n</details>\n",
		   _("Clear the filter"));
}

/* Append one entry as a table row. */
static void entry_row(struct request *req, const struct audit_entry *en)
{
	struct buf *o = &req->out;
	buf_printf(o,
		   "<tr class=\"utrecht-table__row\" id=\"entry-%lld\"><td class=\"utrecht-table__cell\"><time "
		   "datetime=\"%h\">%h</time>"
		   "</td>\n<td class=\"utrecht-table__cell\"><a class=\"utrecht-link\" href=\"/audit?actor=%t\" "
		   "title=\"%h\">%h</a></td>\n",
		   en->id, en->at, iso_time_text(req, en->at), en->actor, _("Only the changes of this actor"),
		   en->actor);
	const char *l = code_label(en->tbl);
	buf_printf(o, "<td class=\"utrecht-table__cell\">%h<br><span class=\"steiger-muted\">%h</span></td>\n",
		   code_label(en->action), l);
	buf_adds(o, "<th class=\"utrecht-table__cell\" scope=\"row\">");
	record_cell(req, en);
	buf_adds(o, "</th>\n<td class=\"utrecht-table__cell\">");
	changes_html(o, req->a, en->tbl, en->action, en->before, en->after);
	buf_printf(o, "</td>\n<td class=\"utrecht-table__cell\">%h</td></tr>\n", en->context ? en->context : "");
}

/* Append the links to newer and older pages. */
static void pagination(struct request *req, const struct audit_page *pg, const struct typed *t)
{
	const char *q = filter_query(req, t);
	if (!pg->n || (!pg->more_newer && !pg->more_older))
		return;
	buf_printf(&req->out, "<nav class=\"utrecht-pagination\" aria-label=\"%h\"><ul class=\"steiger-pages\">\n",
		   _("Pages of the audit log"));
	if (pg->more_newer) {
		buf_printf(&req->out,
			   "<li><a class=\"utrecht-pagination__relative-link\" href=\"/audit?%h\">%h</a></li>\n",
			   *q ? q + 1 : "", _("Newest changes"));
		buf_printf(&req->out,
			   "<li><a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--prev\" "
			   "rel=\"prev\" href=\"/audit?after=%lld%h\">%h</a></li>\n",
			   pg->entries[0].id, q, _("Newer changes"));
	}
	if (pg->more_older)
		buf_printf(&req->out,
			   "<li><a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--next\" "
			   "rel=\"next\" href=\"/audit?before=%lld%h\">%h</a></li>\n",
			   pg->entries[pg->n - 1].id, q, _("Older changes"));
	buf_adds(&req->out, "</ul></nav>\n");
}

/* Append the count of matching entries. */
static void count_line(struct request *req, const struct audit_page *pg)
{
	const char *text;
	if (pg->total > AUDIT_COUNT_MAX)
		text = arena_printf(req->a, _("More than %d changes found."), AUDIT_COUNT_MAX);
	else if (pg->total == 1)
		text = _("1 change found.");
	else
		text = arena_printf(req->a, _("%lld changes found."), pg->total);
	buf_printf(&req->out, "<p class=\"utrecht-paragraph\" role=\"status\">%h</p>\n", text);
}

/* See pages.h. */
int page_audit(struct request *req)
{
	struct form_errors fe = { .n = 0 };
	struct audit_filter f;
	struct typed t;
	struct audit_page pg;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	if (read_filter(req, &f, &t, &fe))
		return http_error(req, 400, _("The page number of the audit log is not valid."));
	if (!fe.n && db_audit_query(req->db, &f, req->a, &pg, &e) < 0)
		return http_error(req, 500, _("The audit log cannot be read now."));
	req->status = fe.n ? 422 : 200;
	page_begin(req, _("Audit log"), "audit");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Audit log"),
		   _("Every change to the data of steiger: who made it, when, and the values before and after."));
	form_error_summary(req, &fe);
	filter_form(req, &t, &fe);
	if (fe.n) {
		page_end(req);
		return req->status;
	}
	count_line(req, &pg);
	if (pg.n) {
		buf_printf(o,
			   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
			   "steiger-table steiger-audit\">\n"
			   "<caption class=\"utrecht-table__caption\">%h</caption>\n<thead "
			   "class=\"utrecht-table__header\">"
			   "<tr class=\"utrecht-table__row\">",
			   _("Changes, newest first"));
		const char *heads[] = { _("When"), _("Who"), _("What"), _("Record"), _("Changes"), _("How") };
		for (size_t i = 0; i < ARRAY_SIZE(heads); i++)
			buf_printf(o, "<th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>", heads[i]);
		buf_adds(o, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
		for (size_t i = 0; i < pg.n; i++)
			entry_row(req, &pg.entries[i]);
		buf_adds(o, "</tbody>\n</table></div>\n");
	}
	pagination(req, &pg, &t);
	page_end(req);
	return req->status;
}
