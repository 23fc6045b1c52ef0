/*
 * i18n.h - the language of everything a person reads.
 *
 * Messages are written in English in the source, wrapped in _() so that
 * xgettext finds them, and translated from the catalogue po/nl.po, which the
 * build compiles into the binary (tools/po2c.c). Dutch is the default;
 * English is selectable per process (--lang, STEIGER_LANG) and per thread
 * (a web request sets the language of its thread). The gettext tools
 * (xgettext, msgmerge, msgfmt --check) maintain and check the catalogue; the
 * runtime lookup is our own so that no system locale needs to be installed
 * and every thread can have its own language (doc/architecture.md).
 */
#ifndef STEIGER_I18N_H
#define STEIGER_I18N_H

#include <stddef.h>

enum lang { LANG_NL = 0, LANG_EN = 1 };

/* One translated message of a compiled catalogue. */
struct po_entry {
	const char *id;  /* the English message */
	const char *str; /* its translation */
};

/* Set the language of the calling thread (and the default for new threads
 * when called before any is started). */
void i18n_set(enum lang lang);

/* The language of the calling thread. */
enum lang i18n_get(void);

/* Parse "nl"/"en" (also "nl_NL...", "en-GB..."); returns 0 and sets *out, or
 * -1 for other languages. */
int i18n_parse(const char *s, enum lang *out);

/* The translation of msgid into the calling thread's language; msgid itself
 * when it is English or has no translation. Never NULL. */
const char *tr(const char *msgid);

/* Mark a message for translation. */
#define _(s) tr(s)
/* Mark a message for extraction only (static tables); translate with tr(). */
#define N_(s) (s)

/* The compiled Dutch catalogue, sorted by id (generated into build/). */
extern const struct po_entry po_nl[];
extern const size_t po_nl_count;

#endif
