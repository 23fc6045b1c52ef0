/*
 * assessments.c - the scores of the review in the API:
 *
 *   GET /api/v1/assessments   a page of scores, filtered by item, round
 *                             and assessor
 *   PUT /api/v1/assessments   write scores of the asker, as assessor: the
 *                             body {"assessments": [{"round", "item",
 *                             "criterion", "score", "rationale"}, ...]}
 *
 * Reading needs PERM_READ_INTERNAL, writing PERM_ASSESS (routes.c). In a
 * blind round that is still open everyone sees only their own scores, so
 * that no assessor is swayed by another; an administrator sees all.
 *
 * Writing is one transaction through db_import, as `steiger import` of a
 * scores file: every score is checked against its round's scale (and
 * whether it allows n.v.t.), every criterion must be a hoofdlijn, pillar or
 * urgent issue, the item must exist, and the round must be open. Any error
 * writes nothing and gives 422 with every wrong value in invalid-params
 * ("assessments[2].score").
 */
#include "steiger.h"
#include "api/api.h"
#include "db/import.h"
#include "pages/pages.h"

/* The columns of a score in the listing (the keys of the import format;
 * the headers are not shown). */
static const struct list_col score_cols[] = {
	{ "round", "round", COL_TEXT },         { "assessor", "assessor", COL_TEXT },
	{ "item", "item", COL_TEXT },           { "criterion", "criterion", COL_TEXT },
	{ "score", "score", COL_INT },          { "na", "n/a", COL_BOOL },
	{ "rationale", "rationale", COL_TEXT }, { "assessed_at", "assessed at", COL_TEXT },
};

/* The conditions of the listing; ?1 item, ?2 round, ?3 assessor, ?4 the
 * asker, ?5 whether the asker sees the scores of blind rounds. */
#define SCORES_FROM                                                       \
	" FROM assessment a JOIN assessment_round r ON r.id = a.round_id" \
	" WHERE (r.blind = 0 OR r.status = 'closed' OR a.assessor = ?4 OR ?5)"

/* The text of the listing or count query for the filters given. */
static char *scores_sql(const char *select, int item, int round, int assessor, const char *tail)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, select);
	buf_adds(&b, SCORES_FROM);
	if (item)
		buf_adds(&b, " AND a.item_id = ?1");
	if (round)
		buf_adds(&b, " AND a.round_id = ?2");
	if (assessor)
		buf_adds(&b, " AND a.assessor = ?3");
	buf_adds(&b, tail);
	return buf_detach(&b, NULL);
}

/* Bind the filters and the asker to st. */
static void bind_filters(struct request *req, sqlite3_stmt *st, const char *item, const char *round,
			 const char *assessor)
{
	/* A parameter the text does not use is out of range; that is fine. */
	db_bind_text(st, 1, item);
	db_bind_text(st, 2, round);
	db_bind_text(st, 3, assessor);
	db_bind_text(st, 4, req->user.name);
	sqlite3_bind_int(st, 5, role_can(req->user.role, PERM_ADMIN));
}

/* Append one score of the listing (row r of res) as a JSON object. */
static void score_json(struct buf *out, const struct list_result *res, size_t r)
{
	char *const *c = &res->cells[r * res->ncols];
	buf_printf(out, "{\"round\": %J, \"assessor\": %J, \"item\": %J, \"criterion\": %J, \"score\": ", c[0], c[1],
		   c[2], c[3]);
	if (c[5] && strcmp(c[5], "1") == 0)
		buf_adds(out, "\"n.v.t.\"");
	else
		buf_adds(out, c[4] ? c[4] : "null");
	buf_printf(out, ", \"rationale\": %J, \"assessed_at\": %J}", c[6], c[7]);
}

/* See pages.h. */
int api_assessments(struct request *req)
{
	const char *item = http_query(req, "item"), *round = http_query(req, "round"),
		   *assessor = http_query(req, "assessor");
	struct api_page pg;
	struct list_result res;
	struct err e = { 0, "" };
	sqlite3_stmt *st;
	long long total;
	char *sql;
	if (api_page_parse(req, &pg) < 0)
		return req->status;
	sql = scores_sql("SELECT count(*)", item != NULL, round != NULL, assessor != NULL, "");
	st = db_stmt(req->db, sql, &e);
	free(sql);
	if (!st)
		return api_db_error(req);
	bind_filters(req, st, item, round, assessor);
	total = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (total < 0)
		return api_db_error(req);
	sql = scores_sql("SELECT a.round_id, a.assessor, a.item_id, a.criterion_id, a.score, a.na, a.rationale, "
			 "a.assessed_at",
			 item != NULL, round != NULL, assessor != NULL,
			 " ORDER BY a.round_id, a.item_id, a.criterion_id, a.assessor LIMIT ?6 OFFSET ?7");
	st = db_stmt(req->db, sql, &e);
	free(sql);
	if (!st)
		return api_db_error(req);
	bind_filters(req, st, item, round, assessor);
	sqlite3_bind_int64(st, 6, pg.size);
	sqlite3_bind_int64(st, 7, api_page_offset(&pg));
	memset(&res, 0, sizeof(res));
	res.cols = score_cols;
	res.ncols = ARRAY_SIZE(score_cols);
	if (list_fill(req->db, st, &res, &e) < 0)
		return api_db_error(req);
	api_collection_begin(req, "assessments", &pg, total);
	for (size_t r = 0; r < res.nrows; r++) {
		if (r)
			buf_adds(&req->out, ",\n  ");
		score_json(&req->out, &res, r);
	}
	api_collection_end(req);
	list_result_free(&res);
	return 200;
}

/* A new JSON string value text at line:col, from arena a. */
static struct json_value *json_text(struct arena *a, const char *text, int line, int col)
{
	struct json_value *v = arena_calloc(a, 1, sizeof(*v));
	v->type = JSON_STRING;
	v->str = arena_strdup(a, text);
	v->len = strlen(text);
	v->line = line;
	v->col = col;
	return v;
}

/* Object obj with member key set to value (added at the end when absent),
 * as a new object from arena a. */
static struct json_value *with_member(struct arena *a, const struct json_value *obj, const char *key,
				      struct json_value *value)
{
	struct json_value *o = arena_calloc(a, 1, sizeof(*o));
	*o = *obj;
	o->members = arena_calloc(a, obj->n + 1, sizeof(*o->members));
	memcpy(o->members, obj->members, obj->n * sizeof(*o->members));
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->members[i].key, key) == 0) {
			o->members[i].value = value;
			return o;
		}
	o->members[o->n].key = key;
	o->members[o->n].line = obj->line;
	o->members[o->n].col = obj->col;
	o->members[o->n].value = value;
	o->n++;
	return o;
}

/* The scores of the body: where each is, for naming the field of an error. */
struct scores_body {
	const struct json_value *list; /* the array "assessments" */
	struct arena *a;               /* for the names */
};

/* The name of the field an error is about: "assessments[K].MEMBER" for a
 * value or member of score K, "assessments[K]" for the score as a whole
 * (callback of api_diag_params). */
static const char *score_field(const struct diag_entry *en, void *arg)
{
	const struct scores_body *sb = arg;
	for (size_t k = 0; sb->list && k < sb->list->n; k++) {
		const struct json_value *o = sb->list->items[k];
		for (size_t i = 0; o->type == JSON_OBJECT && i < o->n; i++) {
			const struct json_member *m = &o->members[i];
			if ((m->line == en->line && m->col == en->col) ||
			    (m->value->line == en->line && m->value->col == en->col))
				return arena_printf(sb->a, "assessments[%zu].%s", k, m->key);
		}
		if (o->line == en->line && o->col == en->col)
			return arena_printf(sb->a, "assessments[%zu]", k);
	}
	return "assessments";
}

/* Add score obj of the body to batch b as the asker's, or add
 * what is wrong with it to b's diagnostics. */
static void add_score(struct request *req, struct batch *b, const struct json_value *obj, const char *now)
{
	const struct register_def *r = reg_get(REG_ASSESSMENTS);
	const struct json_value *v;
	if (obj->type != JSON_OBJECT) {
		diag_add(b->diag, "body", obj->line, obj->col, _("expected an object (one score), found %s"),
			 json_type_name(obj));
		return;
	}
	v = json_get(obj, "assessor");
	if (v && !(v->type == JSON_STRING && strcmp(v->str, req->user.name) == 0)) {
		diag_add(b->diag, "body", v->line, v->col,
			 _("expected your own login name (%s) or none: you can only write your own scores"),
			 req->user.name);
		return;
	}
	v = json_get(obj, "assessed_at");
	if (v) {
		diag_add(b->diag, "body", v->line, v->col,
			 _("expected no assessed_at: steiger records the time itself"));
		return;
	}
	v = json_get(obj, "round");
	if (v && v->type == JSON_STRING &&
	    db_int(req->db, "SELECT status = 'open' FROM assessment_round WHERE id = ?", v->str, -1) == 0)
		diag_add(b->diag, "body", v->line, v->col, _("expected an open round, found %s, which is closed"),
			 v->str);
	obj = with_member(&b->arena, obj, "assessor", json_text(&b->arena, req->user.name, obj->line, obj->col));
	obj = with_member(&b->arena, obj, "assessed_at", json_text(&b->arena, now, obj->line, obj->col));
	batch_add_json_record(b, "body", r, obj);
}

/* Respond 422 with the errors of d about the scores of body. */
static int scores_invalid(struct request *req, const struct diag *d, const struct json_value *list)
{
	struct scores_body sb = { list, req->a };
	struct buf inv = BUF_INIT;
	buf_addch(&inv, '[');
	api_diag_params(&inv, d, score_field, &sb);
	buf_addch(&inv, ']');
	http_problem(req, 422, _("Invalid input"),
		     _("Some scores are not valid; nothing was saved. See invalid-params."),
		     arena_strdup(req->a, inv.data));
	buf_free(&inv);
	return 422;
}

/* See pages.h. */
int api_assessments_put(struct request *req)
{
	const struct json_value *body = api_json_body(req), *list;
	const struct register_def *r = reg_get(REG_ASSESSMENTS);
	struct diag d;
	struct batch b;
	struct import_opts o = { 0, 0 };
	struct import_result res;
	struct err e = { 0, "" };
	char now[21];
	int rc;
	if (!body)
		return req->status;
	list = json_get(body, "assessments");
	if (body->type != JSON_OBJECT || !list || list->type != JSON_ARRAY || !list->n)
		return api_invalid(req, 422, "assessments",
				   _("expected an object {\"assessments\": [...]} with at least one score"));
	now_iso(now);
	diag_init(&d, 50);
	batch_init(&b, &d, req->user.name);
	for (size_t k = 0; k < list->n && !diag_full(&d); k++)
		add_score(req, &b, list->items[k], now);
	import_result_init(&res);
	rc = d.count ? E_INPUT : db_import(req->db, &b, &o, &res, &e);
	if (rc == E_INPUT)
		rc = scores_invalid(req, &d, list);
	else if (rc < 0)
		rc = api_db_error(req);
	else {
		api_json(req);
		buf_printf(&req->out, "{\"added\": %d, \"changed\": %d, \"unchanged\": %d}\n", res.added[r->id],
			   res.changed[r->id], res.unchanged[r->id]);
		rc = 200;
	}
	import_result_free(&res);
	batch_free(&b);
	diag_free(&d);
	return rc;
}
