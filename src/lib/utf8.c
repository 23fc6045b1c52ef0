/*
 * utf8.c - UTF-8 validation (RFC 3629, Table 3-7 of the Unicode standard).
 */
#include "steiger.h"

/* See utf8.h. */
size_t utf8_invalid_at(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned lo = 0x80, hi = 0xbf;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			if (c == 0xe0)
				lo = 0xa0;
			else if (c == 0xed)
				hi = 0x9f; /* no surrogates */
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xf4)
				hi = 0x8f;
		} else {
			return i;
		}
		if (n >= len - i) /* the sequence is cut off */
			return i;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return i;
		i += n + 1;
	}
	return len;
}

/* See utf8.h. */
size_t utf8_char_len(const char *s, size_t avail)
{
	size_t n = 1;
	if (!avail)
		return 0;
	if ((unsigned char)s[0] >= 0xc0)
		while (n < avail && n < 4 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
	return n;
}

/* See utf8.h. */
size_t utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* See utf8.h. */
int utf8_encode(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* See utf8.h. */
void text_position(const char *text, size_t off, int *line, int *col)
{
	int l = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++) {
		/* LF, CRLF and a lone CR each end a line, as in the CSV reader. */
		if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n')) {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = (int)utf8_count(text + start, off - start) + 1;
}
