/*
 * list.c - the listings of `steiger list`; see list.h.
 */
#include "steiger.h"
#include "db/list.h"

/* SQL for the provenance of the yearly field F of item i in year y: its
 * own field_sources entry, that of its family, or the item's source. */
#define VALUE_SOURCE(F)                                                                            \
	"COALESCE((SELECT source FROM value_source WHERE entity = 'item' AND entity_id = i.id"     \
	" AND field = '" F "_' || y.year), (SELECT source FROM value_source WHERE entity = 'item'" \
	" AND entity_id = i.id AND field = '" F "'), i.source)"

/* The columns of item listings. */
static const struct list_col item_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "title", N_("title"), COL_TEXT },
	{ "kind", N_("kind"), COL_CODE },
	{ "status", N_("status"), COL_CODE },
	{ "owner", N_("owner"), COL_TEXT },
	{ "domains", N_("domains"), COL_LIST },
	{ "budget", N_("budget"), COL_EUR },
	{ "fte", N_("fte"), COL_NUM },
	{ "archived", N_("archived"), COL_BOOL },
	{ "source", N_("source"), COL_CODE },
	{ "budget_source", N_("source of budget"), COL_CODE },
	{ "fte_source", N_("source of fte"), COL_CODE },
};
static const char item_sql[] =
	"SELECT i.id, i.title, i.kind, i.status, i.owner,"
	" (SELECT group_concat(domain, '|') FROM (SELECT domain FROM item_domain d WHERE d.item_id = i.id"
	"  ORDER BY position)),"
	" y.budget, y.fte, i.archived, i.source,"
	" CASE WHEN y.budget IS NOT NULL THEN " VALUE_SOURCE(
		"budget") " END,"
			  " CASE WHEN y.fte IS NOT NULL THEN " VALUE_SOURCE(
				  "fte") " END"
					 " FROM item i LEFT JOIN item_year y ON y.item_id = i.id AND y.year = ?1"
					 " WHERE (?2 IS NULL OR i.kind = ?2) AND (?3 OR i.archived = 0)"
					 " ORDER BY i.kind, i.title COLLATE NOCASE, i.id";

static const struct list_col hoofdlijn_cols[] = {
	{ "id", N_("id"), COL_TEXT },         { "title", N_("title"), COL_TEXT }, { "weight", N_("weight"), COL_NUM },
	{ "status", N_("status"), COL_CODE }, { "goals", N_("goals"), COL_INT },  { "items", N_("items"), COL_INT },
	{ "source", N_("source"), COL_CODE },
};
static const char hoofdlijn_sql[] =
	"SELECT h.id, h.title, h.weight, h.status,"
	" (SELECT count(*) FROM vision_element g WHERE g.parent_id = h.id AND g.kind = 'goal'),"
	" (SELECT count(DISTINCT s.item_id) FROM item_serves s JOIN vision_element v ON v.id = s.element_id"
	"  JOIN item i ON i.id = s.item_id AND i.archived = 0"
	"  WHERE v.id = h.id OR (v.kind = 'goal' AND v.parent_id = h.id)),"
	" h.source"
	" FROM vision_element h WHERE h.kind = 'hoofdlijn'"
	" ORDER BY h.position, h.id";

static const struct list_col vision_cols[] = {
	{ "id", N_("id"), COL_TEXT },          { "title", N_("title"), COL_TEXT },   { "kind", N_("kind"), COL_CODE },
	{ "parent", N_("part of"), COL_TEXT }, { "status", N_("status"), COL_CODE }, { "items", N_("items"), COL_INT },
	{ "source", N_("source"), COL_CODE },
};
static const char vision_sql[] =
	"SELECT v.id, v.title, v.kind, v.parent_id, v.status,"
	" (SELECT count(*) FROM item_serves s JOIN item i ON i.id = s.item_id AND i.archived = 0"
	"  WHERE s.element_id = v.id),"
	" v.source FROM vision_element v WHERE (?2 IS NULL OR v.kind = ?2)"
	" ORDER BY CASE v.kind WHEN 'vision' THEN 0 WHEN 'hoofdlijn' THEN 1 WHEN 'goal' THEN 2 WHEN 'pillar' THEN 3"
	"  WHEN 'urgent_issue' THEN 4 ELSE 5 END, v.parent_id, v.position, v.id";

static const struct list_col area_cols[] = {
	{ "code", N_("code"), COL_TEXT },
	{ "name", N_("name"), COL_TEXT },
	{ "type", N_("type"), COL_CODE },
	{ "parent", N_("part of"), COL_TEXT },
	{ "inhabitants", N_("inhabitants"), COL_NUM },
	{ "items", N_("items"), COL_INT },
	{ "source", N_("source"), COL_CODE },
};
static const char area_sql[] =
	"SELECT a.code, a.name, a.type, a.parent_code,"
	" (SELECT v.value FROM indicator_value v JOIN indicator n ON n.id = v.indicator_id"
	"  WHERE v.area_code = a.code AND n.cbs_column = 'inwoners' ORDER BY v.year DESC LIMIT 1),"
	" (SELECT count(*) FROM item_area x JOIN item i ON i.id = x.item_id AND i.archived = 0"
	"  WHERE x.area_code = a.code),"
	" a.source FROM area a"
	" ORDER BY CASE a.type WHEN 'gemeente' THEN 0 WHEN 'wijk' THEN 1 WHEN 'buurt' THEN 2 ELSE 3 END, a.code";

static const struct list_col org_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "name", N_("name"), COL_TEXT },
	{ "type", N_("type"), COL_CODE },
	{ "items", N_("items"), COL_INT },
	{ "contracts", N_("contracts"), COL_INT },
	{ "source", N_("source"), COL_CODE },
};
static const char org_sql[] = "SELECT o.id, o.name, o.type,"
			      " (SELECT count(*) FROM item_partner p WHERE p.organisation_id = o.id),"
			      " (SELECT count(*) FROM contract_party c WHERE c.organisation_id = o.id),"
			      " o.source FROM organisation o"
			      " ORDER BY o.name COLLATE NOCASE, o.id";

static const struct list_col indicator_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "title", N_("title"), COL_TEXT },
	{ "unit", N_("unit"), COL_TEXT },
	{ "direction", N_("direction"), COL_CODE },
	{ "baseline", N_("baseline"), COL_NUM },
	{ "target", N_("target"), COL_NUM },
	{ "values", N_("values"), COL_INT },
	{ "source", N_("source"), COL_CODE },
};
static const char indicator_sql[] = "SELECT n.id, n.title, n.unit, n.direction, n.baseline, n.target,"
				    " (SELECT count(*) FROM indicator_value v WHERE v.indicator_id = n.id), n.source"
				    " FROM indicator n ORDER BY n.id";

static const struct list_col contract_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "title", N_("title"), COL_TEXT },
	{ "item", N_("item"), COL_TEXT },
	{ "end_date", N_("end date"), COL_TEXT },
	{ "exit_cost", N_("exit cost"), COL_EUR },
	{ "source", N_("source"), COL_CODE },
};
static const char contract_sql[] = "SELECT c.id, c.title, c.item_id, c.end_date, c.exit_cost, c.source FROM contract c"
				   " ORDER BY c.end_date, c.id";

static const struct list_col user_cols[] = {
	{ "name", N_("name"), COL_TEXT },
	{ "display_name", N_("display name"), COL_TEXT },
	{ "role", N_("role"), COL_TEXT },
	{ "disabled", N_("disabled"), COL_BOOL },
};
static const char user_sql[] = "SELECT name, display_name, role, disabled FROM account"
			       " ORDER BY name";

static const struct list_col contact_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "name", N_("name"), COL_TEXT },
	{ "organisation", N_("organisation"), COL_TEXT },
	{ "role", N_("role"), COL_TEXT },
	{ "email", N_("e-mail"), COL_TEXT },
};
static const char contact_sql[] = "SELECT id, name, organisation_id, role, email FROM contact"
				  " ORDER BY name, id";

static const struct list_col decision_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "item", N_("item"), COL_TEXT },
	{ "decision", N_("decision"), COL_CODE },
	{ "decided_on", N_("decided on"), COL_TEXT },
	{ "decided_by", N_("decided by"), COL_TEXT },
};
static const char decision_sql[] = "SELECT id, item_id, decision, decided_on, decided_by FROM decision"
				   " ORDER BY decided_on, id";

static const struct list_col round_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "title", N_("title"), COL_TEXT },
	{ "status", N_("status"), COL_CODE },
	{ "scale_min", N_("scale from"), COL_INT },
	{ "scale_max", N_("scale to"), COL_INT },
	{ "scores", N_("scores"), COL_INT },
};
static const char round_sql[] = "SELECT r.id, r.title, r.status, r.scale_min, r.scale_max,"
				" (SELECT count(*) FROM assessment a WHERE a.round_id = r.id) FROM assessment_round r"
				" ORDER BY r.id";

/* One kind of listing: its names, columns, query and the filter value
 * bound to ?2 (NULL: none). */
static const struct {
	const char *name, *alias;
	const struct list_col *cols;
	size_t ncols;
	const char *sql;
	const char *filter;
} kinds[] = {
#define K(name, alias, cols, sql, filter)                        \
	{                                                        \
		name, alias, cols, ARRAY_SIZE(cols), sql, filter \
	}
	K("items", "items", item_cols, item_sql, NULL),
	K("policies", "beleid", item_cols, item_sql, "policy"),
	K("programmes", "programmas", item_cols, item_sql, "programme"),
	K("projects", "projecten", item_cols, item_sql, "project"),
	K("regulations", "regelingen", item_cols, item_sql, "regulation"),
	K("actions", "acties", item_cols, item_sql, "action"),
	K("hoofdlijnen", "hoofdlijnen", hoofdlijn_cols, hoofdlijn_sql, NULL),
	K("vision", "visie", vision_cols, vision_sql, NULL),
	K("goals", "doelen", vision_cols, vision_sql, "goal"),
	K("pillars", "pijlers", vision_cols, vision_sql, "pillar"),
	K("urgent-issues", "vraagstukken", vision_cols, vision_sql, "urgent_issue"),
	K("mechanisms", "mechanismen", vision_cols, vision_sql, "mechanism"),
	K("areas", "gebieden", area_cols, area_sql, NULL),
	K("organisations", "organisaties", org_cols, org_sql, NULL),
	K("contacts", "contactpersonen", contact_cols, contact_sql, NULL),
	K("indicators", "indicatoren", indicator_cols, indicator_sql, NULL),
	K("contracts", "contracten", contract_cols, contract_sql, NULL),
	K("users", "gebruikers", user_cols, user_sql, NULL),
	K("rounds", "rondes", round_cols, round_sql, NULL),
	K("decisions", "besluiten", decision_cols, decision_sql, NULL),
#undef K
};

const char *const list_kinds[] = {
	"policies", "programmes", "projects",  "regulations",   "actions",    "items",     "hoofdlijnen",
	"vision",   "goals",      "pillars",   "urgent-issues", "mechanisms", "areas",     "organisations",
	"contacts", "indicators", "contracts", "users",         "rounds",     "decisions", NULL
};

/* See list.h. */
int db_default_year(struct db *db)
{
	char today[11];
	today_iso(today);
	int now = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
	char buf[8];
	snprintf(buf, sizeof(buf), "%d", now);
	long long y = db_int(
		db, "SELECT year FROM item_year WHERE year <= CAST(?1 AS INTEGER) ORDER BY year DESC LIMIT 1", buf, 0);
	if (!y)
		y = db_int(db, "SELECT min(year) FROM item_year", NULL, 0);
	return (int)y;
}

/* See list.h. */
int db_list(struct db *db, const char *kind, int all, int year, struct list_result *res, struct err *e)
{
	size_t k;
	sqlite3_stmt *st;
	memset(res, 0, sizeof(*res));
	for (k = 0; k < ARRAY_SIZE(kinds); k++)
		if (strcasecmp(kind, kinds[k].name) == 0 || strcasecmp(kind, kinds[k].alias) == 0)
			break;
	if (k == ARRAY_SIZE(kinds)) {
		struct buf names = BUF_INIT;
		for (int i = 0; list_kinds[i]; i++)
			buf_printf(&names, "%s%s", i ? ", " : "", list_kinds[i]);
		err_set(e, E_USAGE, _("unknown kind '%s'; expected one of: %s"), kind, names.data);
		buf_free(&names);
		return E_USAGE;
	}
	res->cols = kinds[k].cols;
	res->ncols = kinds[k].ncols;
	res->year = year ? year : db_default_year(db);
	if (!(st = db_stmt(db, kinds[k].sql, e)))
		return E_DB;
	/* Not every query uses every parameter; binding an unused one is a
	 * harmless SQLITE_RANGE. */
	sqlite3_bind_int(st, 1, res->year);
	db_bind_text(st, 2, kinds[k].filter);
	sqlite3_bind_int(st, 3, all);
	return list_fill(db, st, res, e);
}

/* See list.h. */
int list_fill(struct db *db, sqlite3_stmt *st, struct list_result *res, struct err *e)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ARRAY_GROW(res->cells, res->cap, (res->nrows + 1) * res->ncols);
		for (size_t c = 0; c < res->ncols; c++) {
			char **cell = &res->cells[res->nrows * res->ncols + c];
			if (sqlite3_column_type(st, (int)c) == SQLITE_NULL) {
				*cell = NULL;
			} else if (res->cols[c].type == COL_NUM || res->cols[c].type == COL_EUR) {
				struct buf b = BUF_INIT;
				num_format(&b, sqlite3_column_double(st, (int)c));
				*cell = buf_detach(&b, NULL);
			} else {
				*cell = xstrdup(db_col_text(st, (int)c));
			}
		}
		res->nrows++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		list_result_free(res);
		return db_fail(db, e, _("listing"));
	}
	return 0;
}

/* See list.h. */
void list_result_free(struct list_result *res)
{
	for (size_t i = 0; i < res->nrows * res->ncols; i++)
		free(res->cells[i]);
	free(res->cells);
	memset(res, 0, sizeof(*res));
}

/* See list.h. */
int list_query(struct db *db, const char *sql, const struct list_col *cols, size_t ncols, const char *key, int flag,
	       struct list_result *res, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	memset(res, 0, sizeof(*res));
	res->cols = cols;
	res->ncols = ncols;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, key);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int(st, 2, flag);
	return list_fill(db, st, res, e);
}
