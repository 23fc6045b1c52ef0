/*
 * num.h - parsing and printing numbers, dates and booleans as people write
 * them in Dutch and English spreadsheets, and as machines exchange them.
 */
#ifndef STEIGER_NUM_H
#define STEIGER_NUM_H

#include "buf.h"

/* Parse a decimal number. Accepted: machine form (`-12.5`, `1e6`), decimal
 * comma (`12,5`), thousands separators (`1.234.567,89`, `1,234,567.89`), an
 * optional leading `€`, spaces around. A single `.` is the decimal point.
 * NaN, infinities and hexadecimal are refused. Returns 0 and sets *out, or
 * -1. */
int num_parse(const char *s, double *out);

/* As num_parse, but read as Dutch spreadsheets write numbers when dutch is
 * set: then a single '.' between a first group of 1-3 digits (not starting
 * with 0) and exactly three digits is a thousands separator, so "450.000"
 * is 450000 (while "0.125", "1.5" and "1234.5" stay decimals). */
int num_parse_ex(const char *s, int dutch, double *out);

/* Parse a whole number in [min, max] (optional sign, digits, spaces around).
 * Returns 0 and sets *out, or -1. */
int int_parse(const char *s, long long min, long long max, long long *out);

/* Parse a calendar date `YYYY-MM-DD` or `DD-MM-YYYY` (also with `/`), years
 * 1000-9999, and write it as `YYYY-MM-DD` into iso (11 bytes). Returns 0 or
 * -1. */
int date_parse(const char *s, char iso[11]);

/* Parse a date-time `YYYY-MM-DDTHH:MM[:SS][Z]` or `YYYY-MM-DD HH:MM[:SS]`,
 * or a date alone (midnight), and write it as `YYYY-MM-DDTHH:MM:SSZ` into iso
 * (21 bytes). Returns 0 or -1. */
int datetime_parse(const char *s, char iso[21]);

/* Parse ja/nee, yes/no, true/false, 1/0, waar/onwaar, j/n, y (any case,
 * spaces around). Returns 0 and sets *out to 1 or 0, or -1. */
int bool_parse(const char *s, int *out);

/* Append d in the shortest form that reads back as the same double, with a
 * '.' decimal point and no exponent for magnitudes from 1e-6 to 1e16 (the
 * machine form of CSV and JSON exports): 900000, 0.1, 1e+21. */
void num_format(struct buf *b, double d);

/* Append d for people in Dutch (`1.234,5`) or English (`1,234.5`) style with
 * the given number of decimals. */
void num_format_human(struct buf *b, double d, int decimals, int dutch);

/* Append d for people with at most maxdec decimals and no trailing zeros:
 * 0,8 and 12 and 0,167. */
void num_format_short(struct buf *b, double d, int maxdec, int dutch);

/* Append an amount in euros for people: `€ 1.234.567` (Dutch) or
 * `€1,234,567` (English), rounded to whole euros. */
void eur_format_human(struct buf *b, double d, int dutch);

/* Whether a four-digit year y is a leap year. */
int is_leap_year(int y);

/* Days from 1970-01-01 to the ISO date iso (YYYY-MM-DD); for comparing and
 * subtracting dates. */
long days_from_civil(int y, int m, int d);

#endif
