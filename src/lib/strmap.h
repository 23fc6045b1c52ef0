/*
 * strmap.h - a hash map from strings to pointers (open addressing, FNV-1a).
 *
 * Keys are not copied: they must outlive the map (they usually live in the
 * same arena as the values). Lookups and inserts are amortised O(1).
 */
#ifndef STEIGER_STRMAP_H
#define STEIGER_STRMAP_H

#include <stddef.h>

struct strmap {
	const char **keys; /* key per slot, NULL when empty */
	void **vals;       /* value per slot */
	size_t cap;        /* slots (a power of two, or 0) */
	size_t n;          /* keys stored */
};

#define STRMAP_INIT              \
	{                        \
		NULL, NULL, 0, 0 \
	}

/* The value stored for key, or NULL (also when the stored value is NULL:
 * use strmap_has to tell). */
void *strmap_get(const struct strmap *m, const char *key);

/* Whether key is in the map. */
int strmap_has(const struct strmap *m, const char *key);

/* Store val for key; returns the previous value or NULL. */
void *strmap_put(struct strmap *m, const char *key, void *val);

/* Free the map's tables (not the keys or values). */
void strmap_free(struct strmap *m);

/* 64-bit FNV-1a hash of s. */
unsigned long long str_hash(const char *s);

#endif
