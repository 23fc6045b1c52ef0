/*
 * item_detail.h - what the page of one item shows besides its own fields
 * (db/read.h): whether it exists and is archived, the links between items
 * in both directions with the titles of the other items, the titles of
 * the vision elements and names of the areas it refers to, and the
 * comments on it; and adding a comment (audited by the row triggers).
 */
#ifndef STEIGER_ITEM_DETAIL_H
#define STEIGER_ITEM_DETAIL_H

#include "db/db.h"
#include "lib/arena.h"

/* The state of item id: 0 current, 1 archived, E_NOTFOUND when there is
 * no such item, E_DB on a database error. */
int db_item_state(struct db *db, const char *id, struct err *e);

/* A link between this item and another. */
struct item_link {
	const char *type;   /* "implements", "part_of" or "replaces" */
	int incoming;       /* the other item links to this one */
	const char *id;     /* the other item */
	const char *title;  /* its title */
	const char *kind;   /* its kind code */
	const char *status; /* its status code */
	int archived;       /* it is archived */
};

/* Fill *out with the links of item id, outgoing first, each group in the
 * order of the type and then by title (memory from a). Links with archived
 * items are left out unless internal. Returns the number, or E_DB. */
int db_item_links(struct db *db, const char *id, int internal, struct arena *a, struct item_link **out, struct err *e);

/* The title of vision element id, the name of area code id: from a, or
 * NULL when there is none. */
const char *db_vision_title(struct db *db, const char *id, struct arena *a);
const char *db_area_name(struct db *db, const char *code, struct arena *a);

/* A comment on an item. */
struct item_comment {
	long long id;            /* its number */
	const char *author;      /* the account name */
	const char *author_name; /* its display name, or the account name */
	const char *text;        /* what it says */
	const char *created_at;  /* when (YYYY-MM-DDTHH:MM:SSZ) */
};

/* Fill *out with the comments on item id, oldest first (memory from a).
 * Returns the number, or E_DB. */
int db_item_comments(struct db *db, const char *id, struct arena *a, struct item_comment **out, struct err *e);

/* The longest comment, in characters. */
#define COMMENT_MAX 5000

/* Add a comment by author on item id (text of 1 to COMMENT_MAX
 * characters, checked by the caller and by the table). Written by the
 * connection's actor, so the audit log has it. Returns 0 or E_DB. */
int db_item_comment_add(struct db *db, const char *id, const char *author, const char *text, struct err *e);

#endif
