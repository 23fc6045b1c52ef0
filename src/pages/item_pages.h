/*
 * item_pages.h - what the pages of the items register share (items.c: the
 * list; item_show.c: one item and its comments; item_form.c: creating,
 * editing and archiving): the object rule for archived items, figures with
 * their provenance marker, and the choices of enumerations.
 */
#ifndef STEIGER_ITEM_PAGES_H
#define STEIGER_ITEM_PAGES_H

#include "web/http.h"

/* The items per page of the list. */
#define ITEMS_PER_PAGE 50

/* Whether the asker may read internal details: archived items, contracts,
 * partners, history and comments (PERM_READ_INTERNAL). */
int item_internal(const struct request *req);

/* Apply the object rule to item id: 0 when the asker may see it (*archived
 * tells whether it is archived; may be NULL). Otherwise the error page is
 * written (404 when there is no such item, or it is archived and the asker
 * may not read internal details; 500 when the database fails) and its
 * status returned. */
int item_find(struct request *req, const char *id, int *archived);

/* Append the marker of an illustrative value: a visible * and, for screen
 * readers, the word. */
void item_mark_illustrative(struct buf *o);

/* Append a figure for people (euros when euros is set, else a number with
 * up to two decimals), marked when source is "illustrative". */
void item_figure(struct buf *o, double v, int euros, const char *source);

/* Append the note that explains the * marker. */
void item_illustrative_note(struct request *req);

/* Append a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SS[.mmm]Z)
 * for people, escaped, as <time>: in Dutch 31-12-2029 and 27-11-2026
 * 14:05, in English 2029-12-31 and 2026-11-27 14:05; times in the
 * server's local time. Text that is neither is appended as it is. */
void item_when(struct buf *o, const char *iso);

/* The codes of the enumeration field key of the items register, and their
 * labels in the language of the request (NULL-ended lists in the
 * request's arena). */
void item_enum_choices(struct request *req, const char *key, const char *const **codes, const char *const **labels);

#endif
