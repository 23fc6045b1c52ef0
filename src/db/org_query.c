/*
 * org_query.c - the organisations and what belongs to them; see
 * org_query.h.
 */
#include "steiger.h"
#include "db/org_query.h"

static const char *const sort_codes[ORG_SORT_COUNT] = { "name", "type", "items" };

/* See org_query.h. */
int org_sort_parse(const char *s)
{
	for (int i = 0; s && i < ORG_SORT_COUNT; i++)
		if (strcmp(s, sort_codes[i]) == 0)
			return i;
	return -1;
}

/* See org_query.h. */
const char *org_sort_code(enum org_sort s)
{
	return s >= 0 && s < ORG_SORT_COUNT ? sort_codes[s] : sort_codes[0];
}

/* The LIKE pattern that finds text anywhere, with '\' escaping the
 * wildcards (malloc'ed). */
static char *like_pattern(const char *text)
{
	struct buf b = BUF_INIT;
	buf_addch(&b, '%');
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_addch(&b, '\\');
		buf_addch(&b, *p);
	}
	buf_addch(&b, '%');
	return buf_detach(&b, NULL);
}

/* See org_query.h. */
int db_organisations(struct db *db, const char *type, const char *text, enum org_sort sort, int desc, int with_archived,
		     struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "id", N_("id"), COL_TEXT },          { "name", N_("name"), COL_TEXT },
		{ "type", N_("type"), COL_CODE },      { "items", N_("items"), COL_INT },
		{ "members", N_("members"), COL_INT }, { "source", N_("source"), COL_CODE },
	};
#define ORG_SELECT                                                                                              \
	"SELECT o.id, o.name, o.type,"                                                                          \
	" (SELECT count(*) FROM item_partner p JOIN item i ON i.id = p.item_id"                                 \
	"  WHERE p.organisation_id = o.id AND (?3 OR i.archived = 0)) AS n_items,"                              \
	" (SELECT count(*) FROM organisation_member m WHERE m.network_id = o.id), o.source"                     \
	" FROM organisation o WHERE (?1 IS NULL OR o.type = ?1) AND (?2 IS NULL OR o.name LIKE ?2 ESCAPE '\\')" \
	" ORDER BY "
	/* The orders are literals of the program, chosen by index. */
	static const char *const sql[ORG_SORT_COUNT][2] = {
		{ ORG_SELECT "o.name COLLATE NOCASE, o.id", ORG_SELECT "o.name COLLATE NOCASE DESC, o.id DESC" },
		{ ORG_SELECT "o.type, o.name COLLATE NOCASE, o.id",
		  ORG_SELECT "o.type DESC, o.name COLLATE NOCASE, o.id" },
		{ ORG_SELECT "n_items, o.name COLLATE NOCASE, o.id",
		  ORG_SELECT "n_items DESC, o.name COLLATE NOCASE, o.id" },
	};
#undef ORG_SELECT
	char *pattern = text && *text ? like_pattern(text) : NULL;
	sqlite3_stmt *st;
	int rc;
	memset(res, 0, sizeof(*res));
	res->cols = cols;
	res->ncols = ARRAY_SIZE(cols);
	if (sort < 0 || sort >= ORG_SORT_COUNT)
		sort = ORG_SORT_NAME;
	st = db_stmt(db, sql[sort][desc ? 1 : 0], e);
	if (!st) {
		free(pattern);
		return E_DB;
	}
	db_bind_text(st, 1, type && *type ? type : NULL);
	db_bind_text(st, 2, pattern);
	sqlite3_bind_int(st, 3, with_archived != 0);
	rc = list_fill(db, st, res, e);
	free(pattern);
	return rc;
}

/* See org_query.h. */
int db_org_items(struct db *db, const char *id, int with_archived, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "id", N_("id"), COL_TEXT },
		{ "title", N_("title"), COL_TEXT },
		{ "kind", N_("kind"), COL_CODE },
		{ "status", N_("status"), COL_CODE },
		{ "archived", N_("archived"), COL_BOOL },
		{ "role", N_("role"), COL_TEXT },
		{ "willingness", N_("willingness (1-5)"), COL_INT },
		{ "note", N_("note"), COL_TEXT },
		{ "source", N_("source"), COL_CODE },
	};
	return list_query(db,
			  "SELECT i.id, i.title, i.kind, i.status, i.archived, p.role, p.willingness, p.note, p.source"
			  " FROM item_partner p JOIN item i ON i.id = p.item_id WHERE p.organisation_id = ?1"
			  " AND (?2 OR i.archived = 0) ORDER BY i.title COLLATE NOCASE, i.id",
			  cols, ARRAY_SIZE(cols), id, with_archived != 0, res, e);
}

/* See org_query.h. */
int db_org_contacts(struct db *db, const char *id, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "id", N_("id"), COL_TEXT },       { "name", N_("name"), COL_TEXT },
		{ "role", N_("role"), COL_TEXT },   { "email", N_("e-mail"), COL_TEXT },
		{ "phone", N_("phone"), COL_TEXT }, { "source", N_("source"), COL_CODE },
	};
	return list_query(db,
			  "SELECT id, name, role, email, phone, source FROM contact WHERE organisation_id = ?1"
			  " ORDER BY name COLLATE NOCASE, id",
			  cols, ARRAY_SIZE(cols), id, 0, res, e);
}

/* The columns of lists of organisations. */
static const struct list_col org_ref_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "name", N_("name"), COL_TEXT },
	{ "type", N_("type"), COL_CODE },
};

/* See org_query.h. */
int db_org_members(struct db *db, const char *id, struct list_result *res, struct err *e)
{
	return list_query(
		db,
		"SELECT o.id, o.name, o.type FROM organisation_member m JOIN organisation o ON o.id = m.member_id"
		" WHERE m.network_id = ?1 ORDER BY m.position, o.id",
		org_ref_cols, ARRAY_SIZE(org_ref_cols), id, 0, res, e);
}

/* See org_query.h. */
int db_org_networks(struct db *db, const char *id, struct list_result *res, struct err *e)
{
	return list_query(
		db,
		"SELECT o.id, o.name, o.type FROM organisation_member m JOIN organisation o ON o.id = m.network_id"
		" WHERE m.member_id = ?1 ORDER BY o.name COLLATE NOCASE, o.id",
		org_ref_cols, ARRAY_SIZE(org_ref_cols), id, 0, res, e);
}

/* See org_query.h. */
int db_org_contracts(struct db *db, const char *id, int with_archived, struct list_result *res, struct err *e)
{
	static const struct list_col cols[] = {
		{ "id", N_("id"), COL_TEXT },
		{ "title", N_("title"), COL_TEXT },
		{ "end_date", N_("end date"), COL_TEXT },
		{ "exit_cost", N_("exit cost"), COL_EUR },
		{ "item", N_("item"), COL_TEXT },
		{ "archived", N_("archived"), COL_BOOL },
	};
	return list_query(db,
			  "SELECT c.id, c.title, c.end_date, c.exit_cost, c.item_id, i.archived FROM contract_party p"
			  " JOIN contract c ON c.id = p.contract_id JOIN item i ON i.id = c.item_id"
			  " WHERE p.organisation_id = ?1 AND (?2 OR i.archived = 0) ORDER BY c.end_date, c.id",
			  cols, ARRAY_SIZE(cols), id, with_archived != 0, res, e);
}
