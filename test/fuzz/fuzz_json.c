/*
 * fuzz_json.c - libFuzzer target for the JSON parser and the JSON import
 * reader.
 *
 * The input bytes are one JSON file. They go through batch_add_json, which
 * parses them and converts the records of every register (yearly objects,
 * lists, field_sources, every field type), and through json_parse on its
 * own, after which the tree is walked: every value must have a position,
 * every string must be as long as its len, and every string and number
 * must come back unchanged through json_add_string / json_add_number and
 * json_parse. Messages must be valid UTF-8.
 *
 *   clang -fsanitize=fuzzer,address,undefined -Isrc -Ibuild \
 *     test/fuzz/fuzz_json.c build/libsteiger.a -lsqlite3 -lxlsxwriter -lm
 *
 * test/fuzz/replay.c runs the saved corpus (test/fuzz/corpus/json) through
 * the same function in `make test`.
 */
#include "steiger.h"
#include "core/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write v back as JSON with the library's writers and parse that: the
 * value must come back the same. Abort otherwise. */
static void check_round_trip(const struct json_value *v)
{
	struct arena a = ARENA_INIT;
	struct diag d;
	struct buf out = BUF_INIT;
	struct json_value *back;
	diag_init(&d, 1);
	if (v->type == JSON_STRING)
		json_add_string(&out, v->str);
	else
		json_add_number(&out, v->num);
	back = json_parse(&a, "round-trip", out.data, out.len, &d);
	if (!back || back->type != v->type)
		abort();
	if (v->type == JSON_STRING && (back->len != v->len || memcmp(back->str, v->str, v->len) != 0))
		abort();
	if (v->type == JSON_NUMBER && back->num != v->num)
		abort();
	buf_free(&out);
	diag_free(&d);
	arena_free(&a);
}

/* Walk the tree under v (at nesting depth depth) and check its invariants. */
static void walk(const struct json_value *v, int depth)
{
	if (depth > JSON_MAX_DEPTH + 1 || v->line < 1 || v->col < 1)
		abort();
	switch (v->type) {
	case JSON_STRING:
		if (!v->str || strlen(v->str) != v->len || v->len > JSON_MAX_STRING)
			abort();
		if (utf8_invalid_at(v->str, v->len) != v->len)
			abort();
		check_round_trip(v);
		break;
	case JSON_NUMBER:
		if (!v->str || !isfinite(v->num))
			abort();
		check_round_trip(v);
		break;
	case JSON_ARRAY:
		for (size_t i = 0; i < v->n; i++)
			walk(v->items[i], depth + 1);
		break;
	case JSON_OBJECT:
		for (size_t i = 0; i < v->n; i++) {
			if (!v->members[i].key || v->members[i].line < 1 || v->members[i].col < 1)
				abort();
			if (json_get(v, v->members[i].key) != v->members[i].value)
				abort(); /* names are unique, so json_get finds this one */
			walk(v->members[i].value, depth + 1);
		}
		break;
	default: break;
	}
}

/* See the header comment. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct arena a = ARENA_INIT;
	struct json_value *root;
	struct diag d;
	struct batch b;
	int rc;

	i18n_set(LANG_EN);
	diag_init(&d, 50);
	batch_init(&b, &d, "fuzz");
	rc = batch_add_json(&b, "fuzz.json", text, size);
	if ((rc < 0) != (d.count > 0))
		abort(); /* failure if and only if there are messages */
	if (utf8_invalid_at(d.text.data, d.text.len) != d.text.len)
		abort(); /* messages are valid UTF-8 text */
	batch_free(&b);
	diag_free(&d);

	diag_init(&d, 10);
	root = json_parse(&a, "fuzz.json", text, size, &d);
	if (root)
		walk(root, 0);
	else if (d.count != 1 || utf8_invalid_at(d.text.data, d.text.len) != d.text.len)
		abort(); /* a refused text has exactly one message, valid UTF-8 */
	diag_free(&d);
	arena_free(&a);
	return 0;
}
