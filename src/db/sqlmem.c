/*
 * sqlmem.c - a memory allocator for SQLite.
 *
 * Debian's SQLite is built without lookaside memory (SQLITE_OMIT_LOOKASIDE),
 * so every small allocation of a statement (cursors, records, trigger and
 * expression frames) goes to malloc() and free(); in a bulk import that is
 * a tenth of the time. This allocator keeps freed blocks of the small sizes
 * on per-thread free lists and hands them out again: no locking, no
 * searching. Blocks above SMALL_MAX go to malloc() directly. Memory of the
 * small sizes is kept for reuse, never returned to the system (it is bounded
 * by the peak use, which SQLite's cache size bounds).
 *
 * Builds with sanitizers keep SQLite on malloc(), so that AddressSanitizer
 * sees every allocation (STEIGER_SANITIZE).
 */
#include "steiger.h"
#include "db/db.h"

#ifndef STEIGER_SANITIZE

#define ALIGN 16
#define SMALL_MAX 1024             /* largest size served from a list */
#define NCLASS (SMALL_MAX / ALIGN) /* classes of 16, 32, ... 1024 bytes */
#define LARGE UINT32_MAX           /* class of a block from malloc() */

/* The header before every block: its class and, for large blocks, size. */
struct block {
	uint32_t cls;  /* size class, or LARGE */
	uint32_t size; /* usable bytes */
	uint64_t pad;  /* keeps the block 16-byte aligned */
};

/* Freed small blocks of each class, per thread. */
static _Thread_local void *free_list[NCLASS];

/* The class of a request of n bytes (n > 0 and <= SMALL_MAX). */
static uint32_t class_of(int n)
{
	return (uint32_t)((n + ALIGN - 1) / ALIGN - 1);
}

/* xMalloc: n bytes, or NULL. */
static void *mem_malloc(int n)
{
	struct block *b;
	if (n <= 0)
		n = 1;
	if (n <= SMALL_MAX) {
		uint32_t c = class_of(n);
		void *p = free_list[c];
		if (p) {
			free_list[c] = *(void **)p;
			return p;
		}
		b = malloc(sizeof(*b) + (c + 1) * ALIGN);
		if (!b)
			return NULL;
		b->cls = c;
		b->size = (c + 1) * ALIGN;
		return b + 1;
	}
	b = malloc(sizeof(*b) + (size_t)n);
	if (!b)
		return NULL;
	b->cls = LARGE;
	b->size = (uint32_t)n;
	return b + 1;
}

/* xFree. */
static void mem_free(void *p)
{
	struct block *b;
	if (!p)
		return;
	b = (struct block *)p - 1;
	if (b->cls == LARGE) {
		free(b);
		return;
	}
	*(void **)p = free_list[b->cls];
	free_list[b->cls] = p;
}

/* xSize: usable bytes of p. */
static int mem_size(void *p)
{
	return p ? (int)((struct block *)p - 1)->size : 0;
}

/* xRealloc: p resized to n bytes. */
static void *mem_realloc(void *p, int n)
{
	void *q;
	int old = mem_size(p);
	if (n <= old && (n > SMALL_MAX || old <= SMALL_MAX))
		return p;
	q = mem_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, (size_t)(old < n ? old : n));
	mem_free(p);
	return q;
}

/* xRoundup: what a request of n bytes gets. */
static int mem_roundup(int n)
{
	return n <= SMALL_MAX ? (n + ALIGN - 1) / ALIGN * ALIGN : n;
}

/* xInit: nothing to do. */
static int mem_init(void *arg)
{
	(void)arg;
	return SQLITE_OK;
}

/* xShutdown: nothing to do. */
static void mem_shutdown(void *arg)
{
	(void)arg;
}

/* See db.h. */
void db_configure_memory(void)
{
	static const sqlite3_mem_methods methods = { mem_malloc,  mem_free, mem_realloc,  mem_size,
						     mem_roundup, mem_init, mem_shutdown, NULL };
	sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
}

#else

/* See db.h. Under the sanitizers SQLite keeps malloc(), so that every one
 * of its allocations is checked. */
void db_configure_memory(void)
{
}

#endif
