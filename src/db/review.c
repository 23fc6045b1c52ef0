/*
 * review.c - reading an assessment round for the review; see
 * db/review.h.
 */
#include "steiger.h"
#include "db/list.h"
#include "db/review.h"
#include <math.h>

/* Read the round (the one named, or the one opened last). */
static int load_round(struct db *db, const char *round_id, struct review_data *d, struct err *e)
{
	sqlite3_stmt *st =
		db_stmt(db,
			"SELECT id, title, status, scale_min, scale_max, blind FROM assessment_round"
			" WHERE ?1 IS NULL OR id = ?1 ORDER BY coalesce(opened_at, '') DESC, rowid DESC LIMIT 1",
			e);
	int rc;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, round_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		d->round_id = arena_strdup(&d->a, db_col_text(st, 0));
		d->round_title = arena_strdup(&d->a, db_col_text(st, 1));
		d->round_status = arena_strdup(&d->a, db_col_text(st, 2));
		d->in.scale_min = sqlite3_column_double(st, 3);
		d->in.scale_max = sqlite3_column_double(st, 4);
		d->blind = sqlite3_column_int(st, 5);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return round_id ? err_set(e, E_NOTFOUND, _("there is no assessment round \"%s\""), round_id)
				: err_set(e, E_NOTFOUND, "%s", _("there is no assessment round yet"));
	return rc == SQLITE_ROW ? 0 : db_fail(db, e, "reading the round");
}

/* Read the criteria and the items, indexing their ids in crit and item. */
static int load_lists(struct db *db, struct review_data *d, struct strmap *crit, struct strmap *item, struct err *e)
{
	sqlite3_stmt *st =
		db_stmt(db,
			"SELECT id, title, kind, coalesce(weight, 0) FROM vision_element"
			" WHERE kind IN ('hoofdlijn', 'pillar', 'urgent_issue')"
			" ORDER BY CASE kind WHEN 'hoofdlijn' THEN 0 WHEN 'pillar' THEN 1 ELSE 2 END, position, id",
			e);
	if (!st)
		return E_DB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ARRAY_GROW(d->criteria, d->capcriteria, d->in.ncriteria + 1);
		struct review_criterion *c = &d->criteria[d->in.ncriteria++];
		c->id = arena_strdup(&d->a, db_col_text(st, 0));
		c->title = arena_strdup(&d->a, db_col_text(st, 1));
		c->kind = arena_strdup(&d->a, db_col_text(st, 2));
		c->weight = sqlite3_column_double(st, 3);
		strmap_put(crit, c->id, (void *)(uintptr_t)d->in.ncriteria);
	}
	sqlite3_reset(st);
	st = db_stmt(
		db,
		"SELECT i.id, i.title, i.kind, coalesce(y.budget, 0), coalesce(y.fte, 0),"
		" i.title || ' ' || coalesce(i.description, ''),"
		" (SELECT group_concat(domain, '|') FROM item_domain d WHERE d.item_id = i.id),"
		" (SELECT group_concat(area_code, '|') FROM item_area x WHERE x.item_id = i.id),"
		" i.legal_task, i.instrument,"
		" coalesce((SELECT CAST((julianday(max(end_date)) - julianday(?2)) / (365.25 / 12) + 0.999 AS INTEGER)"
		"  FROM contract c"
		"  WHERE c.item_id = i.id AND c.end_date > ?2), 0),"
		" coalesce((SELECT sum(exit_cost) FROM contract c WHERE c.item_id = i.id AND c.end_date > ?2), 0),"
		" (SELECT avg(willingness) FROM item_partner p WHERE p.item_id = i.id),"
		" (SELECT min(pa.position) FROM item_area x JOIN vision_element_area pa ON pa.area_code = x.area_code"
		"  WHERE x.item_id = i.id)"
		" FROM item i LEFT JOIN item_year y ON y.item_id = i.id AND y.year = ?1 WHERE i.archived = 0"
		" ORDER BY i.id",
		e);
	if (!st)
		return E_DB;
	sqlite3_bind_int(st, 1, d->year);
	db_bind_text(st, 2, d->today);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t cap = d->capitems;
		ARRAY_GROW(d->items, d->capitems, d->in.nitems + 1);
		if (d->capitems != cap)
			d->texts = xreallocarray(d->texts, d->capitems, sizeof(*d->texts));
		struct merge_item *mt = &d->texts[d->in.nitems];
		mt->text = arena_strdup(&d->a, db_col_text(st, 5));
		mt->domains = arena_strdup(&d->a, db_col_text(st, 6) ? db_col_text(st, 6) : "");
		mt->areas = arena_strdup(&d->a, db_col_text(st, 7) ? db_col_text(st, 7) : "");
		struct review_item *it = &d->items[d->in.nitems++];
		it->id = arena_strdup(&d->a, db_col_text(st, 0));
		it->title = arena_strdup(&d->a, db_col_text(st, 1));
		it->kind = arena_strdup(&d->a, db_col_text(st, 2));
		it->budget = sqlite3_column_double(st, 3);
		it->fte = sqlite3_column_double(st, 4);
		it->legal_task = sqlite3_column_int(st, 8);
		it->instrument = db_col_text(st, 9) ? arena_strdup(&d->a, db_col_text(st, 9)) : NULL;
		it->contract_months = sqlite3_column_double(st, 10);
		it->exit_cost = sqlite3_column_double(st, 11);
		it->willingness = sqlite3_column_type(st, 12) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 12);
		it->area_rank = sqlite3_column_type(st, 13) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 13);
		strmap_put(item, it->id, (void *)(uintptr_t)d->in.nitems);
	}
	sqlite3_reset(st);
	return 0;
}

/* Read the scores of the round on the items and criteria read; the
 * assessors are numbered in order of their names. */
static int load_scores(struct db *db, struct review_data *d, struct strmap *crit, struct strmap *item, struct err *e)
{
	struct strmap who = STRMAP_INIT;
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT item_id, criterion_id, assessor, score, na FROM assessment"
				   " WHERE round_id = ?1 AND (score IS NOT NULL OR na = 1) ORDER BY assessor, item_id",
				   e);
	if (!st)
		return E_DB;
	db_bind_text(st, 1, d->round_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t i = (size_t)(uintptr_t)strmap_get(item, db_col_text(st, 0));
		size_t c = (size_t)(uintptr_t)strmap_get(crit, db_col_text(st, 1));
		const char *name = db_col_text(st, 2);
		size_t a = (size_t)(uintptr_t)strmap_get(&who, name);
		if (!i || !c)
			continue; /* an archived item, or a goal */
		if (!a) {
			ARRAY_GROW(d->assessors, d->capassessors, d->in.nassessors + 1);
			d->assessors[d->in.nassessors] = arena_strdup(&d->a, name);
			a = ++d->in.nassessors;
			strmap_put(&who, d->assessors[a - 1], (void *)(uintptr_t)a);
		}
		ARRAY_GROW(d->scores, d->capscores, d->in.nscores + 1);
		struct review_score *s = &d->scores[d->in.nscores++];
		s->item = i - 1;
		s->criterion = c - 1;
		s->assessor = a - 1;
		s->na = sqlite3_column_int(st, 4);
		s->score = sqlite3_column_double(st, 3);
	}
	sqlite3_reset(st);
	strmap_free(&who);
	return 0;
}

/* See db/review.h. */
int db_review_load(struct db *db, const char *round_id, int year, struct review_data *d, struct err *e)
{
	struct strmap crit = STRMAP_INIT, item = STRMAP_INIT;
	int rc;
	memset(d, 0, sizeof(*d));
	arena_init(&d->a);
	d->year = year ? year : db_default_year(db);
	today_iso(d->today);
	if ((rc = db_begin(db, e)) < 0)
		return rc;
	if ((rc = load_round(db, round_id, d, e)) == 0 && (rc = load_lists(db, d, &crit, &item, e)) == 0)
		rc = load_scores(db, d, &crit, &item, e);
	db_rollback(db); /* read only */
	strmap_free(&crit);
	strmap_free(&item);
	d->in.items = d->items;
	d->in.criteria = d->criteria;
	d->in.scores = d->scores;
	return rc;
}

/* See db/review.h. */
int db_review_rounds(struct db *db, struct arena *a, struct review_round **out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT id, title, status FROM assessment_round"
				   " ORDER BY coalesce(opened_at, '') DESC, rowid DESC",
				   e);
	size_t n = 0, cap = 0;
	struct review_round *r = NULL;
	int rc;
	*out = NULL;
	if (!st)
		return E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			struct review_round *bigger = arena_calloc(a, cap = cap ? 2 * cap : 8, sizeof(*bigger));
			if (n)
				memcpy(bigger, r, n * sizeof(*r));
			r = bigger;
		}
		r[n].id = arena_strdup(a, db_col_text(st, 0));
		r[n].title = arena_strdup(a, db_col_text(st, 1));
		r[n].status = arena_strdup(a, db_col_text(st, 2));
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, "reading the rounds");
	*out = r;
	return (int)n;
}

/* See db/review.h. */
void review_data_free(struct review_data *d)
{
	free(d->items);
	free(d->texts);
	free(d->criteria);
	free(d->scores);
	free(d->assessors);
	arena_free(&d->a);
	memset(d, 0, sizeof(*d));
}

/* See db/review.h. */
int db_assess_progress(struct db *db, const char *round_id, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "assessor", N_("assessor"), COL_TEXT }, { "scored", N_("scored"), COL_INT },
		{ "cells", N_("cells"), COL_INT },        { "percent", N_("percent"), COL_NUM },
		{ "last", N_("last scored"), COL_TEXT },
	};
	struct review_data d;
	int rc;
	memset(res, 0, sizeof(*res));
	memset(&d, 0, sizeof(d));
	arena_init(&d.a);
	rc = load_round(db, round_id, &d, e);
	if (rc == 0)
		rc = list_query(db,
				"WITH crit AS (SELECT count(*) AS n FROM vision_element"
				"  WHERE kind IN ('hoofdlijn', 'pillar', 'urgent_issue')),"
				" items AS (SELECT count(*) AS n FROM item WHERE archived = 0)"
				" SELECT a.assessor, count(*), (SELECT n FROM crit) * (SELECT n FROM items),"
				" round(100.0 * count(*) / max(1, (SELECT n FROM crit) * (SELECT n FROM items)), 1),"
				" max(a.assessed_at)"
				" FROM assessment a JOIN item i ON i.id = a.item_id AND i.archived = 0"
				" JOIN vision_element v ON v.id = a.criterion_id AND v.kind IN ('hoofdlijn', 'pillar',"
				" 'urgent_issue')"
				" WHERE a.round_id = ?1 AND (a.score IS NOT NULL OR a.na = 1) GROUP BY a.assessor "
				"ORDER BY a.assessor",
				cols, ARRAY_SIZE(cols), d.round_id, 0, res, e);
	review_data_free(&d);
	return rc;
}
