/*
 * xalloc.h - allocation wrappers for long-lived memory.
 *
 * steiger has two memory lifetimes (see doc/architecture.md): per-request
 * memory from an arena (arena.h), and long-lived memory from these wrappers.
 * They never return NULL: when the system is out of memory they print one
 * line to stderr and abort(), as Redis' zmalloc does. A caller therefore
 * never checks their result.
 */
#ifndef STEIGER_XALLOC_H
#define STEIGER_XALLOC_H

#include <stddef.h>

/* Allocate n bytes; abort on out-of-memory. The caller frees with free(). */
void *xmalloc(size_t n);

/* Allocate and zero an array of count elements of size bytes each; abort on
 * out-of-memory or when count*size overflows. The caller frees with free(). */
void *xcalloc(size_t count, size_t size);

/* Resize p to n bytes (p may be NULL); abort on out-of-memory. */
void *xrealloc(void *p, size_t n);

/* Resize p to hold count elements of size bytes; abort on overflow or
 * out-of-memory. */
void *xreallocarray(void *p, size_t count, size_t size);

/* Duplicate the NUL-terminated string s; abort on out-of-memory. */
char *xstrdup(const char *s);

/* Duplicate the first n bytes of s and terminate the copy. */
char *xstrndup(const char *s, size_t n);

/* Grow the array *items (of *cap elements of size bytes) so that it can hold
 * at least need elements. Doubles the capacity to keep appends amortised O(1). */
void xgrow(void **items, size_t *cap, size_t need, size_t size);

/* Convenience macro: ARRAY_GROW(arr, cap, need) for a typed pointer arr. */
#define ARRAY_GROW(arr, cap, need) xgrow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif
