/*
 * json.c - JSON parser with positions, and writing helpers; see json.h.
 */
#include "steiger.h"

/* Parser state. */
struct jp {
	struct arena *a;   /* where values are allocated */
	const char *name;  /* file name for messages */
	const char *s;     /* the text */
	size_t len;        /* its length */
	size_t pos;        /* next byte */
	int line;          /* line of pos */
	size_t line_start; /* offset of the start of that line */
	struct diag *d;    /* where errors go */
	struct buf tmp;    /* scratch space for strings */
	size_t col_line;   /* jp_col(): the line start it counted from, */
	size_t col_off;    /* the offset it counted to, */
	size_t col_chars;  /* and the characters up to there */
};

static struct json_value *parse_value(struct jp *p, int depth);

/* Column of offset off on the current line. Counting goes on from the
 * last offset asked for on the same line, so minified JSON (one long line)
 * costs linear time, not quadratic. */
static int jp_col(struct jp *p, size_t off)
{
	if (p->col_line != p->line_start || off < p->col_off) {
		p->col_line = p->line_start;
		p->col_off = p->line_start;
		p->col_chars = 0;
	}
	p->col_chars += utf8_count(p->s + p->col_off, off - p->col_off);
	p->col_off = off;
	return (int)p->col_chars + 1;
}

/* Describe what is at the current position, for "found ..." messages. */
static void describe_here(struct jp *p, struct buf *out)
{
	if (p->pos >= p->len) {
		buf_adds(out, _("the end of the text"));
		return;
	}
	size_t n = utf8_char_len(p->s + p->pos, p->len - p->pos); /* the whole character */
	unsigned char c = (unsigned char)p->s[p->pos];
	if (c < 0x20)
		buf_printf(out, _("the control character 0x%02X"), c);
	else
		buf_printf(out, "'%.*s'", (int)n, p->s + p->pos);
}

/* Report "expected WHAT, found <what is here>" at the current position. */
static struct json_value *fail_expected(struct jp *p, const char *what)
{
	struct buf found = BUF_INIT;
	describe_here(p, &found);
	diag_add(p->d, p->name, p->line, jp_col(p, p->pos), _("expected %s, found %s"), what, found.data);
	buf_free(&found);
	return NULL;
}

/* Skip white space, counting lines. */
static void skip_ws(struct jp *p)
{
	while (p->pos < p->len) {
		char c = p->s[p->pos];
		if (c == '\n') {
			p->pos++;
			p->line++;
			p->line_start = p->pos;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			p->pos++;
		} else {
			break;
		}
	}
}

/* A new value of type t at the current position. */
static struct json_value *new_value(struct jp *p, enum json_type t)
{
	struct json_value *v = arena_zalloc(p->a, sizeof(*v));
	v->type = t;
	v->line = p->line;
	v->col = jp_col(p, p->pos);
	return v;
}

/* Read four hex digits at pos; returns the value or -1. */
static long read_hex4(struct jp *p)
{
	long v = 0;
	if (p->len - p->pos < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = p->s[p->pos + i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	p->pos += 4;
	return v;
}

/* Parse a string at pos (which is '"') into p->tmp. Returns 0 or -1. */
static int parse_string_raw(struct jp *p)
{
	size_t start_line = p->line;
	int start_col = jp_col(p, p->pos);
	buf_reset(&p->tmp);
	p->pos++;
	for (;;) {
		if (p->pos >= p->len) {
			diag_add(p->d, p->name, (int)start_line, start_col,
				 _("expected the end of the string that starts here, found the end of the text"));
			return -1;
		}
		unsigned char c = (unsigned char)p->s[p->pos];
		if (c == '"') {
			p->pos++;
			break;
		}
		if (c < 0x20) {
			fail_expected(p, _("a character of a string (control characters must be escaped)"));
			return -1;
		}
		if (c == '\\') {
			p->pos++;
			if (p->pos >= p->len) {
				fail_expected(p, _("an escape sequence"));
				return -1;
			}
			char e = p->s[p->pos++];
			switch (e) {
			case '"': buf_addch(&p->tmp, '"'); break;
			case '\\': buf_addch(&p->tmp, '\\'); break;
			case '/': buf_addch(&p->tmp, '/'); break;
			case 'b': buf_addch(&p->tmp, '\b'); break;
			case 'f': buf_addch(&p->tmp, '\f'); break;
			case 'n': buf_addch(&p->tmp, '\n'); break;
			case 'r': buf_addch(&p->tmp, '\r'); break;
			case 't': buf_addch(&p->tmp, '\t'); break;
			case 'u': {
				size_t at = p->pos - 2;
				long cp = read_hex4(p);
				char enc[4];
				if (cp < 0) {
					p->pos = at;
					fail_expected(p, _("\\u and four hexadecimal digits"));
					return -1;
				}
				if (cp >= 0xd800 && cp <= 0xdbff) {
					long lo = -1;
					if (p->len - p->pos >= 6 && p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u') {
						p->pos += 2;
						lo = read_hex4(p);
					}
					if (lo < 0xdc00 || lo > 0xdfff) {
						p->pos = at;
						fail_expected(p, _("a low surrogate after a high surrogate"));
						return -1;
					}
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				} else if (cp >= 0xdc00 && cp <= 0xdfff) {
					p->pos = at;
					fail_expected(p, _("a high surrogate before a low surrogate"));
					return -1;
				} else if (cp == 0) {
					p->pos = at;
					fail_expected(p, _("a character other than \\u0000"));
					return -1;
				}
				buf_add(&p->tmp, enc, (size_t)utf8_encode((unsigned)cp, enc));
				break;
			}
			default:
				p->pos -= 2;
				fail_expected(p, _("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)"));
				return -1;
			}
		} else {
			buf_addch(&p->tmp, (char)c);
			p->pos++;
		}
		if (p->tmp.len > JSON_MAX_STRING) {
			diag_add(p->d, p->name, (int)start_line, start_col,
				 _("expected a string of at most %d bytes, found a longer one"), JSON_MAX_STRING);
			return -1;
		}
	}
	return 0;
}

/* Parse a number at pos. */
static struct json_value *parse_number(struct jp *p)
{
	struct json_value *v = new_value(p, JSON_NUMBER);
	size_t start = p->pos;
	const char *s = p->s;
	if (p->pos < p->len && s[p->pos] == '-')
		p->pos++;
	if (p->pos < p->len && s[p->pos] == '0') {
		p->pos++;
	} else if (p->pos < p->len && s[p->pos] >= '1' && s[p->pos] <= '9') {
		while (p->pos < p->len && isdigit((unsigned char)s[p->pos]))
			p->pos++;
	} else {
		return fail_expected(p, _("a digit"));
	}
	if (p->pos < p->len && s[p->pos] == '.') {
		p->pos++;
		if (p->pos >= p->len || !isdigit((unsigned char)s[p->pos]))
			return fail_expected(p, _("a digit after the decimal point"));
		while (p->pos < p->len && isdigit((unsigned char)s[p->pos]))
			p->pos++;
	}
	if (p->pos < p->len && (s[p->pos] == 'e' || s[p->pos] == 'E')) {
		p->pos++;
		if (p->pos < p->len && (s[p->pos] == '+' || s[p->pos] == '-'))
			p->pos++;
		if (p->pos >= p->len || !isdigit((unsigned char)s[p->pos]))
			return fail_expected(p, _("a digit in the exponent"));
		while (p->pos < p->len && isdigit((unsigned char)s[p->pos]))
			p->pos++;
	}
	if (p->pos - start > 64) {
		p->pos = start;
		return fail_expected(p, _("a number of at most 64 characters"));
	}
	v->str = arena_strndup(p->a, s + start, p->pos - start);
	v->num = strtod(v->str, NULL);
	if (!isfinite(v->num)) {
		p->pos = start;
		return fail_expected(p, _("a number within the range of a double"));
	}
	return v;
}

/* Parse a literal word (true, false, null). */
static struct json_value *parse_word(struct jp *p, const char *word, enum json_type t)
{
	size_t n = strlen(word);
	if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
		return fail_expected(p, _("a value (object, array, string, number, true, false or null)"));
	struct json_value *v = new_value(p, t);
	p->pos += n;
	return v;
}

/* Parse an array at pos (which is '['). */
static struct json_value *parse_array(struct jp *p, int depth)
{
	struct json_value *v = new_value(p, JSON_ARRAY);
	struct json_value **items = NULL;
	size_t n = 0, cap = 0;
	p->pos++;
	skip_ws(p);
	if (depth + 1 > JSON_MAX_DEPTH) /* its elements would be one level too deep */
		return fail_expected(p, _("at most 64 levels of nesting"));
	if (p->pos < p->len && p->s[p->pos] == ']') {
		p->pos++;
		return v;
	}
	for (;;) {
		struct json_value *item;
		skip_ws(p);
		item = parse_value(p, depth + 1);
		if (!item) {
			free(items);
			return NULL;
		}
		ARRAY_GROW(items, cap, n + 1);
		items[n++] = item;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == ']') {
			p->pos++;
			break;
		}
		free(items);
		return fail_expected(p, _("',' or ']'"));
	}
	v->items = arena_alloc(p->a, n * sizeof(*v->items));
	memcpy(v->items, items, n * sizeof(*v->items));
	v->n = n;
	free(items);
	return v;
}

/* Parse an object at pos (which is '{'). */
static struct json_value *parse_object(struct jp *p, int depth)
{
	struct json_value *v = new_value(p, JSON_OBJECT);
	struct json_member *m = NULL;
	struct strmap seen = STRMAP_INIT; /* key -> index + 1, for long objects */
	size_t n = 0, cap = 0;
	p->pos++;
	skip_ws(p);
	if (depth + 1 > JSON_MAX_DEPTH) /* its members would be one level too deep */
		return fail_expected(p, _("at most 64 levels of nesting"));
	if (p->pos < p->len && p->s[p->pos] == '}') {
		p->pos++;
		return v;
	}
	for (;;) {
		struct json_member mem;
		skip_ws(p);
		if (p->pos >= p->len || p->s[p->pos] != '"') {
			free(m);
			strmap_free(&seen);
			return fail_expected(p, _("a member name in double quotes"));
		}
		mem.line = p->line;
		mem.col = jp_col(p, p->pos);
		if (parse_string_raw(p) < 0) {
			free(m);
			strmap_free(&seen);
			return NULL;
		}
		mem.key = arena_strndup(p->a, p->tmp.data, p->tmp.len);
		/* Duplicates: by the member list while it is short, by a hash
		 * map once it is long (an object of many members must not cost
		 * quadratic time). */
		const struct json_member *first = NULL;
		if (n < 16) {
			for (size_t i = 0; i < n && !first; i++)
				if (strcmp(m[i].key, mem.key) == 0)
					first = &m[i];
		} else {
			if (!seen.cap)
				for (size_t i = 0; i < n; i++)
					strmap_put(&seen, m[i].key, (void *)(i + 1));
			size_t at = (size_t)strmap_get(&seen, mem.key);
			if (at)
				first = &m[at - 1];
			else
				strmap_put(&seen, mem.key, (void *)(n + 1));
		}
		if (first) {
			diag_add(p->d, p->name, mem.line, mem.col, _("duplicate member \"%s\" (first at line %d)"),
				 mem.key, first->line);
			free(m);
			strmap_free(&seen);
			return NULL;
		}
		skip_ws(p);
		if (p->pos >= p->len || p->s[p->pos] != ':') {
			free(m);
			strmap_free(&seen);
			return fail_expected(p, _("':'"));
		}
		p->pos++;
		skip_ws(p);
		mem.value = parse_value(p, depth + 1);
		if (!mem.value) {
			free(m);
			strmap_free(&seen);
			return NULL;
		}
		ARRAY_GROW(m, cap, n + 1);
		m[n++] = mem;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == '}') {
			p->pos++;
			break;
		}
		free(m);
		strmap_free(&seen);
		return fail_expected(p, _("',' or '}'"));
	}
	v->members = arena_alloc(p->a, n * sizeof(*v->members));
	memcpy(v->members, m, n * sizeof(*v->members));
	v->n = n;
	free(m);
	strmap_free(&seen);
	return v;
}

/* Parse any value at pos. */
static struct json_value *parse_value(struct jp *p, int depth)
{
	if (depth > JSON_MAX_DEPTH)
		return fail_expected(p, _("at most 64 levels of nesting"));
	if (p->pos >= p->len)
		return fail_expected(p, _("a value"));
	switch (p->s[p->pos]) {
	case '{': return parse_object(p, depth);
	case '[': return parse_array(p, depth);
	case '"': {
		struct json_value *v = new_value(p, JSON_STRING);
		if (parse_string_raw(p) < 0)
			return NULL;
		v->str = arena_strndup(p->a, p->tmp.data, p->tmp.len);
		v->len = p->tmp.len;
		return v;
	}
	case 't': return parse_word(p, "true", JSON_TRUE);
	case 'f': return parse_word(p, "false", JSON_FALSE);
	case 'n': return parse_word(p, "null", JSON_NULL);
	default:
		if (p->s[p->pos] == '-' || isdigit((unsigned char)p->s[p->pos]))
			return parse_number(p);
		return fail_expected(p, _("a value (object, array, string, number, true, false or null)"));
	}
}

/* See json.h. */
struct json_value *json_parse(struct arena *a, const char *name, const char *text, size_t len, struct diag *d)
{
	struct jp p = { a, name, text, len, 0, 1, 0, d, BUF_INIT, 0, 0, 0 };
	struct json_value *v;
	size_t bad;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		p.s += 3;
		p.len -= 3;
	}
	bad = utf8_invalid_at(p.s, p.len);
	if (bad < p.len) {
		int line, col;
		text_position(p.s, bad, &line, &col);
		diag_add(d, name, line, col, _("expected UTF-8 text, found the byte 0x%02X"),
			 (unsigned)(unsigned char)p.s[bad]);
		return NULL;
	}
	skip_ws(&p);
	if (p.pos >= p.len) {
		diag_add(d, name, 0, 0, _("empty file: expected a JSON value"));
		return NULL;
	}
	v = parse_value(&p, 0);
	if (v) {
		skip_ws(&p);
		if (p.pos < p.len)
			v = fail_expected(&p, _("the end of the text after the value"));
	}
	buf_free(&p.tmp);
	return v;
}

/* See json.h. */
struct json_value *json_get(const struct json_value *v, const char *key)
{
	if (!v || v->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->members[i].key, key) == 0)
			return v->members[i].value;
	return NULL;
}

/* See json.h. */
const char *json_type_name(const struct json_value *v)
{
	switch (v->type) {
	case JSON_NULL: return _("null");
	case JSON_FALSE:
	case JSON_TRUE: return _("a boolean");
	case JSON_NUMBER: return _("a number");
	case JSON_STRING: return _("a string");
	case JSON_ARRAY: return _("an array");
	case JSON_OBJECT: return _("an object");
	}
	return "?";
}

/* See json.h. */
void json_add_string(struct buf *b, const char *s)
{
	if (!s) {
		buf_adds(b, "null");
		return;
	}
	buf_addch(b, '"');
	buf_add_json(b, s, strlen(s));
	buf_addch(b, '"');
}

/* See json.h. */
void json_add_number(struct buf *b, double d)
{
	if (!isfinite(d))
		buf_adds(b, "null");
	else
		num_format(b, d);
}
