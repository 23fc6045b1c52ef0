/*
 * arena.c - bump allocator; see arena.h.
 */
#include "steiger.h"

#define ARENA_CHUNK_SIZE (64 * 1024)
#define ARENA_ALIGN 16

/* One block of memory; allocations are carved from data[used..size). */
struct arena_chunk {
	struct arena_chunk *next; /* the chunk allocated before this one */
	size_t size;              /* bytes in data */
	size_t used;              /* bytes handed out */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

/* See arena.h. */
void arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

/* See arena.h. */
void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need < n)
		abort();
	if (!c || c->size - c->used < need) {
		size_t size = need > ARENA_CHUNK_SIZE / 4 ? need : ARENA_CHUNK_SIZE;
		struct arena_chunk *nc = xmalloc(sizeof(*nc) + size);
		nc->size = size;
		nc->used = 0;
		if (size == need && c) {
			/* A large block: put it behind the current chunk so that
			 * the current chunk's free space stays usable. */
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			a->head = nc;
		}
		c = nc;
	}
	void *p = c->data + c->used;
	c->used += need;
	a->total += need;
	return p;
}

/* See arena.h. */
void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

/* See arena.h. */
void *arena_calloc(struct arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		abort();
	return arena_zalloc(a, count * size);
}

/* See arena.h. */
char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* See arena.h. */
char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* See arena.h. */
void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	arena_init(a);
}

/* See arena.h. */
void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head, *keep = NULL;
	while (c) {
		struct arena_chunk *next = c->next;
		if (!keep && c->size == ARENA_CHUNK_SIZE)
			keep = c;
		else
			free(c);
		c = next;
	}
	arena_init(a);
	if (keep) {
		keep->used = 0;
		keep->next = NULL;
		a->head = keep;
	}
}

/* See arena.h. */
char *arena_printf(struct arena *a, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	char *s;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	s = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return s;
}
