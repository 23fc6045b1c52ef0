/*
 * util.h - small helpers with no better home: reading whole files, string
 * predicates, the current time.
 */
#ifndef STEIGER_UTIL_H
#define STEIGER_UTIL_H

#include <stddef.h>
#include "buf.h"
#include "err.h"

/* The largest file steiger reads whole (imports, models). */
#define MAX_INPUT_FILE (256u * 1024 * 1024)

/* Read the file at path (or standard input for "-") into out, at most max
 * bytes. Returns 0, or E_IO / E_INPUT with a message in e naming the file. */
int read_file(const char *path, size_t max, struct buf *out, struct err *e);

/* Write len bytes of data to path atomically (a temporary file renamed
 * over it). Returns 0 or E_IO with a message in e. */
int write_file(const char *path, const void *data, size_t len, struct err *e);

/* Whether s starts with prefix. */
int starts_with(const char *s, const char *prefix);

/* Whether s ends with suffix. */
int ends_with(const char *s, const char *suffix);

/* Whether s is NULL, empty, or only white space. */
int is_blank(const char *s);

/* Whether code is one of the |-separated values of list (NULL is empty). */
int list_has(const char *list, const char *code);

/* Today's date as YYYY-MM-DD (UTC), or $STEIGER_TODAY when set (tests). */
void today_iso(char out[11]);

/* The current UTC time as YYYY-MM-DDTHH:MM:SSZ. */
void now_iso(char out[21]);

/* The current UTC time with milliseconds, YYYY-MM-DDTHH:MM:SS.mmmZ (the
 * form of the audit log). */
void now_iso_ms(char out[32]);

/* The last path component of path (without directories). */
const char *path_basename(const char *path);

#endif
