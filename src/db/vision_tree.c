/*
 * vision_tree.c - the vision tree with its sums, and the items serving an
 * element; see vision_tree.h.
 */
#include "steiger.h"
#include "db/vision_tree.h"
#include "db/list.h"

/* One element as read, before it is put in tree order. */
struct raw_element {
	struct vision_node node; /* its fields (depth and parent_index unset) */
	size_t *children;        /* indexes of its children in raw order */
	size_t nchildren, capchildren;
	int placed; /* it is in the tree already */
};

/* Free the strings of node n. */
static void node_free(struct vision_node *n)
{
	free(n->id);
	free(n->kind);
	free(n->parent);
	free(n->title);
	free(n->status);
	free(n->title_source);
}

/* Read every element, in position order, into *raw (malloc'ed). */
static int read_elements(struct db *db, struct raw_element **raw, size_t *n, struct err *e)
{
	size_t cap = 0;
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT v.id, v.kind, v.parent_id, v.title, v.status,"
				   " coalesce((SELECT source FROM value_source WHERE entity = 'vision_element'"
				   " AND entity_id = v.id AND field = 'title'), v.source)"
				   " FROM vision_element v ORDER BY v.position, v.id",
				   e);
	int rc;
	*raw = NULL;
	*n = 0;
	if (!st)
		return E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ARRAY_GROW(*raw, cap, *n + 1);
		struct raw_element *r = &(*raw)[(*n)++];
		memset(r, 0, sizeof(*r));
		r->node.id = xstrdup(db_col_text(st, 0));
		r->node.kind = xstrdup(db_col_text(st, 1));
		r->node.parent = db_col_text(st, 2) ? xstrdup(db_col_text(st, 2)) : NULL;
		r->node.title = xstrdup(db_col_text(st, 3));
		r->node.status = xstrdup(db_col_text(st, 4));
		r->node.title_source = xstrdup(db_col_text(st, 5));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the vision"));
}

/* Append raw element i and, below it, its children (depth-first) to t. */
static void place(struct raw_element *raw, size_t i, int depth, long parent, struct vision_tree *t)
{
	size_t at = t->count++;
	raw[i].placed = 1;
	t->n[at] = raw[i].node;
	t->n[at].depth = depth;
	t->n[at].parent_index = parent;
	for (size_t k = 0; k < raw[i].nchildren; k++)
		if (!raw[raw[i].children[k]].placed)
			place(raw, raw[i].children[k], depth + 1, (long)at, t);
}

/* Put the elements of raw[0..n) in tree order into t. */
static void order_tree(struct raw_element *raw, size_t n, struct vision_tree *t)
{
	struct strmap index = STRMAP_INIT;
	long *parent = xcalloc(n + 1, sizeof(*parent));
	for (size_t i = 0; i < n; i++)
		strmap_put(&index, raw[i].node.id, (void *)(i + 1));
	for (size_t i = 0; i < n; i++) {
		size_t p = raw[i].node.parent ? (size_t)strmap_get(&index, raw[i].node.parent) : 0;
		parent[i] = (long)p - 1;
		if (p) {
			struct raw_element *pr = &raw[p - 1];
			ARRAY_GROW(pr->children, pr->capchildren, pr->nchildren + 1);
			pr->children[pr->nchildren++] = i;
		}
	}
	t->n = xcalloc(n + 1, sizeof(*t->n));
	for (size_t i = 0; i < n; i++)
		if (parent[i] < 0)
			place(raw, i, 0, -1, t);
	for (size_t i = 0; i < n; i++) /* elements in a cycle */
		if (!raw[i].placed)
			place(raw, i, 0, -1, t);
	for (size_t i = 0; i < n; i++)
		free(raw[i].children);
	free(parent);
	strmap_free(&index);
}

/* The money of one item that counts (not archived) in the year. */
struct money {
	double budget, fte;      /* in the year, 0 when none */
	int budget_illustrative; /* its budget of the year is illustrative */
	int fte_illustrative;    /* its fte of the year is illustrative */
	int running;             /* planned or active */
};

/* Read the items that count with their money in year into *all and a map
 * from item id to 1 + index. */
static int read_money(struct db *db, int year, struct money **all, size_t *n, struct strmap *index, struct arena *a,
		      struct err *e)
{
	size_t cap = 0;
	char y[16];
	sqlite3_stmt *q = db_stmt(
		db,
		"SELECT i.id, i.status IN ('planned','active'), coalesce(y.budget, 0), coalesce(y.fte, 0),"
		" i.source = 'illustrative' FROM item i LEFT JOIN item_year y ON y.item_id = i.id AND y.year = ?1"
		" WHERE i.archived = 0",
		e);
	*all = NULL;
	*n = 0;
	if (!q)
		return E_DB;
	sqlite3_bind_int(q, 1, year);
	while (sqlite3_step(q) == SQLITE_ROW) {
		ARRAY_GROW(*all, cap, *n + 1);
		struct money *m = &(*all)[*n];
		memset(m, 0, sizeof(*m));
		m->running = sqlite3_column_int(q, 1);
		m->budget = sqlite3_column_double(q, 2);
		m->fte = sqlite3_column_double(q, 3);
		m->budget_illustrative = m->fte_illustrative = sqlite3_column_int(q, 4);
		strmap_put(index, arena_strdup(a, db_col_text(q, 0)), (void *)(*n + 1));
		(*n)++;
	}
	sqlite3_reset(q);
	/* Field-level provenance; the year's entry (longer, read later)
	 * beats the family's. */
	snprintf(y, sizeof(y), "%d", year);
	q = db_stmt(db,
		    "SELECT entity_id, field, source = 'illustrative' FROM value_source WHERE entity = 'item'"
		    " AND field IN ('budget', 'fte', 'budget_' || ?1, 'fte_' || ?1) ORDER BY length(field)",
		    e);
	if (!q)
		return E_DB;
	db_bind_text(q, 1, y);
	while (sqlite3_step(q) == SQLITE_ROW) {
		size_t k = (size_t)strmap_get(index, db_col_text(q, 0));
		if (!k)
			continue;
		if (starts_with(db_col_text(q, 1), "budget"))
			(*all)[k - 1].budget_illustrative = sqlite3_column_int(q, 2);
		else
			(*all)[k - 1].fte_illustrative = sqlite3_column_int(q, 2);
	}
	sqlite3_reset(q);
	return 0;
}

/* Add item m to the sum of node g. */
static void add_money(struct status_group *g, const struct money *m)
{
	g->count++;
	g->active += m->running;
	g->budget += m->budget;
	g->fte += m->fte;
	if (m->budget_illustrative)
		g->budget_illustrative += m->budget;
	if (m->fte_illustrative)
		g->fte_illustrative += m->fte;
}

/* Sum the items that count over the elements they serve. */
static int sum_items(struct db *db, struct vision_tree *t, struct err *e)
{
	struct strmap items = STRMAP_INIT, elements = STRMAP_INIT;
	struct arena a = ARENA_INIT;
	struct money *all = NULL;
	size_t nall = 0;
	long *stamp = xcalloc(t->count + 1, sizeof(*stamp));
	int rc = E_DB;
	sqlite3_stmt *q;
	for (size_t i = 0; i < t->count; i++) {
		strmap_put(&elements, t->n[i].id, (void *)(i + 1));
		stamp[i] = -1;
	}
	if (read_money(db, t->year, &all, &nall, &items, &a, e) < 0)
		goto out;
	q = db_stmt(db,
		    "SELECT item_id, element_id FROM item_serves UNION ALL SELECT x.item_id, pa.element_id"
		    " FROM vision_element_area pa JOIN item_area x ON x.area_code = pa.area_code ORDER BY 1",
		    e);
	if (!q)
		goto out;
	while (sqlite3_step(q) == SQLITE_ROW) {
		size_t item = (size_t)strmap_get(&items, db_col_text(q, 0));
		size_t el = (size_t)strmap_get(&elements, db_col_text(q, 1));
		if (!item || !el)
			continue; /* archived */
		/* The element and everything above it, each once per item (the
		 * pairs come by item, so a stamp from an earlier pair of this
		 * item means counted): an element already stamped has its
		 * ancestors stamped too. */
		for (long k = (long)el - 1; k >= 0 && stamp[k] != (long)item; k = t->n[k].parent_index) {
			stamp[k] = (long)item;
			add_money(&t->n[k].sum, &all[item - 1]);
		}
	}
	sqlite3_reset(q);
	rc = 0;
out:
	free(stamp);
	free(all);
	strmap_free(&items);
	strmap_free(&elements);
	arena_free(&a);
	return rc;
}

/* See vision_tree.h. */
int db_vision_tree(struct db *db, int year, struct vision_tree *t, struct err *e)
{
	struct raw_element *raw;
	size_t n;
	memset(t, 0, sizeof(*t));
	t->year = year ? year : db_default_year(db);
	if (read_elements(db, &raw, &n, e) < 0) {
		for (size_t i = 0; i < n; i++)
			node_free(&raw[i].node);
		free(raw);
		return E_DB;
	}
	order_tree(raw, n, t);
	free(raw);
	if (sum_items(db, t, e) < 0) {
		vision_tree_free(t);
		return E_DB;
	}
	return 0;
}

/* See vision_tree.h. */
long vision_tree_find(const struct vision_tree *t, const char *id)
{
	for (size_t i = 0; i < t->count; i++)
		if (strcmp(t->n[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* See vision_tree.h. */
void vision_tree_free(struct vision_tree *t)
{
	for (size_t i = 0; i < t->count; i++)
		node_free(&t->n[i]);
	free(t->n);
	memset(t, 0, sizeof(*t));
}

/* Append text to the "; "-separated list *list (malloc'ed), unless it is
 * in it already. */
static void list_add(char **list, const char *text)
{
	struct buf b = BUF_INIT;
	if (!text)
		return;
	if (*list) {
		for (const char *p = *list; p;) {
			const char *end = strstr(p, "; ");
			size_t len = end ? (size_t)(end - p) : strlen(p);
			if (len == strlen(text) && strncmp(p, text, len) == 0)
				return;
			p = end ? end + 2 : NULL;
		}
		buf_printf(&b, "%s; ", *list);
		free(*list);
	}
	buf_adds(&b, text);
	*list = buf_detach(&b, NULL);
}

/* See vision_tree.h. */
int db_vision_items(struct db *db, const char *id, int year, int with_archived, struct vision_items *out, struct err *e)
{
	int rc;
	/* how: 0 serves the element itself, 1 serves an element below it,
	 * 2 lies in an area of it or of an element below it. */
	sqlite3_stmt *st = db_stmt(
		db,
		"WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM vision_element WHERE id = ?1"
		"  UNION SELECT v.id, sub.depth + 1 FROM vision_element v JOIN sub ON v.parent_id = sub.id"
		"  WHERE sub.depth < 64),"
		" via(item_id, how, label) AS ("
		"  SELECT s.item_id, min(sub.depth, 1), e.title FROM sub JOIN item_serves s ON s.element_id = sub.id"
		"   JOIN vision_element e ON e.id = sub.id"
		"  UNION ALL SELECT x.item_id, 2, a.name FROM sub JOIN vision_element_area pa ON pa.element_id = sub.id"
		"   JOIN item_area x ON x.area_code = pa.area_code JOIN area a ON a.code = pa.area_code)"
		" SELECT i.id, i.title, i.kind, i.status, i.archived, y.budget, y.fte,"
		"  CASE WHEN y.budget IS NOT NULL THEN coalesce((SELECT source FROM value_source WHERE entity = 'item'"
		"   AND entity_id = i.id AND field = 'budget_' || y.year), (SELECT source FROM value_source"
		"   WHERE entity = 'item' AND entity_id = i.id AND field = 'budget'), i.source) END,"
		"  via.how, via.label"
		" FROM via JOIN item i ON i.id = via.item_id LEFT JOIN item_year y ON y.item_id = i.id AND y.year = ?2"
		" WHERE ?3 OR i.archived = 0"
		" ORDER BY i.kind, i.title COLLATE NOCASE, i.id, via.how, via.label",
		e);
	memset(out, 0, sizeof(*out));
	if (!st)
		return E_DB;
	db_bind_text(st, 1, id);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int(st, 3, with_archived != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct vision_item *it = out->n ? &out->i[out->n - 1] : NULL;
		if (!it || strcmp(it->id, db_col_text(st, 0)) != 0) {
			ARRAY_GROW(out->i, out->cap, out->n + 1);
			it = &out->i[out->n++];
			memset(it, 0, sizeof(*it));
			it->id = xstrdup(db_col_text(st, 0));
			it->title = xstrdup(db_col_text(st, 1));
			it->kind = xstrdup(db_col_text(st, 2));
			it->status = xstrdup(db_col_text(st, 3));
			it->archived = sqlite3_column_int(st, 4);
			it->has_budget = sqlite3_column_type(st, 5) != SQLITE_NULL;
			it->budget = sqlite3_column_double(st, 5);
			it->has_fte = sqlite3_column_type(st, 6) != SQLITE_NULL;
			it->fte = sqlite3_column_double(st, 6);
			it->budget_source = db_col_text(st, 7) ? xstrdup(db_col_text(st, 7)) : NULL;
		}
		switch (sqlite3_column_int(st, 8)) {
		case 0: it->direct = 1; break;
		case 1: list_add(&it->through, db_col_text(st, 9)); break;
		default: list_add(&it->areas, db_col_text(st, 9)); break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		vision_items_free(out);
		return db_fail(db, e, _("reading the items of the vision"));
	}
	return 0;
}

/* See vision_tree.h. */
void vision_items_free(struct vision_items *items)
{
	for (size_t k = 0; k < items->n; k++) {
		struct vision_item *it = &items->i[k];
		free(it->id);
		free(it->title);
		free(it->kind);
		free(it->status);
		free(it->budget_source);
		free(it->through);
		free(it->areas);
	}
	free(items->i);
	memset(items, 0, sizeof(*items));
}

/* See vision_tree.h. */
int db_vision_areas(struct db *db, const char *id, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "code", N_("code"), COL_TEXT },
		{ "name", N_("name"), COL_TEXT },
		{ "type", N_("type"), COL_CODE },
	};
	return list_query(db,
			  "SELECT a.code, a.name, a.type FROM vision_element_area x JOIN area a ON a.code = x.area_code"
			  " WHERE x.element_id = ?1 ORDER BY x.position, a.code",
			  cols, ARRAY_SIZE(cols), id, 0, res, e);
}

/* See vision_tree.h. */
int db_vision_indicators(struct db *db, const char *id, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "id", N_("id"), COL_TEXT },
		{ "title", N_("title"), COL_TEXT },
		{ "unit", N_("unit"), COL_TEXT },
		{ "direction", N_("direction"), COL_CODE },
		{ "baseline", N_("baseline"), COL_NUM },
		{ "baseline_year", N_("baseline year"), COL_INT },
		{ "target", N_("target"), COL_NUM },
		{ "target_year", N_("target year"), COL_INT },
		{ "source", N_("source"), COL_CODE },
	};
	return list_query(db,
			  "SELECT id, title, unit, direction, baseline, baseline_year, target, target_year, source"
			  " FROM indicator WHERE goal_id = ?1 ORDER BY title COLLATE NOCASE, id",
			  cols, ARRAY_SIZE(cols), id, 0, res, e);
}
