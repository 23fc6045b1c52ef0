/*
 * record.h - records read from import files, before they reach the database.
 *
 * A reader turns a CSV file (one register), a JSON file (several registers)
 * or a CBS kwb table into records: per field whether the input had it, its
 * value as validated and normalised, and where it was. All checks that need
 * nothing but the field itself happen here (types, ranges, enumerations,
 * lengths, ids, unknown columns, invalid UTF-8, missing keys); the checks
 * that need other records (references, duplicates, required fields of new
 * records, score within the round's scale) happen in db/import.c.
 *
 * Everything a batch holds is allocated from its arena and freed with it.
 */
#ifndef STEIGER_RECORD_H
#define STEIGER_RECORD_H

#include "core/register.h"

/* The value of one field of one record. */
struct fval {
	unsigned char present; /* the input had this field */
	unsigned char is_null; /* present but empty: no value */
	unsigned char na;      /* FT_SCORE: "n.v.t." */
	int line, col;         /* where the value was */
	const char *text;      /* normalised text (ids, texts, codes, dates; the
				  number as written for numbers) */
	long long i;           /* FT_INT, FT_BOOL, FT_SCORE */
	double d;              /* FT_REAL */
	const char **list;     /* F_LIST: the values */
	int *list_line;        /* F_LIST: where each value was */
	int *list_col;
	size_t nlist; /* F_LIST: how many */
};

/* A value of a yearly field (budget_2024). */
struct yval {
	int field;     /* index of the field in the register */
	int year;      /* the year */
	struct fval v; /* the value */
};

/* A field-level provenance entry ("budget:illustrative"). */
struct fsrc {
	const char *field;  /* field key, yearly family or key_YYYY */
	const char *source; /* one of source_values */
};

/* One record of one register. */
struct record {
	const struct register_def *reg; /* its register */
	const char *file;               /* the file it came from */
	int line;                       /* where it starts */
	struct fval *vals;              /* one per field of reg (yearly
					   fields unused) */
	struct yval *years;             /* yearly values */
	size_t nyears;
	struct fsrc *fsrcs; /* field_sources entries */
	size_t nfsrcs;
	unsigned char fsrc_present; /* the input had field_sources */
	int fsrc_line, fsrc_col;    /* where */
	unsigned char kwb;          /* from a CBS kwb table: `indicator`
					   holds a CBS column name and `value`
					   is not yet validated */
	unsigned char skip;         /* not to be written (a kwb column no
					   indicator uses) */
	const char *key;            /* its key (record_key()), once the
					   import has computed it */
};

/* A set of records to import in one transaction. */
struct batch {
	struct arena arena;   /* owns everything below */
	struct record **recs; /* records in input order */
	size_t n, cap;
	struct diag *diag; /* where errors go */
	const char *actor; /* who imports (for provenance notes) */
	int dutch_numbers; /* read numbers as Dutch spreadsheets write
				  them (num_parse_ex); set while reading a
				  ';'-delimited file */
};

/* Start an empty batch reporting errors to d. */
void batch_init(struct batch *b, struct diag *d, const char *actor);

/* Free everything the batch holds. */
void batch_free(struct batch *b);

/* Read the file name (text[0..len)) into b: CSV, JSON (by extension
 * .json) or a CBS kwb table (by name, see doc/formats.md). as, when not
 * NULL, names the register of a CSV file. Returns 0, or E_INPUT with
 * errors in b->diag. */
int batch_add_file(struct batch *b, const char *name, const char *text, size_t len, const char *as);

/* Read a CSV file of register r (alias may give a default). */
int batch_add_csv(struct batch *b, const char *name, const char *text, size_t len, const struct register_def *r,
		  const struct file_alias *alias);

/* Read a JSON file holding registers. */
int batch_add_json(struct batch *b, const char *name, const char *text, size_t len);

/* Read one JSON object (obj, parsed from file name) as a record of
 * register r. Returns 0 or E_INPUT with errors in b->diag. */
int batch_add_json_record(struct batch *b, const char *name, const struct register_def *r,
			  const struct json_value *obj);

/* Read a CBS "Kerncijfers wijken en buurten" table of the given year. */
int batch_add_kwb(struct batch *b, const char *name, const char *text, size_t len, int year);

/* Validate and normalise text (already trimmed) as field f; fill v. On a
 * bad value add a located message "expected ..., found ..." to d and
 * return E_INPUT. Used by the readers and for `set`. */
int fval_parse(struct batch *b, const struct field_def *f, const char *text, struct fval *v, const char *file, int line,
	       int col);

/* A new empty record of register r at file:line, added to b. */
struct record *batch_new_record(struct batch *b, const struct register_def *r, const char *file, int line);

/* A new slot for the value of yearly field fi in year y of rec. */
struct fval *record_year_value(struct batch *b, struct record *rec, int fi, int y);

/* Parse a field_sources text ("a:b|c:d") for record rec. */
int fsrc_parse(struct batch *b, struct record *rec, const char *text, int line, int col);

/* The key of rec as one string (key fields joined by '/'), from arena a. */
const char *record_key(struct arena *a, const struct record *rec);

/* Whether s looks like an e-mail address: local@domain, no spaces (the
 * rule of every e-mail field, F_EMAIL). */
int is_email(const char *s);

#endif
