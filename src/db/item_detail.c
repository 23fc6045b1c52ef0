/*
 * item_detail.c - what the page of one item shows; see item_detail.h.
 */
#include "steiger.h"
#include "db/item_detail.h"

/* See item_detail.h. */
int db_item_state(struct db *db, const char *id, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT archived FROM item WHERE id = ?1", e);
	int rc;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = sqlite3_column_int(st, 0) ? 1 : 0;
	else if (rc == SQLITE_DONE)
		rc = E_NOTFOUND;
	else
		rc = db_fail(db, e, _("reading the item"));
	sqlite3_reset(st);
	return rc;
}

/* Copy column c as text into a (NULL stays NULL). */
static const char *col_copy(struct arena *a, sqlite3_stmt *st, int c)
{
	const char *s = db_col_text(st, c);
	return s ? arena_strdup(a, s) : NULL;
}

/* See item_detail.h. */
int db_item_links(struct db *db, const char *id, int internal, struct arena *a, struct item_link **out, struct err *e)
{
	sqlite3_stmt *st =
		db_stmt(db,
			"SELECT * FROM (SELECT l.type AS type, 0 AS incoming, o.id AS id, o.title AS title, o.kind,"
			" o.status, o.archived FROM item_link l JOIN item o ON o.id = l.target_id"
			" WHERE l.item_id = ?1 AND (o.archived = 0 OR ?2)"
			" UNION ALL SELECT l.type, 1, o.id, o.title, o.kind, o.status, o.archived FROM item_link l"
			" JOIN item o ON o.id = l.item_id WHERE l.target_id = ?1 AND (o.archived = 0 OR ?2))"
			" ORDER BY incoming, CASE type WHEN 'implements' THEN 0 WHEN 'part_of' THEN 1 ELSE 2 END,"
			" title COLLATE NOCASE, id",
			e);
	size_t n = 0, cap = 8;
	struct item_link *l;
	int rc;
	*out = NULL;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, id);
	sqlite3_bind_int(st, 2, internal ? 1 : 0);
	l = arena_calloc(a, cap, sizeof(*l));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			struct item_link *more = arena_calloc(a, cap * 2, sizeof(*more));
			memcpy(more, l, n * sizeof(*l));
			l = more;
			cap *= 2;
		}
		l[n].type = col_copy(a, st, 0);
		l[n].incoming = sqlite3_column_int(st, 1);
		l[n].id = col_copy(a, st, 2);
		l[n].title = col_copy(a, st, 3);
		l[n].kind = col_copy(a, st, 4);
		l[n].status = col_copy(a, st, 5);
		l[n].archived = sqlite3_column_int(st, 6);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, _("reading the links of the item"));
	*out = l;
	return (int)n;
}

/* The text the one-parameter query sql gives for param, from a, or NULL. */
static const char *lookup(struct db *db, const char *sql, const char *param, struct arena *a)
{
	struct err e = { 0, "" };
	sqlite3_stmt *st = db_stmt(db, sql, &e);
	const char *s = NULL;
	if (!st)
		return NULL;
	db_bind_text(st, 1, param);
	if (sqlite3_step(st) == SQLITE_ROW)
		s = col_copy(a, st, 0);
	sqlite3_reset(st);
	return s;
}

/* See item_detail.h. */
const char *db_vision_title(struct db *db, const char *id, struct arena *a)
{
	return lookup(db, "SELECT title FROM vision_element WHERE id = ?1", id, a);
}

/* See item_detail.h. */
const char *db_area_name(struct db *db, const char *code, struct arena *a)
{
	return lookup(db, "SELECT name FROM area WHERE code = ?1", code, a);
}

/* See item_detail.h. */
int db_item_comments(struct db *db, const char *id, struct arena *a, struct item_comment **out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT c.id, c.author, coalesce(nullif(u.display_name, ''), c.author), c.text,"
				   " c.created_at FROM comment c LEFT JOIN account u ON u.name = c.author"
				   " WHERE c.item_id = ?1 ORDER BY c.id",
				   e);
	size_t n = 0, cap = 8;
	struct item_comment *c;
	int rc;
	*out = NULL;
	if (!st)
		return E_DB;
	db_bind_text(st, 1, id);
	c = arena_calloc(a, cap, sizeof(*c));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			struct item_comment *more = arena_calloc(a, cap * 2, sizeof(*more));
			memcpy(more, c, n * sizeof(*c));
			c = more;
			cap *= 2;
		}
		c[n].id = sqlite3_column_int64(st, 0);
		c[n].author = col_copy(a, st, 1);
		c[n].author_name = col_copy(a, st, 2);
		c[n].text = col_copy(a, st, 3);
		c[n].created_at = col_copy(a, st, 4);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, _("reading the comments"));
	*out = c;
	return (int)n;
}

/* See item_detail.h. */
int db_item_comment_add(struct db *db, const char *id, const char *author, const char *text, struct err *e)
{
	char now[21];
	sqlite3_stmt *st =
		db_stmt(db, "INSERT INTO comment(item_id, author, text, created_at) VALUES(?1, ?2, ?3, ?4)", e);
	if (!st)
		return E_DB;
	now_iso(now);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, author);
	db_bind_text(st, 3, text);
	db_bind_text(st, 4, now);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("saving the comment"));
}
