/*
 * fmt.c - the escaping formatter; see fmt.h for the conversions.
 *
 * The standard numeric conversions are delegated to snprintf() one
 * conversion at a time, with a format spec rebuilt from the parsed flags,
 * width, precision and length; the string conversions and the escaping ones
 * are done here.
 */
#include "steiger.h"

/* Length modifiers a conversion may carry. There are no h, hh, j and t
 * modifiers: those letters are the escaping conversions. */
enum length_mod { LEN_NONE, LEN_L, LEN_LL, LEN_Z };

/* One parsed conversion specification. */
struct spec {
	char flags[8];       /* the flag characters, NUL-terminated */
	int width;           /* minimum field width, or -1 */
	int precision;       /* precision, or -1 */
	enum length_mod len; /* length modifier */
	char conv;           /* the conversion character */
	int left;            /* the '-' flag: pad on the right */
};

/* The bytes HTML escapes (see html_entity). */
static const unsigned char html_special[256] = { ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1 };

/* The entity for one of the html_special bytes. */
static const char *html_entity(char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	default: return "&#39;";
	}
}

/* See fmt.h. The bytes between the ones to escape are added in one piece. */
void buf_add_html(struct buf *b, const char *s, size_t len)
{
	size_t i = 0, start = 0;
	for (;;) {
		while (i < len && !html_special[(unsigned char)s[i]])
			i++;
		if (i == len)
			break;
		buf_add(b, s + start, i - start);
		buf_adds(b, html_entity(s[i]));
		start = ++i;
	}
	buf_add(b, s + start, len - start);
}

/* See fmt.h. */
void buf_add_json(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, start = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[7];
		size_t elen = 2;
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		esc[0] = '\\';
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			elen = 6;
		}
		buf_add(b, s + start, i - start);
		buf_add(b, esc, elen);
		start = i + 1;
	}
	buf_add(b, s + start, len - start);
}

/* See fmt.h. */
void buf_add_url(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
			buf_addch(b, c);
		} else {
			char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
			buf_add(b, esc, 3);
		}
	}
}

/* Append s with every ' doubled, as SQL needs inside a string literal. */
static void buf_add_sql(struct buf *b, const char *s, size_t len)
{
	size_t i, start = 0;
	for (i = 0; i < len; i++) {
		if (s[i] != '\'')
			continue;
		buf_add(b, s + start, i + 1 - start);
		buf_addch(b, '\'');
		start = i + 1;
	}
	buf_add(b, s + start, len - start);
}

/* Parse the conversion specification that follows a '%' at *pp (which points
 * just after the '%'), taking '*' widths and precisions from ap. Returns 0,
 * or -1 for a malformed specification. */
static int parse_spec(const char **pp, struct spec *sp, va_list *ap)
{
	const char *p = *pp;
	size_t nflags = 0;
	memset(sp, 0, sizeof(*sp));
	sp->width = -1;
	sp->precision = -1;
	while (*p == '-' || *p == '+' || *p == ' ' || *p == '#' || *p == '0') {
		if (*p == '-')
			sp->left = 1;
		if (nflags < sizeof(sp->flags) - 1)
			sp->flags[nflags++] = *p;
		p++;
	}
	if (*p == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = 1;
			sp->width = -sp->width;
		}
		p++;
	} else if (isdigit((unsigned char)*p)) {
		sp->width = 0;
		while (isdigit((unsigned char)*p) && sp->width < 100000)
			sp->width = sp->width * 10 + (*p++ - '0');
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			sp->precision = va_arg(*ap, int);
			p++;
		} else {
			sp->precision = 0;
			while (isdigit((unsigned char)*p) && sp->precision < 100000)
				sp->precision = sp->precision * 10 + (*p++ - '0');
		}
	}
	if (*p == 'l') {
		sp->len = LEN_L;
		p++;
		if (*p == 'l') {
			sp->len = LEN_LL;
			p++;
		}
	} else if (*p == 'z') {
		sp->len = LEN_Z;
		p++;
	}
	if (!*p)
		return -1;
	sp->conv = *p++;
	*pp = p;
	return 0;
}

/* Append a string argument with width and precision applied, escaped by
 * the conversion character. */
static void add_string(struct buf *b, const struct spec *sp, const char *s)
{
	size_t len, start = b->len, width;
	if (!s)
		s = "";
	/* With a precision, read no further than it: the argument need not
	 * be NUL-terminated. */
	len = sp->precision >= 0 ? strnlen(s, (size_t)sp->precision) : strlen(s);
	switch (sp->conv) {
	case 'h': buf_add_html(b, s, len); break;
	case 't': buf_add_url(b, s, len); break;
	case 'q': buf_add_sql(b, s, len); break;
	case 'j': buf_add_json(b, s, len); break;
	default: buf_add(b, s, len); break;
	}
	width = sp->width > 0 ? (size_t)sp->width : 0;
	if (b->len - start >= width)
		return;
	if (sp->left) {
		buf_addchars(b, ' ', width - (b->len - start));
	} else {
		size_t pad = width - (b->len - start);
		buf_grow(b, pad);
		memmove(b->data + start + pad, b->data + start, b->len - start);
		memset(b->data + start, ' ', pad);
		b->len += pad;
		b->data[b->len] = '\0';
	}
}

/* Rebuild a standard printf spec for one numeric conversion. */
static void std_spec(char *out, size_t outsz, const struct spec *sp, const char *lenstr)
{
	char width[16] = "", precision[16] = "";
	if (sp->width >= 0)
		snprintf(width, sizeof(width), "%d", sp->width);
	if (sp->precision >= 0)
		snprintf(precision, sizeof(precision), ".%d", sp->precision);
	snprintf(out, outsz, "%%%s%s%s%s%c", sp->flags, width, precision, lenstr, sp->conv);
}

/* Append a whole number in decimal, with a minus sign when negative is
 * set; magnitude is its absolute value. */
static void add_decimal(struct buf *b, int negative, unsigned long long magnitude)
{
	char t[24];
	size_t n = sizeof(t);
	do {
		t[--n] = (char)('0' + magnitude % 10);
		magnitude /= 10;
	} while (magnitude);
	if (negative)
		t[--n] = '-';
	buf_add(b, t + n, sizeof(t) - n);
}

/* Append %d, %i or %u without flags, width or precision (most numbers in
 * pages) without snprintf. The argument is consumed according to the
 * length. */
static void add_plain_integer(struct buf *b, const struct spec *sp, va_list *ap)
{
	long long v;
	unsigned long long u;
	if (sp->conv == 'u') {
		switch (sp->len) {
		case LEN_L: u = va_arg(*ap, unsigned long); break;
		case LEN_LL: u = va_arg(*ap, unsigned long long); break;
		case LEN_Z: u = va_arg(*ap, size_t); break;
		default: u = va_arg(*ap, unsigned); break;
		}
		add_decimal(b, 0, u);
		return;
	}
	switch (sp->len) {
	case LEN_L: v = va_arg(*ap, long); break;
	case LEN_LL: v = va_arg(*ap, long long); break;
	case LEN_Z: v = va_arg(*ap, ptrdiff_t); break;
	default: v = va_arg(*ap, int); break;
	}
	/* the magnitude of LLONG_MIN does not fit a long long */
	add_decimal(b, v < 0, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
}

/* The spec passed to snprintf() below is built by std_spec() from a parsed
 * conversion, so it is not a literal; its argument types follow from the
 * conversion and length, which the switch below matches one by one. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Format one numeric or pointer value with snprintf into b. The va_list
 * argument is consumed according to the conversion and length. */
static void add_number(struct buf *b, const struct spec *sp, va_list *ap)
{
	char spec[64];
	char tmp[512];
	int n = 0;
	int is_signed = sp->conv == 'd' || sp->conv == 'i';
	if (strchr("fFeEgGaA", sp->conv)) {
		double d = va_arg(*ap, double);
		std_spec(spec, sizeof(spec), sp, "");
		n = snprintf(tmp, sizeof(tmp), spec, d);
	} else if (sp->conv == 'p') {
		void *p = va_arg(*ap, void *);
		std_spec(spec, sizeof(spec), sp, "");
		n = snprintf(tmp, sizeof(tmp), spec, p);
	} else if (sp->conv == 'c') {
		int c = va_arg(*ap, int);
		std_spec(spec, sizeof(spec), sp, "");
		n = snprintf(tmp, sizeof(tmp), spec, c);
	} else {
		switch (sp->len) {
		case LEN_L:
			std_spec(spec, sizeof(spec), sp, "l");
			if (is_signed)
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, long));
			else
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, unsigned long));
			break;
		case LEN_LL:
			std_spec(spec, sizeof(spec), sp, "ll");
			if (is_signed)
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, long long));
			else
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, unsigned long long));
			break;
		case LEN_Z:
			std_spec(spec, sizeof(spec), sp, "z");
			if (is_signed)
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, ptrdiff_t));
			else
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, size_t));
			break;
		default:
			std_spec(spec, sizeof(spec), sp, "");
			if (is_signed)
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, int));
			else
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, unsigned));
			break;
		}
	}
	if (n < 0)
		return;
	if ((size_t)n < sizeof(tmp)) {
		buf_add(b, tmp, (size_t)n);
	} else {
		/* Only a huge width or precision gets here; cap it. */
		buf_add(b, tmp, sizeof(tmp) - 1);
	}
}
#pragma GCC diagnostic pop

/* See fmt.h. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap_in)
{
	va_list ap;
	const char *p = fmt;
	va_copy(ap, ap_in);
	while (*p) {
		const char *pct = strchr(p, '%');
		struct spec sp;
		if (!pct) {
			buf_adds(b, p);
			break;
		}
		buf_add(b, p, (size_t)(pct - p));
		p = pct + 1;
		if (*p == '%') {
			buf_addch(b, '%');
			p++;
			continue;
		}
		if (parse_spec(&p, &sp, &ap) < 0) {
			buf_addch(b, '%');
			break;
		}
		switch (sp.conv) {
		case 's':
		case 'h':
		case 't':
		case 'q':
		case 'j': add_string(b, &sp, va_arg(ap, const char *)); break;
		case 'Q':
		case 'J': {
			const char *s = va_arg(ap, const char *);
			if (!s) {
				buf_adds(b, sp.conv == 'Q' ? "NULL" : "null");
			} else {
				struct spec inner = sp;
				inner.conv = sp.conv == 'Q' ? 'q' : 'j';
				inner.width = -1;
				buf_addch(b, sp.conv == 'Q' ? '\'' : '"');
				add_string(b, &inner, s);
				buf_addch(b, sp.conv == 'Q' ? '\'' : '"');
			}
			break;
		}
		case 'd':
		case 'i':
		case 'u':
			if (!sp.flags[0] && sp.width < 0 && sp.precision < 0) {
				add_plain_integer(b, &sp, &ap);
				break;
			}
			add_number(b, &sp, &ap);
			break;
		case 'x':
		case 'X':
		case 'o':
		case 'c':
		case 'p':
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
		case 'a':
		case 'A': add_number(b, &sp, &ap); break;
		default:
			/* Unknown conversion: print it literally so the mistake
			 * shows, and consume nothing. */
			buf_addch(b, '%');
			buf_addch(b, sp.conv);
			break;
		}
	}
	va_end(ap);
}

/* See fmt.h. */
void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* See fmt.h. */
char *vmprintf(const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;
	buf_vprintf(&b, fmt, ap);
	return buf_detach(&b, NULL);
}

/* See fmt.h. */
char *mprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = vmprintf(fmt, ap);
	va_end(ap);
	return s;
}

/* Format and write to stream f. */
static void stream_vprintf(FILE *f, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;
	buf_vprintf(&b, fmt, ap);
	fwrite(b.data, 1, b.len, f);
	buf_free(&b);
}

/* See fmt.h. */
void out_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	stream_vprintf(stdout, fmt, ap);
	va_end(ap);
}

/* See fmt.h. */
void err_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	stream_vprintf(stderr, fmt, ap);
	va_end(ap);
}
