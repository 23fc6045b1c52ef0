/*
 * status.c - the queries behind `steiger status`; see db/status.h.
 *
 * Every group of items is summed from one view of the items that are not
 * archived, with their budget and fte in the chosen year and the part of
 * each that is illustrative (by the field-level provenance of that year,
 * of the yearly family, or of the item).
 */
#include "steiger.h"
#include "db/status.h"
#include "db/list.h"

/* The provenance of yearly field F of item i in year y (as in list.c). */
#define SRC(F) \
	"COALESCE((SELECT source FROM value_source WHERE entity = 'item' AND entity_id = i.id" \
	" AND field = '" F "_' || y.year), (SELECT source FROM value_source WHERE entity = 'item'" \
	" AND entity_id = i.id AND field = '" F "'), i.source)"

/* The items with their money in year ?1. */
#define MONEY \
	"WITH money AS (SELECT i.id, i.kind, i.status, y.budget, y.fte," \
	" CASE WHEN y.budget IS NOT NULL AND " SRC("budget") " = 'illustrative' THEN y.budget ELSE 0 END AS bi," \
	" CASE WHEN y.fte IS NOT NULL AND " SRC("fte") " = 'illustrative' THEN y.fte ELSE 0 END AS fi" \
	" FROM item i LEFT JOIN item_year y ON y.item_id = i.id AND y.year = ?1 WHERE i.archived = 0) "

/* The sums of a group, from the rows m of money. */
#define SUMS "count(m.id), total(m.status IN ('planned','active')), total(m.budget), total(m.fte)," \
	     " total(m.bi), total(m.fi)"

static const char by_kind_sql[] = MONEY "SELECT m.kind, NULL, " SUMS " FROM money m GROUP BY m.kind"
					" ORDER BY CASE m.kind WHEN 'policy' THEN 0 WHEN 'programme' THEN 1"
					" WHEN 'project' THEN 2 WHEN 'regulation' THEN 3 ELSE 4 END";
static const char total_sql[] = MONEY "SELECT 'total', NULL, " SUMS " FROM money m";
static const char by_domain_sql[] = MONEY "SELECT d.domain, NULL, " SUMS
					  " FROM money m JOIN item_domain d ON d.item_id = m.id GROUP BY d.domain"
					  " ORDER BY CASE d.domain WHEN 'sociaal' THEN 0 WHEN 'fysiek' THEN 1"
					  " WHEN 'economie' THEN 2 ELSE 3 END";
static const char by_hoofdlijn_sql[] =
	MONEY "SELECT h.id, h.title, " SUMS " FROM vision_element h"
	" LEFT JOIN (SELECT DISTINCT s.item_id, CASE WHEN v.kind = 'hoofdlijn' THEN v.id ELSE v.parent_id END AS hl"
	"  FROM item_serves s JOIN vision_element v ON v.id = s.element_id WHERE v.kind IN ('hoofdlijn','goal')) x"
	"  ON x.hl = h.id"
	" LEFT JOIN money m ON m.id = x.item_id"
	" WHERE h.kind = 'hoofdlijn' GROUP BY h.id ORDER BY h.position, h.id";
static const char by_pillar_sql[] =
	MONEY "SELECT p.id, p.title, " SUMS " FROM vision_element p"
	" LEFT JOIN (SELECT s.item_id, s.element_id AS pillar FROM item_serves s"
	"  UNION SELECT a.item_id, pa.element_id FROM item_area a"
	"  JOIN vision_element_area pa ON pa.area_code = a.area_code) x ON x.pillar = p.id"
	" LEFT JOIN money m ON m.id = x.item_id"
	" WHERE p.kind = 'pillar' GROUP BY p.id ORDER BY p.position, p.id";

/* Run a group query into gs. */
static int groups(struct db *db, const char *sql, int year, struct status_groups *gs, struct status_group *one,
		  struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc;
	if (!st)
		return E_DB;
	sqlite3_bind_int(st, 1, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct status_group *g;
		if (one) {
			g = one;
			free(g->key);
			g->key = xstrdup(db_col_text(st, 0));
		} else {
			g = status_add_group(gs, db_col_text(st, 0), db_col_text(st, 1));
		}
		g->count = sqlite3_column_int(st, 2);
		g->active = (int)sqlite3_column_double(st, 3);
		g->budget = sqlite3_column_double(st, 4);
		g->fte = sqlite3_column_double(st, 5);
		g->budget_illustrative = sqlite3_column_double(st, 6);
		g->fte_illustrative = sqlite3_column_double(st, 7);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("computing the status"));
}

/* A count from a literal query with no parameters. */
static int count(struct db *db, const char *sql)
{
	return (int)db_int(db, sql, NULL, 0);
}

/* Fill the provenance counts of every register. */
static int provenance(struct db *db, struct status *st, struct err *e)
{
	struct buf sql = BUF_INIT;
	for (int r = 0; r < REG_COUNT; r++) {
		const struct register_def *reg = reg_get(r);
		sqlite3_stmt *q;
		buf_reset(&sql);
		buf_printf(&sql, "SELECT source, count(*) FROM \"%s\" GROUP BY source", reg->table);
		if (!(q = db_stmt(db, sql.data, e))) {
			buf_free(&sql);
			return E_DB;
		}
		while (sqlite3_step(q) == SQLITE_ROW) {
			const char *src = db_col_text(q, 0);
			int n = sqlite3_column_int(q, 1);
			st->prov[r].total += n;
			for (int k = 0; source_values[k]; k++)
				if (strcmp(src, source_values[k]) == 0)
					st->prov[r].by_source[k] += n;
		}
		sqlite3_reset(q);
	}
	buf_free(&sql);
	/* Illustrative fields per register (yearly fields by family). */
	sqlite3_stmt *q = db_stmt(db,
				  "SELECT entity, CASE WHEN field GLOB '*_[0-9][0-9][0-9][0-9]'"
				  " THEN substr(field, 1, length(field) - 5) ELSE field END AS f,"
				  " count(DISTINCT entity_id) FROM value_source WHERE source = 'illustrative'"
				  " GROUP BY entity, f ORDER BY entity, f",
				  e);
	if (!q)
		return E_DB;
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *entity = db_col_text(q, 0);
		for (int r = 0; r < REG_COUNT; r++) {
			if (strcmp(reg_get(r)->table, entity) != 0)
				continue;
			ARRAY_GROW(st->fields, st->capfields, st->nfields + 1);
			st->fields[st->nfields].reg = r;
			st->fields[st->nfields].field = xstrdup(db_col_text(q, 1));
			st->fields[st->nfields].records = sqlite3_column_int(q, 2);
			st->prov[r].illustrative_fields += sqlite3_column_int(q, 2);
			st->nfields++;
		}
	}
	sqlite3_reset(q);
	return 0;
}

/* See db/status.h. */
int db_status(struct db *db, int year, struct status *st, struct err *e)
{
	sqlite3_stmt *q;
	memset(st, 0, sizeof(*st));
	st->year = year ? year : db_default_year(db);
	if ((q = db_stmt(db, "SELECT value FROM meta WHERE key = 'dataset' AND value <> ''", e))) {
		if (sqlite3_step(q) == SQLITE_ROW)
			st->dataset = xstrdup(db_col_text(q, 0));
		sqlite3_reset(q);
	}
	if ((q = db_stmt(db, "SELECT title FROM vision_element WHERE kind = 'vision' ORDER BY position, id LIMIT 1", e))) {
		if (sqlite3_step(q) == SQLITE_ROW)
			st->vision = xstrdup(db_col_text(q, 0));
		sqlite3_reset(q);
	}
	if (!(q = db_stmt(db, "SELECT kind, count(*), total(status = 'te_bevestigen') FROM vision_element GROUP BY kind", e)))
		return E_DB;
	while (sqlite3_step(q) == SQLITE_ROW)
		for (int k = 0; status_vision_kinds[k]; k++)
			if (strcmp(db_col_text(q, 0), status_vision_kinds[k]) == 0) {
				st->vision_counts[k] = sqlite3_column_int(q, 1);
				if (k == 1)
					st->hoofdlijnen_to_confirm = (int)sqlite3_column_double(q, 2);
			}
	sqlite3_reset(q);
	if (!(q = db_stmt(db, "SELECT type, count(*) FROM area GROUP BY type", e)))
		return E_DB;
	while (sqlite3_step(q) == SQLITE_ROW)
		for (int k = 0; status_area_types[k]; k++)
			if (strcmp(db_col_text(q, 0), status_area_types[k]) == 0)
				st->areas_by_type[k] = sqlite3_column_int(q, 1);
	sqlite3_reset(q);
	st->indicators = count(db, "SELECT count(*) FROM indicator");
	st->indicator_values = count(db, "SELECT count(*) FROM indicator_value");
	st->organisations = count(db, "SELECT count(*) FROM organisation");
	st->networks = count(db, "SELECT count(*) FROM organisation WHERE type = 'netwerk'");
	st->contacts = count(db, "SELECT count(*) FROM contact");
	st->contracts = count(db, "SELECT count(*) FROM contract");
	st->partners = count(db, "SELECT count(*) FROM item_partner");
	st->users = count(db, "SELECT count(*) FROM account");
	st->rounds = count(db, "SELECT count(*) FROM assessment_round");
	st->assessments = count(db, "SELECT count(*) FROM assessment");
	st->decisions = count(db, "SELECT count(*) FROM decision");
	st->archived = count(db, "SELECT count(*) FROM item WHERE archived = 1");
	if (groups(db, by_kind_sql, st->year, &st->by_kind, NULL, e) < 0 ||
	    groups(db, total_sql, st->year, NULL, &st->total, e) < 0 ||
	    groups(db, by_domain_sql, st->year, &st->by_domain, NULL, e) < 0 ||
	    groups(db, by_hoofdlijn_sql, st->year, &st->by_hoofdlijn, NULL, e) < 0 ||
	    groups(db, by_pillar_sql, st->year, &st->by_pillar, NULL, e) < 0 || provenance(db, st, e) < 0)
		return E_DB;
	return 0;
}
