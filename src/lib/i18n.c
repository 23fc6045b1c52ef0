/*
 * i18n.c - message lookup in the compiled catalogue; see i18n.h.
 */
#include "steiger.h"

static enum lang default_lang = LANG_NL;
static _Thread_local int thread_lang = -1; /* -1: use default_lang */

/* See i18n.h. */
void i18n_set(enum lang lang)
{
	thread_lang = (int)lang;
	default_lang = lang;
}

/* See i18n.h. */
enum lang i18n_get(void)
{
	return thread_lang < 0 ? default_lang : (enum lang)thread_lang;
}

/* See i18n.h. */
int i18n_parse(const char *s, enum lang *out)
{
	if (!s)
		return -1;
	if (strncasecmp(s, "nl", 2) == 0 && (!s[2] || s[2] == '_' || s[2] == '-' || s[2] == '.')) {
		*out = LANG_NL;
		return 0;
	}
	if (strncasecmp(s, "en", 2) == 0 && (!s[2] || s[2] == '_' || s[2] == '-' || s[2] == '.')) {
		*out = LANG_EN;
		return 0;
	}
	return -1;
}

/* The translations a thread looked up lately, by the address of the
 * msgid (almost always a string literal, looked up again on every page):
 * a hit costs one comparison instead of a binary search. The comparison
 * with the catalogue's msgid keeps it right when the address holds other
 * text than before. */
#define TR_CACHE_SIZE 256 /* a power of two */
static _Thread_local struct {
	const char *msgid; /* the address looked up */
	size_t index;      /* its entry in po_nl */
} tr_cache[TR_CACHE_SIZE];

/* See i18n.h. */
const char *tr(const char *msgid)
{
	size_t lo = 0, hi = po_nl_count, slot;
	if (i18n_get() == LANG_EN || !msgid)
		return msgid ? msgid : "";
	slot = ((uintptr_t)msgid >> 3) & (TR_CACHE_SIZE - 1);
	if (tr_cache[slot].msgid == msgid && strcmp(msgid, po_nl[tr_cache[slot].index].id) == 0)
		return po_nl[tr_cache[slot].index].str;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(msgid, po_nl[mid].id);
		if (c == 0) {
			tr_cache[slot].msgid = msgid;
			tr_cache[slot].index = mid;
			return po_nl[mid].str;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return msgid;
}
