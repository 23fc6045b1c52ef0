/*
 * items_list.c - GET /api/v1/items: a page of items, found with the same
 * query as the register page (db/item_query.h).
 *
 * Filters (query parameters, all optional): kind, status, domain,
 * hoofdlijn (a vision element: the items serving it or an element below
 * it), pillar, area (and the areas within it), owner, q (full-text search
 * in title, description and owner), archived (false: the default, true:
 * only archived items, all: both; the last two only for those who may
 * read internal details), year (of the budget and fte shown). Order:
 * sort=NAME or sort=-NAME (descending), NAME one of item_sort_names.
 * Pagination: page and pageSize.
 *
 * Each item is a summary (the fields of the list) with a link to the item
 * itself; budget and fte are those of one year, keyed by the year as in
 * the item itself.
 */
#include "steiger.h"
#include "api/api.h"
#include "db/item_query.h"
#include "pages/pages.h"

/* Validate query parameter name as one of the codes of field key of the
 * items register; respond 400 and return -1 when it is not. */
static int check_code(struct request *req, const char *name, const char *key)
{
	const struct field_def *f = &reg_get(REG_ITEMS)->fields[reg_field_index(reg_get(REG_ITEMS), key)];
	const char *v = http_query(req, name);
	struct buf codes = BUF_INIT;
	if (!v || !*v || enum_has(f->values, v))
		return 0;
	for (const char *const *c = f->values; *c; c++)
		buf_printf(&codes, "%s%s", c == f->values ? "" : ", ", *c);
	api_invalid(req, 400, name, arena_printf(req->a, _("expected one of %s, found \"%s\""), codes.data, v));
	buf_free(&codes);
	return -1;
}

/* Fill f from the query; respond 400 or 403 and return -1 when a
 * parameter is not valid or not allowed. */
static int read_filter(struct request *req, struct item_filter *f, struct api_page *pg)
{
	const char *archived = http_query(req, "archived"), *sort = http_query(req, "sort"),
		   *year = http_query(req, "year");
	long long y = 0;
	int s;
	memset(f, 0, sizeof(*f));
	if (api_page_parse(req, pg) < 0 || check_code(req, "kind", "kind") < 0 ||
	    check_code(req, "status", "status") < 0 || check_code(req, "domain", "domains") < 0)
		return -1;
	f->kind = http_query(req, "kind");
	f->status = http_query(req, "status");
	f->domain = http_query(req, "domain");
	f->hoofdlijn = http_query(req, "hoofdlijn");
	f->pillar = http_query(req, "pillar");
	f->area = http_query(req, "area");
	f->owner = http_query(req, "owner");
	f->q = http_query(req, "q");
	f->internal = api_internal(req);
	f->archived = ITEM_CURRENT;
	if (archived && strcmp(archived, "true") == 0)
		f->archived = ITEM_ONLY_ARCHIVED;
	else if (archived && strcmp(archived, "all") == 0)
		f->archived = ITEM_WITH_ARCHIVED;
	else if (archived && strcmp(archived, "false") != 0)
		return api_invalid(req, 400, "archived",
				   arena_printf(req->a, _("expected false, true or all, found \"%s\""), archived)),
		       -1;
	if (f->archived != ITEM_CURRENT && !f->internal)
		return http_error(req, 403, _("Archived items are only for those who may read internal details.")), -1;
	if (year && int_parse(year, 1800, 2200, &y) < 0)
		return api_invalid(req, 400, "year",
				   arena_printf(req->a, _("expected a year from 1800 to 2200, found \"%s\""), year)),
		       -1;
	f->year = (int)y;
	if (sort && *sort) {
		f->descending = sort[0] == '-';
		s = item_sort_by_name(sort + f->descending);
		if (s < 0) {
			struct buf names = BUF_INIT;
			for (int i = 1; i < ITEM_SORT_COUNT; i++)
				buf_printf(&names, "%s%s", i > 1 ? ", " : "", item_sort_names[i]);
			api_invalid(
				req, 400, "sort",
				arena_printf(req->a,
					     _("expected one of %s (with - before it for descending), found \"%s\""),
					     names.data, sort));
			buf_free(&names);
			return -1;
		}
		f->sort = (enum item_sort)s;
	}
	f->offset = api_page_offset(pg);
	f->limit = (int)pg->size;
	return 0;
}

/* Append row as a summary of the item; year is the year of its figures,
 * internal whether the contract end date may be shown. */
static void item_summary(struct buf *o, const struct item_row *row, int year, int internal)
{
	buf_printf(o, "{\"id\": %J, \"kind\": %J, \"title\": %J, \"status\": %J", row->id, row->kind, row->title,
		   row->status);
	if (row->owner)
		buf_printf(o, ", \"owner\": %J", row->owner);
	buf_adds(o, ", \"domains\": [");
	for (const char *p = row->domains, *start = p; p && *p; start = p) {
		size_t n = strcspn(p, "|");
		buf_printf(o, "%s\"%.*j\"", start == row->domains ? "" : ", ", (int)n, p);
		p += n;
		p += *p == '|';
	}
	buf_adds(o, "]");
	if (row->year_adopted)
		buf_printf(o, ", \"year_adopted\": %d", row->year_adopted);
	buf_printf(o, ", \"legal_task\": %s, \"archived\": %s", row->legal_task ? "true" : "false",
		   row->archived ? "true" : "false");
	if (row->has_budget) {
		buf_printf(o, ", \"budget\": {\"%d\": ", year);
		json_add_number(o, row->budget);
		buf_addch(o, '}');
	}
	if (row->has_fte) {
		buf_printf(o, ", \"fte\": {\"%d\": ", year);
		json_add_number(o, row->fte);
		buf_addch(o, '}');
	}
	if (internal && row->contract_end)
		buf_printf(o, ", \"contract_end\": %J", row->contract_end);
	buf_printf(o, ", \"source\": %J, \"_links\": {\"self\": {\"href\": \"" API_BASE "/items/%j\"}}}", row->source,
		   row->id);
}

/* See pages.h. */
int api_items(struct request *req)
{
	struct item_filter f;
	struct item_result res;
	struct api_page pg;
	struct arena a = ARENA_INIT;
	struct err e = { 0, "" };
	if (read_filter(req, &f, &pg) < 0)
		return req->status;
	if (db_item_query(req->db, &f, &a, &res, &e) < 0) {
		arena_free(&a);
		return api_db_error(req);
	}
	api_collection_begin(req, "items", &pg, res.total);
	for (size_t i = 0; i < res.n; i++) {
		if (i)
			buf_adds(&req->out, ",\n  ");
		item_summary(&req->out, &res.rows[i], res.year, f.internal);
	}
	api_collection_end(req);
	arena_free(&a);
	return 200;
}
