/*
 * area_query.c - the areas with their indicators; see area_query.h.
 */
#include "steiger.h"
#include "db/area_query.h"

/* A copy of column i in the arena of d, or NULL. */
static char *col(struct area_data *d, sqlite3_stmt *st, int i)
{
	const char *s = db_col_text(st, i);
	return s ? arena_strdup(&d->arena, s) : NULL;
}

/* Read the areas, by type in the order of the register, then code. */
static int read_areas(struct db *db, struct area_data *d, struct err *e)
{
	size_t cap = 0;
	int rc;
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT a.code, a.name, a.type, a.parent_code, a.source,"
		" coalesce((SELECT source FROM value_source WHERE entity = 'area' AND entity_id = a.code"
		" AND field = 'name'), a.source)"
		" FROM area a ORDER BY CASE a.type WHEN 'gemeente' THEN 0 WHEN 'wijk' THEN 1 WHEN 'buurt' THEN 2"
		" ELSE 3 END, a.code",
		e);
	if (!st)
		return E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ARRAY_GROW(d->areas, cap, d->nareas + 1);
		struct area_row *a = &d->areas[d->nareas++];
		a->code = col(d, st, 0);
		a->name = col(d, st, 1);
		a->type = col(d, st, 2);
		a->parent = col(d, st, 3);
		a->source = col(d, st, 4);
		a->name_source = col(d, st, 5);
		strmap_put(&d->by_code, a->code, (void *)d->nareas);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the areas"));
}

/* Read the indicators, by title. */
static int read_indicators(struct db *db, struct area_data *d, struct strmap *index, struct err *e)
{
	size_t cap = 0;
	int rc;
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT id, title, unit, direction, goal_id, baseline, target, baseline_year,"
				   " target_year, source, description FROM indicator ORDER BY title COLLATE NOCASE, id",
				   e);
	if (!st)
		return E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ARRAY_GROW(d->indicators, cap, d->nindicators + 1);
		struct indicator_row *n = &d->indicators[d->nindicators++];
		memset(n, 0, sizeof(*n));
		n->id = col(d, st, 0);
		n->title = col(d, st, 1);
		n->unit = col(d, st, 2);
		n->direction = col(d, st, 3);
		n->goal = col(d, st, 4);
		n->has_baseline = sqlite3_column_type(st, 5) != SQLITE_NULL;
		n->baseline = sqlite3_column_double(st, 5);
		n->has_target = sqlite3_column_type(st, 6) != SQLITE_NULL;
		n->target = sqlite3_column_double(st, 6);
		n->baseline_year = sqlite3_column_int(st, 7);
		n->target_year = sqlite3_column_int(st, 8);
		n->source = col(d, st, 9);
		n->description = col(d, st, 10);
		strmap_put(index, n->id, (void *)d->nindicators);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the indicators"));
}

/* Add year to the ascending list of years of d, once. */
static void add_year(struct area_data *d, size_t *cap, int year)
{
	size_t i = 0;
	while (i < d->nyears && d->years[i] < year)
		i++;
	if (i < d->nyears && d->years[i] == year)
		return;
	ARRAY_GROW(d->years, *cap, d->nyears + 1);
	memmove(&d->years[i + 1], &d->years[i], (d->nyears - i) * sizeof(*d->years));
	d->years[i] = year;
	d->nyears++;
}

/* Read the values with their provenance. */
static int read_values(struct db *db, struct area_data *d, const struct strmap *indicators, struct err *e)
{
	size_t cap = 0, capyears = 0;
	int rc;
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT v.indicator_id, v.area_code, v.year, v.value,"
		" coalesce((SELECT source FROM value_source WHERE entity = 'indicator_value'"
		" AND entity_id = v.indicator_id || '/' || v.area_code || '/' || v.year AND field = 'value'), v.source)"
		" FROM indicator_value v ORDER BY v.indicator_id, v.area_code, v.year",
		e);
	if (!st)
		return E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t ind = (size_t)strmap_get(indicators, db_col_text(st, 0));
		size_t area = (size_t)strmap_get(&d->by_code, db_col_text(st, 1));
		if (!ind || !area)
			continue;
		ARRAY_GROW(d->values, cap, d->nvalues + 1);
		struct indicator_value_row *v = &d->values[d->nvalues++];
		struct indicator_row *n = &d->indicators[ind - 1];
		v->indicator = ind - 1;
		v->area = area - 1;
		v->year = sqlite3_column_int(st, 2);
		v->value = sqlite3_column_double(st, 3);
		v->source = col(d, st, 4);
		n->nvalues++;
		n->cbs_values += strcmp(v->source, "cbs") == 0;
		n->illustrative_values += strcmp(v->source, "illustrative") == 0;
		add_year(d, &capyears, v->year);
		strmap_put(&d->by_value,
			   arena_printf(&d->arena, "%s\x1f%s\x1f%d", n->id, d->areas[v->area].code, v->year),
			   (void *)d->nvalues);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the indicator values"));
}

/* See area_query.h. */
int db_area_data(struct db *db, struct area_data *d, struct err *e)
{
	struct strmap indicators = STRMAP_INIT;
	int rc;
	memset(d, 0, sizeof(*d));
	arena_init(&d->arena);
	rc = read_areas(db, d, e);
	if (rc == 0)
		rc = read_indicators(db, d, &indicators, e);
	if (rc == 0)
		rc = read_values(db, d, &indicators, e);
	strmap_free(&indicators);
	if (rc < 0)
		area_data_free(d);
	return rc;
}

/* See area_query.h. */
void area_data_free(struct area_data *d)
{
	free(d->areas);
	free(d->indicators);
	free(d->values);
	free(d->years);
	strmap_free(&d->by_code);
	strmap_free(&d->by_value);
	arena_free(&d->arena);
	memset(d, 0, sizeof(*d));
}

/* See area_query.h. */
long area_find(const struct area_data *d, const char *code)
{
	return (long)(size_t)strmap_get(&d->by_code, code) - 1;
}

/* See area_query.h. */
const struct indicator_value_row *area_value(const struct area_data *d, size_t ind, size_t area, int year)
{
	char key[512];
	size_t k;
	if (ind >= d->nindicators || area >= d->nareas)
		return NULL;
	if ((size_t)snprintf(key, sizeof(key), "%s\x1f%s\x1f%d", d->indicators[ind].id, d->areas[area].code, year) >=
	    sizeof(key))
		return NULL;
	k = (size_t)strmap_get(&d->by_value, key);
	return k ? &d->values[k - 1] : NULL;
}

/* See area_query.h. */
int indicator_latest_year(const struct area_data *d, size_t ind, const char *type)
{
	int latest = 0;
	for (size_t i = 0; i < d->nvalues; i++) {
		const struct indicator_value_row *v = &d->values[i];
		if (v->indicator == ind && v->year > latest && (!type || strcmp(d->areas[v->area].type, type) == 0))
			latest = v->year;
	}
	return latest;
}

/* See area_query.h. */
long area_municipality(const struct area_data *d, size_t a)
{
	long at = (long)a;
	for (size_t steps = 0; at >= 0 && steps <= d->nareas; steps++) {
		if (strcmp(d->areas[at].type, "gemeente") == 0)
			return at;
		at = d->areas[at].parent ? area_find(d, d->areas[at].parent) : -1;
	}
	for (size_t i = 0; i < d->nareas; i++)
		if (strcmp(d->areas[i].type, "gemeente") == 0)
			return (long)i;
	return -1;
}

/* See area_query.h. */
double area_scale_0_100(double v, double lo, double hi)
{
	if (!isfinite(v) || !isfinite(lo) || !isfinite(hi))
		return NAN;
	if (hi <= lo)
		return 50;
	return (v - lo) / (hi - lo) * 100;
}

/* See area_query.h. */
int db_area_items(struct db *db, const char *code, int with_archived, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "id", N_("id"), COL_TEXT },
		{ "title", N_("title"), COL_TEXT },
		{ "kind", N_("kind"), COL_CODE },
		{ "status", N_("status"), COL_CODE },
		{ "archived", N_("archived"), COL_BOOL },
	};
	return list_query(
		db,
		"SELECT i.id, i.title, i.kind, i.status, i.archived FROM item_area x JOIN item i ON i.id = x.item_id"
		" WHERE x.area_code = ?1 AND (?2 OR i.archived = 0) ORDER BY i.kind, i.title COLLATE NOCASE, i.id",
		cols, ARRAY_SIZE(cols), code, with_archived != 0, res, e);
}

/* See area_query.h. */
int db_area_pillars(struct db *db, const char *code, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "id", N_("id"), COL_TEXT },
		{ "kind", N_("kind"), COL_CODE },
		{ "title", N_("title"), COL_TEXT },
	};
	return list_query(
		db,
		"SELECT v.id, v.kind, v.title FROM vision_element_area x JOIN vision_element v ON v.id = x.element_id"
		" WHERE x.area_code = ?1 ORDER BY v.position, v.id",
		cols, ARRAY_SIZE(cols), code, 0, res, e);
}

/* See area_query.h. */
int db_area_adjacent(struct db *db, const char *code, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "code", N_("code"), COL_TEXT },
		{ "name", N_("name"), COL_TEXT },
		{ "type", N_("type"), COL_CODE },
	};
	return list_query(db,
			  "SELECT a.code, a.name, a.type FROM area a WHERE a.code IN"
			  " (SELECT adjacent_code FROM area_adjacent WHERE area_code = ?1"
			  "  UNION SELECT area_code FROM area_adjacent WHERE adjacent_code = ?1) ORDER BY a.code",
			  cols, ARRAY_SIZE(cols), code, 0, res, e);
}
