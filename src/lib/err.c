/*
 * err.c - error codes, messages and located diagnostics.
 */
#include "steiger.h"

/* See err.h. */
int err_set(struct err *e, int code, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	if (!e)
		return code;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	e->code = code;
	snprintf(e->msg, sizeof(e->msg), "%s", b.data);
	buf_free(&b);
	return code;
}

/* See err.h. */
void err_clear(struct err *e)
{
	e->code = 0;
	e->msg[0] = '\0';
}

/* See err.h. */
int exit_status(int code)
{
	switch (code) {
	case E_OK: return 0;
	case E_FAIL: return 1;
	case E_USAGE: return 2;
	case E_INPUT: return 3;
	case E_NOTFOUND: return 4;
	case E_DB: return 5;
	case E_IO: return 6;
	case E_SOLVE: return 7;
	default: return 70;
	}
}

/* See err.h. */
void diag_init(struct diag *d, int limit)
{
	memset(d, 0, sizeof(*d));
	buf_init(&d->text);
	d->limit = limit;
}

/* See err.h. */
int diag_add(struct diag *d, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	d->count++;
	if (d->count > d->limit)
		return E_INPUT;
	if (file) {
		buf_adds(&d->text, file);
		buf_addch(&d->text, ':');
	}
	if (line > 0) {
		buf_printf(&d->text, "%d:", line);
		if (col > 0)
			buf_printf(&d->text, "%d:", col);
	}
	if (file || line > 0)
		buf_addch(&d->text, ' ');
	size_t start = d->text.len;
	va_start(ap, fmt);
	buf_vprintf(&d->text, fmt, ap);
	va_end(ap);
	ARRAY_GROW(d->entries, d->capentries, d->nentries + 1);
	d->entries[d->nentries].file = file ? xstrdup(file) : NULL;
	d->entries[d->nentries].line = line;
	d->entries[d->nentries].col = col;
	d->entries[d->nentries].message = xstrndup(d->text.data + start, d->text.len - start);
	d->nentries++;
	buf_addch(&d->text, '\n');
	return E_INPUT;
}

/* See err.h. */
int diag_full(const struct diag *d)
{
	return d->count >= d->limit;
}

/* See err.h. */
void diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->nentries; i++) {
		free(d->entries[i].file);
		free(d->entries[i].message);
	}
	free(d->entries);
	d->entries = NULL;
	d->nentries = d->capentries = 0;
	buf_free(&d->text);
}
