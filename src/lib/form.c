/*
 * form.c - urlencoded and cookie parsing; see form.h.
 */
#include "steiger.h"
#include "lib/form.h"

/* The value of hex digit c, or -1. */
static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode s[0..n) into the arena: %XX as a byte, and '+' as a space when
 * plus_is_space (form values; in a path '+' stays a plus). Returns the
 * decoded text, or NULL when it is malformed, longer than max, not UTF-8
 * or holds a NUL byte. */
static char *decode(struct arena *a, const char *s, size_t n, size_t max, int plus_is_space)
{
	char *out = arena_alloc(a, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '+' && plus_is_space) {
			c = ' ';
		} else if (c == '%') {
			int hi, lo;
			if (i + 2 >= n)
				return NULL;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return NULL;
			c = (char)(hi * 16 + lo);
			i += 2;
		}
		if (c == '\0' || k >= max)
			return NULL;
		out[k++] = c;
	}
	out[k] = '\0';
	if (utf8_invalid_at(out, k) != k)
		return NULL;
	return out;
}

/* See form.h. */
int form_parse(struct arena *a, const char *text, size_t len, struct pairs *out)
{
	size_t cap = 16, start = 0;
	out->p = arena_calloc(a, cap, sizeof(*out->p));
	out->n = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '&')
			continue;
		if (i > start) {
			const char *seg = text + start, *eq = memchr(seg, '=', i - start);
			size_t nlen = eq ? (size_t)(eq - seg) : i - start;
			char *name, *value;
			if (out->n == FORM_MAX_PAIRS)
				goto bad;
			name = decode(a, seg, nlen, FORM_MAX_NAME, 1);
			value = eq ? decode(a, eq + 1, (size_t)(text + i - eq - 1), FORM_MAX_VALUE, 1)
				   : arena_strdup(a, "");
			if (!name || !value)
				goto bad;
			if (out->n == cap) {
				struct pair *p = arena_calloc(a, cap * 2, sizeof(*p));
				memcpy(p, out->p, cap * sizeof(*p));
				out->p = p;
				cap *= 2;
			}
			out->p[out->n].name = name;
			out->p[out->n].value = value;
			out->n++;
		}
		start = i + 1;
	}
	return 0;
bad:
	out->n = 0;
	return -1;
}

/* See form.h. */
int target_parse(struct arena *a, const char *target, const char **path, struct pairs *query)
{
	const char *q = strchr(target, '?');
	size_t plen = q ? (size_t)(q - target) : strlen(target);
	query->p = NULL;
	query->n = 0;
	*path = decode(a, target, plen, SIZE_MAX, 0);
	if (!*path || (*path)[0] != '/')
		return -1;
	return form_parse(a, q ? q + 1 : "", q ? strlen(q + 1) : 0, query);
}

/* Whether c may be in a cookie name (an RFC 7230 token character). */
static int token_char(int c)
{
	return c > 32 && c < 127 && !strchr("()<>@,;:\\\"/[]?={}", c);
}

/* Whether value[0..n) may be a cookie's value: no control character, no
 * double quote, valid UTF-8. */
static int cookie_value_ok(const char *value, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)value[i];
		if (c < 32 || c == 127 || c == '"')
			return 0;
	}
	return utf8_invalid_at(value, n) == n;
}

/* See form.h. */
int cookie_parse(struct arena *a, const char *header, struct pairs *out)
{
	size_t len = strlen(header), cap = 8;
	const char *p = header, *end = header + len;
	out->p = arena_calloc(a, cap, sizeof(*out->p));
	out->n = 0;
	if (len > COOKIE_MAX_HEADER)
		return -1;
	while (p < end) {
		const char *name, *value, *semi;
		size_t nlen, vlen;
		while (p < end && (*p == ' ' || *p == '\t' || *p == ';'))
			p++;
		name = p;
		while (p < end && token_char((unsigned char)*p))
			p++;
		nlen = (size_t)(p - name);
		semi = memchr(p, ';', (size_t)(end - p));
		if (!semi)
			semi = end;
		if (!nlen || p >= end || *p != '=') {
			p = semi; /* not name=value: skip the pair */
			continue;
		}
		value = p + 1;
		vlen = (size_t)(semi - value);
		p = semi;
		while (vlen && (value[0] == ' ' || value[0] == '\t')) {
			value++;
			vlen--;
		}
		while (vlen && (value[vlen - 1] == ' ' || value[vlen - 1] == '\t'))
			vlen--;
		if (vlen >= 2 && value[0] == '"' && value[vlen - 1] == '"') {
			value++;
			vlen -= 2;
		}
		if (!cookie_value_ok(value, vlen))
			continue; /* a malformed value: skip the pair */
		if (out->n == COOKIE_MAX_PAIRS) {
			out->n = 0;
			return -1;
		}
		if (out->n == cap) {
			struct pair *np = arena_calloc(a, cap * 2, sizeof(*np));
			memcpy(np, out->p, cap * sizeof(*np));
			out->p = np;
			cap *= 2;
		}
		out->p[out->n].name = arena_strndup(a, name, nlen);
		out->p[out->n].value = arena_strndup(a, value, vlen);
		out->n++;
	}
	return 0;
}

/* See form.h. */
const char *pairs_get(const struct pairs *ps, const char *name)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->p[i].name, name) == 0)
			return ps->p[i].value;
	return NULL;
}

/* See form.h. */
const char *pairs_joined(struct arena *a, const struct pairs *ps, const char *name)
{
	struct buf b = BUF_INIT;
	int found = 0;
	const char *s;
	for (size_t i = 0; i < ps->n; i++) {
		if (strcmp(ps->p[i].name, name) != 0)
			continue;
		found = 1;
		if (!*ps->p[i].value)
			continue;
		if (b.len)
			buf_addch(&b, '|');
		buf_adds(&b, ps->p[i].value);
	}
	s = found ? arena_strdup(a, b.data) : NULL;
	buf_free(&b);
	return s;
}

/* See form.h. */
int pairs_has(const struct pairs *ps, const char *name)
{
	return pairs_get(ps, name) != NULL;
}
