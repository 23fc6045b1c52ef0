/*
 * check.h - running the integrity checks (core/check.h) on the database.
 */
#ifndef STEIGER_DB_CHECK_H
#define STEIGER_DB_CHECK_H

#include "core/check.h"
#include "db/db.h"

/* Run every check with fs->today as the reference date; append findings to
 * fs. Returns 0 or E_DB. */
int db_check(struct db *db, struct findings *fs, struct err *e);

#endif
