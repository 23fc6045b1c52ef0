/*
 * chart.h - accessible inline SVG charts, made in C: grouped horizontal
 * bars, stacked horizontal bars, heat maps and line charts.
 *
 * Every chart is written into a struct buf as one block of HTML:
 *
 *   <div class="steiger-chart steiger-chart--KIND">
 *     <svg role="img" aria-labelledby="ID-title ID-desc" ...>
 *       <title id="ID-title">...</title> <desc id="ID-desc">...</desc>
 *       ...
 *     </svg>
 *     <table class="steiger-chart-table"><caption>...</caption>...</table>
 *   </div>
 *
 * where ID is "steiger-chart-" followed by chart.id. The <svg> is one image
 * for assistive technology, named by its title and described by its desc
 * (chart.description, or a summary generated from the data); the optional
 * table (chart.with_table) holds the same data, every value formatted for
 * people in the language of the calling thread (i18n_get()), and is what
 * most screen-reader users read. With no categories, no series or no
 * value at all, the block is only <p class="steiger-chart-empty"> saying
 * "No data" (translated), never an empty chart.
 *
 * Properties every chart keeps (WCAG 2.1 AA):
 *   - all text of the caller (title, labels) is escaped (%h);
 *   - text is at least 12 px and has at least 4.5:1 contrast with what is
 *     behind it; bars, lines and markers have at least 3:1 against white;
 *   - colour is never the only carrier of meaning: values are printed next
 *     to bars and in heat-map cells, line series differ in marker shape,
 *     legends list the series in drawing order;
 *   - a missing value (NaN or an infinity) is shown as missing (no bar and
 *     the words "no value", a hatched heat-map cell, a gap in a line, "—"
 *     in the table), never as 0;
 *   - no JavaScript, no fonts (text inherits the page's font), no inline
 *     style attributes (a strict Content-Security-Policy blocks them):
 *     colours are presentation attributes with CSS custom properties and
 *     fallbacks, fill="var(--steiger-chart-1, #154273)", so a stylesheet
 *     may change them; the classes a stylesheet may use are listed at the
 *     top of chart.c;
 *   - output is deterministic: the same chart gives the same bytes.
 *
 * Sizes are in px of the viewBox; the <svg> gets the same width and
 * height, so that 14 px text is 14 px on screen at full size (a stylesheet
 * may scale it down with max-width: 100%; height: auto).
 */
#ifndef STEIGER_CHART_H
#define STEIGER_CHART_H

#include <stddef.h>
#include "lib/buf.h"

/* How values are written for people (num.h): in Dutch 1.234,5 and
 * € 1.234.567, in English 1,234.5 and €1,234,567. */
enum chart_unit {
	CHART_NUMBER,  /* a plain number: 1.234,5 */
	CHART_EUR,     /* euros, rounded to whole euros: € 1.234 */
	CHART_FTE,     /* full-time equivalents: 12,5 fte (Dutch) / 12.5 FTE */
	CHART_PERCENT, /* percentages, given as 0..100 (not 0..1): 12,5% */
};

/* One series of values: a group of bars, one layer of the stacks, one
 * column of a heat map, one line. */
struct chart_series {
	const char *label;    /* name in the legend, table header and tooltips; may be NULL or "":
				 a lone unnamed series is "Value" in the table header and left out
				 of tooltips, unnamed ones among others are "#1", "#2", ... */
	const double *values; /* ncategories values, one per category; NaN or an infinity is a missing
				 value; NULL means all are missing */
};

/* What a chart shows. The chart functions copy nothing and keep no
 * pointer; every string is UTF-8 and may hold any text (it is escaped). */
struct chart {
	const char *id;                    /* unique on the page (the caller sees to that); ids are
					       "steiger-chart-" + id + "-title" etc.; bytes other than
					       A-Z a-z 0-9 - _ become '-'; NULL or "" gives "chart" */
	const char *title;                 /* short title: the <title> and the table's <caption>;
					       NULL or "" gives the kind of chart ("Bar chart") */
	const char *description;           /* the text alternative in <desc>; NULL or "": generated from the
					       data (kind, series, highest and lowest value, number
					       missing, and every value when there is no table) */
	const char *category_label;        /* what the categories are ("Wijk", "Jaar"): heads the
					       table's first column; may be NULL */
	const char *const *categories;     /* ncategories labels: rows of bars and heat maps, x points
					       of lines (e.g. years); NULL entries are empty labels */
	size_t ncategories;                /* number of categories */
	const struct chart_series *series; /* nseries series; colours chart_palette[i % 6] */
	size_t nseries;                    /* number of series */
	enum chart_unit unit;              /* how values are written */
	int decimals;                      /* most decimals shown, trailing zeros dropped: 1..6; 0 =
					       automatic (0 decimals when the largest magnitude is at
					       least 100, 1 from 10, else 2); negative = whole numbers;
					       CHART_EUR always shows whole euros */
	int with_table;                    /* also write the data table after the svg */
	int width;                         /* viewBox width; 0 = 640; a chart grows where its plot would
					       be narrower than 120 px or a heat-map column narrower
					       than 48 px */
	int height;                        /* viewBox height; 0 = 360 for a line chart, and for bars
					       and heat maps what the rows need; a larger height spreads
					       the rows of bars out (and leaves room under a heat map);
					       a smaller one is raised to what the rows need (a line
					       chart keeps a plot at least 100 px high) */
};

/* Grouped horizontal bars: one row per category (label on the left,
 * wrapped to two lines and cut with "…" when long, the full label kept in
 * a <title>), one bar per series in each row, the value printed at the end
 * of each bar. Negative values go left of the zero line. A legend when
 * there is more than one series. Appends to out; the caller owns out. */
void chart_bar(struct buf *out, const struct chart *c);

/* Horizontal stacked bars: one bar per category, the series stacked in
 * order from the zero line (positive values to the right, negative ones to
 * the left), each segment's value printed inside it when it fits and the
 * category's total at the end; a legend in stacking order. The table gets
 * a Total column. Appends to out; the caller owns out. */
void chart_stacked_bar(struct buf *out, const struct chart *c);

/* A heat map: categories are rows, series are columns; each cell is
 * shaded by its value and shows the value as text (black or white,
 * whichever contrasts more with the cell) when it fits, always in a
 * <title>. Values all of one sign use a sequential scale of one hue from
 * light to dark (blue for values >= 0, darker = higher; orange for values
 * <= 0, darker = lower); values on both sides of 0 use a diverging scale
 * symmetric around 0, orange through light grey to blue. Missing values
 * are hatched cells. A colour key under the map. Appends to out; the
 * caller owns out. */
void chart_heatmap(struct buf *out, const struct chart *c);

/* A line chart: categories are the x points in order (years, say), one
 * line per series with a marker of its own shape at every value (the
 * value in the marker's <title>), gaps where values are missing, a legend
 * when there is more than one series. The y axis always includes 0. When
 * x labels do not fit, every k-th is shown (all are in the table).
 * Appends to out; the caller owns out. */
void chart_line(struct buf *out, const struct chart *c);

/* A value axis: from lo to hi in steps of step, with gridlines and labels
 * at every multiple of step; 0 is always one of them. */
struct chart_scale {
	double lo;    /* start of the axis: 0, or a negative multiple of step */
	double hi;    /* end of the axis: 0, or a positive multiple of step */
	double step;  /* distance between gridlines: 1, 2, 2.5 or 5 times a power of 10 */
	int decimals; /* decimals the gridline labels need to show step exactly */
};

/* The "nice" end of an axis for a largest value x: the smallest number of
 * the form 1, 2, 2.5 or 5 times a power of ten that is >= |x|. So 87 gives
 * 100, 0.7 gives 1, 1234 gives 2000, 2.5 gives 2.5, 100 gives 100. Zero
 * and non-finite x give 1. */
double chart_nice_max(double x);

/* Fill *s with the axis for values from min to max (min <= max, both
 * finite; 0 is always included). Values of one sign: the far end is
 * chart_nice_max of the largest magnitude, and the step divides it into 4
 * or 5 parts (100 by 20, 2 by 0.5, 2.5 by 0.5, 5 by 1): 5 or 6 gridlines.
 * Values on both sides of 0: lo and hi are min and max rounded outward to
 * multiples of a step of the form 1, 2, 2.5 or 5 times a power of ten,
 * at most 5 steps apart (at most 6 gridlines); of the steps that allow
 * this, the one giving the shortest axis, and of those the smaller step:
 * -2..2 gives -2..2 by 1; -0.3..87 gives -25..100 by 25; -0.5..0.25
 * gives -0.5..0.25 by 0.25. */
void chart_scale_for(double min, double max, struct chart_scale *s);

/* The number of colours of chart_palette. */
#define CHART_PALETTE_SIZE 6

/* The series colours, as "#rrggbb": the fallbacks of the CSS custom
 * properties --steiger-chart-1 .. --steiger-chart-6. Each has at least
 * 3:1 contrast with white (WCAG 1.4.11) and they stay apart under
 * simulated protanopia, deuteranopia and tritanopia (chart.c says how
 * this was checked). */
extern const char *const chart_palette[CHART_PALETTE_SIZE];

/* Append v for people, in Dutch when dutch is set, else English, with at
 * most decimals decimals (trailing zeros dropped) and the unit: 1.234,5 /
 * € 1.234 / 12,5 fte / 12,5%. A missing value (NaN, infinity) is "—".
 * The text is plain, not escaped. */
void chart_format_value(struct buf *b, double v, enum chart_unit unit, int decimals, int dutch);

#endif
