/*
 * utf8.h - UTF-8 validation and counting.
 */
#ifndef STEIGER_UTF8_H
#define STEIGER_UTF8_H

#include <stddef.h>

/* Return the offset of the first byte of s[0..len) that does not start a
 * valid UTF-8 sequence (overlong forms, surrogates and code points above
 * U+10FFFF are invalid), or len when all of s is valid. */
size_t utf8_invalid_at(const char *s, size_t len);

/* The length in bytes of the UTF-8 character at s (at most avail bytes
 * are there): 1 for ASCII, up to 4. */
size_t utf8_char_len(const char *s, size_t avail);

/* Number of code points in the valid UTF-8 text s[0..len). */
size_t utf8_count(const char *s, size_t len);

/* Encode code point cp (at most U+10FFFF, not a surrogate) into out, which
 * has room for 4 bytes. Returns the number of bytes written. */
int utf8_encode(unsigned cp, char *out);

/* Compute the 1-based line and column (in code points) of byte offset off
 * in text, which must be shorter than text (text[off] is read). LF, CRLF
 * and a lone CR end a line. */
void text_position(const char *text, size_t off, int *line, int *col);

#endif
