/*
 * fmt.h - the escaping formatter (Fossil's printf.c idea).
 *
 * Every piece of text steiger writes into HTML, a URL, an SQL literal or JSON
 * goes through buf_printf() with a conversion that escapes for that context:
 *
 *   %h  HTML text or attribute value: & < > " ' become entities
 *   %t  URL component: everything but A-Z a-z 0-9 - . _ ~ is percent-encoded
 *   %q  SQL string literal contents: ' is doubled (no quotes added)
 *   %Q  SQL string literal with its quotes, or NULL for a NULL pointer
 *   %j  JSON string contents: " \ and control characters escaped (no quotes)
 *   %J  JSON string with its quotes, or null for a NULL pointer
 *
 * and the usual conversions with flags, width, precision and the length
 * modifiers l ll z (not h hh j t, whose letters are taken by the escaping
 * conversions): %d %i %u %x %X %o %c %s %f %F %e %E %g %G %p %%.
 * A plain %s copies its argument unchanged; into HTML it is only for string
 * literals of the program (make lint checks this). A NULL string argument is
 * printed as "" by %s %h %t %q %j.
 *
 * Because the compiler cannot check the custom conversions, the lint script
 * (scripts/lint-format) counts conversions against arguments at every call.
 */
#ifndef STEIGER_FMT_H
#define STEIGER_FMT_H

#include <stdarg.h>
#include "buf.h"

/* Append the formatted text to b. */
void buf_printf(struct buf *b, const char *fmt, ...);

/* Append the formatted text to b, with the arguments in a va_list. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* Format into a new string the caller frees with free(). Never NULL. */
char *mprintf(const char *fmt, ...);

/* Format into a new string, with the arguments in a va_list. */
char *vmprintf(const char *fmt, va_list ap);

/* Format to standard output / standard error. */
void out_printf(const char *fmt, ...);
void err_printf(const char *fmt, ...);

/* Append s escaped for HTML (as %h). */
void buf_add_html(struct buf *b, const char *s, size_t len);

/* Append s escaped as JSON string contents (as %j). */
void buf_add_json(struct buf *b, const char *s, size_t len);

/* Append s percent-encoded as a URL component (as %t). */
void buf_add_url(struct buf *b, const char *s, size_t len);

#endif
