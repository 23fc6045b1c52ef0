/*
 * err.h - error codes and error messages.
 *
 * Functions that can fail return an int: 0 for success, or one of the
 * negative E_* codes below, and fill a struct err with a message for the face
 * (command line or web) to show. Library code never prints. The command line
 * turns the code into the process exit status (exit_status()).
 */
#ifndef STEIGER_ERR_H
#define STEIGER_ERR_H

#include "buf.h"

enum {
	E_OK = 0,
	E_FAIL = -1,      /* a check found problems; generic failure */
	E_USAGE = -2,     /* the command line is wrong */
	E_INPUT = -3,     /* input data is invalid; nothing was written */
	E_NOTFOUND = -4,  /* a named record does not exist */
	E_DB = -5,        /* the database failed or has an unknown version */
	E_IO = -6,        /* a file could not be read or written */
	E_SOLVE = -7,     /* a solver or child process failed */
	E_INTERNAL = -70, /* a bug: an invariant did not hold */
};

/* An error: its code and a human-readable message in the current language. */
struct err {
	int code;       /* one of the E_* codes, 0 when no error */
	char msg[4096]; /* the message, without a trailing newline */
};

/* Record an error in e (which may be NULL): code and a message formatted
 * with the escaping formatter (fmt.h). Returns code, so that a function can
 * `return err_set(e, E_INPUT, ...)`. */
int err_set(struct err *e, int code, const char *fmt, ...);

/* Clear e. */
void err_clear(struct err *e);

/* The process exit status for an E_* code: 0, 1 (E_FAIL), 2 (usage), 3
 * (input), 4 (not found), 5 (database), 6 (file), 7 (solver), 70 (bug). */
int exit_status(int code);

/* One located diagnostic. */
struct diag_entry {
	char *file;    /* the file (or, for a form, the field) it concerns */
	int line, col; /* where (0 when unknown; col DIAG_COL_DATABASE: see below) */
	char *message; /* the message, without location */
};

/* The column of a diagnostic that passes on the database's own words (an
 * unexpected refusal): useful on the command line, never shown to web
 * clients, which get a message of their own instead. */
#define DIAG_COL_DATABASE (-1)

/*
 * A list of located diagnostics, for readers that report more than one
 * problem (an import reports up to `limit` errors before it stops). The
 * messages are kept as text ("FILE:LINE:COL: message" lines) and as
 * entries, so that a form can show each at its field.
 */
struct diag {
	struct buf text;            /* the messages, one per line */
	int count;                  /* number of messages added (also those past limit) */
	int limit;                  /* at most this many are kept */
	struct diag_entry *entries; /* the kept messages */
	size_t nentries, capentries;
};

/* Initialise d to keep at most limit messages. */
void diag_init(struct diag *d, int limit);

/* Add a message "FILE:LINE:COL: message" (LINE and COL left out when 0).
 * The message is formatted with fmt.h. Returns E_INPUT. */
int diag_add(struct diag *d, const char *file, int line, int col, const char *fmt, ...);

/* Whether the limit is reached, so that a reader may stop early. */
int diag_full(const struct diag *d);

/* Free the memory of d. */
void diag_free(struct diag *d);

#endif
