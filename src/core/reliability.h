/*
 * reliability.h - the reader of reliability data (doc/formats.md,
 * "Reliability data"): the values assessors gave to units, for
 * Krippendorff's alpha (method/alpha.h).
 *
 * CSV (UTF-8, ';' or ',' as the delimiter, as lib/csv.h reads it). The
 * header is `unit,<coder 1>,<coder 2>,...`: the first column holds the unit
 * ids (its header text is free), every further column one coder. Each
 * further row is a unit: its id, then one value per coder; an empty cell is
 * a missing value. At the levels ordinal, interval and ratio the values are
 * numbers (a decimal point, or a decimal comma; in a ';' file numbers are
 * read as Dutch spreadsheets write them, see num_parse_ex); at the nominal
 * level they are labels, compared as text after trimming spaces.
 *
 * Rules (each breach is an error naming file, line, column and coder):
 * every row has exactly as many cells as the header; coder names are
 * non-empty and distinct; unit ids are non-empty and distinct (a unit
 * given twice is almost always a copying mistake, so it is refused rather
 * than merged); at most RELIABILITY_MAX_UNITS units; a ratio value is not
 * negative.
 *
 * The level: given by the caller, or (when not given) interval if every
 * value is a number and nominal otherwise — the default of Hayes and
 * Krippendorff's KALPHA macro and of Stata's kalpha.
 */
#ifndef STEIGER_RELIABILITY_H
#define STEIGER_RELIABILITY_H

#include <stddef.h>
#include "lib/err.h"
#include "method/alpha.h"

/* At most this many units (rows after the header). */
#define RELIABILITY_MAX_UNITS 100000

/* Reliability data read from a file. */
struct reliability {
	enum alpha_level level; /* the level the values were read at */
	size_t ncoders;         /* coders (columns after the first) */
	char **coders;          /* their names, as in the header */
	size_t nunits;          /* units (rows after the header) */
	char **units;           /* their ids */
	double *values;         /* nunits * ncoders, row-major; NaN when missing;
				   nominal: the index of the label in labels */
	size_t nlabels;         /* nominal: the distinct labels */
	char **labels;          /* nominal: the labels, sorted by their bytes */
};

/* Read the reliability data text[0..len) named name (for messages) into r.
 * level is the level to read at, or NULL to choose it from the values (see
 * above). Returns 0, or E_INPUT with located messages in d. r must be freed
 * with reliability_free() either way. */
int reliability_read(struct reliability *r, const char *name, const char *text, size_t len,
		     const enum alpha_level *level, struct diag *d);

/* Free what r holds and clear it. */
void reliability_free(struct reliability *r);

#endif
