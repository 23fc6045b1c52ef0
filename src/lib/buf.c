/*
 * buf.c - growable string buffer; see buf.h for the invariants.
 */
#include "steiger.h"

char buf_empty[1];

/* See buf.h. */
void buf_init(struct buf *b)
{
	b->data = buf_empty;
	b->len = 0;
	b->cap = 0;
}

/* See buf.h. */
void buf_free(struct buf *b)
{
	if (b->cap)
		free(b->data);
	buf_init(b);
}

/* See buf.h. */
void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap)
		b->data[0] = '\0';
}

/* See buf.h. */
void buf_grow(struct buf *b, size_t extra)
{
	size_t need;
	if (extra > SIZE_MAX - b->len - 1) {
		fprintf(stderr, "steiger: buffer too large\n");
		abort();
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (!b->cap) {
		char *p = NULL;
		size_t cap = 0;
		xgrow((void **)&p, &cap, need < 64 ? 64 : need, 1);
		b->data = p;
		b->data[0] = '\0';
		b->cap = cap;
	} else {
		xgrow((void **)&b->data, &b->cap, need, 1);
	}
}

/* See buf.h. */
void buf_truncate(struct buf *b, size_t len)
{
	if (NEVER(len > b->len))
		return;
	b->len = len;
	if (b->cap)
		b->data[len] = '\0';
}

/* See buf.h. */
void buf_add(struct buf *b, const void *data, size_t len)
{
	const char *d = data;
	if (!len)
		return;
	if (len >= b->cap - b->len) { /* no room (also when cap is 0) */
		if (b->cap && d >= b->data && d < b->data + b->cap) {
			/* data is part of b itself: growing may move it */
			size_t off = (size_t)(d - b->data);
			buf_grow(b, len);
			d = b->data + off;
		} else {
			buf_grow(b, len);
		}
	}
	memmove(b->data + b->len, d, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* See buf.h. */
void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* See buf.h. */
void buf_addch(struct buf *b, int c)
{
	if (b->len + 1 >= b->cap)
		buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

/* See buf.h. */
void buf_addchars(struct buf *b, int c, size_t n)
{
	if (!n)
		return;
	buf_grow(b, n);
	memset(b->data + b->len, c, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* See buf.h. */
char *buf_detach(struct buf *b, size_t *len)
{
	char *s;
	if (!b->cap)
		buf_grow(b, 0);
	s = b->data;
	if (len)
		*len = b->len;
	buf_init(b);
	return s;
}

/* See buf.h. */
void buf_trim(struct buf *b)
{
	size_t start = 0, end = b->len;
	while (start < end && isspace((unsigned char)b->data[start]))
		start++;
	while (end > start && isspace((unsigned char)b->data[end - 1]))
		end--;
	if (start)
		memmove(b->data, b->data + start, end - start);
	buf_truncate(b, end - start);
}
