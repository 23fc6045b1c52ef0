/*
 * pairs_check.h - what the fuzz targets of the urlencoded and cookie
 * parsers (fuzz_query.c, fuzz_form.c, fuzz_cookie.c) check on the pairs
 * they get back: a second, plain implementation of each parser (the
 * model) that must agree with src/lib/form.c on every input, the bounds
 * and validity of every name and value, pairs_get, and encoders for the
 * round trips. Any disagreement aborts, so libFuzzer reports it.
 *
 * Only the fuzz targets include this file; its functions are static inline
 * (each target uses some of them).
 */
#ifndef STEIGER_FUZZ_PAIRS_CHECK_H
#define STEIGER_FUZZ_PAIRS_CHECK_H

#include "steiger.h"

/* Pairs as the model computes them: plain heap strings. */
struct model {
	char **names;  /* decoded names */
	char **values; /* decoded values */
	size_t n, cap; /* how many, room for */
};

/* Abort unless cond holds; libFuzzer shows the input. */
static inline void must(int cond)
{
	if (!cond)
		abort();
}

/* Add a pair (taking the strings) to m. */
static inline void model_add(struct model *m, char *name, char *value)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->names = xreallocarray(m->names, m->cap, sizeof(*m->names));
		m->values = xreallocarray(m->values, m->cap, sizeof(*m->values));
	}
	m->names[m->n] = name;
	m->values[m->n] = value;
	m->n++;
}

/* Free what m holds and empty it. */
static inline void model_free(struct model *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->names[i]);
		free(m->values[i]);
	}
	free(m->names);
	free(m->values);
	memset(m, 0, sizeof(*m));
}

/* The model's %-decoding of s[0..n): '+' is a space when plus is set;
 * NULL when an escape is not two hex digits, a byte decodes to NUL, the
 * result is longer than max or not UTF-8. */
static inline char *model_decode(const char *s, size_t n, int plus, size_t max)
{
	char *out = xmalloc(n + 1);
	size_t k = 0, i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			char hex[3] = { 0, 0, 0 };
			if (n - i < 3 || !isxdigit((unsigned char)s[i + 1]) || !isxdigit((unsigned char)s[i + 2]))
				goto bad;
			hex[0] = s[i + 1];
			hex[1] = s[i + 2];
			c = (unsigned char)strtoul(hex, NULL, 16);
			i += 3;
		} else {
			if (c == '+' && plus)
				c = ' ';
			i++;
		}
		if (c == 0 || k == max)
			goto bad;
		out[k++] = (char)c;
	}
	out[k] = '\0';
	if (utf8_invalid_at(out, k) != k)
		goto bad;
	return out;
bad:
	free(out);
	return NULL;
}

/* The model of form_parse: split at '&', skip empty segments, split each
 * at its first '=', decode. Returns 0 with the pairs in m, or -1 (m empty)
 * where form_parse must fail. */
static inline int model_form(const char *text, size_t len, struct model *m)
{
	size_t start = 0;
	memset(m, 0, sizeof(*m));
	while (start <= len) {
		const char *amp = memchr(text + start, '&', len - start);
		size_t end = amp ? (size_t)(amp - text) : len;
		if (end > start) {
			const char *seg = text + start, *eq = memchr(seg, '=', end - start);
			size_t nlen = eq ? (size_t)(eq - seg) : end - start;
			char *name = model_decode(seg, nlen, 1, FORM_MAX_NAME);
			char *value =
				eq ? model_decode(eq + 1, end - start - nlen - 1, 1, FORM_MAX_VALUE) : xstrdup("");
			if (!name || !value || m->n == FORM_MAX_PAIRS) {
				free(name);
				free(value);
				model_free(m);
				return -1;
			}
			model_add(m, name, value);
		}
		start = end + 1;
	}
	return 0;
}

/* Whether c is an RFC 7230 token character (a cookie name's). */
static inline int model_token_char(unsigned char c)
{
	static const char separators[] = "()<>@,;:\\\"/[]?={}";
	if (c <= 32 || c >= 127)
		return 0;
	for (const char *p = separators; *p; p++)
		if (*p == (char)c)
			return 0;
	return 1;
}

/* The model of cookie_parse (see form.h): split at ';'; in each piece,
 * after leading blanks, a name of token characters, '=', a value; blanks
 * around the value and then one pair of quotes around it dropped; pieces
 * of another form or with a bad value skipped. Returns 0 with the pairs
 * in m, or -1 (m empty) where cookie_parse must fail. */
static inline int model_cookie(const char *header, struct model *m)
{
	size_t len = strlen(header), start = 0;
	memset(m, 0, sizeof(*m));
	if (len > COOKIE_MAX_HEADER)
		return -1;
	while (start < len) {
		const char *semi = memchr(header + start, ';', len - start);
		size_t end = semi ? (size_t)(semi - header) : len, i = start, nstart, vs, ve;
		int ok = 1;
		start = end + 1;
		while (i < end && (header[i] == ' ' || header[i] == '\t'))
			i++;
		nstart = i;
		while (i < end && header[i] != '=')
			i++;
		if (i == end || i == nstart)
			continue; /* no '=', or no name */
		for (size_t k = nstart; k < i; k++)
			ok &= model_token_char((unsigned char)header[k]);
		if (!ok)
			continue;
		vs = i + 1;
		ve = end;
		while (vs < ve && (header[vs] == ' ' || header[vs] == '\t'))
			vs++;
		while (ve > vs && (header[ve - 1] == ' ' || header[ve - 1] == '\t'))
			ve--;
		if (ve - vs >= 2 && header[vs] == '"' && header[ve - 1] == '"') {
			vs++;
			ve--;
		}
		for (size_t k = vs; k < ve; k++) {
			unsigned char c = (unsigned char)header[k];
			if (c < 32 || c == 127 || c == '"')
				ok = 0;
		}
		if (!ok || utf8_invalid_at(header + vs, ve - vs) != ve - vs)
			continue;
		if (m->n == COOKIE_MAX_PAIRS) {
			model_free(m);
			return -1;
		}
		model_add(m, xstrndup(header + nstart, i - nstart), xstrndup(header + vs, ve - vs));
	}
	return 0;
}

/* The parser's result (rc, ps) must be the model's (mrc, m). */
static inline void check_same(int rc, const struct pairs *ps, int mrc, const struct model *m)
{
	must(rc == 0 || rc == -1);
	must(rc == mrc);
	if (rc < 0) {
		must(ps->n == 0);
		return;
	}
	must(ps->n == m->n);
	for (size_t i = 0; i < ps->n; i++) {
		must(strcmp(ps->p[i].name, m->names[i]) == 0);
		must(strcmp(ps->p[i].value, m->values[i]) == 0);
	}
}

/* Every pair is within the bounds and is valid text: NUL-terminated
 * strings of at most max_name and max_value bytes that are UTF-8; no more
 * than max_pairs of them. */
static inline void check_bounds(const struct pairs *ps, size_t max_pairs, size_t max_name, size_t max_value)
{
	must(ps->n <= max_pairs);
	must(ps->n == 0 || ps->p != NULL);
	for (size_t i = 0; i < ps->n; i++) {
		size_t nl, vl;
		must(ps->p[i].name && ps->p[i].value);
		nl = strlen(ps->p[i].name);
		vl = strlen(ps->p[i].value);
		must(nl <= max_name && vl <= max_value);
		must(utf8_invalid_at(ps->p[i].name, nl) == nl);
		must(utf8_invalid_at(ps->p[i].value, vl) == vl);
	}
}

/* pairs_get finds the first pair of each name, and nothing for a name
 * that is not there. */
static inline void check_lookup(const struct pairs *ps)
{
	char missing[32];
	for (size_t i = 0; i < ps->n; i++) {
		size_t first = 0;
		while (strcmp(ps->p[first].name, ps->p[i].name) != 0)
			first++;
		must(pairs_get(ps, ps->p[i].name) == ps->p[first].value);
		must(pairs_has(ps, ps->p[i].name));
	}
	for (size_t k = 0;; k++) { /* a name none of the pairs has */
		size_t i;
		snprintf(missing, sizeof(missing), "missing%zu", k);
		for (i = 0; i < ps->n && strcmp(ps->p[i].name, missing) != 0; i++)
			;
		if (i == ps->n)
			break;
	}
	must(pairs_get(ps, missing) == NULL && !pairs_has(ps, missing));
}

/* Append s %-encoded as a form does: unreserved bytes as they are, space
 * as '+', every other byte as %XX. */
static inline void form_escape(struct buf *out, const char *s, int keep_slash)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || strchr("-._~", *p) || (keep_slash && *p == '/'))
			buf_addch(out, *p);
		else if (*p == ' ' && !keep_slash)
			buf_addch(out, '+');
		else
			buf_printf(out, "%%%02X", *p);
	}
}

/* Append the pairs encoded as application/x-www-form-urlencoded. */
static inline void form_encode(struct buf *out, const struct pairs *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		if (i)
			buf_addch(out, '&');
		form_escape(out, ps->p[i].name, 0);
		buf_addch(out, '=');
		form_escape(out, ps->p[i].value, 0);
	}
}

/* Two parses give the same pairs. */
static inline void check_equal_pairs(const struct pairs *a, const struct pairs *b)
{
	must(a->n == b->n);
	for (size_t i = 0; i < a->n; i++) {
		must(strcmp(a->p[i].name, b->p[i].name) == 0);
		must(strcmp(a->p[i].value, b->p[i].value) == 0);
	}
}

#endif
