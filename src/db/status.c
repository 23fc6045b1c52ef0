/*
 * status.c - the queries behind `steiger status`; see db/status.h.
 *
 * Every group of items is summed over the items that are not archived,
 * with their budget and fte in the chosen year and the part of each that
 * is illustrative (by the field-level provenance of that year, of the
 * yearly family, or of the item).
 */
#include "steiger.h"
#include "db/status.h"
#include "db/list.h"
#include "db/memo.h"

/* One item that counts (not archived) with its money in the year. */
struct money {
	const char *id;     /* its id (in the arena) */
	const char *kind;   /* its kind */
	int state;          /* index in item_status_values, -1 when none */
	double budget, fte; /* in the year (0 when none) */
	const char *bsrc;   /* provenance of the budget of that year */
	const char *fsrc;   /* provenance of the fte of that year */
};

/* Add item m to group g. */
static void add_to_group(struct status_group *g, const struct money *m)
{
	g->count++;
	g->active += m->state == 0 || m->state == 1;
	if (m->state >= 0)
		g->by_status[m->state]++;
	g->budget += m->budget;
	g->fte += m->fte;
	if (strcmp(m->bsrc, "illustrative") == 0)
		g->budget_illustrative += m->budget;
	if (strcmp(m->fsrc, "illustrative") == 0)
		g->fte_illustrative += m->fte;
}

/* The group with key in gs, added (without a label) when it is new. */
static struct status_group *group_of(struct status_groups *gs, const char *key)
{
	for (size_t i = 0; i < gs->n; i++)
		if (strcmp(gs->g[i].key, key) == 0)
			return &gs->g[i];
	return status_add_group(gs, key, NULL);
}

/* Fill gs with the codes of values in order, so that the groups print in
 * a fixed order. */
static void fixed_groups(struct status_groups *gs, const char *const *values)
{
	for (size_t i = 0; values[i]; i++)
		status_add_group(gs, values[i], NULL);
}

/* Remove the groups of gs that no item is in. */
static void drop_empty(struct status_groups *gs)
{
	for (size_t i = gs->n; i-- > 0;) {
		if (gs->g[i].count)
			continue;
		free(gs->g[i].key);
		free(gs->g[i].label);
		memmove(&gs->g[i], &gs->g[i + 1], (gs->n - i - 1) * sizeof(gs->g[0]));
		gs->n--;
	}
}

/* The vision elements of kind (in order, with titles) as groups. */
static int element_groups(struct db *db, const char *kind, struct status_groups *gs, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, title FROM vision_element WHERE kind = ?1 ORDER BY position, id", e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, kind);
	while (sqlite3_step(st) == SQLITE_ROW)
		status_add_group(gs, db_col_text(st, 0), db_col_text(st, 1));
	sqlite3_reset(st);
	return 0;
}

/* Add each item of the pairs (item, group key) the query sql returns to
 * its group in gs, once per item and group. The query returns the pairs
 * ordered by item, so a pair repeated (an item serving a hoofdlijn and
 * one of its goals) is recognised among the pairs of the same item. */
static int add_pairs(struct db *db, const char *sql, struct strmap *items, struct status_groups *gs, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	const struct money *current = NULL;
	size_t counted[64], ncounted = 0; /* groups the current item is in */
	if (!st)
		return E_DB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const struct money *m = strmap_get(items, db_col_text(st, 0));
		const char *g = db_col_text(st, 1);
		if (!m || !g)
			continue;
		if (m != current) {
			current = m;
			ncounted = 0;
		}
		for (size_t i = 0; i < gs->n; i++) {
			if (strcmp(gs->g[i].key, g) != 0)
				continue;
			size_t k;
			for (k = 0; k < ncounted && counted[k] != i; k++)
				;
			if (k < ncounted)
				break; /* already counted for this item */
			if (ncounted < ARRAY_SIZE(counted))
				counted[ncounted++] = i;
			add_to_group(&gs->g[i], m);
			break;
		}
	}
	sqlite3_reset(st);
	return 0;
}

/* The groups by kind, domain, hoofdlijn and pillar, and the total. The
 * items are read once; each grouping is then one scan of a link table,
 * summed here (a join per group in SQL costs several times as much). */
static int money_groups(struct db *db, struct status *st, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct strmap items = STRMAP_INIT;
	struct money *all = NULL;
	size_t n = 0, cap = 0;
	char year[8];
	int rc = E_DB;
	sqlite3_stmt *q;
	snprintf(year, sizeof(year), "%d", st->year);
	q = db_stmt(
		db,
		"SELECT i.id, i.kind, i.status, coalesce(y.budget, 0), coalesce(y.fte, 0),"
		" i.source FROM item i LEFT JOIN item_year y ON y.item_id = i.id AND y.year = ?1 WHERE i.archived = 0",
		e);
	if (!q)
		goto out;
	sqlite3_bind_int(q, 1, st->year);
	while (sqlite3_step(q) == SQLITE_ROW) {
		ARRAY_GROW(all, cap, n + 1);
		struct money *m = &all[n++];
		m->id = arena_strdup(&a, db_col_text(q, 0));
		m->kind = arena_strdup(&a, db_col_text(q, 1));
		m->state = enum_index(item_status_values, db_col_text(q, 2));
		m->budget = sqlite3_column_double(q, 3);
		m->fte = sqlite3_column_double(q, 4);
		m->bsrc = m->fsrc = arena_strdup(&a, db_col_text(q, 5));
	}
	sqlite3_reset(q);
	for (size_t i = 0; i < n; i++)
		strmap_put(&items, all[i].id, &all[i]);
	/* Field-level provenance; the year's entry (longer name, read
	 * later) beats the family's. */
	q = db_stmt(db,
		    "SELECT entity_id, field, source FROM value_source WHERE entity = 'item'"
		    " AND field IN ('budget', 'fte', 'budget_' || ?1, 'fte_' || ?1) ORDER BY length(field)",
		    e);
	if (!q)
		goto out;
	db_bind_text(q, 1, year);
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct money *m = strmap_get(&items, db_col_text(q, 0));
		if (!m)
			continue;
		if (starts_with(db_col_text(q, 1), "budget"))
			m->bsrc = arena_strdup(&a, db_col_text(q, 2));
		else
			m->fsrc = arena_strdup(&a, db_col_text(q, 2));
	}
	sqlite3_reset(q);
	fixed_groups(&st->by_kind, item_kind_values);
	fixed_groups(&st->by_domain, domain_values);
	free(st->total.key);
	memset(&st->total, 0, sizeof(st->total));
	st->total.key = xstrdup("total");
	for (size_t i = 0; i < n; i++) {
		add_to_group(group_of(&st->by_kind, all[i].kind), &all[i]);
		add_to_group(&st->total, &all[i]);
	}
	if (add_pairs(db, "SELECT item_id, domain FROM item_domain ORDER BY item_id", &items, &st->by_domain, e) < 0 ||
	    element_groups(db, "hoofdlijn", &st->by_hoofdlijn, e) < 0 ||
	    add_pairs(db,
		      "SELECT s.item_id, CASE WHEN v.kind = 'hoofdlijn' THEN v.id ELSE v.parent_id END"
		      " FROM item_serves s JOIN vision_element v ON v.id = s.element_id"
		      " WHERE v.kind IN ('hoofdlijn','goal') ORDER BY s.item_id",
		      &items, &st->by_hoofdlijn, e) < 0 ||
	    element_groups(db, "pillar", &st->by_pillar, e) < 0 ||
	    add_pairs(db,
		      "SELECT s.item_id, s.element_id FROM item_serves s JOIN vision_element v ON v.id = s.element_id"
		      " WHERE v.kind = 'pillar' UNION ALL SELECT x.item_id, pa.element_id FROM item_area x"
		      " JOIN vision_element_area pa ON pa.area_code = x.area_code ORDER BY 1",
		      &items, &st->by_pillar, e) < 0)
		goto out;
	drop_empty(&st->by_kind);
	drop_empty(&st->by_domain);
	rc = 0;
out:
	free(all);
	strmap_free(&items);
	arena_free(&a);
	return rc;
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
	/* Counted here rather than by GROUP BY, which would sort every row
	 * of the largest tables (100,000 assessments) to count six values. */
	for (int r = 0; r < REG_COUNT; r++) {
		const struct register_def *reg = reg_get(r);
		sqlite3_stmt *q;
		buf_reset(&sql);
		buf_printf(&sql, "SELECT source FROM \"%s\"", reg->table);
		if (!(q = db_stmt(db, sql.data, e))) {
			buf_free(&sql);
			return E_DB;
		}
		while (sqlite3_step(q) == SQLITE_ROW) {
			const char *src = db_col_text(q, 0);
			st->prov[r].total++;
			for (int k = 0; source_values[k]; k++)
				if (strcmp(src, source_values[k]) == 0) {
					st->prov[r].by_source[k]++;
					break;
				}
		}
		sqlite3_reset(q);
	}
	buf_free(&sql);
	/* Illustrative fields per register, a yearly field counted under its
	 * family (budget_2024 as budget), each record once per field. The
	 * rows come in key order, so the records of one entity and field
	 * are counted as they pass. */
	sqlite3_stmt *q = db_stmt(db,
				  "SELECT entity, CASE WHEN field GLOB '*_[0-9][0-9][0-9][0-9]'"
				  " THEN substr(field, 1, length(field) - 5) ELSE field END AS f, entity_id"
				  " FROM value_source WHERE source = 'illustrative'",
				  e);
	struct strmap seen = STRMAP_INIT;
	struct arena a = ARENA_INIT;
	if (!q)
		return E_DB;
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *entity = db_col_text(q, 0), *field = db_col_text(q, 1);
		char *key = arena_printf(&a, "%s\x1f%s\x1f%s", entity, field, db_col_text(q, 2));
		if (strmap_has(&seen, key))
			continue; /* budget_2024 and budget_2025 of one record */
		strmap_put(&seen, key, (void *)1);
		for (int r = 0; r < REG_COUNT; r++) {
			if (strcmp(reg_get(r)->table, entity) != 0)
				continue;
			size_t i;
			for (i = 0; i < st->nfields; i++)
				if (st->fields[i].reg == (enum reg_id)r && strcmp(st->fields[i].field, field) == 0)
					break;
			if (i == st->nfields) {
				ARRAY_GROW(st->fields, st->capfields, st->nfields + 1);
				st->fields[i].reg = r;
				st->fields[i].field = xstrdup(field);
				st->fields[i].records = 0;
				st->nfields++;
			}
			st->fields[i].records++;
			st->prov[r].illustrative_fields++;
		}
	}
	sqlite3_reset(q);
	strmap_free(&seen);
	arena_free(&a);
	/* In the order of register, then field. */
	for (size_t i = 1; i < st->nfields; i++) {
		struct status_field f = st->fields[i];
		size_t j = i;
		while (j > 0 && (st->fields[j - 1].reg > f.reg ||
				 (st->fields[j - 1].reg == f.reg && strcmp(st->fields[j - 1].field, f.field) > 0))) {
			st->fields[j] = st->fields[j - 1];
			j--;
		}
		st->fields[j] = f;
	}
	return 0;
}

/* Compute st for the year (0: the default year). Returns 0 or E_DB. */
static int status_compute(struct db *db, int year, struct status *st, struct err *e)
{
	sqlite3_stmt *q;
	memset(st, 0, sizeof(*st));
	st->year = year ? year : db_default_year(db);
	if ((q = db_stmt(db, "SELECT value FROM meta WHERE key = 'dataset' AND value <> ''", e))) {
		if (sqlite3_step(q) == SQLITE_ROW)
			st->dataset = xstrdup(db_col_text(q, 0));
		sqlite3_reset(q);
	}
	if ((q = db_stmt(db, "SELECT title FROM vision_element WHERE kind = 'vision' ORDER BY position, id LIMIT 1",
			 e))) {
		if (sqlite3_step(q) == SQLITE_ROW)
			st->vision = xstrdup(db_col_text(q, 0));
		sqlite3_reset(q);
	}
	if (!(q = db_stmt(db,
			  "SELECT kind, count(*), total(status = 'te_bevestigen') FROM vision_element GROUP BY kind",
			  e)))
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
	st->networks = count(db, "SELECT count(*) FROM organisation WHERE type = 'netwerk'");
	st->archived = count(db, "SELECT count(*) FROM item WHERE archived = 1");
	if (money_groups(db, st, e) < 0 || provenance(db, st, e) < 0)
		return E_DB;
	/* The provenance scan counted every register. */
	st->indicators = st->prov[REG_INDICATORS].total;
	st->indicator_values = st->prov[REG_INDICATOR_VALUES].total;
	st->organisations = st->prov[REG_ORGANISATIONS].total;
	st->contacts = st->prov[REG_CONTACTS].total;
	st->contracts = st->prov[REG_CONTRACTS].total;
	st->partners = st->prov[REG_ITEM_PARTNERS].total;
	st->users = st->prov[REG_USERS].total;
	st->rounds = st->prov[REG_ROUNDS].total;
	st->assessments = st->prov[REG_ASSESSMENTS].total;
	st->decisions = st->prov[REG_DECISIONS].total;
	return 0;
}

/* Free a kept status (db_memo_end). */
static void free_kept_status(void *p)
{
	status_free(p);
	free(p);
}

/* See db/status.h. The result is kept on the connection until the data
 * changes (memo.h): the home page asks for it on every request. It also
 * depends on the date (the default year), which is part of the key. */
int db_status(struct db *db, int year, struct status *st, struct err *e)
{
	struct db_memo_read r;
	const struct status *kept;
	struct status *keep = NULL;
	char key[64], today[11];
	int rc;
	today_iso(today);
	snprintf(key, sizeof(key), "%d %s", year, today);
	if ((kept = db_memo_begin(db, DB_MEMO_STATUS, key, &r))) {
		status_copy(st, kept);
		db_memo_end(db, DB_MEMO_STATUS, key, &r, NULL, NULL);
		return 0;
	}
	rc = status_compute(db, year, st, e);
	if (rc == 0 && r.usable) {
		keep = xmalloc(sizeof(*keep));
		status_copy(keep, st);
	}
	db_memo_end(db, DB_MEMO_STATUS, key, &r, keep, free_kept_status);
	return rc;
}
