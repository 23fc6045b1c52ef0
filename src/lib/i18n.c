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

/* See i18n.h. */
const char *tr(const char *msgid)
{
	size_t lo = 0, hi = po_nl_count;
	if (i18n_get() == LANG_EN || !msgid)
		return msgid ? msgid : "";
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(msgid, po_nl[mid].id);
		if (c == 0)
			return po_nl[mid].str;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return msgid;
}
