/*
 * num.c - numbers, dates and booleans; see num.h.
 */
#include "steiger.h"

/* Copy s without surrounding spaces and an optional leading euro sign into
 * out (size outsz). Returns the length, or -1 when it does not fit. */
static int strip_number(const char *s, char *out, size_t outsz)
{
	size_t n;
	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "\xe2\x82\xac", 3) == 0) { /* € */
		s += 3;
		while (isspace((unsigned char)*s))
			s++;
	}
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n + 1 > outsz)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return (int)n;
}

/* Whether s is a machine-form number: [+-]digits[.digits][e[+-]digits] with
 * at least one digit in the mantissa. */
static int is_machine_number(const char *s)
{
	int digits = 0;
	if (*s == '+' || *s == '-')
		s++;
	while (isdigit((unsigned char)*s)) {
		s++;
		digits++;
	}
	if (*s == '.') {
		s++;
		while (isdigit((unsigned char)*s)) {
			s++;
			digits++;
		}
	}
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

/* Check that s[0..n) is digits grouped by sep in threes ("1.234.567") and
 * append the digits to out. Returns 0 or -1. */
static int take_grouped(const char *s, size_t n, char sep, struct buf *out)
{
	size_t group = 0, groups = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == sep) {
			if (group == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3))
				return -1;
			groups++;
			group = 0;
		} else if (isdigit((unsigned char)s[i])) {
			buf_addch(out, s[i]);
			group++;
		} else {
			return -1;
		}
	}
	if (group == 0 || (groups > 0 && group != 3))
		return -1;
	return 0;
}

/* See num.h. */
int num_parse(const char *in, double *out)
{
	return num_parse_ex(in, 0, out);
}

/* Whether s is [sign] d{1,3} '.' ddd, the first digit not 0: a Dutch
 * thousands group such as 450.000. */
static int dutch_thousands(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '1' || *s > '9')
		return 0;
	size_t n = 0;
	while (isdigit((unsigned char)s[n]))
		n++;
	if (n > 3 || s[n] != '.')
		return 0;
	s += n + 1;
	return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) && !s[3];
}

/* See num.h. */
int num_parse_ex(const char *in, int dutch, double *out)
{
	char s[128];
	struct buf m = BUF_INIT;
	const char *p;
	char *end;
	int n, rc = -1;
	double d;
	if ((n = strip_number(in, s, sizeof(s))) <= 0)
		return -1;
	if (is_machine_number(s) && !(dutch && dutch_thousands(s))) {
		buf_adds(&m, s);
	} else {
		/* Human forms: sign, integer part with optional grouping,
		 * optional decimal part. */
		const char *dot = strrchr(s, '.'), *comma = strrchr(s, ',');
		const char *dec = NULL; /* the decimal separator, if any */
		char group = 0;
		p = s;
		if (*p == '-' || *p == '+')
			buf_addch(&m, *p++);
		if (dot && comma) {
			dec = dot > comma ? dot : comma;
			group = dot > comma ? ',' : '.';
		} else if (comma) {
			if (strchr(p, ',') == comma)
				dec = comma; /* one comma: decimal comma */
			else
				group = ','; /* several: thousands */
		} else if (dot) {
			group = '.'; /* several dots (one would be machine form) */
		}
		size_t intlen = dec ? (size_t)(dec - p) : strlen(p);
		if (group) {
			if (take_grouped(p, intlen, group, &m) < 0)
				goto done;
		} else {
			for (size_t i = 0; i < intlen; i++) {
				if (!isdigit((unsigned char)p[i]))
					goto done;
				buf_addch(&m, p[i]);
			}
			if (!intlen)
				goto done;
		}
		if (dec) {
			const char *f = dec + 1;
			if (!*f)
				goto done;
			buf_addch(&m, '.');
			for (; *f; f++) {
				if (!isdigit((unsigned char)*f))
					goto done;
				buf_addch(&m, *f);
			}
		}
	}
	errno = 0;
	d = strtod(m.data, &end);
	if (*end || !isfinite(d))
		goto done;
	*out = d;
	rc = 0;
done:
	buf_free(&m);
	return rc;
}

/* See num.h. */
int int_parse(const char *s, long long min, long long max, long long *out)
{
	char t[64];
	char *end;
	long long v;
	int n = strip_number(s, t, sizeof(t));
	const char *p = t;
	if (n <= 0)
		return -1;
	if (*p == '+' || *p == '-')
		p++;
	if (!*p)
		return -1;
	for (const char *q = p; *q; q++)
		if (!isdigit((unsigned char)*q))
			return -1;
	errno = 0;
	v = strtoll(t, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* See num.h. */
int is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y. */
static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

/* Read exactly n digits from *pp into *out; advance. Returns 0 or -1. */
static int read_digits(const char **pp, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*pp)[i]))
			return -1;
		v = v * 10 + ((*pp)[i] - '0');
	}
	*pp += n;
	*out = v;
	return 0;
}

/* Parse the date at *pp (either order) and advance past it. */
static int parse_date_at(const char **pp, int *y, int *m, int *d)
{
	const char *p = *pp;
	if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
	    isdigit((unsigned char)p[3])) {
		if (read_digits(&p, 4, y) < 0 || (*p != '-' && *p != '/'))
			return -1;
		char sep = *p++;
		if (read_digits(&p, 2, m) < 0 || *p++ != sep || read_digits(&p, 2, d) < 0)
			return -1;
	} else {
		if (read_digits(&p, 2, d) < 0 || (*p != '-' && *p != '/'))
			return -1;
		char sep = *p++;
		if (read_digits(&p, 2, m) < 0 || *p++ != sep || read_digits(&p, 4, y) < 0)
			return -1;
	}
	if (*y < 1000 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m))
		return -1;
	*pp = p;
	return 0;
}

/* See num.h. */
int date_parse(const char *s, char iso[11])
{
	int y, m, d;
	while (isspace((unsigned char)*s))
		s++;
	if (parse_date_at(&s, &y, &m, &d) < 0)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	if (*s)
		return -1;
	char t[32];
	snprintf(t, sizeof(t), "%04d-%02d-%02d", y, m, d);
	memcpy(iso, t, 11); /* the ranges above make it exactly 10 characters */
	return 0;
}

/* See num.h. */
int datetime_parse(const char *s, char iso[21])
{
	int y, m, d, hh = 0, mm = 0, ss = 0;
	while (isspace((unsigned char)*s))
		s++;
	if (parse_date_at(&s, &y, &m, &d) < 0)
		return -1;
	if (*s == 'T' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
		s++;
		if (read_digits(&s, 2, &hh) < 0 || *s++ != ':' || read_digits(&s, 2, &mm) < 0)
			return -1;
		if (*s == ':') {
			s++;
			if (read_digits(&s, 2, &ss) < 0)
				return -1;
			if (*s == '.') { /* fractions of a second are dropped */
				s++;
				while (isdigit((unsigned char)*s))
					s++;
			}
		}
		if (*s == 'Z')
			s++;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s || hh > 23 || mm > 59 || ss > 60)
		return -1;
	char t[64];
	snprintf(t, sizeof(t), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh, mm, ss > 59 ? 59 : ss);
	memcpy(iso, t, 21); /* exactly 20 characters, see the checks above */
	return 0;
}

/* See num.h. */
int bool_parse(const char *s, int *out)
{
	static const char *const yes[] = { "ja", "yes", "true", "1", "waar", "j", "y", NULL };
	static const char *const no[] = { "nee", "no", "false", "0", "onwaar", "n", NULL };
	char t[16];
	size_t n;
	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (!n || n >= sizeof(t))
		return -1;
	memcpy(t, s, n);
	t[n] = '\0';
	for (int i = 0; yes[i]; i++)
		if (strcasecmp(t, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
	for (int i = 0; no[i]; i++)
		if (strcasecmp(t, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	return -1;
}

/* See num.h. Whole numbers are printed directly; otherwise the fewest
 * significant digits that read back exactly. For normal numbers that is
 * at least 15 (DBL_DIG: a decimal of up to 15 digits comes back as
 * written), so the search starts there; subnormal ones start at 1. */
void num_format(struct buf *b, double d)
{
	char t[64];
	int prec;
	if (d == 0) {
		buf_addch(b, '0');
		return;
	}
	if (fabs(d) < 1e15 && d == (double)(long long)d) {
		snprintf(t, sizeof(t), "%lld", (long long)d);
		buf_adds(b, t);
		return;
	}
	for (prec = fabs(d) < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
		snprintf(t, sizeof(t), "%.*g", prec, d);
		if (strtod(t, NULL) == d)
			break;
	}
	/* Write ordinary magnitudes without an exponent (1.5e-05 as
	 * 0.000015), with just the decimals the digits need. */
	const char *e = strchr(t, 'e');
	if (e && fabs(d) >= 1e-6 && fabs(d) < 1e16) {
		int digits = 0, exp10 = (int)strtol(e + 1, NULL, 10);
		for (const char *p = t; p < e; p++)
			if (isdigit((unsigned char)*p))
				digits++;
		int decimals = digits - 1 - exp10;
		char f[64];
		snprintf(f, sizeof(f), "%.*f", decimals < 0 ? 0 : decimals, d);
		if (strtod(f, NULL) == d)
			memcpy(t, f, strlen(f) + 1);
	}
	buf_adds(b, t);
}

/* Append the digits of whole number v (0 <= v), with at least min_digits
 * digits (leading zeros), to out; returns how many were written (at most
 * 20). */
static size_t utoa_digits(char *out, unsigned long long v, size_t min_digits)
{
	char rev[24];
	size_t n = 0;
	do {
		rev[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < min_digits && n < sizeof(rev))
		rev[n++] = '0';
	for (size_t i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	return n;
}

/* Append a number: its integer digits grouped by threes, then, when there
 * are any, the decimal separator and the decimals. */
static void add_grouped(struct buf *b, const char *digits, size_t intlen, const char *decimals, size_t declen,
			int dutch)
{
	char out[64];
	size_t k = 0;
	if (intlen + intlen / 3 + 1 + declen > sizeof(out)) { /* long: %f of a huge value */
		for (size_t i = 0; i < intlen; i++) {
			if (i && (intlen - i) % 3 == 0)
				buf_addch(b, dutch ? '.' : ',');
			buf_addch(b, digits[i]);
		}
	} else {
		for (size_t i = 0; i < intlen; i++) {
			if (i && (intlen - i) % 3 == 0)
				out[k++] = dutch ? '.' : ',';
			out[k++] = digits[i];
		}
		buf_add(b, out, k);
	}
	if (declen) {
		buf_addch(b, dutch ? ',' : '.');
		buf_add(b, decimals, declen);
	}
}

/* See num.h. The number is rounded to a whole number of units of the last
 * decimal; below 2^52 units its digits are those of that whole number (a
 * double of that size prints as exactly that decimal), so they are made
 * here without printf (the home page formats dozens of amounts). Larger
 * ones are printed with %f (any magnitude). Then the integer part is
 * grouped by threes. */
void num_format_human(struct buf *b, double d, int decimals, int dutch)
{
	char t[400];
	const char *p, *dot;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(d)) {
		buf_adds(b, isnan(d) ? "?" : d < 0 ? "-\xe2\x88\x9e" : "\xe2\x88\x9e");
		return;
	}
	/* Round half away from zero (2.5 gives 3, as people expect of
	 * amounts; printf would round to even) while that is exact. */
	double scale = pow(10, decimals);
	if (fabs(d) * scale < 9007199254740992.0) {
		double units = round(d * scale);
		if (fabs(units) < 4503599627370496.0) { /* 2^52 */
			unsigned long long u = (unsigned long long)fabs(units);
			size_t len = utoa_digits(t, u, (size_t)decimals + 1);
			if (u && units < 0) /* no minus for a value that rounds to zero */
				buf_addch(b, '-');
			add_grouped(b, t, len - (size_t)decimals, t + len - decimals, (size_t)decimals, dutch);
			return;
		}
		d = units / scale;
	}
	snprintf(t, sizeof(t), "%.*f", decimals, d);
	p = t;
	if (*p == '-') {
		/* No minus for a value that rounds to zero. */
		int zero = 1;
		for (const char *q = p + 1; *q; q++)
			if (*q >= '1' && *q <= '9')
				zero = 0;
		if (!zero)
			buf_addch(b, '-');
		p++;
	}
	dot = strchr(p, '.');
	size_t intlen = dot ? (size_t)(dot - p) : strlen(p);
	add_grouped(b, p, intlen, dot ? dot + 1 : "", dot ? strlen(dot + 1) : 0, dutch);
}

/* See num.h. */
void num_format_short(struct buf *b, double d, int maxdec, int dutch)
{
	size_t start = b->len;
	num_format_human(b, d, maxdec, dutch);
	if (maxdec <= 0)
		return;
	while (b->len > start && b->data[b->len - 1] == '0')
		buf_truncate(b, b->len - 1);
	if (b->len > start && b->data[b->len - 1] == (dutch ? ',' : '.'))
		buf_truncate(b, b->len - 1);
}

/* See num.h. */
void eur_format_human(struct buf *b, double d, int dutch)
{
	buf_adds(b, dutch ? "\xe2\x82\xac " : "\xe2\x82\xac");
	num_format_human(b, d, 0, dutch);
}

/* See num.h. Howard Hinnant's days_from_civil algorithm. */
long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}
