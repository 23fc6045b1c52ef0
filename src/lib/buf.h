/*
 * buf.h - a growable string buffer (git's strbuf).
 *
 * Invariants, which every function keeps:
 *   - data is never NULL: an empty buffer points at a shared "" byte;
 *   - data[len] is always '\0', so data can be passed to C string functions;
 *   - memory grows as needed; out-of-memory aborts (xalloc.h), so appends
 *     cannot fail and need no error check.
 * The buffer may hold NUL bytes inside; len is authoritative.
 */
#ifndef STEIGER_BUF_H
#define STEIGER_BUF_H

#include <stddef.h>

struct buf {
	char *data; /* the bytes; never NULL; always NUL-terminated */
	size_t len; /* number of bytes used, not counting the terminator */
	size_t cap; /* bytes allocated; 0 while data points at the shared "" */
};

/* The shared empty string an unallocated buffer points at. Never written. */
extern char buf_empty[];

#define BUF_INIT                \
	{                       \
		buf_empty, 0, 0 \
	}

/* Make b an empty buffer. Does not free anything b held before. */
void buf_init(struct buf *b);

/* Free the memory of b and make it empty again. */
void buf_free(struct buf *b);

/* Set the length to 0, keeping the allocation for reuse. */
void buf_reset(struct buf *b);

/* Ensure room for extra more bytes (plus the terminator). */
void buf_grow(struct buf *b, size_t extra);

/* Shorten b to len bytes (len must not exceed b->len). */
void buf_truncate(struct buf *b, size_t len);

/* Append len bytes from data (which may point into b itself). */
void buf_add(struct buf *b, const void *data, size_t len);

/* Append the NUL-terminated string s. */
void buf_adds(struct buf *b, const char *s);

/* Append one byte. */
void buf_addch(struct buf *b, int c);

/* Append c n times. */
void buf_addchars(struct buf *b, int c, size_t n);

/* Take the bytes out of b: returns a NUL-terminated string the caller frees
 * with free(), stores its length in *len when len is not NULL, and leaves b
 * empty. Never returns NULL. */
char *buf_detach(struct buf *b, size_t *len);

/* Remove white space from both ends. */
void buf_trim(struct buf *b);

#endif
