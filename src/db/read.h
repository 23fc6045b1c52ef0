/*
 * read.h - reading records of a register back from the database, in the
 * same shape the importers take: every field as text (numbers in their
 * exact machine form), list fields as arrays, yearly fields per year, and
 * the provenance. The exports, `show` and `set` are built on it, which is
 * what makes export followed by import lossless.
 */
#ifndef STEIGER_READ_H
#define STEIGER_READ_H

#include "core/register.h"
#include "core/record.h"
#include "db/db.h"

/* One year of the yearly fields of a record. */
struct year_vals {
	int year;            /* the year */
	const char *vals[4]; /* per yearly field (in register order), or NULL */
};

/* A record as stored. Everything points into the arena given to the
 * reader and lives until it is freed. */
struct stored {
	const struct register_def *reg; /* its register */
	const char *key;                /* key fields joined by '/' */
	const char **vals;              /* per field: text or NULL (lists and
					   yearly fields: NULL) */
	const char ***lists;            /* per field: values of list fields */
	size_t *nlist;                  /* per field: how many */
	struct year_vals *years;        /* yearly values by year, ascending */
	size_t nyears;
	struct fsrc *fsrcs; /* field-level provenance */
	size_t nfsrcs;
};

/* Call fn for every record of register r in key order (key NULL), or for
 * the one record with that key (a single-field key, or key fields joined by
 * '/'). Memory of each record comes from a and may be freed by the caller
 * between calls only if fn copied what it needs; fn returns 0 to go on or
 * non-zero to stop (returned as is). Returns 0, the value of fn, or E_DB. */
int db_read_records(struct db *db, const struct register_def *r, const char *key, struct arena *a,
		    int (*fn)(const struct stored *s, void *arg), void *arg, struct err *e);

/* The provenance of field key (a field key or key_YYYY) of s: its
 * field_sources entry (the exact key, then the yearly family), else the
 * row's source. */
const char *stored_source(const struct stored *s, const char *key);

/* The years used by any record of register r, ascending, into *years
 * (malloc'ed; caller frees). Returns the count, or -1 on error. */
int db_register_years(struct db *db, const struct register_def *r, int **years, struct err *e);

/* Find which registers hold a record with key id (single-key registers).
 * Fills regs (room for REG_COUNT) and returns the count. */
int db_find_key(struct db *db, const char *id, const struct register_def **regs, struct err *e);

#endif
