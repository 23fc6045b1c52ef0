/*
 * status.h - filling the agenda at a glance (core/status.h) from the
 * database.
 */
#ifndef STEIGER_DB_STATUS_H
#define STEIGER_DB_STATUS_H

#include "core/status.h"
#include "db/db.h"

/* Fill st for the given year (0: db_default_year()). Returns 0 or E_DB. */
int db_status(struct db *db, int year, struct status *st, struct err *e);

#endif
