/*
 * check.c - the queries behind `steiger check`; see db/check.h.
 *
 * Each check is one query whose rows are findings: the record (as
 * "register/key") and the facts for the message. The messages are made
 * here in the current language; the rules on dates are core/check.c's.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/check.h"
#include "db/memo.h"

/* One query-based check: its rows are (record, a, b, c). */
struct query_check {
	enum check_id id;
	const char *sql;
	const char *message; /* English msgid with %s for a, b, c */
};

static const struct query_check query_checks[] = {
	{ CHK_CYCLE,
	  "WITH RECURSIVE up(start, id, depth) AS (SELECT item_id, target_id, 1 FROM item_link WHERE type = 'part_of'"
	  " UNION SELECT up.start, l.target_id, up.depth + 1 FROM up JOIN item_link l ON l.item_id = up.id"
	  " AND l.type = 'part_of' WHERE up.depth < 100)"
	  " SELECT DISTINCT 'items/' || start, start, '', '' FROM up WHERE id = start",
	  N_("%s is, through other programmes, part of itself%s%s") },
	{ CHK_CYCLE,
	  "WITH RECURSIVE up(start, id, depth) AS (SELECT id, parent_id, 1 FROM vision_element WHERE parent_id IS NOT "
	  "NULL"
	  " UNION SELECT up.start, v.parent_id, up.depth + 1 FROM up JOIN vision_element v ON v.id = up.id"
	  " WHERE v.parent_id IS NOT NULL AND up.depth < 100)"
	  " SELECT DISTINCT 'vision/' || start, start, '', '' FROM up WHERE id = start",
	  N_("%s is, through its parents, below itself%s%s") },
	{ CHK_LINK_KIND,
	  "SELECT 'items/' || l.item_id, l.item_id, l.target_id, code_kind FROM (SELECT l.*, t.kind AS code_kind"
	  " FROM item_link l JOIN item t ON t.id = l.target_id) l"
	  " WHERE l.type = 'implements' AND l.code_kind <> 'policy' ORDER BY 1",
	  N_("%s carries out %s, which is a %s, not a policy document") },
	{ CHK_LINK_KIND,
	  "SELECT 'items/' || l.item_id, l.item_id, l.target_id, t.kind FROM item_link l JOIN item t ON t.id = "
	  "l.target_id"
	  " WHERE l.type = 'part_of' AND t.kind <> 'programme' ORDER BY 1",
	  N_("%s is part of %s, which is a %s, not a programme") },
	{ CHK_LINK_KIND,
	  "SELECT 'assessments/' || a.round_id || '/' || a.assessor || '/' || a.item_id || '/' || a.criterion_id,"
	  " a.item_id, a.criterion_id, v.kind FROM vision_element v JOIN assessment a ON a.criterion_id = v.id"
	  " WHERE v.kind NOT IN ('hoofdlijn','pillar','urgent_issue')",
	  N_("an assessment of %s uses %s, a %s, as its criterion (expected a main line, pillar or urgent issue)") },
	{ CHK_LINK_KIND,
	  "SELECT 'indicators/' || n.id, n.id, n.goal_id, v.kind FROM indicator n JOIN vision_element v ON v.id = "
	  "n.goal_id"
	  " WHERE v.kind NOT IN ('goal','hoofdlijn','pillar','urgent_issue')",
	  N_("indicator %s measures %s, a %s (expected a goal or main line)") },
	{ CHK_LINK_KIND,
	  "SELECT 'vision/' || x.element_id, x.element_id, x.area_code, a.type FROM vision_element_area x"
	  " JOIN area a ON a.code = x.area_code WHERE a.type NOT IN ('wijk','buurt','ontwikkelgebied')",
	  N_("%s names area %s, a %s (expected a district, neighbourhood or development area)") },
	{ CHK_STALE_LINK,
	  "SELECT 'items/' || l.item_id, l.item_id, l.target_id, CASE WHEN t.archived THEN 'archived' ELSE t.status END"
	  " FROM item_link l JOIN item i ON i.id = l.item_id JOIN item t ON t.id = l.target_id"
	  " WHERE l.type IN ('implements','part_of') AND i.archived = 0 AND i.status IN ('planned','active')"
	  " AND (t.archived = 1 OR t.status = 'stopped') ORDER BY 1",
	  N_("%s still refers to %s, which is %s") },
	{ CHK_STALE_SOURCE,
	  "SELECT entity || '/' || entity_id, entity_id, field, '' FROM value_source v WHERE NOT EXISTS"
	  " (SELECT 1 FROM item WHERE v.entity = 'item' AND id = v.entity_id UNION ALL"
	  "  SELECT 1 FROM area WHERE v.entity = 'area' AND code = v.entity_id UNION ALL"
	  "  SELECT 1 FROM vision_element WHERE v.entity = 'vision_element' AND id = v.entity_id UNION ALL"
	  "  SELECT 1 FROM organisation WHERE v.entity = 'organisation' AND id = v.entity_id UNION ALL"
	  "  SELECT 1 FROM indicator WHERE v.entity = 'indicator' AND id = v.entity_id UNION ALL"
	  "  SELECT 1 FROM contract WHERE v.entity = 'contract' AND id = v.entity_id UNION ALL"
	  "  SELECT 1 FROM contact WHERE v.entity = 'contact' AND id = v.entity_id UNION ALL"
	  "  SELECT 1 FROM account WHERE v.entity = 'account' AND name = v.entity_id UNION ALL"
	  "  SELECT 1 FROM assessment_round WHERE v.entity = 'assessment_round' AND id = v.entity_id UNION ALL"
	  "  SELECT 1 FROM decision WHERE v.entity = 'decision' AND id = v.entity_id)"
	  " AND v.entity IN ('item','area','vision_element','organisation','indicator','contract','contact','account',"
	  "'assessment_round','decision')",
	  N_("the provenance of %s (field %s) belongs to a record that no longer exists%s") },
	{ CHK_VISION,
	  "SELECT 'vision/' || g.id, g.id, coalesce(p.id, '-'), coalesce(p.kind, '-') FROM vision_element g"
	  " LEFT JOIN vision_element p ON p.id = g.parent_id WHERE g.kind = 'goal' AND (p.id IS NULL OR p.kind <> "
	  "'hoofdlijn')",
	  N_("goal %s should be below a main line, but its parent is %s (%s)") },
	{ CHK_VISION,
	  "SELECT 'vision/' || h.id, h.id, coalesce(p.id, '-'), coalesce(p.kind, '-') FROM vision_element h"
	  " LEFT JOIN vision_element p ON p.id = h.parent_id WHERE h.kind = 'hoofdlijn' AND (p.id IS NULL OR p.kind <> "
	  "'vision')",
	  N_("main line %s should be below the vision, but its parent is %s (%s)") },
	{ CHK_WEIGHTS,
	  "SELECT 'vision', printf('%.4f', total(weight)), count(weight), count(*) FROM vision_element WHERE kind = "
	  "'hoofdlijn'"
	  " HAVING count(weight) > 0 AND (abs(total(weight) - 1) > 0.01 OR count(weight) < count(*))",
	  N_("the weights of the main lines add up to %s (%s of %s main lines have one); expected 1") },
	{ CHK_UNASSESSED,
	  "SELECT 'items/' || i.id, i.id, i.title, '' FROM item i WHERE i.archived = 0 AND NOT EXISTS"
	  " (SELECT 1 FROM assessment a WHERE a.item_id = i.id AND (a.score IS NOT NULL OR a.na = 1)) ORDER BY i.kind, "
	  "i.id",
	  N_("%s (%s) has no assessment yet%s") },
};

/* Run one query check. */
static int run_query(struct db *db, const struct query_check *q, struct findings *fs, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, q->sql, e);
	int rc;
	if (!st)
		return E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *msg;
		const char *a = db_col_text(st, 1), *b = db_col_text(st, 2), *c = db_col_text(st, 3);
		msg = mprintf(tr(q->message), a ? a : "", b ? b : "", c ? code_label(c) : "");
		findings_add(fs, q->id, db_col_text(st, 0), msg);
		free(msg);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("checking"));
}

/* Foreign keys (a database edited with them off). */
static int check_foreign_keys(struct db *db, struct findings *fs, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", e);
	if (!st)
		return E_DB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *rec = mprintf("%s/rowid %s", db_col_text(st, 0), db_col_text(st, 1));
		char *msg = mprintf(_("a row of %s refers to a record of %s that does not exist"), db_col_text(st, 0),
				    db_col_text(st, 2));
		findings_add(fs, CHK_FOREIGN_KEY, rec, msg);
		free(rec);
		free(msg);
	}
	sqlite3_reset(st);
	return 0;
}

/* Budget without fte and fte without budget, per item with its years, in
 * one pass over the years (the year table is the largest one here). */
static int check_budget_fte(struct db *db, struct findings *fs, struct err *e)
{
	sqlite3_stmt *st =
		db_stmt(db,
			"SELECT i.id,"
			" group_concat(CASE WHEN y.budget > 0 AND coalesce(y.fte, 0) = 0 THEN y.year END, ', '),"
			" group_concat(CASE WHEN y.fte > 0 AND coalesce(y.budget, 0) = 0 THEN y.year END, ', ')"
			" FROM item_year y JOIN item i ON i.id = y.item_id WHERE i.archived = 0"
			" AND ((y.budget > 0 AND coalesce(y.fte, 0) = 0) OR (y.fte > 0 AND coalesce(y.budget, 0) = 0))"
			" GROUP BY i.id ORDER BY i.id",
			e);
	if (!st)
		return E_DB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = db_col_text(st, 0), *no_fte = db_col_text(st, 1), *no_budget = db_col_text(st, 2);
		char *rec = mprintf("items/%s", id);
		if (no_fte) {
			char *msg = mprintf(_("%s has budget but no fte in %s"), id, no_fte);
			findings_add(fs, CHK_BUDGET_NO_FTE, rec, msg);
			free(msg);
		}
		if (no_budget) {
			char *msg = mprintf(_("%s has fte but no budget in %s"), id, no_budget);
			findings_add(fs, CHK_FTE_NO_BUDGET, rec, msg);
			free(msg);
		}
		free(rec);
	}
	sqlite3_reset(st);
	return 0;
}

/* Contracts that end within a year, or have ended while the item runs. */
static int check_contracts(struct db *db, struct findings *fs, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT c.id, c.title, c.end_date, c.item_id, i.status, i.archived, c.exit_cost"
				   " FROM contract c JOIN item i ON i.id = c.item_id ORDER BY c.end_date, c.id",
				   e);
	if (!st)
		return E_DB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = db_col_text(st, 0), *title = db_col_text(st, 1), *end = db_col_text(st, 2),
			   *item = db_col_text(st, 3), *status = db_col_text(st, 4);
		int archived = sqlite3_column_int(st, 5);
		long days = days_between(fs->today, end);
		char *rec = mprintf("contracts/%s", id), *msg = NULL;
		if (contract_ends_within(end, fs->today, 365)) {
			msg = mprintf(_("%s (%s) of item %s ends on %s, in %ld days"), id, title, item, end, days);
			findings_add(fs, CHK_CONTRACT_ENDING, rec, msg);
		} else if (days < 0 && !archived && (strcmp(status, "active") == 0 || strcmp(status, "planned") == 0)) {
			msg = mprintf(_("%s (%s) ended on %s, but item %s still runs"), id, title, end, item);
			findings_add(fs, CHK_CONTRACT_ENDED, rec, msg);
		}
		free(rec);
		free(msg);
	}
	sqlite3_reset(st);
	return 0;
}

/* The database file itself (PRAGMA quick_check): pages, records, indexes. */
static int check_file(struct db *db, struct findings *fs, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA quick_check", e);
	if (!st)
		return E_DB;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strcmp(db_col_text(st, 0), "ok") != 0)
			findings_add(fs, CHK_FILE, "database", db_col_text(st, 0));
	sqlite3_reset(st);
	return 0;
}

/* Run the checks (see db_check) and sort the findings. */
static int check_compute(struct db *db, int full, struct findings *fs, struct err *e)
{
	/* Every write through steiger keeps references intact (foreign keys
	 * are enforced and every import checks them first), and the audit
	 * triggers stop other programs from writing; so scanning for broken
	 * references and damaged pages is the thorough variant. */
	if (full && (check_file(db, fs, e) < 0 || check_foreign_keys(db, fs, e) < 0))
		return E_DB;
	if (check_contracts(db, fs, e) < 0 || check_budget_fte(db, fs, e) < 0)
		return E_DB;
	for (size_t i = 0; i < ARRAY_SIZE(query_checks); i++)
		if (run_query(db, &query_checks[i], fs, e) < 0)
			return E_DB;
	findings_sort(fs);
	return 0;
}

/* Free kept findings (db_memo_end). */
static void free_kept_findings(void *p)
{
	findings_free(p);
	free(p);
}

/* See db/check.h. The findings come sorted by check, so that they can be
 * printed grouped. Without the full scans, the findings are kept on the
 * connection until the data changes (memo.h), for the home page; they
 * also depend on the reference date and the language of the messages,
 * which are part of the key. */
int db_check(struct db *db, int full, struct findings *fs, struct err *e)
{
	struct db_memo_read r;
	const struct findings *kept;
	struct findings *keep = NULL;
	char key[64];
	int rc;
	if (full || fs->n)
		return check_compute(db, full, fs, e);
	snprintf(key, sizeof(key), "%.10s %d", fs->today, (int)i18n_get());
	if ((kept = db_memo_begin(db, DB_MEMO_CHECK, key, &r))) {
		findings_copy(fs, kept);
		db_memo_end(db, DB_MEMO_CHECK, key, &r, NULL, NULL);
		return 0;
	}
	rc = check_compute(db, full, fs, e);
	if (rc == 0 && r.usable) {
		keep = xcalloc(1, sizeof(*keep));
		memcpy(keep->today, fs->today, sizeof(keep->today));
		findings_copy(keep, fs);
	}
	db_memo_end(db, DB_MEMO_CHECK, key, &r, keep, free_kept_findings);
	return rc;
}
