/*
 * json.h - a JSON (RFC 8259) parser that remembers where every value is,
 * and helpers to write JSON.
 *
 * Why not Jansson: steiger's readers must name the line and column of a bad
 * value ("items.json:14:22: expected a number, found a string"), and
 * Jansson keeps positions only for syntax errors. This parser keeps them
 * for every value and member, allocates everything from one arena, and
 * bounds what it accepts (depth, string length, total size).
 */
#ifndef STEIGER_JSON_H
#define STEIGER_JSON_H

#include <stddef.h>
#include "arena.h"
#include "buf.h"
#include "err.h"

#define JSON_MAX_DEPTH 64
#define JSON_MAX_STRING (64 * 1024)

enum json_type { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json_member;

/* A value and where it starts in the text. */
struct json_value {
	enum json_type type;         /* which kind of value */
	int line;                    /* line where it starts (1-based) */
	int col;                     /* column where it starts, in characters */
	double num;                  /* JSON_NUMBER: the value */
	const char *str;             /* JSON_STRING: the text (NUL-terminated, no NUL
				inside); JSON_NUMBER: the number as written */
	size_t len;                  /* JSON_STRING: length of str in bytes */
	struct json_value **items;   /* JSON_ARRAY: the elements */
	struct json_member *members; /* JSON_OBJECT: the members, in order */
	size_t n;                    /* JSON_ARRAY / JSON_OBJECT: number of entries */
};

/* A member of an object. */
struct json_member {
	const char *key;          /* the name, NUL-terminated */
	int line, col;            /* where the name starts */
	struct json_value *value; /* the value */
};

/* Parse text[0..len) named name. Returns the root value, allocated from a,
 * or NULL with a located message in d ("FILE:LINE:COL: expected ..., found
 * ..."). Duplicate member names, invalid UTF-8, lone surrogates, \u0000,
 * nesting deeper than JSON_MAX_DEPTH and strings longer than
 * JSON_MAX_STRING are errors. */
struct json_value *json_parse(struct arena *a, const char *name, const char *text, size_t len, struct diag *d);

/* The member named key of object v, or NULL (also when v is not an object). */
struct json_value *json_get(const struct json_value *v, const char *key);

/* A short name of the type of v, in the current language, for messages. */
const char *json_type_name(const struct json_value *v);

/* Append the JSON string literal for s (with quotes; "null" for NULL). */
void json_add_string(struct buf *b, const char *s);

/* Append a number in its shortest exact form (null when not finite). */
void json_add_number(struct buf *b, double d);

#endif
