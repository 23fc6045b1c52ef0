/*
 * check.h - running the integrity checks (core/check.h) on the database.
 */
#ifndef STEIGER_DB_CHECK_H
#define STEIGER_DB_CHECK_H

#include "core/check.h"
#include "db/db.h"

/* Run the checks with fs->today as the reference date; append findings to
 * fs. full adds the scans of the file and of every reference (PRAGMA
 * quick_check and foreign_key_check), which take longer on large
 * databases. Returns 0 or E_DB. */
int db_check(struct db *db, int full, struct findings *fs, struct err *e);

#endif
