/*
 * list.h - the listings of `steiger list KIND` (and later the register
 * pages): one query per kind, its columns typed so that the command line
 * can print a table and --json an array of objects.
 */
#ifndef STEIGER_LIST_H
#define STEIGER_LIST_H

#include "db/db.h"

/* How a column's text is to be read. */
enum col_type { COL_TEXT, COL_INT, COL_NUM, COL_EUR, COL_LIST, COL_BOOL, COL_CODE };

/* A column of a listing. */
struct list_col {
	const char *key;    /* JSON key, e.g. "title" */
	const char *header; /* table header (English msgid) */
	enum col_type type; /* how to print it */
};

/* A listing: columns and rows of texts (NULL for no value). */
struct list_result {
	const struct list_col *cols; /* the columns */
	size_t ncols;
	char **cells; /* row-major nrows * ncols, owned */
	size_t nrows, cap;
	int year; /* the year of budget/fte columns, or 0 */
};

/* The kinds `list` knows, NULL-ended (English names; Dutch aliases are
 * accepted by db_list too). */
extern const char *const list_kinds[];

/* Fill res with the listing of kind (e.g. "policies", "hoofdlijnen",
 * "gebieden"). all includes archived items. year selects the budget year
 * (0: the current year if there are figures for it, else the latest).
 * Returns 0, E_USAGE for an unknown kind (message in e), or E_DB. */
int db_list(struct db *db, const char *kind, int all, int year, struct list_result *res, struct err *e);

/* Step the bound statement st to its end, appending its rows to res (whose
 * cols and ncols are set): numbers in their exact machine form, NULL for no
 * value. Resets st. Returns 0 or E_DB. */
int list_fill(struct db *db, sqlite3_stmt *st, struct list_result *res, struct err *e);

/* Run the fixed query sql (prepared once, cached) with ?1 bound to key
 * and, when it has a second parameter, ?2 to flag, filling res (which is
 * reset) with the columns cols. Returns 0 or E_DB. */
int list_query(struct db *db, const char *sql, const struct list_col *cols, size_t ncols, const char *key, int flag,
	       struct list_result *res, struct err *e);

/* Free what res holds. */
void list_result_free(struct list_result *res);

/* The year whose budget and fte `status` and `list` show by default: the
 * current year when any item has figures for it, else the latest year
 * before it, else the earliest after it; 0 when there are none. */
int db_default_year(struct db *db);

#endif
