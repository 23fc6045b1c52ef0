/*
 * xalloc.c - allocation wrappers that abort on out-of-memory.
 */
#include "steiger.h"

/* Print the failure and abort; never returns. */
static void oom(size_t n)
{
	fprintf(stderr, "steiger: out of memory (requested %zu bytes)\n", n);
	abort();
}

/* See xalloc.h. */
void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

/* See xalloc.h. */
void *xcalloc(size_t count, size_t size)
{
	void *p;
	if (size && count > SIZE_MAX / size)
		oom(SIZE_MAX);
	p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		oom(count * size);
	return p;
}

/* See xalloc.h. */
void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

/* See xalloc.h. */
void *xreallocarray(void *p, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		oom(SIZE_MAX);
	return xrealloc(p, count * size);
}

/* See xalloc.h. */
char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* See xalloc.h. */
char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* See xalloc.h. */
void xgrow(void **items, size_t *cap, size_t need, size_t size)
{
	size_t n;
	if (need <= *cap)
		return;
	n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			oom(SIZE_MAX);
		n *= 2;
	}
	*items = xreallocarray(*items, n, size);
	*cap = n;
}
