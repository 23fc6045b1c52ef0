/*
 * related.h - what `show` prints below a record: the records that refer to
 * it or belong to it (contracts and partners of an item, the items serving
 * a hoofdlijn, the indicator values of an area, ...) and its history from
 * the audit log. Each section is a listing (list.h).
 */
#ifndef STEIGER_RELATED_H
#define STEIGER_RELATED_H

#include "core/register.h"
#include "db/list.h"

/* One section of related records. */
struct related_section {
	const char *key;         /* JSON key, e.g. "contracts" */
	const char *title;       /* heading (English msgid) */
	struct list_result rows; /* the records */
};

/* Fill secs (room for RELATED_MAX) with the sections of record key of
 * register r, the history last. Returns the number of sections, or E_DB. */
#define RELATED_MAX 12
int db_related(struct db *db, const struct register_def *r, const char *key, struct related_section *secs,
	       struct err *e);

/* Free sections secs[0..n). */
void related_free(struct related_section *secs, int n);

#endif
