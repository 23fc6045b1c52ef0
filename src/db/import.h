/*
 * import.h - writing a batch of records (core/record.h) to the database in
 * one transaction: everything goes in, or nothing does.
 *
 * Records are upserted by their key: a new key adds a record, a known key
 * updates only the fields the input has, and a record whose values are
 * all the same is not written at all, so importing the same file twice
 * changes nothing (and adds nothing to the audit log). List fields are
 * replaced as a whole when they differ. Nothing is ever deleted by an
 * import.
 */
#ifndef STEIGER_IMPORT_H
#define STEIGER_IMPORT_H

#include "core/record.h"
#include "db/db.h"

/* What to do. */
struct import_opts {
	int dry_run; /* check and report, then roll back */
	int details; /* list every added and changed record */
};

/* What happened (or, for a dry run, would have). */
struct import_result {
	int added[REG_COUNT];     /* new records per register */
	int changed[REG_COUNT];   /* updated records per register */
	int unchanged[REG_COUNT]; /* records already as given */
	struct buf details;       /* "+ items/x" and "~ items/y: title" lines */
	struct buf notes;         /* remarks, such as ignored kwb columns */
};

/* Initialise / free a result. */
void import_result_init(struct import_result *res);
void import_result_free(struct import_result *res);

/* Write batch b to db. Located input errors go to b->diag and give
 * E_INPUT; a database failure gives E_DB with e set. Either way nothing is
 * written. */
int db_import(struct db *db, struct batch *b, const struct import_opts *o, struct import_result *res, struct err *e);

#endif
