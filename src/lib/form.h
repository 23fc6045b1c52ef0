/*
 * form.h - parsing application/x-www-form-urlencoded text (query strings
 * and form bodies) and Cookie headers into name/value pairs.
 *
 * They face the network, so they bound what they accept (number of pairs,
 * length of names and values) and refuse what is not valid UTF-8 after
 * decoding; everything they return lives in the arena they are given.
 * Each has a fuzz target (test/fuzz/fuzz_query.c for request targets,
 * fuzz_form.c for form bodies, fuzz_cookie.c for Cookie headers).
 */
#ifndef STEIGER_FORM_H
#define STEIGER_FORM_H

#include <stddef.h>
#include "arena.h"

#define FORM_MAX_PAIRS 1000           /* pairs in one query string or body */
#define FORM_MAX_NAME 200             /* bytes of a decoded name */
#define FORM_MAX_VALUE (256 * 1024)   /* bytes of a decoded value */
#define COOKIE_MAX_HEADER (16 * 1024) /* bytes of a Cookie header */
#define COOKIE_MAX_PAIRS 64           /* pairs in one Cookie header */

/* One name and value. */
struct pair {
	const char *name;  /* decoded, NUL-terminated */
	const char *value; /* decoded, NUL-terminated; "" for "name" alone */
};

/* Pairs parsed from a query string, form body or cookie header. */
struct pairs {
	struct pair *p; /* the pairs, in order */
	size_t n;       /* how many */
};

/* Parse urlencoded text[0..len) ("a=1&b=x+y&c=%C3%A9") into out. '+'
 * decodes to a space, %XX to its byte. Empty segments are skipped. Returns
 * 0, or -1 when the text is malformed or too large (a bad %-escape, a
 * decoded name or value that is not UTF-8 or contains NUL, too many or too
 * long pairs); out is then empty. */
int form_parse(struct arena *a, const char *text, size_t len, struct pairs *out);

/* Split a request target ("/items?kind=policy") at its first '?': *path
 * is the part before it, %-decoded ('+' stays a plus), or NULL when that
 * is malformed, holds NUL or is not UTF-8; the part after it is parsed
 * into query as by form_parse. Returns 0, or -1 when the path is NULL or
 * does not begin with '/', or the query cannot be read (the server
 * answers 400). */
int target_parse(struct arena *a, const char *target, const char **path, struct pairs *query);

/* Parse a Cookie header value ("a=1; b=2") into out (RFC 6265: names are
 * tokens, values may be quoted; no decoding). Blanks around a value are
 * dropped, then one pair of double quotes around it. Pairs that are not
 * NAME=VALUE, or whose value holds a control character, a double quote
 * (other than that pair) or is not UTF-8, are skipped, as browsers skip
 * malformed pairs; so every value is valid text without ';' or '"'.
 * Returns 0, or -1 when the header is longer than COOKIE_MAX_HEADER bytes
 * or has more than COOKIE_MAX_PAIRS pairs (out is then empty). */
int cookie_parse(struct arena *a, const char *header, struct pairs *out);

/* The value of the first pair named name, or NULL. */
const char *pairs_get(const struct pairs *ps, const char *name);

/* Whether a pair named name exists. */
int pairs_has(const struct pairs *ps, const char *name);

/* The non-empty values of all pairs named name joined by '|' (check
 * boxes and multi-selects send one pair per value; a form may add an
 * empty one so that "none ticked" is sent too), in arena a; "" when all
 * are empty, NULL when there is no such pair. */
const char *pairs_joined(struct arena *a, const struct pairs *ps, const char *name);

#endif
