/*
 * item_query.c - finding items; see item_query.h.
 */
#include "steiger.h"
#include "db/item_query.h"
#include "db/list.h"

/* SQL for the provenance of the yearly field F of item i in year y: its
 * own value_source entry, that of its family, or the item's source. */
#define VALUE_SOURCE(F)                                                                            \
	"COALESCE((SELECT source FROM value_source WHERE entity = 'item' AND entity_id = i.id"     \
	" AND field = '" F "_' || y.year), (SELECT source FROM value_source WHERE entity = 'item'" \
	" AND entity_id = i.id AND field = '" F "'), i.source)"

/* The list's columns and its filters. Parameters: ?1 year, ?2 kind, ?3
 * status, ?4 domain, ?5 hoofdlijn, ?6 pillar, ?7 area, ?8 owner, ?9 which
 * archived (enum item_archived), ?10 internal, ?11 the MATCH expression,
 * ?12 limit, ?13 offset. */
static const char select_sql[] =
	"SELECT i.id, i.title, i.kind, i.status, i.owner, i.year_adopted, y.budget, y.fte,"
	" CASE WHEN y.budget IS NOT NULL THEN " VALUE_SOURCE(
		"budget") " END,"
			  " CASE WHEN y.fte IS NOT NULL THEN " VALUE_SOURCE(
				  "fte") " END,"
					 " i.source, i.archived, i.legal_task,"
					 " (SELECT group_concat(domain, '|') FROM (SELECT domain FROM item_domain d "
					 "WHERE d.item_id = i.id"
					 "  ORDER BY position)),"
					 " CASE WHEN ?10 THEN (SELECT max(end_date) FROM contract c WHERE c.item_id = "
					 "i.id) END AS contract_end,"
					 " count(*) OVER ()"
					 " FROM item i LEFT JOIN item_year y ON y.item_id = i.id AND y.year = ?1";

/* The search: the items whose text matches, with their rank (title
 * counts ten times as much as description and owner). */
static const char match_sql[] = " JOIN (SELECT rowid AS fts_rowid, bm25(item_fts, 0.0, 10.0, 1.0, 1.0) AS fts_rank"
				" FROM item_fts WHERE item_fts MATCH ?11) f ON f.fts_rowid = i.rowid";

static const char where_sql[] =
	" WHERE (?2 IS NULL OR i.kind = ?2) AND (?3 IS NULL OR i.status = ?3)"
	" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM item_domain d WHERE d.item_id = i.id AND d.domain = ?4))"
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM item_serves s JOIN vision_element v ON v.id = s.element_id"
	"  WHERE s.item_id = i.id AND (v.id = ?5 OR v.parent_id = ?5)))"
	" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM item_serves s WHERE s.item_id = i.id AND s.element_id = ?6)"
	"  OR EXISTS (SELECT 1 FROM item_area x JOIN vision_element_area pa ON pa.area_code = x.area_code"
	"  WHERE x.item_id = i.id AND pa.element_id = ?6))"
	" AND (?7 IS NULL OR EXISTS (SELECT 1 FROM item_area x WHERE x.item_id = i.id AND x.area_code IN"
	"  (WITH RECURSIVE within(code) AS (SELECT ?7 UNION SELECT a.code FROM area a JOIN within w"
	"  ON a.parent_code = w.code) SELECT code FROM within)))"
	" AND (?8 IS NULL OR i.owner = ?8)"
	" AND (i.archived = 0 OR ?9 >= 1) AND (?9 < 2 OR i.archived = 1)";

/* The orders: ascending and descending ORDER BY clauses, by enum
 * item_sort. Values that are missing come last either way. */
static const struct {
	const char *asc, *desc;
} orders[ITEM_SORT_COUNT] = {
	[ITEM_SORT_DEFAULT] = { " ORDER BY i.title COLLATE NOCASE, i.id",
				" ORDER BY i.title COLLATE NOCASE DESC, i.id DESC" },
	[ITEM_SORT_TITLE] = { " ORDER BY i.title COLLATE NOCASE, i.id",
			      " ORDER BY i.title COLLATE NOCASE DESC, i.id DESC" },
	[ITEM_SORT_ID] = { " ORDER BY i.id", " ORDER BY i.id DESC" },
	[ITEM_SORT_KIND] = { " ORDER BY CASE i.kind WHEN 'policy' THEN 0 WHEN 'programme' THEN 1 WHEN 'project' THEN 2"
			     " WHEN 'regulation' THEN 3 ELSE 4 END, i.title COLLATE NOCASE, i.id",
			     " ORDER BY CASE i.kind WHEN 'policy' THEN 0 WHEN 'programme' THEN 1 WHEN 'project' THEN 2"
			     " WHEN 'regulation' THEN 3 ELSE 4 END DESC, i.title COLLATE NOCASE, i.id" },
	[ITEM_SORT_STATUS] = { " ORDER BY CASE i.status WHEN 'planned' THEN 0 WHEN 'active' THEN 1 WHEN 'completed'"
			       " THEN 2 ELSE 3 END, i.title COLLATE NOCASE, i.id",
			       " ORDER BY CASE i.status WHEN 'planned' THEN 0 WHEN 'active' THEN 1 WHEN 'completed'"
			       " THEN 2 ELSE 3 END DESC, i.title COLLATE NOCASE, i.id" },
	[ITEM_SORT_OWNER] = { " ORDER BY i.owner IS NULL, i.owner COLLATE NOCASE, i.title COLLATE NOCASE, i.id",
			      " ORDER BY i.owner IS NULL, i.owner COLLATE NOCASE DESC, i.title COLLATE NOCASE, i.id" },
	[ITEM_SORT_YEAR_ADOPTED] = { " ORDER BY i.year_adopted IS NULL, i.year_adopted, i.title COLLATE NOCASE, i.id",
				     " ORDER BY i.year_adopted IS NULL, i.year_adopted DESC, i.title COLLATE NOCASE,"
				     " i.id" },
	[ITEM_SORT_BUDGET] = { " ORDER BY y.budget IS NULL, y.budget, i.title COLLATE NOCASE, i.id",
			       " ORDER BY y.budget IS NULL, y.budget DESC, i.title COLLATE NOCASE, i.id" },
	[ITEM_SORT_FTE] = { " ORDER BY y.fte IS NULL, y.fte, i.title COLLATE NOCASE, i.id",
			    " ORDER BY y.fte IS NULL, y.fte DESC, i.title COLLATE NOCASE, i.id" },
	[ITEM_SORT_CONTRACT_END] = { " ORDER BY contract_end IS NULL, contract_end, i.title COLLATE NOCASE, i.id",
				     " ORDER BY contract_end IS NULL, contract_end DESC, i.title COLLATE NOCASE, "
				     "i.id" },
	[ITEM_SORT_RELEVANCE] = { " ORDER BY f.fts_rank, i.title COLLATE NOCASE, i.id",
				  " ORDER BY f.fts_rank DESC, i.title COLLATE NOCASE, i.id" },
};

const char *const item_sort_names[ITEM_SORT_COUNT] = {
	[ITEM_SORT_DEFAULT] = "",
	[ITEM_SORT_TITLE] = "title",
	[ITEM_SORT_ID] = "id",
	[ITEM_SORT_KIND] = "kind",
	[ITEM_SORT_STATUS] = "status",
	[ITEM_SORT_OWNER] = "owner",
	[ITEM_SORT_YEAR_ADOPTED] = "year_adopted",
	[ITEM_SORT_BUDGET] = "budget",
	[ITEM_SORT_FTE] = "fte",
	[ITEM_SORT_CONTRACT_END] = "contract_end",
	[ITEM_SORT_RELEVANCE] = "relevance",
};

/* See item_query.h. */
int item_sort_by_name(const char *name)
{
	for (int i = 1; name && i < ITEM_SORT_COUNT; i++)
		if (strcmp(name, item_sort_names[i]) == 0)
			return i;
	return -1;
}

/* Whether byte c starts or continues a letter or digit (ASCII, or any
 * byte of a multi-byte UTF-8 character). */
static int word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* See item_query.h. */
int item_match_text(const char *text, struct buf *out)
{
	int words = 0, last_prefix = 0;
	const char *p = text ? text : "";
	while (*p && words < 16) {
		const char *start, *end;
		int has_word = 0;
		while (*p && isspace((unsigned char)*p))
			p++;
		start = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		end = p;
		for (const char *s = start; s < end; s++)
			if (word_byte((unsigned char)*s))
				has_word = 1;
		if (!has_word)
			continue;
		if (words)
			buf_addch(out, ' ');
		buf_addch(out, '"');
		for (const char *s = start; s < end; s++) {
			if (*s == '"')
				buf_addch(out, '"');
			buf_addch(out, *s);
		}
		buf_addch(out, '"');
		last_prefix = word_byte((unsigned char)end[-1]);
		words++;
	}
	if (words && last_prefix)
		buf_addch(out, '*');
	return words;
}

/* Bind s, or NULL when it is NULL or empty. */
static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	db_bind_text(st, i, s && *s ? s : NULL);
}

/* Copy column c as text into a (NULL stays NULL). */
static const char *col_copy(struct arena *a, sqlite3_stmt *st, int c)
{
	const char *s = db_col_text(st, c);
	return s ? arena_strdup(a, s) : NULL;
}

/* Run the bound statement st, adding its rows to out. */
static int fetch_rows(struct db *db, sqlite3_stmt *st, struct arena *a, struct item_result *out, size_t room,
		      struct err *e)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct item_row *r;
		out->total = sqlite3_column_int64(st, 15);
		if (out->n >= room)
			continue; /* only the total was wanted */
		r = &out->rows[out->n++];
		r->id = col_copy(a, st, 0);
		r->title = col_copy(a, st, 1);
		r->kind = col_copy(a, st, 2);
		r->status = col_copy(a, st, 3);
		r->owner = col_copy(a, st, 4);
		r->year_adopted = sqlite3_column_int(st, 5);
		r->has_budget = sqlite3_column_type(st, 6) != SQLITE_NULL;
		r->budget = sqlite3_column_double(st, 6);
		r->has_fte = sqlite3_column_type(st, 7) != SQLITE_NULL;
		r->fte = sqlite3_column_double(st, 7);
		r->budget_source = col_copy(a, st, 8);
		r->fte_source = col_copy(a, st, 9);
		r->source = col_copy(a, st, 10);
		r->archived = sqlite3_column_int(st, 11);
		r->legal_task = sqlite3_column_int(st, 12);
		r->domains = col_copy(a, st, 13);
		if (!r->domains)
			r->domains = "";
		r->contract_end = col_copy(a, st, 14);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("listing the items"));
}

/* See item_query.h. */
int db_item_query(struct db *db, const struct item_filter *f, struct arena *a, struct item_result *out, struct err *e)
{
	struct buf sql = BUF_INIT, match = BUF_INIT;
	enum item_sort sort = f->sort;
	sqlite3_stmt *st;
	int rc;
	memset(out, 0, sizeof(*out));
	out->year = f->year ? f->year : db_default_year(db);
	out->searched = item_match_text(f->q, &match) > 0;
	if (sort < 0 || sort >= ITEM_SORT_COUNT || (sort == ITEM_SORT_CONTRACT_END && !f->internal) ||
	    (sort == ITEM_SORT_RELEVANCE && !out->searched))
		sort = ITEM_SORT_DEFAULT;
	if (sort == ITEM_SORT_DEFAULT && out->searched)
		sort = ITEM_SORT_RELEVANCE;
	buf_adds(&sql, select_sql);
	if (out->searched)
		buf_adds(&sql, match_sql);
	buf_adds(&sql, where_sql);
	buf_adds(&sql, f->descending ? orders[sort].desc : orders[sort].asc);
	buf_adds(&sql, " LIMIT ?12 OFFSET ?13");
	st = db_stmt(db, sql.data, e);
	buf_free(&sql);
	if (!st) {
		buf_free(&match);
		return E_DB;
	}
	sqlite3_bind_int(st, 1, out->year);
	bind_opt(st, 2, f->kind);
	bind_opt(st, 3, f->status);
	bind_opt(st, 4, f->domain);
	bind_opt(st, 5, f->hoofdlijn);
	bind_opt(st, 6, f->pillar);
	bind_opt(st, 7, f->area);
	bind_opt(st, 8, f->owner);
	sqlite3_bind_int(st, 9, f->internal ? (int)f->archived : ITEM_CURRENT);
	sqlite3_bind_int(st, 10, f->internal ? 1 : 0);
	if (out->searched)
		db_bind_text(st, 11, match.data);
	sqlite3_bind_int(st, 12, f->limit > 0 ? f->limit : -1);
	sqlite3_bind_int64(st, 13, f->offset > 0 ? f->offset : 0);
	/* A page holds at most limit rows, and no list more than all items. */
	size_t room = f->limit > 0 ? (size_t)f->limit : (size_t)db_int(db, "SELECT count(*) FROM item", NULL, 0);
	out->rows = arena_calloc(a, room + 1, sizeof(*out->rows));
	rc = fetch_rows(db, st, a, out, room, e);
	if (rc == 0 && out->n == 0 && f->offset > 0) {
		/* Past the end: count the rows all the same. */
		sqlite3_bind_int64(st, 13, 0);
		sqlite3_bind_int(st, 12, 1);
		rc = fetch_rows(db, st, a, out, 0, e);
	}
	buf_free(&match);
	return rc;
}

/* The queries of the choice lists, by enum item_choices: code, label,
 * kind, parent, archived. ?1 is whether archived items count. */
static const char *const choice_sql[] = {
	[CHOICES_HOOFDLIJNEN] = "SELECT id, title, kind, parent_id, 0 FROM vision_element WHERE kind = 'hoofdlijn'"
				" ORDER BY position, id",
	[CHOICES_PILLARS] = "SELECT id, title, kind, parent_id, 0 FROM vision_element WHERE kind = 'pillar'"
			    " ORDER BY position, id",
	[CHOICES_VISION] =
		"SELECT v.id, v.title, v.kind, v.parent_id, 0 FROM vision_element v"
		" LEFT JOIN vision_element p ON p.id = v.parent_id AND v.kind = 'goal' WHERE v.kind <> 'vision'"
		" ORDER BY CASE coalesce(p.kind, v.kind) WHEN 'hoofdlijn' THEN 0 WHEN 'pillar' THEN 1"
		" WHEN 'urgent_issue' THEN 2 WHEN 'mechanism' THEN 3 ELSE 4 END,"
		" coalesce(p.position, v.position), coalesce(p.id, v.id), v.kind = 'goal', v.position, v.id",
	[CHOICES_AREAS] =
		"SELECT code, name, type, parent_code, 0 FROM area"
		" ORDER BY CASE type WHEN 'gemeente' THEN 0 WHEN 'wijk' THEN 1 WHEN 'buurt' THEN 2 ELSE 3 END,"
		" name COLLATE NOCASE, code",
	[CHOICES_OWNERS] = "SELECT owner, owner, NULL, NULL, 0 FROM item WHERE owner IS NOT NULL AND owner <> ''"
			   " AND (archived = 0 OR ?1) GROUP BY owner ORDER BY owner COLLATE NOCASE",
	[CHOICES_ITEMS] = "SELECT id, title, kind, NULL, archived FROM item WHERE archived = 0 OR ?1"
			  " ORDER BY title COLLATE NOCASE, id",
};

/* See item_query.h. */
int db_item_choices(struct db *db, enum item_choices which, int internal, struct arena *a, struct item_choice **out,
		    struct err *e)
{
	sqlite3_stmt *st;
	size_t n = 0, cap = 16;
	struct item_choice *c;
	int rc;
	*out = NULL;
	if (NEVER(which < 0 || which >= (int)ARRAY_SIZE(choice_sql)))
		return err_set(e, E_INTERNAL, "choices");
	if (!(st = db_stmt(db, choice_sql[which], e)))
		return E_DB;
	sqlite3_bind_int(st, 1, internal ? 1 : 0);
	c = arena_calloc(a, cap, sizeof(*c));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n + 1 >= cap) {
			struct item_choice *more = arena_calloc(a, cap * 2, sizeof(*more));
			memcpy(more, c, n * sizeof(*c));
			c = more;
			cap *= 2;
		}
		c[n].code = col_copy(a, st, 0);
		c[n].label = col_copy(a, st, 1);
		c[n].kind = col_copy(a, st, 2);
		c[n].parent = col_copy(a, st, 3);
		c[n].archived = sqlite3_column_int(st, 4);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, _("reading the choices"));
	*out = c;
	return (int)n;
}
