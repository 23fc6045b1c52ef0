/*
 * strmap.c - string hash map; see strmap.h.
 */
#include "steiger.h"
#include "lib/strmap.h"

/* See strmap.h. */
unsigned long long str_hash(const char *s)
{
	unsigned long long h = 14695981039346656037ULL; /* FNV-1a 64-bit offset basis */
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot of key, or of the empty slot where it would go. */
static size_t find_slot(const struct strmap *m, const char *key)
{
	size_t mask = m->cap - 1, i = (size_t)str_hash(key) & mask;
	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & mask;
	return i;
}

/* See strmap.h. */
void *strmap_get(const struct strmap *m, const char *key)
{
	size_t i;
	if (!m->cap)
		return NULL;
	i = find_slot(m, key);
	return m->keys[i] ? m->vals[i] : NULL;
}

/* See strmap.h. */
int strmap_has(const struct strmap *m, const char *key)
{
	return m->cap && m->keys[find_slot(m, key)] != NULL;
}

/* Double the table (or create it) and re-insert the keys. */
static void grow(struct strmap *m)
{
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof(*m->keys));
	m->vals = xcalloc(m->cap, sizeof(*m->vals));
	m->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i])
			strmap_put(m, old.keys[i], old.vals[i]);
	free(old.keys);
	free(old.vals);
}

/* See strmap.h. */
void *strmap_put(struct strmap *m, const char *key, void *val)
{
	size_t i;
	void *prev;
	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	i = find_slot(m, key);
	prev = m->keys[i] ? m->vals[i] : NULL;
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
	return prev;
}

/* See strmap.h. */
void strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}
