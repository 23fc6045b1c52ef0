/*
 * chart.c - accessible inline SVG charts; see chart.h.
 *
 * The classes and custom properties a stylesheet may use (the pages' CSS
 * is written elsewhere; this is what it can rely on, with suggested rules):
 *
 *   :root {
 *     --steiger-chart-1: #154273;  ... --steiger-chart-6: #a0703c;
 *                                      series colours (keep >= 3:1 on the
 *                                      background; text drawn on them is
 *                                      chosen for the fallback colours)
 *     --steiger-chart-text: #1f1f1f;   labels and values (>= 4.5:1)
 *     --steiger-chart-text-muted: #555555;  gridline labels, "no value"
 *     --steiger-chart-grid: #d9d9d9;   gridlines (decorative)
 *     --steiger-chart-axis: #6b6b6b;   the zero line (>= 3:1)
 *   }
 *   .steiger-chart              block around svg and table; modifiers
 *                               .steiger-chart--bar, --stacked, --heatmap,
 *                               --line
 *   .steiger-chart-svg          the <svg>: { display: block; max-width:
 *                               100%; height: auto; }
 *   .steiger-chart-grid         group of gridlines; .steiger-chart-zero is
 *                               the zero line
 *   .steiger-chart-tick         gridline labels (values on the axis)
 *   .steiger-chart-label        category labels (rows, x points)
 *   .steiger-chart-header       heat-map column headers
 *   .steiger-chart-bar          a bar; .steiger-chart-segment a piece of a
 *                               stacked bar
 *   .steiger-chart-value        a value printed next to a bar;
 *                               .steiger-chart-total a stack's total;
 *                               .steiger-chart-segment-value a value inside
 *                               a segment; .steiger-chart-cell-value a
 *                               value in a heat-map cell
 *   .steiger-chart-missing      "no value" text, hatched cells, "—" cells
 *   .steiger-chart-cell         a heat-map cell
 *   .steiger-chart-line         a line; .steiger-chart-marker its markers
 *   .steiger-chart-legend       group of legend items;
 *                               .steiger-chart-legend-label their names
 *   .steiger-chart-scale        the heat map's colour key
 *   .steiger-chart-table        the data table: { border-collapse:
 *                               collapse; }
 *   .steiger-chart-num          number cells: { text-align: right;
 *                               font-variant-numeric: tabular-nums; }
 *   .steiger-chart-visually-hidden  text for screen readers only (the
 *                               usual clip-path: inset(50%) pattern)
 *   .steiger-chart-empty        the "No data" paragraph
 *
 * Layout works in whole px of the viewBox (no sub-pixel coordinates, so
 * the output does not depend on how a double prints). Text widths are
 * estimated, as the server has no font metrics: CHAR_ADVANCE em per
 * character, generous for ordinary sans-serif text.
 *
 * The palette: Rijkshuisstijl dark blue and darkened Okabe-Ito colours
 * (Okabe & Ito 2008, "Color Universal Design"), completed with a search
 * for the two colours that keep the smallest CIE76 colour difference
 * between any two palette colours largest under the Machado, Oliveira &
 * Fernandes (2009) simulation of protanopia, deuteranopia and tritanopia
 * at full severity: >= 16 in every simulation, >= 40 for normal vision.
 * Contrast with white (WCAG 2.1 relative luminance): 10.2, 3.9, 4.9, 4.4,
 * 5.4, 4.3 (test_chart.c checks >= 3).
 */
#include "steiger.h"
#include "render/chart.h"

/* Sizes of the layout, in px of the viewBox. */
enum {
	DEFAULT_WIDTH = 640,             /* viewBox width when chart.width is 0 */
	DEFAULT_LINE_CHART_HEIGHT = 360, /* line chart height when chart.height is 0 */
	MARGIN = 8,                      /* empty border around everything */
	FONT_LABEL = 14,                 /* category labels, legend, column headers */
	FONT_SMALL = 13,                 /* values, gridline labels, cell values */
	LINE_STEP = 17,                  /* baseline to baseline of wrapped text */
	BASELINE_SHIFT = 5,              /* from the middle of a line of text to its baseline */
	LABEL_PAD = 6,                   /* between a label and what it labels */
	LABEL_LINES = 2,                 /* most lines of a category label */
	HEADER_LINES = 3,                /* most lines of a heat-map column header */
	BAR_THICKNESS = 18,              /* one bar of a group */
	BAR_GAP = 2,                     /* between the bars of a group */
	STACK_THICKNESS = 22,            /* one stacked bar */
	ROW_GAP = 10,                    /* between rows of bars */
	AXIS_LABEL_ROOM = 24,            /* below the rows, for gridline labels */
	LEGEND_ROW = 22,                 /* one row of legend items */
	SWATCH = 14,                     /* legend colour square */
	LINE_SWATCH = 28,                /* legend line sample */
	MIN_PLOT_WIDTH = 120,            /* narrowest value axis */
	MIN_PLOT_HEIGHT = 100,           /* lowest line chart plot */
	MIN_CELL_WIDTH = 48,             /* narrowest heat-map column */
	MIN_CELL_HEIGHT = 30,            /* lowest heat-map row */
	MAX_TICKS = 16,                  /* more gridlines than chart_scale_for makes */
};

/* Estimated advance of one character, as a fraction of the font size. */
#define CHAR_ADVANCE 0.6

/* See chart.h. */
const char *const chart_palette[CHART_PALETTE_SIZE] = {
	"#154273", /* dark blue (Rijkshuisstijl lintblauw) */
	"#d55e00", /* vermilion (Okabe-Ito) */
	"#008060", /* bluish green (Okabe-Ito #009e73, darkened) */
	"#b9548f", /* reddish purple (Okabe-Ito #cc79a7, darkened) */
	"#3a5fe0", /* bright blue */
	"#a0703c", /* ochre brown */
};

/* Colours of text and lines, as presentation attribute values. */
#define TEXT_COLOUR "var(--steiger-chart-text, #1f1f1f)"
#define MUTED_COLOUR "var(--steiger-chart-text-muted, #555555)"
#define GRID_COLOUR "var(--steiger-chart-grid, #d9d9d9)"
#define AXIS_COLOUR "var(--steiger-chart-axis, #6b6b6b)"

/* UTF-8 of the characters the charts add. */
#define ELLIPSIS "\xe2\x80\xa6"
#define EM_DASH "\xe2\x80\x94"

/* An sRGB colour, 0..255 per channel. */
struct rgb {
	int r, g, b; /* red, green, blue */
};

/* The heat-map colours: the negative end, the neutral middle (also the
 * low end of a sequential scale) and the positive end. */
static const struct rgb heat_negative = { 0xa3, 0x4a, 0x00 };
static const struct rgb heat_neutral = { 0xf2, 0xf2, 0xf2 };
static const struct rgb heat_positive = { 0x15, 0x42, 0x73 };

/* What every chart function works out before it draws. */
struct plan {
	const struct chart *c; /* the chart */
	struct buf id;         /* "steiger-chart-" + the sanitised chart id; the caller frees with plan_free */
	const char *title;     /* the chart's title, or its kind when it has none */
	const char *kind;      /* the translated kind of chart, "Bar chart" */
	const char *modifier;  /* the class modifier: "bar", "stacked", "heatmap", "line" */
	int dutch;             /* write numbers the Dutch way */
	int decimals;          /* most decimals of values (chart.decimals resolved) */
	int width;             /* viewBox width */
	double min, max;       /* smallest and largest value present */
	size_t nvalues;        /* number of values present */
	size_t nmissing;       /* number of values missing */
};

/* One line of wrapped text: bytes [start, start + len) of the text, and
 * whether an ellipsis follows because the text was cut there. */
struct text_line {
	size_t start; /* first byte */
	size_t len;   /* number of bytes */
	int cut;      /* the text goes on but does not fit: show an ellipsis */
};

/* The most lines wrap_text ever makes. */
#define MAX_TEXT_LINES 3

/* ---- small helpers ------------------------------------------------------ */

/* Round a coordinate to whole px; non-finite and absurd values (which
 * the layout never makes) become 0 rather than undefined behaviour. */
static int px(double v)
{
	if (!isfinite(v) || fabs(v) > 1e6)
		return 0;
	return (int)lround(v);
}

/* The value of series s at category i, or NaN when it is missing (NULL
 * values, NaN, infinities). */
static double value_at(const struct chart *c, size_t s, size_t i)
{
	double v;
	if (!c->series[s].values)
		return NAN;
	v = c->series[s].values[i];
	return isfinite(v) ? v : NAN;
}

/* The label of category i; "" for a NULL label. Never NULL. */
static const char *category(const struct chart *c, size_t i)
{
	if (!c->categories || !c->categories[i])
		return "";
	return c->categories[i];
}

/* Whether series s has a name of its own. */
static int series_named(const struct chart *c, size_t s)
{
	return !is_blank(c->series[s].label);
}

/* Append the name of series s: its label, "Value" (translated) for an
 * unnamed lone series, "#N" for an unnamed one among others. */
static void series_name(struct buf *b, const struct chart *c, size_t s)
{
	if (series_named(c, s))
		buf_adds(b, c->series[s].label);
	else if (c->nseries == 1)
		buf_adds(b, _("Value"));
	else
		buf_printf(b, "#%zu", s + 1);
}

/* Whether c is a byte of a UTF-8 sequence other than its first. */
static int continuation_byte(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Whether c separates words for wrapping. */
static int wrap_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The number of characters (code points) in s[0..len): the bytes that
 * do not continue a UTF-8 sequence, so any bytes may be counted. */
static size_t char_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += !continuation_byte((unsigned char)s[i]);
	return n;
}

/* The estimated width in px of the text s[0..len) at font size font. */
static double text_px_len(const char *s, size_t len, int font)
{
	return (double)char_count(s, len) * font * CHAR_ADVANCE;
}

/* The estimated width in px of the NUL-terminated text s at font size
 * font. */
static double text_px(const char *s, int font)
{
	return text_px_len(s, strlen(s), font);
}

/* The byte offset just after the character that starts at s[i] (len
 * bytes in all). */
static size_t next_char(const char *s, size_t i, size_t len)
{
	i++;
	while (i < len && continuation_byte((unsigned char)s[i]))
		i++;
	return i;
}

/* The byte offset after at most n characters of s[0..len) counted from
 * offset from. */
static size_t advance_chars(const char *s, size_t from, size_t n, size_t len)
{
	while (n-- > 0 && from < len)
		from = next_char(s, from, len);
	return from;
}

/* How many characters of FONT px text fit in width px (at least 2). */
static size_t chars_that_fit(double width, int font)
{
	double n = floor(width / (font * CHAR_ADVANCE));
	return n < 2 ? 2 : (size_t)n;
}

/* The number of characters of the longest word of s. */
static size_t longest_word(const char *s)
{
	size_t best = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && !wrap_space(s[j]))
			j++;
		if (char_count(s + i, j - i) > best)
			best = char_count(s + i, j - i);
		i = j + 1;
	}
	return best;
}

/* Wrap the text s into at most maxlines (<= MAX_TEXT_LINES) lines of at
 * most maxchars characters each, breaking at white space; a word longer
 * than a line is broken where it must be. When the text does not fit,
 * the last line is cut to maxchars - 1 characters and marked cut (for an
 * ellipsis). Fills lines and returns the number of lines: 0 for blank
 * text. */
static size_t wrap_text(const char *s, size_t maxchars, size_t maxlines, struct text_line *lines)
{
	size_t n = 0, pos = 0, len = strlen(s);
	if (maxchars < 2)
		maxchars = 2;
	if (maxlines > MAX_TEXT_LINES)
		maxlines = MAX_TEXT_LINES;
	while (n < maxlines) {
		size_t q, count = 0, last_space = SIZE_MAX, end, next, rest;
		while (pos < len && wrap_space(s[pos]))
			pos++;
		if (pos >= len)
			break;
		for (q = pos; q < len && count < maxchars; count++) {
			if (wrap_space(s[q]))
				last_space = q;
			q = next_char(s, q, len);
		}
		if (q >= len || wrap_space(s[q]))
			end = next = q; /* the line ends at the end of a word */
		else if (last_space != SIZE_MAX && last_space > pos)
			end = next = last_space; /* break at the last space */
		else
			end = next = q; /* one long word: break it */
		for (rest = next; rest < len && wrap_space(s[rest]); rest++)
			;
		if (n + 1 == maxlines && rest < len) {
			/* Cut after the last whole word that leaves room for
			 * the ellipsis, unless that wastes half the line. */
			size_t limit = advance_chars(s, pos, maxchars - 1, len), word_end = limit;
			if (limit < len && !wrap_space(s[limit])) {
				while (word_end > pos && !wrap_space(s[word_end - 1]))
					word_end--;
				if (char_count(s + pos, word_end - pos) * 2 < maxchars)
					word_end = limit;
			}
			end = word_end;
			while (end > pos && wrap_space(s[end - 1]))
				end--;
			lines[n].start = pos;
			lines[n].len = end - pos;
			lines[n].cut = 1;
			return n + 1;
		}
		while (end > pos && wrap_space(s[end - 1]))
			end--;
		lines[n].start = pos;
		lines[n].len = end - pos;
		lines[n].cut = 0;
		n++;
		pos = next;
	}
	return n;
}

/* The estimated width in px of the widest of n wrapped lines of s. */
static double lines_px(const char *s, const struct text_line *lines, size_t n, int font)
{
	double w = 0;
	for (size_t i = 0; i < n; i++) {
		double lw =
			text_px_len(s + lines[i].start, lines[i].len, font) + (lines[i].cut ? font * CHAR_ADVANCE : 0);
		if (lw > w)
			w = lw;
	}
	return w;
}

/* Append a <text> element of class cls holding the wrapped lines of s:
 * the first baseline at (x, y), each next one LINE_STEP lower, anchored
 * by anchor ("start", "middle", "end"), in font px; the whole of s in a
 * <title> when it was cut. cls and anchor are program literals. */
static void text_lines(struct buf *out, const char *cls, const char *s, const struct text_line *lines, size_t n, int x,
		       int y, const char *anchor, int font)
{
	buf_printf(out,
		   "<text class=\"%s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%dpx\" fill=\"" TEXT_COLOUR
		   "\">",
		   cls, x, y, anchor, font); /* literal */
	if (n > 0 && lines[n - 1].cut)
		buf_printf(out, "<title>%h</title>", s);
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "<tspan x=\"%d\" y=\"%d\">%.*h%s</tspan>", x, y + (int)i * LINE_STEP, (int)lines[i].len,
			   s + lines[i].start, lines[i].cut ? ELLIPSIS : ""); /* literal */
	buf_adds(out, "</text>\n");
}

/* Append a one-line <text> of class cls at (x, y) with the plain text s,
 * anchored by anchor, in font px, filled with fill (a colour attribute
 * value). cls, anchor and fill are program literals. */
static void text_at(struct buf *out, const char *cls, int x, int y, const char *anchor, int font, const char *fill,
		    const char *s)
{
	buf_printf(out,
		   "<text class=\"%s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%dpx\" fill=\"%s\">%h</text>\n",
		   cls, x, y, anchor, font, fill, s); /* literal */
}

/* ---- colour ----------------------------------------------------------- */

/* Parse "#rrggbb". */
static struct rgb rgb_parse(const char *hex)
{
	struct rgb c = { 0, 0, 0 };
	unsigned long v = strtoul(hex + 1, NULL, 16);
	c.r = (int)(v >> 16 & 0xff);
	c.g = (int)(v >> 8 & 0xff);
	c.b = (int)(v & 0xff);
	return c;
}

/* One sRGB channel (0..255) as linear light, per WCAG 2.1. */
static double channel_linear(int c)
{
	double s = c / 255.0;
	return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

/* The WCAG 2.1 relative luminance of c. */
static double luminance(struct rgb c)
{
	return 0.2126 * channel_linear(c.r) + 0.7152 * channel_linear(c.g) + 0.0722 * channel_linear(c.b);
}

/* The text colour for text on background bg: black or white, whichever
 * contrasts more (at least 4.58:1 for any bg). A static string. */
static const char *text_colour_on(struct rgb bg)
{
	double l = luminance(bg);
	double on_black = (l + 0.05) / 0.05, on_white = 1.05 / (l + 0.05);
	return on_black >= on_white ? "#000000" : "#ffffff";
}

/* The colour t of the way from a to b (0 <= t <= 1), in sRGB. */
static struct rgb rgb_mix(struct rgb a, struct rgb b, double t)
{
	struct rgb c;
	if (t < 0)
		t = 0;
	if (t > 1)
		t = 1;
	c.r = (int)lround(a.r + (b.r - a.r) * t);
	c.g = (int)lround(a.g + (b.g - a.g) * t);
	c.b = (int)lround(a.b + (b.b - a.b) * t);
	return c;
}

/* Append the fill or stroke value of series s: its custom property with
 * the palette colour as fallback. */
static void series_colour(struct buf *b, size_t s)
{
	buf_printf(b, "var(--steiger-chart-%zu, %s)", s % CHART_PALETTE_SIZE + 1,
		   chart_palette[s % CHART_PALETTE_SIZE]); /* literal */
}

/* ---- numbers -------------------------------------------------------- */

/* See chart.h. */
void chart_format_value(struct buf *b, double v, enum chart_unit unit, int decimals, int dutch)
{
	if (!isfinite(v)) {
		buf_adds(b, EM_DASH);
		return;
	}
	switch (unit) {
	case CHART_EUR: eur_format_human(b, v, dutch); break;
	case CHART_FTE: {
		struct buf number = BUF_INIT;
		num_format_short(&number, v, decimals, dutch);
		buf_printf(b, _("%s FTE"), number.data);
		buf_free(&number);
		break;
	}
	case CHART_PERCENT:
		num_format_short(b, v, decimals, dutch);
		buf_addch(b, '%');
		break;
	case CHART_NUMBER:
	default: num_format_short(b, v, decimals, dutch); break;
	}
}

/* Append value v of the chart of p for people (chart_format_value with
 * the plan's decimals and language). */
static void format_value(const struct plan *p, struct buf *b, double v)
{
	chart_format_value(b, v, p->c->unit, p->decimals, p->dutch);
}

/* m times 10 to the power e, computed so that 0.2 and 2.5 come out as
 * the doubles nearest to them. */
static double times_power_of_ten(double m, int e)
{
	if (e > 300)
		e = 300;
	if (e < -300)
		e = -300;
	return e >= 0 ? m * pow(10, e) : m / pow(10, -e);
}

/* The decimals needed to write multiples of step exactly (at most 6). */
static int step_decimals(double step)
{
	int e = (int)floor(log10(step) + 1e-9);
	double m = step / times_power_of_ten(1, e);
	int d = -e + (fabs(m - 2.5) < 1e-6 ? 1 : 0);
	return d < 0 ? 0 : d > 6 ? 6 : d;
}

/* Append the gridline label for v on scale s: as format_value with the
 * decimals the step needs (euros too), and, for numbers and euros on a
 * scale reaching a million, in millions: "€ 2,5 mln" / "€2.5M". */
static void format_tick(const struct plan *p, struct buf *b, double v, const struct chart_scale *s)
{
	enum chart_unit unit = p->c->unit;
	int millions =
		(unit == CHART_NUMBER || unit == CHART_EUR) && fmax(fabs(s->lo), fabs(s->hi)) >= 1e6 && s->step >= 1e5;
	struct buf number = BUF_INIT;
	if (unit != CHART_EUR && !millions) {
		chart_format_value(b, v, unit, s->decimals, p->dutch);
		return;
	}
	if (unit == CHART_EUR)
		buf_adds(b, p->dutch ? "\xe2\x82\xac " : "\xe2\x82\xac");
	if (millions && v != 0) {
		num_format_short(&number, v / 1e6, step_decimals(s->step / 1e6), p->dutch);
		buf_printf(b, _("%sM"), number.data);
	} else if (millions) {
		buf_addch(b, '0');
	} else {
		num_format_short(b, v, s->decimals, p->dutch);
	}
	buf_free(&number);
}

/* The nice maximum for |x| (see chart_nice_max) and, in *step, the step
 * that divides it into 4 or 5 parts. */
static double nice_max_and_step(double x, double *step)
{
	static const struct {
		double mantissa; /* of the maximum */
		double parts;    /* steps to the maximum */
	} nice[] = { { 1, 5 }, { 2, 4 }, { 2.5, 5 }, { 5, 5 }, { 10, 5 } };
	int e;
	double v = 1;
	if (!isfinite(x) || x == 0) {
		*step = 0.2;
		return 1;
	}
	x = fabs(x);
	e = (int)floor(log10(x));
	for (size_t i = 0; i < ARRAY_SIZE(nice); i++) {
		v = times_power_of_ten(nice[i].mantissa, e);
		if (v >= x * (1 - 1e-12)) {
			*step = v / nice[i].parts;
			return v;
		}
	}
	*step = v / 5;
	return v;
}

/* See chart.h. */
double chart_nice_max(double x)
{
	double step;
	return nice_max_and_step(x, &step);
}

/* See chart.h. */
void chart_scale_for(double min, double max, struct chart_scale *s)
{
	static const double mantissas[] = { 1, 2, 2.5, 5 };
	if (!isfinite(min))
		min = 0;
	if (!isfinite(max))
		max = 0;
	if (min > 0)
		min = 0;
	if (max < 0)
		max = 0;
	if (min == 0) {
		s->lo = 0;
		s->hi = nice_max_and_step(max, &s->step);
	} else if (max == 0) {
		s->hi = 0;
		s->lo = -nice_max_and_step(-min, &s->step);
	} else {
		/* Of the steps that need at most 5 intervals, the one whose
		 * axis is shortest; of equally short ones, the smaller step
		 * (more gridlines). Two powers of ten above span/5 always
		 * hold one: there the data fits in one step each side. */
		double span = max - min, best_range = INFINITY;
		int e = (int)floor(log10(span / 5));
		s->step = times_power_of_ten(1, e + 2);
		s->lo = -s->step;
		s->hi = s->step;
		for (int k = 0; k < 3; k++) {
			for (size_t i = 0; i < ARRAY_SIZE(mantissas); i++) {
				double step = times_power_of_ten(mantissas[i], e + k);
				double lo, hi;
				if (step * (1 + 1e-12) < span / 5)
					continue;
				lo = -ceil(-min / step - 1e-9) * step;
				hi = ceil(max / step - 1e-9) * step;
				/* The tolerance must not drop a value that is
				 * tiny beside the step. */
				if (lo > min)
					lo -= step;
				if (hi < max)
					hi += step;
				if ((hi - lo) / step <= 5 + 1e-9 && hi - lo < best_range * (1 - 1e-12)) {
					best_range = hi - lo;
					s->lo = lo;
					s->hi = hi;
					s->step = step;
				}
			}
		}
	}
	s->decimals = step_decimals(s->step);
}

/* Fill ticks with the gridline values of s, from lo to hi; returns how
 * many (at most MAX_TICKS). Multiples of the step are computed, not
 * summed, so that no rounding error builds up. */
static size_t scale_ticks(const struct chart_scale *s, double *ticks)
{
	long first = lround(s->lo / s->step), last = lround(s->hi / s->step);
	size_t n = 0;
	for (long k = first; k <= last && n < MAX_TICKS; k++)
		ticks[n++] = (double)k * s->step;
	return n;
}

/* ---- the plan, the text alternative, the table -------------------- */

/* Work out the plan of chart c of the given kind (translated) and class
 * modifier: language, id, title, value range, decimals. Returns 1, or 0
 * when there is nothing to draw (no categories, no series or no value at
 * all); in both cases plan_free releases it. */
static int plan_init(struct plan *p, const struct chart *c, const char *kind, const char *modifier)
{
	double largest = 0;
	memset(p, 0, sizeof(*p));
	buf_init(&p->id);
	p->c = c;
	p->kind = kind;
	p->modifier = modifier;
	p->dutch = i18n_get() == LANG_NL;
	if (!c || c->ncategories == 0 || c->nseries == 0 || !c->series)
		return 0;
	p->title = is_blank(c->title) ? kind : c->title;
	p->width = c->width > 0 ? c->width : DEFAULT_WIDTH;
	buf_adds(&p->id, "steiger-chart-");
	if (is_blank(c->id)) {
		buf_adds(&p->id, "chart");
	} else {
		for (const char *q = c->id; *q; q++)
			buf_addch(&p->id, isalnum((unsigned char)*q) || *q == '-' || *q == '_' ? *q : '-');
	}
	p->min = INFINITY;
	p->max = -INFINITY;
	for (size_t s = 0; s < c->nseries; s++) {
		for (size_t i = 0; i < c->ncategories; i++) {
			double v = value_at(c, s, i);
			if (isnan(v)) {
				p->nmissing++;
				continue;
			}
			p->nvalues++;
			if (v < p->min)
				p->min = v;
			if (v > p->max)
				p->max = v;
			if (fabs(v) > largest)
				largest = fabs(v);
		}
	}
	if (c->decimals > 0)
		p->decimals = c->decimals > 6 ? 6 : c->decimals;
	else if (c->decimals < 0)
		p->decimals = 0;
	else
		p->decimals = largest >= 100 ? 0 : largest >= 10 ? 1 : 2;
	return p->nvalues > 0;
}

/* Free what plan_init allocated. */
static void plan_free(struct plan *p)
{
	buf_free(&p->id);
}

/* Append the "No data" paragraph for chart c (which may be NULL). */
static void no_data(struct buf *out, const struct chart *c)
{
	if (c && !is_blank(c->title))
		buf_printf(out, "<p class=\"steiger-chart-empty\">%h: %h</p>\n", c->title, _("No data"));
	else
		buf_printf(out, "<p class=\"steiger-chart-empty\">%h</p>\n", _("No data"));
}

/* Append the plain-text name of a value for tooltips and the text
 * alternative: "category, series: value" ("category: value" for an
 * unnamed lone series). Series SIZE_MAX is the total of a stack. */
static void point_text(const struct plan *p, struct buf *b, size_t i, size_t s, double v)
{
	buf_adds(b, category(p->c, i));
	if (s == SIZE_MAX) {
		buf_adds(b, ", ");
		buf_adds(b, _("Total"));
	} else if (p->c->nseries > 1 || series_named(p->c, s)) {
		buf_adds(b, ", ");
		series_name(b, p->c, s);
	}
	buf_adds(b, ": ");
	if (isnan(v))
		buf_adds(b, _("no value"));
	else
		format_value(p, b, v);
}

/* Append the generated text alternative of the chart of p: its kind, its
 * series, the highest and lowest value, how many are missing, and either
 * a pointer to the table or every value. totals (NULL, or one per
 * category, NaN when a category has no value) are the stacks' totals:
 * then the highest and lowest are totals, and the listing includes
 * them. */
static void describe(const struct plan *p, struct buf *d, const double *totals)
{
	const struct chart *c = p->c;
	struct buf part = BUF_INIT;
	size_t hi_i = 0, hi_s = 0, lo_i = 0, lo_s = 0;
	double hi = -INFINITY, lo = INFINITY;
	buf_printf(d, "%s.", p->kind);
	if (c->nseries > 1) {
		for (size_t s = 0; s < c->nseries; s++) {
			if (s)
				buf_adds(&part, ", ");
			series_name(&part, c, s);
		}
		buf_addch(d, ' ');
		buf_printf(d, _("Series: %s."), part.data);
	}
	for (size_t i = 0; i < c->ncategories; i++) {
		size_t first = totals ? SIZE_MAX : 0, last = totals ? SIZE_MAX : c->nseries - 1;
		for (size_t s = first;; s++) {
			double v = s == SIZE_MAX ? totals[i] : value_at(c, s, i);
			if (!isnan(v) && v > hi) {
				hi = v;
				hi_i = i;
				hi_s = s;
			}
			if (!isnan(v) && v < lo) {
				lo = v;
				lo_i = i;
				lo_s = s;
			}
			if (s == last)
				break;
		}
	}
	if (isfinite(hi)) {
		buf_reset(&part);
		point_text(p, &part, hi_i, hi_s, hi);
		buf_addch(d, ' ');
		buf_printf(d, _("Highest value: %s."), part.data);
		buf_reset(&part);
		point_text(p, &part, lo_i, lo_s, lo);
		buf_addch(d, ' ');
		buf_printf(d, _("Lowest value: %s."), part.data);
	}
	if (p->nmissing > 0) {
		buf_addch(d, ' ');
		buf_printf(d, _("Missing values: %zu."), p->nmissing);
	}
	if (c->with_table) {
		buf_addch(d, ' ');
		buf_adds(d, _("The table after the chart holds every value."));
	} else {
		for (size_t i = 0; i < c->ncategories; i++) {
			buf_adds(d, i ? "; " : " ");
			buf_adds(d, category(c, i));
			buf_adds(d, ": ");
			for (size_t s = 0; s < c->nseries; s++) {
				double v = value_at(c, s, i);
				if (s)
					buf_adds(d, ", ");
				if (c->nseries > 1 || series_named(c, s)) {
					series_name(d, c, s);
					buf_addch(d, ' ');
				}
				if (isnan(v))
					buf_adds(d, _("no value"));
				else
					format_value(p, d, v);
			}
			if (totals) {
				buf_adds(d, ", ");
				buf_adds(d, _("Total"));
				buf_addch(d, ' ');
				if (isnan(totals[i]))
					buf_adds(d, _("no value"));
				else
					format_value(p, d, totals[i]);
			}
		}
		buf_addch(d, '.');
	}
	buf_free(&part);
}

/* Append the opening of the chart of p: the block, the <svg> of the given
 * size with its <title> and <desc> (the caller's description, or when it
 * is NULL or blank the generated one, with totals as for describe). */
static void chart_open(const struct plan *p, struct buf *out, int width, int height, const double *totals)
{
	struct buf desc = BUF_INIT;
	if (!is_blank(p->c->description))
		buf_adds(&desc, p->c->description);
	else
		describe(p, &desc, totals);
	buf_printf(out, "<div class=\"steiger-chart steiger-chart--%s\">\n", p->modifier); /* literal */
	buf_printf(out,
		   "<svg class=\"steiger-chart-svg\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
		   "aria-labelledby=\"%h-title %h-desc\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n",
		   p->id.data, p->id.data, width, height, width, height);
	buf_printf(out, "<title id=\"%h-title\">%h</title>\n<desc id=\"%h-desc\">%h</desc>\n", p->id.data, p->title,
		   p->id.data, desc.data);
	buf_free(&desc);
}

/* Append a table cell with value v (right-aligned by class; a missing
 * value is a dash, read out as "no value"). */
static void value_cell(const struct plan *p, struct buf *out, double v)
{
	struct buf text = BUF_INIT;
	if (isnan(v)) {
		buf_printf(out,
			   "<td class=\"steiger-chart-num steiger-chart-missing\"><span aria-hidden=\"true\">" EM_DASH
			   "</span><span class=\"steiger-chart-visually-hidden\">%h</span></td>",
			   _("no value"));
		return;
	}
	format_value(p, &text, v);
	buf_printf(out, "<td class=\"steiger-chart-num\">%h</td>", text.data);
	buf_free(&text);
}

/* Append the data table of the chart of p: a caption (the title), a
 * header row (category label, series names, "Total" when totals is not
 * NULL), one row per category. */
static void data_table(const struct plan *p, struct buf *out, const double *totals)
{
	const struct chart *c = p->c;
	struct buf name = BUF_INIT;
	buf_printf(out, "<table class=\"steiger-chart-table\">\n<caption>%h</caption>\n<thead>\n<tr>", p->title);
	if (is_blank(c->category_label))
		buf_adds(out, "<td></td>");
	else
		buf_printf(out, "<th scope=\"col\">%h</th>", c->category_label);
	for (size_t s = 0; s < c->nseries; s++) {
		buf_reset(&name);
		series_name(&name, c, s);
		buf_printf(out, "<th scope=\"col\">%h</th>", name.data);
	}
	if (totals)
		buf_printf(out, "<th scope=\"col\">%h</th>", _("Total"));
	buf_adds(out, "</tr>\n</thead>\n<tbody>\n");
	for (size_t i = 0; i < c->ncategories; i++) {
		buf_printf(out, "<tr><th scope=\"row\">%h</th>", category(c, i));
		for (size_t s = 0; s < c->nseries; s++)
			value_cell(p, out, value_at(c, s, i));
		if (totals)
			value_cell(p, out, totals[i]);
		buf_adds(out, "</tr>\n");
	}
	buf_adds(out, "</tbody>\n</table>\n");
	buf_free(&name);
}

/* Append the end of the chart of p: close the svg, the table when asked
 * for (with totals as for data_table), close the block. */
static void chart_close(const struct plan *p, struct buf *out, const double *totals)
{
	buf_adds(out, "</svg>\n");
	if (p->c->with_table)
		data_table(p, out, totals);
	buf_adds(out, "</div>\n");
}

/* ---- shared parts of the drawings ---------------------------------- */

/* How a legend shows a series. */
enum swatch_kind {
	SWATCH_BOX,  /* a filled square, for bars */
	SWATCH_LINE, /* a piece of line with the series' marker */
};

/* Append the path data of the marker of series s centred at (x, y): a
 * circle, square, triangle, diamond, downward triangle or (with a white
 * fill, see marker) a ring, repeating after six series. */
static void marker_path(struct buf *d, size_t s, int x, int y)
{
	const int r = 5;
	switch (s % 6) {
	case 1: buf_printf(d, "M%d %dh%dv%dh%dZ", x - r, y - r, 2 * r, 2 * r, -2 * r); break;
	case 2: buf_printf(d, "M%d %dL%d %dL%d %dZ", x, y - r - 1, x + r + 1, y + r, x - r - 1, y + r); break;
	case 3:
		buf_printf(d, "M%d %dL%d %dL%d %dL%d %dZ", x, y - r - 1, x + r + 1, y, x, y + r + 1, x - r - 1, y);
		break;
	case 4: buf_printf(d, "M%d %dL%d %dL%d %dZ", x, y + r + 1, x + r + 1, y - r, x - r - 1, y - r); break;
	default: buf_printf(d, "M%d %da%d %d 0 1 0 %d 0a%d %d 0 1 0 %d 0Z", x - r, y, r, r, 2 * r, r, r, -2 * r); break;
	}
}

/* Append the marker of series s at (x, y), with title (plain text, may
 * be NULL) as its tooltip. */
static void marker(struct buf *out, size_t s, int x, int y, const char *title)
{
	struct buf d = BUF_INIT, colour = BUF_INIT;
	marker_path(&d, s, x, y);
	series_colour(&colour, s);
	if (s % 6 == 5)
		buf_printf(out,
			   "<path class=\"steiger-chart-marker\" d=\"%h\" fill=\"#ffffff\" stroke=\"%h\" "
			   "stroke-width=\"2\">",
			   d.data, colour.data);
	else
		buf_printf(out,
			   "<path class=\"steiger-chart-marker\" d=\"%h\" fill=\"%h\" stroke=\"#ffffff\" "
			   "stroke-width=\"1\">",
			   d.data, colour.data);
	if (title)
		buf_printf(out, "<title>%h</title>", title);
	buf_adds(out, "</path>\n");
	buf_free(&d);
	buf_free(&colour);
}

/* The dash pattern attribute of the line of series s: solid for the
 * first six series, dashed for the next six, and so on. A literal. */
static const char *line_dash(size_t s)
{
	return (s / CHART_PALETTE_SIZE) % 2 ? " stroke-dasharray=\"6 4\"" : "";
}

/* Append the legend of the chart of p at top: one item per series (a
 * swatch of kind in its colour and its name, cut with an ellipsis when
 * longer than the chart is wide), in rows between MARGIN and width -
 * MARGIN. Returns its height, including the gap below it. */
static int legend(const struct plan *p, struct buf *out, int top, int width, enum swatch_kind kind)
{
	const struct chart *c = p->c;
	struct buf name = BUF_INIT, colour = BUF_INIT;
	int swatch_w = kind == SWATCH_LINE ? LINE_SWATCH : SWATCH;
	int x = MARGIN, y = top;
	size_t maxchars = chars_that_fit(width - 2 * MARGIN - swatch_w - LABEL_PAD, FONT_LABEL);
	buf_adds(out, "<g class=\"steiger-chart-legend\">\n");
	for (size_t s = 0; s < c->nseries; s++) {
		struct text_line line[1];
		size_t n;
		int item_w;
		buf_reset(&name);
		buf_reset(&colour);
		series_name(&name, c, s);
		series_colour(&colour, s);
		n = wrap_text(name.data, maxchars, 1, line);
		item_w = swatch_w + LABEL_PAD + (int)ceil(lines_px(name.data, line, n, FONT_LABEL));
		if (x > MARGIN && x + item_w > width - MARGIN) {
			x = MARGIN;
			y += LEGEND_ROW;
		}
		if (kind == SWATCH_LINE) {
			buf_printf(out,
				   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%h\" "
				   "stroke-width=\"2.5\"%s/>\n",
				   x, y + 9, x + swatch_w, y + 9, colour.data, line_dash(s)); /* literal */
			marker(out, s, x + swatch_w / 2, y + 9, NULL);
		} else {
			buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%h\"/>\n", x, y + 2,
				   SWATCH, SWATCH, colour.data);
		}
		text_lines(out, "steiger-chart-legend-label", name.data, line, n, x + swatch_w + LABEL_PAD,
			   y + 9 + BASELINE_SHIFT, "start", FONT_LABEL);
		x += item_w + 18;
	}
	buf_adds(out, "</g>\n");
	buf_free(&name);
	buf_free(&colour);
	return y + LEGEND_ROW - top + 6;
}

/* The width of the column of category labels: the longest label on one
 * line, at most max_share of width (longer labels wrap), at least 24. */
static int label_column_width(const struct plan *p, int width, double max_share)
{
	double longest = 0;
	int w;
	for (size_t i = 0; i < p->c->ncategories; i++) {
		double l = text_px(category(p->c, i), FONT_LABEL);
		if (l > longest)
			longest = l;
	}
	w = (int)ceil(longest) + 2 * LABEL_PAD;
	if (w > width * max_share)
		w = (int)(width * max_share);
	return w < 24 ? 24 : w;
}

/* The most lines any category label needs in a column of label_w px. */
static size_t label_lines_needed(const struct plan *p, int label_w)
{
	struct text_line lines[MAX_TEXT_LINES];
	size_t maxchars = chars_that_fit(label_w - 2 * LABEL_PAD, FONT_LABEL), most = 1;
	for (size_t i = 0; i < p->c->ncategories; i++) {
		size_t n = wrap_text(category(p->c, i), maxchars, LABEL_LINES, lines);
		if (n > most)
			most = n;
	}
	return most;
}

/* Append category label i, right-aligned against x, its lines centred
 * around the middle mid. */
static void row_label(const struct plan *p, struct buf *out, size_t i, int label_w, int mid)
{
	struct text_line lines[MAX_TEXT_LINES];
	const char *s = category(p->c, i);
	size_t n = wrap_text(s, chars_that_fit(label_w - 2 * LABEL_PAD, FONT_LABEL), LABEL_LINES, lines);
	int first = mid - (int)(n > 0 ? n - 1 : 0) * LINE_STEP / 2 + BASELINE_SHIFT;
	text_lines(out, "steiger-chart-label", s, lines, n, label_w - LABEL_PAD, first, "end", FONT_LABEL);
}

/* The widest estimated text of the gridline labels of s, in px. */
static double ticks_px(const struct plan *p, const struct chart_scale *s)
{
	double ticks[MAX_TICKS], w = 0;
	size_t n = scale_ticks(s, ticks);
	struct buf t = BUF_INIT;
	for (size_t k = 0; k < n; k++) {
		buf_reset(&t);
		format_tick(p, &t, ticks[k], s);
		if (text_px(t.data, FONT_SMALL) > w)
			w = text_px(t.data, FONT_SMALL);
	}
	buf_free(&t);
	return w;
}

/* A horizontal value axis: where the scale s lies in px. */
struct hscale {
	struct chart_scale s; /* the values */
	double x0, x1;        /* px of s.lo and s.hi */
};

/* The x in px of value v on axis a. */
static double hx(const struct hscale *a, double v)
{
	return a->x0 + (v - a->s.lo) / (a->s.hi - a->s.lo) * (a->x1 - a->x0);
}

/* Append the vertical gridlines of axis a from top to bottom, the zero
 * line darker, and their labels under bottom (every one that fits,
 * always the one at 0). */
static void vertical_grid(const struct plan *p, struct buf *out, const struct hscale *a, int top, int bottom)
{
	double ticks[MAX_TICKS];
	size_t n = scale_ticks(&a->s, ticks), zero = 0;
	double spacing = n > 1 ? (a->x1 - a->x0) / (double)(n - 1) : a->x1 - a->x0;
	double widest = ticks_px(p, &a->s);
	size_t every = 1;
	struct buf t = BUF_INIT;
	while (every < n && widest + 8 > spacing * (double)every)
		every++;
	for (size_t k = 0; k < n; k++)
		if (fabs(ticks[k]) < a->s.step / 2)
			zero = k;
	buf_adds(out, "<g class=\"steiger-chart-grid\">\n");
	for (size_t k = 0; k < n; k++) {
		int x = px(hx(a, ticks[k]));
		if (k == zero)
			buf_printf(out,
				   "<line class=\"steiger-chart-zero\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
				   "stroke=\"" AXIS_COLOUR "\" stroke-width=\"1\"/>\n",
				   x, top, x, bottom);
		else
			buf_printf(out,
				   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" GRID_COLOUR
				   "\" stroke-width=\"1\"/>\n",
				   x, top, x, bottom);
	}
	buf_adds(out, "</g>\n");
	for (size_t k = 0; k < n; k++) {
		if ((k > zero ? k - zero : zero - k) % every != 0)
			continue;
		buf_reset(&t);
		format_tick(p, &t, ticks[k], &a->s);
		text_at(out, "steiger-chart-tick", px(hx(a, ticks[k])), bottom + 16, "middle", FONT_SMALL, MUTED_COLOUR,
			t.data);
	}
	buf_free(&t);
}

/* The room in px that the widest formatted value of values (n of them,
 * NaN skipped; the negative ones when negative is set, else the others)
 * and, when missing is set, the words "no value" need next to a bar; 0
 * when there is nothing to write. */
static int value_room(const struct plan *p, const double *values, size_t n, int negative, int missing)
{
	struct buf t = BUF_INIT;
	double w = missing ? text_px(_("no value"), FONT_SMALL) : 0;
	int any = missing;
	for (size_t i = 0; i < n; i++) {
		if (isnan(values[i]) || (values[i] < 0) != negative)
			continue;
		any = 1;
		buf_reset(&t);
		format_value(p, &t, values[i]);
		if (text_px(t.data, FONT_SMALL) > w)
			w = text_px(t.data, FONT_SMALL);
	}
	buf_free(&t);
	return any ? (int)ceil(w) + 2 * LABEL_PAD : 0;
}

/* The geometry of a chart of horizontal bars in rows. */
struct rows {
	int width, height;  /* of the viewBox */
	int label_w;        /* column of category labels */
	int top;            /* y of the first row */
	int pitch;          /* distance between rows */
	struct hscale axis; /* the value axis */
};

/* Lay out rows of horizontal bars for the chart of p: the value axis for
 * min..max, bars of group_h px per row, values needing room[0] px left of
 * negative bars and room[1] px right of the others, legend_h px of legend
 * above. Sets *r. */
static void rows_layout(const struct plan *p, struct rows *r, double min, double max, int group_h, const int room[2],
			int legend_h)
{
	int width = p->width, right, left;
	size_t ncat = p->c->ncategories;
	double tick_half;
	chart_scale_for(min, max, &r->axis.s);
	tick_half = ticks_px(p, &r->axis.s) / 2 + 2;
	r->label_w = label_column_width(p, width, 0.4);
	left = r->label_w + room[0];
	right = room[1];
	if (right < tick_half)
		right = (int)ceil(tick_half);
	right += MARGIN;
	if (width - right - left < MIN_PLOT_WIDTH)
		width = left + MIN_PLOT_WIDTH + right;
	r->width = width;
	r->axis.x0 = left;
	r->axis.x1 = width - right;
	r->pitch = (int)label_lines_needed(p, r->label_w) * LINE_STEP;
	if (r->pitch < group_h)
		r->pitch = group_h;
	r->pitch += ROW_GAP;
	r->top = MARGIN + legend_h;
	r->height = r->top + (int)ncat * r->pitch + AXIS_LABEL_ROOM + MARGIN;
	if (p->c->height > r->height) {
		r->pitch += (p->c->height - r->height) / (int)ncat;
		r->height = p->c->height;
	}
}

/* ---- bar charts ----------------------------------------------------- */

/* See chart.h. */
void chart_bar(struct buf *out, const struct chart *c)
{
	struct plan p;
	struct rows r;
	struct buf body = BUF_INIT, t = BUF_INIT, colour = BUF_INIT;
	double *all;
	size_t ncat, nser, n = 0;
	int legend_h = 0, group_h, room[2];
	if (!plan_init(&p, c, _("Bar chart"), "bar")) {
		no_data(out, c);
		plan_free(&p);
		return;
	}
	ncat = c->ncategories;
	nser = c->nseries;
	all = xcalloc(ncat * nser, sizeof(*all));
	for (size_t s = 0; s < nser; s++)
		for (size_t i = 0; i < ncat; i++)
			all[n++] = value_at(c, s, i);
	group_h = (int)nser * BAR_THICKNESS + (int)(nser - 1) * BAR_GAP;
	room[0] = value_room(&p, all, n, 1, p.nmissing > 0 && p.max <= 0);
	room[1] = value_room(&p, all, n, 0, p.nmissing > 0 && p.max > 0);
	rows_layout(&p, &r, p.min, p.max, group_h, room, 0);
	if (nser > 1) {
		/* The legend wraps in the width just laid out; the rows then
		 * make room for it (the width does not depend on it). */
		legend_h = legend(&p, &body, MARGIN, r.width, SWATCH_BOX);
		rows_layout(&p, &r, p.min, p.max, group_h, room, legend_h);
	}
	vertical_grid(&p, &body, &r.axis, r.top - 4, r.top + (int)ncat * r.pitch);
	for (size_t i = 0; i < ncat; i++) {
		int mid = r.top + (int)i * r.pitch + r.pitch / 2;
		int group_top = mid - group_h / 2;
		row_label(&p, &body, i, r.label_w, mid);
		for (size_t s = 0; s < nser; s++) {
			double v = value_at(c, s, i);
			int y = group_top + (int)s * (BAR_THICKNESS + BAR_GAP);
			int zero = px(hx(&r.axis, 0)), end, value_y = y + BAR_THICKNESS / 2 + BASELINE_SHIFT;
			buf_reset(&t);
			point_text(&p, &t, i, s, v);
			if (isnan(v)) {
				/* No bar, and say so where the bar would start. */
				buf_printf(&body, "<g class=\"steiger-chart-missing\"><title>%h</title>", t.data);
				text_at(&body, "steiger-chart-value steiger-chart-missing",
					r.axis.s.hi > 0 ? zero + 4 : zero - 4, value_y,
					r.axis.s.hi > 0 ? "start" : "end", FONT_SMALL, MUTED_COLOUR, _("no value"));
				buf_adds(&body, "</g>\n");
				continue;
			}
			end = px(hx(&r.axis, v));
			buf_reset(&colour);
			series_colour(&colour, s);
			buf_printf(&body,
				   "<rect class=\"steiger-chart-bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				   "fill=\"%h\">"
				   "<title>%h</title></rect>\n",
				   v < 0 ? end : zero, y, abs(end - zero), BAR_THICKNESS, colour.data, t.data);
			buf_reset(&t);
			format_value(&p, &t, v);
			text_at(&body, "steiger-chart-value", v < 0 ? end - 4 : end + 4, value_y,
				v < 0 ? "end" : "start", FONT_SMALL, TEXT_COLOUR, t.data);
		}
	}
	chart_open(&p, out, r.width, r.height, NULL);
	buf_add(out, body.data, body.len);
	chart_close(&p, out, NULL);
	free(all);
	buf_free(&body);
	buf_free(&t);
	buf_free(&colour);
	plan_free(&p);
}

/* See chart.h. */
void chart_stacked_bar(struct buf *out, const struct chart *c)
{
	struct plan p;
	struct rows r;
	struct buf body = BUF_INIT, t = BUF_INIT, colour = BUF_INIT;
	double *totals, *pos, *neg, min = 0, max = 0;
	size_t ncat, nser;
	int legend_h = 0, any_empty = 0, room[2];
	if (!plan_init(&p, c, _("Stacked bar chart"), "stacked")) {
		no_data(out, c);
		plan_free(&p);
		return;
	}
	ncat = c->ncategories;
	nser = c->nseries;
	totals = xcalloc(ncat, sizeof(*totals));
	pos = xcalloc(ncat, sizeof(*pos));
	neg = xcalloc(ncat, sizeof(*neg));
	for (size_t i = 0; i < ncat; i++) {
		int any = 0;
		for (size_t s = 0; s < nser; s++) {
			double v = value_at(c, s, i);
			if (isnan(v))
				continue;
			any = 1;
			totals[i] += v;
			if (v >= 0)
				pos[i] += v;
			else
				neg[i] += v;
		}
		if (!any) {
			totals[i] = NAN;
			any_empty = 1;
		}
		if (pos[i] > max)
			max = pos[i];
		if (neg[i] < min)
			min = neg[i];
	}
	room[0] = value_room(&p, totals, ncat, 1, any_empty && max <= 0);
	room[1] = value_room(&p, totals, ncat, 0, any_empty && max > 0);
	rows_layout(&p, &r, min, max, STACK_THICKNESS, room, 0);
	if (nser > 1) {
		legend_h = legend(&p, &body, MARGIN, r.width, SWATCH_BOX);
		rows_layout(&p, &r, min, max, STACK_THICKNESS, room, legend_h);
	}
	vertical_grid(&p, &body, &r.axis, r.top - 4, r.top + (int)ncat * r.pitch);
	for (size_t i = 0; i < ncat; i++) {
		int mid = r.top + (int)i * r.pitch + r.pitch / 2;
		int y = mid - STACK_THICKNESS / 2, value_y = mid + BASELINE_SHIFT;
		int zero = px(hx(&r.axis, 0));
		double up = 0, down = 0;
		row_label(&p, &body, i, r.label_w, mid);
		if (isnan(totals[i])) {
			buf_reset(&t);
			point_text(&p, &t, i, SIZE_MAX, NAN);
			buf_printf(&body, "<g class=\"steiger-chart-missing\"><title>%h</title>", t.data);
			text_at(&body, "steiger-chart-value steiger-chart-missing",
				r.axis.s.hi > 0 ? zero + 4 : zero - 4, value_y, r.axis.s.hi > 0 ? "start" : "end",
				FONT_SMALL, MUTED_COLOUR, _("no value"));
			buf_adds(&body, "</g>\n");
			continue;
		}
		for (size_t s = 0; s < nser; s++) {
			double v = value_at(c, s, i), from, to;
			int x0, x1;
			if (isnan(v))
				continue;
			if (v >= 0) {
				from = up;
				to = up += v;
			} else {
				to = down;
				from = down += v;
			}
			x0 = px(hx(&r.axis, from));
			x1 = px(hx(&r.axis, to));
			buf_reset(&t);
			point_text(&p, &t, i, s, v);
			buf_reset(&colour);
			series_colour(&colour, s);
			buf_printf(&body,
				   "<rect class=\"steiger-chart-segment\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				   "fill=\"%h\" "
				   "stroke=\"#ffffff\" stroke-width=\"1\"><title>%h</title></rect>\n",
				   x0, y, x1 - x0, STACK_THICKNESS, colour.data, t.data);
			buf_reset(&t);
			format_value(&p, &t, v);
			if (text_px(t.data, FONT_SMALL) + 8 <= x1 - x0)
				text_at(&body, "steiger-chart-segment-value", (x0 + x1) / 2, value_y, "middle",
					FONT_SMALL, text_colour_on(rgb_parse(chart_palette[s % CHART_PALETTE_SIZE])),
					t.data);
		}
		buf_reset(&t);
		format_value(&p, &t, totals[i]);
		if (up > 0 || down == 0)
			text_at(&body, "steiger-chart-total", px(hx(&r.axis, up)) + 4, value_y, "start", FONT_SMALL,
				TEXT_COLOUR, t.data);
		else
			text_at(&body, "steiger-chart-total", px(hx(&r.axis, down)) - 4, value_y, "end", FONT_SMALL,
				TEXT_COLOUR, t.data);
	}
	chart_open(&p, out, r.width, r.height, totals);
	buf_add(out, body.data, body.len);
	chart_close(&p, out, totals);
	free(totals);
	free(pos);
	free(neg);
	buf_free(&body);
	buf_free(&t);
	buf_free(&colour);
	plan_free(&p);
}

/* ---- heat maps ------------------------------------------------------ */

/* How a heat map turns values into colours. */
struct heat {
	enum {
		HEAT_UP,       /* all values >= 0: neutral at min to blue at max */
		HEAT_DOWN,     /* all values <= 0, some < 0: orange at min to neutral at max */
		HEAT_DIVERGING /* values on both sides of 0: orange at -m, neutral at 0, blue at +m */
	} mode;
	double min, max; /* the values at the ends of the key */
};

/* Choose the colour scale for values from min to max. */
static void heat_init(struct heat *h, double min, double max)
{
	if (min < 0 && max > 0) {
		double m = fabs(min) > max ? fabs(min) : max;
		h->mode = HEAT_DIVERGING;
		h->min = -m;
		h->max = m;
	} else {
		h->mode = max <= 0 && min < 0 ? HEAT_DOWN : HEAT_UP;
		h->min = min;
		h->max = max;
	}
}

/* The colour of value v on scale h. */
static struct rgb heat_colour(const struct heat *h, double v)
{
	double range = h->max - h->min;
	switch (h->mode) {
	case HEAT_DIVERGING:
		return v < 0 ? rgb_mix(heat_neutral, heat_negative, v / h->min)
			     : rgb_mix(heat_neutral, heat_positive, v / h->max);
	case HEAT_DOWN: return rgb_mix(heat_neutral, heat_negative, range > 0 ? (h->max - v) / range : 1);
	case HEAT_UP:
	default: return rgb_mix(heat_neutral, heat_positive, range > 0 ? (v - h->min) / range : h->max > 0 ? 1 : 0);
	}
}

/* Append the colour key of scale h at (x, y), w px wide: a gradient bar
 * with the values at its ends (and 0 in the middle of a diverging one),
 * and, when missing is set, a hatched square saying "no value". Returns
 * the key's height. */
static int heat_key(const struct plan *p, struct buf *out, const struct heat *h, int x, int y, int w, int width,
		    int missing)
{
	struct buf t = BUF_INIT;
	struct rgb lo = heat_colour(h, h->min), hi = heat_colour(h, h->max);
	int height = 12 + 20;
	buf_printf(
		out,
		"<g class=\"steiger-chart-scale\">\n<defs><linearGradient id=\"%h-scale\" x1=\"0\" y1=\"0\" x2=\"1\" "
		"y2=\"0\"><stop offset=\"0\" stop-color=\"#%02x%02x%02x\"/>",
		p->id.data, lo.r, lo.g, lo.b);
	if (h->mode == HEAT_DIVERGING)
		buf_printf(out, "<stop offset=\"0.5\" stop-color=\"#%02x%02x%02x\"/>", heat_neutral.r, heat_neutral.g,
			   heat_neutral.b);
	buf_printf(out,
		   "<stop offset=\"1\" stop-color=\"#%02x%02x%02x\"/></linearGradient></defs>\n"
		   "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"12\" fill=\"url(#%h-scale)\" stroke=\"" AXIS_COLOUR
		   "\" stroke-width=\"1\"/>\n",
		   hi.r, hi.g, hi.b, x, y, w, p->id.data);
	format_value(p, &t, h->min);
	text_at(out, "steiger-chart-tick", x, y + 12 + 16, "start", FONT_SMALL, MUTED_COLOUR, t.data);
	if (h->mode == HEAT_DIVERGING) {
		buf_reset(&t);
		format_value(p, &t, 0);
		text_at(out, "steiger-chart-tick", x + w / 2, y + 12 + 16, "middle", FONT_SMALL, MUTED_COLOUR, t.data);
	}
	buf_reset(&t);
	format_value(p, &t, h->max);
	text_at(out, "steiger-chart-tick", x + w, y + 12 + 16, "end", FONT_SMALL, MUTED_COLOUR, t.data);
	if (missing) {
		int mx = x + w + 24, my = y - 1;
		int need = SWATCH + LABEL_PAD + (int)ceil(text_px(_("no value"), FONT_SMALL));
		if (mx + need > width - MARGIN) {
			mx = x;
			my = y + height + 6;
			height += SWATCH + 8;
		}
		buf_printf(out,
			   "<rect class=\"steiger-chart-missing\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			   "fill=\"url(#%h-hatch)\" stroke=\"" AXIS_COLOUR "\" stroke-width=\"1\"/>\n",
			   mx, my, SWATCH, SWATCH, p->id.data);
		text_at(out, "steiger-chart-tick steiger-chart-missing", mx + SWATCH + LABEL_PAD,
			my + 7 + BASELINE_SHIFT, "start", FONT_SMALL, MUTED_COLOUR, _("no value"));
	}
	buf_adds(out, "</g>\n");
	buf_free(&t);
	return height;
}

/* See chart.h. */
void chart_heatmap(struct buf *out, const struct chart *c)
{
	struct plan p;
	struct heat h;
	struct buf body = BUF_INIT, t = BUF_INIT, name = BUF_INIT;
	struct text_line lines[MAX_TEXT_LINES];
	size_t ncat, nser, header_lines = 1, header_chars;
	int width, label_w, col_w, row_h, header_h, top, rows_bottom, key_w, key_x, height;
	if (!plan_init(&p, c, _("Heat map"), "heatmap")) {
		no_data(out, c);
		plan_free(&p);
		return;
	}
	ncat = c->ncategories;
	nser = c->nseries;
	heat_init(&h, p.min, p.max);
	width = p.width;
	label_w = label_column_width(&p, width, 0.35);
	col_w = (width - label_w - MARGIN) / (int)nser;
	if (col_w < MIN_CELL_WIDTH) {
		col_w = MIN_CELL_WIDTH;
		width = label_w + (int)nser * col_w + MARGIN;
	}
	/* A column is as wide as the longest word of its header: a name
	 * broken inside a word is hard to read. */
	for (size_t s = 0; s < nser; s++) {
		int need;
		buf_reset(&name);
		series_name(&name, c, s);
		need = (int)ceil((double)longest_word(name.data) * FONT_SMALL * CHAR_ADVANCE) + 6;
		if (col_w < need) {
			col_w = need;
			width = label_w + (int)nser * col_w + MARGIN;
		}
	}
	header_chars = chars_that_fit(col_w - 4, FONT_SMALL);
	for (size_t s = 0; s < nser; s++) {
		size_t n;
		buf_reset(&name);
		series_name(&name, c, s);
		n = wrap_text(name.data, header_chars, HEADER_LINES, lines);
		if (n > header_lines)
			header_lines = n;
	}
	header_h = (int)header_lines * LINE_STEP + 6;
	row_h = (int)label_lines_needed(&p, label_w) * LINE_STEP + 8;
	if (row_h < MIN_CELL_HEIGHT)
		row_h = MIN_CELL_HEIGHT;
	top = MARGIN + header_h;
	if (p.nmissing > 0)
		buf_printf(&body,
			   "<defs><pattern id=\"%h-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
			   "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>"
			   "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#6b6b6b\" "
			   "stroke-width=\"2\"/></pattern></defs>\n",
			   p.id.data);
	/* Column headers, bottom-aligned above their columns. */
	for (size_t s = 0; s < nser; s++) {
		size_t n;
		int x = label_w + (int)s * col_w + col_w / 2;
		buf_reset(&name);
		series_name(&name, c, s);
		n = wrap_text(name.data, header_chars, HEADER_LINES, lines);
		text_lines(&body, "steiger-chart-header", name.data, lines, n, x,
			   MARGIN + (int)(header_lines - n) * LINE_STEP + 13, "middle", FONT_SMALL);
	}
	for (size_t i = 0; i < ncat; i++) {
		int y = top + (int)i * row_h;
		row_label(&p, &body, i, label_w, y + row_h / 2);
		for (size_t s = 0; s < nser; s++) {
			double v = value_at(c, s, i);
			int x = label_w + (int)s * col_w;
			buf_reset(&t);
			point_text(&p, &t, i, s, v);
			if (isnan(v)) {
				buf_printf(&body,
					   "<rect class=\"steiger-chart-cell steiger-chart-missing\" x=\"%d\" y=\"%d\" "
					   "width=\"%d\" "
					   "height=\"%d\" fill=\"url(#%h-hatch)\" stroke=\"" AXIS_COLOUR
					   "\" stroke-width=\"1\"><title>%h</title></rect>\n",
					   x + 2, y + 2, col_w - 4, row_h - 4, p.id.data, t.data);
				continue;
			}
			struct rgb bg = heat_colour(&h, v);
			buf_printf(&body,
				   "<rect class=\"steiger-chart-cell\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				   "fill=\"#%02x%02x%02x\"><title>%h</title></rect>\n",
				   x + 1, y + 1, col_w - 2, row_h - 2, bg.r, bg.g, bg.b, t.data);
			buf_reset(&t);
			format_value(&p, &t, v);
			if (text_px(t.data, FONT_SMALL) + 6 <= col_w - 2)
				text_at(&body, "steiger-chart-cell-value", x + col_w / 2,
					y + row_h / 2 + BASELINE_SHIFT, "middle", FONT_SMALL, text_colour_on(bg),
					t.data);
		}
	}
	rows_bottom = top + (int)ncat * row_h;
	{
		struct buf lo_t = BUF_INIT, hi_t = BUF_INIT;
		format_value(&p, &lo_t, h.min);
		format_value(&p, &hi_t, h.max);
		key_w = (int)ceil(text_px(lo_t.data, FONT_SMALL) + text_px(hi_t.data, FONT_SMALL)) + 48;
		buf_free(&lo_t);
		buf_free(&hi_t);
	}
	if (key_w < 160)
		key_w = 160;
	key_x = label_w;
	if (key_x + key_w > width - MARGIN)
		key_x = MARGIN;
	if (key_x + key_w > width - MARGIN)
		key_w = width - MARGIN - key_x;
	height = rows_bottom + 16 + heat_key(&p, &body, &h, key_x, rows_bottom + 16, key_w, width, p.nmissing > 0) +
		 MARGIN;
	if (c->height > height)
		height = c->height;
	chart_open(&p, out, width, height, NULL);
	buf_add(out, body.data, body.len);
	chart_close(&p, out, NULL);
	buf_free(&body);
	buf_free(&t);
	buf_free(&name);
	plan_free(&p);
}

/* ---- line charts ---------------------------------------------------- */

/* See chart.h. */
void chart_line(struct buf *out, const struct chart *c)
{
	struct plan p;
	struct chart_scale s;
	struct buf body = BUF_INIT, t = BUF_INIT, d = BUF_INIT, colour = BUF_INIT;
	struct text_line lines[MAX_TEXT_LINES];
	double ticks[MAX_TICKS], band, longest_word = 0, longest = 0;
	size_t ncat, nser, nticks, every = 1, xlabel_lines = 1, maxchars, zero = 0, tick_every = 1;
	int width, height, legend_h = 0, plot_x0, plot_x1, plot_y0, plot_y1;
	if (!plan_init(&p, c, _("Line chart"), "line")) {
		no_data(out, c);
		plan_free(&p);
		return;
	}
	ncat = c->ncategories;
	nser = c->nseries;
	width = p.width;
	height = c->height > 0 ? c->height : DEFAULT_LINE_CHART_HEIGHT;
	chart_scale_for(p.min, p.max, &s);
	nticks = scale_ticks(&s, ticks);
	if (nser > 1)
		legend_h = legend(&p, &body, MARGIN, width, SWATCH_LINE);
	plot_x0 = MARGIN + (int)ceil(ticks_px(&p, &s)) + 8;
	plot_x1 = width - MARGIN;
	if (plot_x1 - plot_x0 < MIN_PLOT_WIDTH) {
		width = plot_x0 + MIN_PLOT_WIDTH + MARGIN;
		plot_x1 = width - MARGIN;
	}
	band = (double)(plot_x1 - plot_x0) / (double)ncat;
	/* Show every k-th x label, k as small as lets the labels be as wide
	 * as their longest word and half their length (two lines), at
	 * most 16 characters. */
	for (size_t i = 0; i < ncat; i++) {
		const char *l = category(c, i);
		size_t start = 0, len = strlen(l);
		double w = text_px(l, FONT_LABEL);
		if (w > longest)
			longest = w;
		for (size_t k = 0; k <= len; k++) {
			if (k == len || wrap_space(l[k])) {
				double ww = text_px_len(l + start, k - start, FONT_LABEL);
				if (ww > longest_word)
					longest_word = ww;
				start = k + 1;
			}
		}
	}
	{
		double need = longest_word > longest / 2 ? longest_word : longest / 2;
		if (need > 16 * FONT_LABEL * CHAR_ADVANCE)
			need = 16 * FONT_LABEL * CHAR_ADVANCE;
		while (every < ncat && need + 6 > band * (double)every)
			every++;
	}
	maxchars = chars_that_fit(band * (double)every - 6, FONT_LABEL);
	for (size_t i = 0; i < ncat; i += every) {
		size_t n = wrap_text(category(c, i), maxchars, LABEL_LINES, lines);
		if (n > xlabel_lines)
			xlabel_lines = n;
	}
	plot_y0 = MARGIN + legend_h + 8;
	plot_y1 = height - MARGIN - (int)xlabel_lines * LINE_STEP - 10;
	if (plot_y1 - plot_y0 < MIN_PLOT_HEIGHT) {
		height += MIN_PLOT_HEIGHT - (plot_y1 - plot_y0);
		plot_y1 = plot_y0 + MIN_PLOT_HEIGHT;
	}
	/* Horizontal gridlines and their labels. */
	for (size_t k = 0; k < nticks; k++)
		if (fabs(ticks[k]) < s.step / 2)
			zero = k;
	while (nticks > 1 && tick_every < nticks &&
	       (double)(plot_y1 - plot_y0) / (double)(nticks - 1) * (double)tick_every < LINE_STEP)
		tick_every++;
	buf_adds(&body, "<g class=\"steiger-chart-grid\">\n");
	for (size_t k = 0; k < nticks; k++) {
		int y = px(plot_y1 - (ticks[k] - s.lo) / (s.hi - s.lo) * (plot_y1 - plot_y0));
		if (k == zero)
			buf_printf(&body,
				   "<line class=\"steiger-chart-zero\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
				   "stroke=\"" AXIS_COLOUR "\" stroke-width=\"1\"/>\n",
				   plot_x0, y, plot_x1, y);
		else
			buf_printf(&body,
				   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" GRID_COLOUR
				   "\" stroke-width=\"1\"/>\n",
				   plot_x0, y, plot_x1, y);
	}
	buf_adds(&body, "</g>\n");
	for (size_t k = 0; k < nticks; k++) {
		int y = px(plot_y1 - (ticks[k] - s.lo) / (s.hi - s.lo) * (plot_y1 - plot_y0));
		if ((k > zero ? k - zero : zero - k) % tick_every != 0)
			continue;
		buf_reset(&t);
		format_tick(&p, &t, ticks[k], &s);
		text_at(&body, "steiger-chart-tick", plot_x0 - 6, y + BASELINE_SHIFT, "end", FONT_SMALL, MUTED_COLOUR,
			t.data);
	}
	/* x labels. */
	for (size_t i = 0; i < ncat; i += every) {
		const char *l = category(c, i);
		size_t n = wrap_text(l, maxchars, LABEL_LINES, lines);
		int x = px(plot_x0 + band * ((double)i + 0.5));
		text_lines(&body, "steiger-chart-label", l, lines, n, x, plot_y1 + 18, "middle", FONT_LABEL);
	}
	/* One line per series, broken where values are missing, then its
	 * markers. */
	for (size_t j = 0; j < nser; j++) {
		int pen_down = 0, segments = 0;
		buf_reset(&d);
		for (size_t i = 0; i < ncat; i++) {
			double v = value_at(c, j, i);
			if (isnan(v)) {
				pen_down = 0;
				continue;
			}
			buf_printf(&d, "%s%d %d",
				   pen_down ? "L"
				   : d.len  ? " M"
					    : "M",
				   px(plot_x0 + band * ((double)i + 0.5)),
				   px(plot_y1 - (v - s.lo) / (s.hi - s.lo) * (plot_y1 - plot_y0)));
			segments += pen_down;
			pen_down = 1;
		}
		buf_reset(&colour);
		series_colour(&colour, j);
		if (segments > 0)
			buf_printf(&body,
				   "<path class=\"steiger-chart-line\" d=\"%h\" fill=\"none\" stroke=\"%h\" "
				   "stroke-width=\"2.5\" "
				   "stroke-linejoin=\"round\" stroke-linecap=\"round\"%s/>\n",
				   d.data, colour.data, line_dash(j)); /* literal */
		for (size_t i = 0; i < ncat; i++) {
			double v = value_at(c, j, i);
			if (isnan(v))
				continue;
			buf_reset(&t);
			point_text(&p, &t, i, j, v);
			marker(&body, j, px(plot_x0 + band * ((double)i + 0.5)),
			       px(plot_y1 - (v - s.lo) / (s.hi - s.lo) * (plot_y1 - plot_y0)), t.data);
		}
	}
	chart_open(&p, out, width, height, NULL);
	buf_add(out, body.data, body.len);
	chart_close(&p, out, NULL);
	buf_free(&body);
	buf_free(&t);
	buf_free(&d);
	buf_free(&colour);
	plan_free(&p);
}
