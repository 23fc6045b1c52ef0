/*
 * related.c - the sections `show` prints below a record; see related.h.
 */
#include "steiger.h"
#include "db/related.h"

/* A section: for which register, its key and title, columns and query
 * (?1 is the record's key). */
struct section_def {
	enum reg_id reg;
	const char *key, *title;
	const struct list_col *cols;
	size_t ncols;
	const char *sql;
};

static const struct list_col contract_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "title", N_("title"), COL_TEXT },
	{ "end_date", N_("end date"), COL_TEXT },
	{ "exit_cost", N_("exit cost"), COL_EUR },
};
static const struct list_col partner_cols[] = {
	{ "organisation", N_("organisation"), COL_TEXT },
	{ "name", N_("name"), COL_TEXT },
	{ "role", N_("role"), COL_TEXT },
	{ "willingness", N_("willingness (1-5)"), COL_INT },
	{ "source", N_("source"), COL_CODE },
};
static const struct list_col item_ref_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "title", N_("title"), COL_TEXT },
	{ "kind", N_("kind"), COL_CODE },
	{ "status", N_("status"), COL_CODE },
};
static const struct list_col score_cols[] = {
	{ "round", N_("round"), COL_TEXT },  { "criterion", N_("criterion"), COL_TEXT },
	{ "scores", N_("scores"), COL_INT }, { "mean", N_("mean"), COL_NUM },
	{ "na", N_("n/a"), COL_INT },
};
static const struct list_col decision_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "decision", N_("decision"), COL_CODE },
	{ "decided_on", N_("decided on"), COL_TEXT },
	{ "decided_by", N_("decided by"), COL_TEXT },
	{ "rationale", N_("rationale"), COL_TEXT },
};
static const struct list_col element_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "kind", N_("kind"), COL_CODE },
	{ "title", N_("title"), COL_TEXT },
};
static const struct list_col indicator_cols[] = {
	{ "id", N_("id"), COL_TEXT },        { "title", N_("title"), COL_TEXT },
	{ "unit", N_("unit"), COL_TEXT },    { "baseline", N_("baseline"), COL_NUM },
	{ "target", N_("target"), COL_NUM },
};
static const struct list_col area_ref_cols[] = {
	{ "code", N_("code"), COL_TEXT },
	{ "name", N_("name"), COL_TEXT },
	{ "type", N_("type"), COL_CODE },
};
static const struct list_col value_cols[] = {
	{ "indicator", N_("indicator"), COL_TEXT },
	{ "title", N_("title"), COL_TEXT },
	{ "year", N_("year"), COL_INT },
	{ "value", N_("value"), COL_NUM },
	{ "unit", N_("unit"), COL_TEXT },
	{ "source", N_("source"), COL_CODE },
};
static const struct list_col org_ref_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "name", N_("name"), COL_TEXT },
	{ "type", N_("type"), COL_CODE },
};
static const struct list_col contact_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "name", N_("name"), COL_TEXT },
	{ "role", N_("role"), COL_TEXT },
	{ "email", N_("e-mail"), COL_TEXT },
};
static const struct list_col history_cols[] = {
	{ "at", N_("when"), COL_TEXT },    { "actor", N_("who"), COL_TEXT },     { "action", N_("what"), COL_CODE },
	{ "table", N_("part"), COL_CODE }, { "record", N_("record"), COL_TEXT }, { "context", N_("through"), COL_TEXT },
};

#define ITEM_REF                                                                                   \
	"SELECT i.id, i.title, i.kind, i.status FROM item_link l JOIN item i ON i.id = l.item_id " \
	"WHERE l.target_id = ?1 AND l.type = "
#define S(reg, key, title, cols, sql)                        \
	{                                                    \
		reg, key, title, cols, ARRAY_SIZE(cols), sql \
	}

static const struct section_def sections[] = {
	S(REG_ITEMS, "contracts", N_("Contracts"), contract_cols,
	  "SELECT id, title, end_date, exit_cost FROM contract WHERE item_id = ?1 ORDER BY end_date"),
	S(REG_ITEMS, "partners", N_("Partners"), partner_cols,
	  "SELECT p.organisation_id, o.name, p.role, p.willingness, p.source FROM item_partner p"
	  " JOIN organisation o ON o.id = p.organisation_id WHERE p.item_id = ?1 ORDER BY o.name"),
	S(REG_ITEMS, "implemented_by", N_("Carried out by"), item_ref_cols, ITEM_REF "'implements' ORDER BY i.title"),
	S(REG_ITEMS, "parts", N_("Parts of this programme"), item_ref_cols, ITEM_REF "'part_of' ORDER BY i.title"),
	S(REG_ITEMS, "replaced_by", N_("Replaced by"), item_ref_cols, ITEM_REF "'replaces' ORDER BY i.title"),
	S(REG_ITEMS, "assessments", N_("Assessments"), score_cols,
	  "SELECT round_id, criterion_id, count(score), avg(score), sum(na) FROM assessment WHERE item_id = ?1"
	  " GROUP BY round_id, criterion_id ORDER BY round_id, criterion_id"),
	S(REG_ITEMS, "decisions", N_("Decisions"), decision_cols,
	  "SELECT id, decision, decided_on, decided_by, rationale FROM decision WHERE item_id = ?1"
	  " ORDER BY decided_on DESC"),
	S(REG_VISION, "children", N_("Below this element"), element_cols,
	  "SELECT id, kind, title FROM vision_element WHERE parent_id = ?1 ORDER BY position, id"),
	S(REG_VISION, "indicators", N_("Indicators"), indicator_cols,
	  "SELECT id, title, unit, baseline, target FROM indicator WHERE goal_id = ?1 ORDER BY id"),
	S(REG_VISION, "items", N_("Items that declare to serve it"), item_ref_cols,
	  "SELECT i.id, i.title, i.kind, i.status FROM item_serves s JOIN item i ON i.id = s.item_id"
	  " WHERE s.element_id = ?1 OR s.element_id IN (SELECT id FROM vision_element WHERE parent_id = ?1)"
	  " GROUP BY i.id ORDER BY i.kind, i.title"),
	S(REG_AREAS, "parts", N_("Areas within it"), area_ref_cols,
	  "SELECT code, name, type FROM area WHERE parent_code = ?1 ORDER BY code"),
	S(REG_AREAS, "adjacent", N_("Adjacent areas"), area_ref_cols,
	  "SELECT a.code, a.name, a.type FROM area a WHERE a.code IN"
	  " (SELECT adjacent_code FROM area_adjacent WHERE area_code = ?1"
	  "  UNION SELECT area_code FROM area_adjacent WHERE adjacent_code = ?1) ORDER BY a.code"),
	S(REG_AREAS, "pillars", N_("Pillars"), element_cols,
	  "SELECT v.id, v.kind, v.title FROM vision_element_area x JOIN vision_element v ON v.id = x.element_id"
	  " WHERE x.area_code = ?1 ORDER BY v.id"),
	S(REG_AREAS, "items", N_("Items in this area"), item_ref_cols,
	  "SELECT i.id, i.title, i.kind, i.status FROM item_area x JOIN item i ON i.id = x.item_id"
	  " WHERE x.area_code = ?1 ORDER BY i.kind, i.title"),
	S(REG_AREAS, "indicator_values", N_("Indicator values"), value_cols,
	  "SELECT v.indicator_id, n.title, v.year, v.value, n.unit, v.source FROM indicator_value v"
	  " JOIN indicator n ON n.id = v.indicator_id WHERE v.area_code = ?1 ORDER BY n.title, v.year"),
	S(REG_ORGANISATIONS, "members", N_("Members"), org_ref_cols,
	  "SELECT o.id, o.name, o.type FROM organisation_member m JOIN organisation o ON o.id = m.member_id"
	  " WHERE m.network_id = ?1 ORDER BY m.position"),
	S(REG_ORGANISATIONS, "networks", N_("Member of"), org_ref_cols,
	  "SELECT o.id, o.name, o.type FROM organisation_member m JOIN organisation o ON o.id = m.network_id"
	  " WHERE m.member_id = ?1 ORDER BY o.name"),
	S(REG_ORGANISATIONS, "items", N_("Partner in"), item_ref_cols,
	  "SELECT i.id, i.title, i.kind, i.status FROM item_partner p JOIN item i ON i.id = p.item_id"
	  " WHERE p.organisation_id = ?1 ORDER BY i.title"),
	S(REG_ORGANISATIONS, "contracts", N_("Contracts"), contract_cols,
	  "SELECT c.id, c.title, c.end_date, c.exit_cost FROM contract_party p JOIN contract c ON c.id = p.contract_id"
	  " WHERE p.organisation_id = ?1 ORDER BY c.end_date"),
	S(REG_ORGANISATIONS, "contacts", N_("Contact persons"), contact_cols,
	  "SELECT id, name, role, email FROM contact WHERE organisation_id = ?1 ORDER BY name"),
};

/* Run one section query into rows. */
static int run_section(struct db *db, const char *sql, const struct list_col *cols, size_t ncols, const char *p1,
		       const char *p2, struct list_result *rows, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	memset(rows, 0, sizeof(*rows));
	rows->cols = cols;
	rows->ncols = ncols;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, p1);
	if (p2)
		db_bind_text(st, 2, p2);
	return list_fill(db, st, rows, e);
}

/* See related.h. */
int db_related(struct db *db, const struct register_def *r, const char *key, struct related_section *secs,
	       struct err *e)
{
	int n = 0;
	for (size_t i = 0; i < ARRAY_SIZE(sections) && n < RELATED_MAX - 1; i++) {
		const struct section_def *s = &sections[i];
		if (s->reg != r->id)
			continue;
		secs[n].key = s->key;
		secs[n].title = s->title;
		if (run_section(db, s->sql, s->cols, s->ncols, key, NULL, &secs[n].rows, e) < 0) {
			related_free(secs, n + 1);
			return E_DB;
		}
		n++;
	}
	/* The history: the last changes of the record itself, of its lists
	 * and yearly figures (their audit records start with its key) and of
	 * its field-level provenance. The table names come from the
	 * register tables, not from input. */
	struct buf sql = BUF_INIT;
	buf_printf(&sql,
		   "SELECT at, actor, action, tbl, record, context FROM audit_log WHERE (tbl = '%q' AND record = ?1)",
		   r->table);
	buf_adds(&sql, " OR (substr(record, 1, length(?1) + 1) = ?1 || '/' AND tbl IN ('-'");
	if (r->year_table)
		buf_printf(&sql, ", '%q'", r->year_table);
	for (size_t i = 0; i < r->nfields; i++)
		if (r->fields[i].child)
			buf_printf(&sql, ", '%q'", r->fields[i].child->table);
	buf_adds(&sql, ")) OR (tbl = 'value_source' AND substr(record, 1, length(?2) + length(?1) + 2) = ?2 || '/' || "
		       "?1 || '/')"
		       " ORDER BY id DESC LIMIT 20");
	secs[n].key = "history";
	secs[n].title = N_("History (latest changes)");
	int rc = run_section(db, sql.data, history_cols, ARRAY_SIZE(history_cols), key, r->table, &secs[n].rows, e);
	buf_free(&sql);
	if (rc < 0) {
		related_free(secs, n + 1);
		return E_DB;
	}
	return n + 1;
}

/* See related.h. */
void related_free(struct related_section *secs, int n)
{
	for (int i = 0; i < n; i++)
		list_result_free(&secs[i].rows);
}
