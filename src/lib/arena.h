/*
 * arena.h - a bump allocator for memory that lives as long as one request,
 * one import or one command, and is freed all at once (h2o's mem pool).
 *
 * Allocation never fails (out-of-memory aborts, xalloc.h). Nothing allocated
 * from an arena is freed on its own; arena_free() releases everything.
 */
#ifndef STEIGER_ARENA_H
#define STEIGER_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head; /* most recent chunk, or NULL */
	size_t total;             /* bytes handed out, for statistics */
};

#define ARENA_INIT      \
	{               \
		NULL, 0 \
	}

/* Make a an empty arena. */
void arena_init(struct arena *a);

/* n bytes aligned for any type, uninitialised. */
void *arena_alloc(struct arena *a, size_t n);

/* n zeroed bytes aligned for any type. */
void *arena_zalloc(struct arena *a, size_t n);

/* Room for count elements of size bytes, zeroed; aborts on overflow. */
void *arena_calloc(struct arena *a, size_t count, size_t size);

/* Copy of the first n bytes of s, NUL-terminated. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Copy of the NUL-terminated string s (NULL gives NULL). */
char *arena_strdup(struct arena *a, const char *s);

/* A string formatted with fmt.h's buf_printf(), in the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...);

/* Release all memory of a and make it empty again. */
void arena_free(struct arena *a);

/* Make a empty again but keep one chunk of memory for what comes next (a
 * server thread reuses one arena for request after request). Everything
 * allocated from a before is gone. */
void arena_reset(struct arena *a);

#endif
