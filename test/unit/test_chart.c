/*
 * test_chart.c - unit tests of the inline SVG charts (src/render/chart.h).
 *
 * The output of every chart kind is checked with a small XML checker
 * written here (xmllint is not installed): tags balance, attributes are
 * quoted and not repeated, every & starts an entity, no raw < or > in text
 * or attribute values; ids are unique and every aria-labelledby target
 * exists and is the <title> or <desc> inside the <svg>. Colours are
 * checked with the WCAG 2.1 contrast formula, computed here independently
 * of chart.c: the palette >= 3:1 against white, every <text> >= 4.5:1
 * against what is behind it (white, or the heat-map cell / stack segment
 * it sits on) and >= 12 px. Further: labels with markup, ampersands and
 * quotes are escaped; the table holds every value formatted for Dutch and
 * for English; the nice-scale rule with its examples and a property over
 * a sweep of ranges; missing values are not drawn as 0; empty input gives
 * the "No data" paragraph; negative values in bars, stacks, heat maps and
 * lines; long labels are cut with an ellipsis but kept whole in a <title>;
 * two calls give identical bytes.
 */
#include "unit.h"
#include "render/chart.h"

/* ---- a tiny XML well-formedness checker ------------------------------ */

/* What check_xml learns about the ids of a document. */
struct xml_ids {
	size_t n;             /* number of ids */
	char id[256][96];     /* the id values */
	char tag[256][16];    /* the element that has each id */
	char parent[256][16]; /* the element around it */
	size_t nrefs;         /* number of aria-labelledby references */
	char ref[64][96];     /* the referenced ids */
};

/* Whether c may be part of a tag or attribute name. */
static int name_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == ':' || c == '_';
}

/* The length of the entity at s (which starts with '&'), or 0 when it is
 * not one that the escaper writes or a numeric one. */
static size_t entity_len(const char *s)
{
	static const char *const named[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };
	for (size_t i = 0; i < ARRAY_SIZE(named); i++)
		if (starts_with(s, named[i]))
			return strlen(named[i]);
	if (s[1] == '#') {
		size_t i = 2;
		while (isdigit((unsigned char)s[i]))
			i++;
		if (i > 2 && s[i] == ';')
			return i + 1;
	}
	return 0;
}

/* Check that s is well-formed XML (one or more elements, text between
 * them), failing the test at file:line otherwise; fill ids with what it
 * finds. */
static void check_xml_at(const char *s, struct xml_ids *ids, const char *file, int line)
{
	char stack[64][16];
	size_t depth = 0;
	const char *p = s;
	memset(ids, 0, sizeof(*ids));
	while (*p) {
		if (*p == '&') {
			if (!entity_len(p))
				fail_at(file, line, "bare & at offset %td: %.40s\n", p - s, p);
			p++;
			continue;
		}
		if (*p == '>')
			fail_at(file, line, "unescaped > at offset %td: %.40s\n", p - s, p);
		if (*p != '<') {
			p++;
			continue;
		}
		if (starts_with(p, "<!--")) {
			const char *end = strstr(p, "-->");
			if (!end)
				fail_at(file, line, "unterminated comment\n");
			p = end + 3;
			continue;
		}
		if (p[1] == '/') {
			size_t n = 0;
			p += 2;
			while (name_char(p[n]))
				n++;
			if (depth == 0 || strlen(stack[depth - 1]) != n || memcmp(stack[depth - 1], p, n) != 0)
				fail_at(file, line, "end tag </%.*s> does not close <%s> at offset %td\n", (int)n, p,
					depth ? stack[depth - 1] : "(nothing)", p - s);
			depth--;
			p += n;
			if (*p != '>')
				fail_at(file, line, "end tag not closed at offset %td\n", p - s);
			p++;
			continue;
		}
		/* A start tag. */
		{
			char name[16], attrs[32][32], id[96] = "";
			size_t n = 0, nattrs = 0;
			p++;
			while (name_char(p[n]))
				n++;
			if (n == 0 || n >= sizeof(name))
				fail_at(file, line, "bad tag name at offset %td: %.40s\n", p - s, p);
			memcpy(name, p, n);
			name[n] = '\0';
			p += n;
			for (;;) {
				size_t an = 0;
				const char *value, *end;
				while (*p == ' ' || *p == '\n')
					p++;
				if (*p == '>' || (p[0] == '/' && p[1] == '>'))
					break;
				while (name_char(p[an]))
					an++;
				if (an == 0 || an >= sizeof(attrs[0]) || p[an] != '=' || p[an + 1] != '"')
					fail_at(file, line, "bad attribute in <%s> at offset %td: %.40s\n", name, p - s,
						p);
				for (size_t k = 0; k < nattrs; k++)
					if (strlen(attrs[k]) == an && memcmp(attrs[k], p, an) == 0)
						fail_at(file, line, "attribute %.*s twice in <%s>\n", (int)an, p, name);
				if (nattrs < ARRAY_SIZE(attrs)) {
					memcpy(attrs[nattrs], p, an);
					attrs[nattrs++][an] = '\0';
				}
				value = p + an + 2;
				end = strchr(value, '"');
				if (!end)
					fail_at(file, line, "unterminated attribute value in <%s>\n", name);
				for (const char *v = value; v < end; v++) {
					if (*v == '<' || *v == '>')
						fail_at(file, line, "raw %c in an attribute of <%s>: %.40s\n", *v, name,
							value);
					if (*v == '&' && !entity_len(v))
						fail_at(file, line, "bare & in an attribute of <%s>: %.40s\n", name,
							value);
				}
				if (an == 2 && memcmp(p, "id", 2) == 0 && (size_t)(end - value) < sizeof(id)) {
					memcpy(id, value, (size_t)(end - value));
					id[end - value] = '\0';
				}
				if (an == 15 && memcmp(p, "aria-labelledby", 15) == 0) {
					const char *r = value;
					while (r < end) {
						size_t rn = 0;
						while (r + rn < end && r[rn] != ' ')
							rn++;
						if (rn > 0 && rn < sizeof(ids->ref[0]) &&
						    ids->nrefs < ARRAY_SIZE(ids->ref)) {
							memcpy(ids->ref[ids->nrefs], r, rn);
							ids->ref[ids->nrefs++][rn] = '\0';
						}
						r += rn;
						while (r < end && *r == ' ')
							r++;
					}
				}
				p = end + 1;
			}
			if (*id) {
				for (size_t k = 0; k < ids->n; k++)
					if (strcmp(ids->id[k], id) == 0)
						fail_at(file, line, "id \"%s\" twice\n", id);
				if (ids->n < ARRAY_SIZE(ids->id)) {
					snprintf(ids->id[ids->n], sizeof(ids->id[0]), "%s", id);
					snprintf(ids->tag[ids->n], sizeof(ids->tag[0]), "%s", name);
					snprintf(ids->parent[ids->n], sizeof(ids->parent[0]), "%s",
						 depth ? stack[depth - 1] : "");
					ids->n++;
				}
			}
			if (*p == '/') {
				p += 2;
			} else {
				if (depth == ARRAY_SIZE(stack))
					fail_at(file, line, "nesting too deep\n");
				snprintf(stack[depth++], sizeof(stack[0]), "%s", name);
				p++;
			}
		}
	}
	if (depth != 0)
		fail_at(file, line, "<%s> is never closed\n", stack[depth - 1]);
}

/* check_xml(s, ids): s is well-formed; ids gets its ids. */
#define check_xml(s, ids) check_xml_at((s), (ids), __FILE__, __LINE__)

/* The index of id in ids, or -1. */
static int find_id(const struct xml_ids *ids, const char *id)
{
	for (size_t k = 0; k < ids->n; k++)
		if (strcmp(ids->id[k], id) == 0)
			return (int)k;
	return -1;
}

/* check_accessible_at: s is well-formed, its svg (if any) has role="img"
 * and aria-labelledby naming a <title> and a <desc> inside the <svg>,
 * and the output is valid UTF-8. */
static void check_accessible_at(const char *s, const char *file, int line)
{
	struct xml_ids ids;
	check_xml_at(s, &ids, file, line);
	if (utf8_invalid_at(s, strlen(s)) != strlen(s))
		fail_at(file, line, "output is not valid UTF-8\n");
	if (!strstr(s, "<svg"))
		return;
	if (!strstr(s, "role=\"img\""))
		fail_at(file, line, "the svg has no role=img\n");
	if (ids.nrefs != 2)
		fail_at(file, line, "aria-labelledby names %zu ids, expected the title and the desc\n", ids.nrefs);
	for (size_t r = 0; r < ids.nrefs; r++) {
		int k = find_id(&ids, ids.ref[r]);
		if (k < 0)
			fail_at(file, line, "aria-labelledby target \"%s\" does not exist\n", ids.ref[r]);
		if (strcmp(ids.tag[k], r == 0 ? "title" : "desc") != 0 || strcmp(ids.parent[k], "svg") != 0)
			fail_at(file, line, "aria-labelledby target \"%s\" is a <%s> in <%s>\n", ids.ref[r], ids.tag[k],
				ids.parent[k]);
	}
}

/* check_accessible(s): see check_accessible_at. */
#define check_accessible(s) check_accessible_at((s), __FILE__, __LINE__)

/* ---- WCAG contrast, computed independently of chart.c ---------------- */

/* The WCAG 2.1 relative luminance of "#rrggbb". */
static double wcag_luminance(const char *hex)
{
	double channel[3];
	assert_int_equal(hex[0], '#');
	for (int i = 0; i < 3; i++) {
		char two[3] = { hex[1 + 2 * i], hex[2 + 2 * i], '\0' };
		double c = (double)strtol(two, NULL, 16) / 255.0;
		channel[i] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

/* The WCAG 2.1 contrast ratio of two "#rrggbb" colours. */
static double wcag_contrast(const char *a, const char *b)
{
	double la = wcag_luminance(a), lb = wcag_luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Copy the value of attribute name of the tag that starts at tag into
 * out (size outsz); returns 0 when the tag has no such attribute. */
static int tag_attr(const char *tag, const char *name, char *out, size_t outsz)
{
	const char *end = strchr(tag, '>'), *a;
	char key[40];
	snprintf(key, sizeof(key), " %s=\"", name);
	a = strstr(tag, key);
	if (!a || !end || a > end)
		return 0;
	a += strlen(key);
	snprintf(out, outsz, "%.*s", (int)(strchr(a, '"') - a), a);
	return 1;
}

/* The "#rrggbb" colour of a fill value: the value itself, or the fallback
 * of var(--name, #rrggbb). Fills out (8 bytes); 0 when there is none. */
static int colour_of(const char *value, char out[8])
{
	const char *h = strchr(value, '#');
	if (!h || strlen(h) < 7)
		return 0;
	snprintf(out, 8, "%.7s", h);
	return 1;
}

/* Check every <text> of s: font-size in px and >= 12, fill with >= 4.5:1
 * contrast against white, or against the fill of the <rect> it is drawn
 * on for values inside heat-map cells and stack segments. Returns the
 * number of texts checked. */
static size_t check_text_contrast_at(const char *s, const char *file, int line)
{
	size_t n = 0;
	for (const char *t = strstr(s, "<text "); t; t = strstr(t + 1, "<text ")) {
		char fill[64], size[16], cls[96], fg[8], bg[8] = "#ffffff", *unit;
		double px, ratio;
		if (!tag_attr(t, "fill", fill, sizeof(fill)) || !colour_of(fill, fg))
			fail_at(file, line, "a <text> without a colour: %.80s\n", t);
		if (!tag_attr(t, "font-size", size, sizeof(size)))
			fail_at(file, line, "a <text> without a font size: %.80s\n", t);
		px = strtod(size, &unit);
		if (strcmp(unit, "px") != 0 || px < 12)
			fail_at(file, line, "font-size \"%s\" is not at least 12px\n", size);
		if (tag_attr(t, "class", cls, sizeof(cls)) &&
		    (strstr(cls, "cell-value") || strstr(cls, "segment-value"))) {
			const char *r = NULL;
			char rfill[64];
			for (const char *q = strstr(s, "<rect "); q && q < t; q = strstr(q + 1, "<rect "))
				r = q;
			if (!r || !tag_attr(r, "fill", rfill, sizeof(rfill)) || !colour_of(rfill, bg))
				fail_at(file, line, "no background for %.80s\n", t);
		}
		ratio = wcag_contrast(fg, bg);
		if (ratio < 4.5)
			fail_at(file, line, "text %s on %s has contrast %.2f < 4.5: %.80s\n", fg, bg, ratio, t);
		n++;
	}
	return n;
}

/* check_text_contrast(s): see check_text_contrast_at. */
#define check_text_contrast(s) check_text_contrast_at((s), __FILE__, __LINE__)

/* The number of times needle occurs in s. */
static size_t count(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* ---- sample charts --------------------------------------------------- */

static const char *const wijken[] = { "Centrum", "Mozaïek van wijken en buurten", "Oosterheem" };
static const double budget_2024[] = { 1234567, 2500000, 450000.4 };
static const double budget_2025[] = { 1234.5, -300000, 12.25 };
static const struct chart_series budgets[] = { { "Begroting 2024", budget_2024 }, { "Begroting 2025", budget_2025 } };

/* A chart of the budgets per wijk, in unit u. */
static struct chart sample_chart(enum chart_unit u)
{
	struct chart c;
	memset(&c, 0, sizeof(c));
	c.id = "budget";
	c.title = "Begroting per wijk";
	c.category_label = "Wijk";
	c.categories = wijken;
	c.ncategories = ARRAY_SIZE(wijken);
	c.series = budgets;
	c.nseries = ARRAY_SIZE(budgets);
	c.unit = u;
	c.with_table = 1;
	return c;
}

/* A chart function. */
typedef void chart_fn(struct buf *out, const struct chart *c);

/* The four kinds, for tests that hold for all of them. */
static chart_fn *const kinds[] = { chart_bar, chart_stacked_bar, chart_heatmap, chart_line };

/* ---- the nice scale ------------------------------------------------ */

/* chart_nice_max: the smallest 1, 2, 2.5 or 5 times 10^k >= |x|. */
static void test_nice_max(void **state)
{
	(void)state;
	assert_true(chart_nice_max(87) == 100);
	assert_true(chart_nice_max(0.7) == 1);
	assert_true(chart_nice_max(1234) == 2000);
	assert_true(chart_nice_max(100) == 100);
	assert_true(chart_nice_max(101) == 200);
	assert_true(chart_nice_max(2.5) == 2.5);
	assert_true(chart_nice_max(2.6) == 5);
	assert_true(chart_nice_max(0.2) == 0.2);
	assert_true(chart_nice_max(0.21) == 0.25);
	assert_true(chart_nice_max(3) == 5);
	assert_true(chart_nice_max(6) == 10);
	assert_true(chart_nice_max(-87) == 100);
	assert_true(chart_nice_max(0) == 1);
	assert_true(chart_nice_max(NAN) == 1);
	assert_true(chart_nice_max(4.2e6) == 5e6);
}

/* chart_scale_for: the documented examples, exactly. */
static void test_scale_examples(void **state)
{
	struct chart_scale s;
	(void)state;
	chart_scale_for(0, 87, &s);
	assert_true(s.lo == 0 && s.hi == 100 && s.step == 20 && s.decimals == 0);
	chart_scale_for(0.1, 0.7, &s); /* min > 0: the axis still starts at 0 */
	assert_true(s.lo == 0 && s.hi == 1 && fabs(s.step - 0.2) < 1e-12 && s.decimals == 1);
	chart_scale_for(0, 1234, &s);
	assert_true(s.hi == 2000 && s.step == 500);
	chart_scale_for(0, 2.5, &s);
	assert_true(s.hi == 2.5 && s.step == 0.5 && s.decimals == 1);
	chart_scale_for(-2, 2, &s);
	assert_true(s.lo == -2 && s.hi == 2 && s.step == 1 && s.decimals == 0);
	chart_scale_for(-0.3, 87, &s);
	assert_true(s.lo == -25 && s.hi == 100 && s.step == 25);
	chart_scale_for(-87, -3, &s);
	assert_true(s.lo == -100 && s.hi == 0 && s.step == 20);
	chart_scale_for(-0.5, 0.25, &s);
	assert_true(s.lo == -0.5 && s.hi == 0.25 && s.step == 0.25 && s.decimals == 2);
	chart_scale_for(0, 0, &s);
	assert_true(s.lo == 0 && s.hi == 1);
}

/* chart_scale_for over a sweep of ranges: the axis covers the data, 0 is
 * a gridline, lo and hi are whole steps, there are 3 to 6 gridlines, the
 * step is 1, 2, 2.5 or 5 times a power of ten, and one-signed data ends
 * at chart_nice_max. */
static void test_scale_property(void **state)
{
	static const double lows[] = { 0, 0, -0.013, -0.3, -1, -2, -7.5, -99, -1234, -5e6 };
	(void)state;
	for (size_t a = 0; a < ARRAY_SIZE(lows); a++) {
		for (double max = 0.0011; max < 1e8; max *= 1.37) {
			struct chart_scale s;
			double lines, k, m;
			chart_scale_for(lows[a], max, &s);
			lines = (s.hi - s.lo) / s.step + 1;
			assert_true(s.lo <= lows[a] && s.hi >= max);
			assert_true(lines >= 3 - 1e-9 && lines <= 6 + 1e-9);
			k = s.lo / s.step;
			assert_true(fabs(k - round(k)) < 1e-6);
			k = s.hi / s.step;
			assert_true(fabs(k - round(k)) < 1e-6);
			m = s.step / pow(10, floor(log10(s.step) + 1e-9));
			assert_true(fabs(m - 1) < 1e-6 || fabs(m - 2) < 1e-6 || fabs(m - 2.5) < 1e-6 ||
				    fabs(m - 5) < 1e-6);
			if (lows[a] == 0)
				assert_true(s.lo == 0 && s.hi == chart_nice_max(max));
		}
	}
}

/* ---- colours --------------------------------------------------------- */

/* Every palette colour has at least 3:1 contrast with white (WCAG 1.4.11)
 * and the colours differ. */
static void test_palette_contrast(void **state)
{
	(void)state;
	for (size_t i = 0; i < CHART_PALETTE_SIZE; i++) {
		double ratio = wcag_contrast(chart_palette[i], "#ffffff");
		if (ratio < 3)
			fail_msg("palette colour %s has contrast %.2f with white", chart_palette[i], ratio);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(chart_palette[i], chart_palette[j]);
	}
	/* The checker itself, on known values: black on white is 21:1,
	 * #767676 on white the familiar 4.54:1. */
	assert_true(fabs(wcag_contrast("#000000", "#ffffff") - 21) < 1e-9);
	assert_true(fabs(wcag_contrast("#767676", "#ffffff") - 4.54) < 0.01);
}

/* Every text of every chart kind, in both languages and with negative
 * values, is at least 12 px with 4.5:1 contrast; bars, segments, lines
 * and the zero line have 3:1 against white. */
static void test_text_and_graphics_contrast(void **state)
{
	(void)state;
	for (int lang = 0; lang < 2; lang++) {
		i18n_set(lang ? LANG_EN : LANG_NL);
		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
			struct buf out = BUF_INIT;
			struct chart c = sample_chart(CHART_EUR);
			kinds[k](&out, &c);
			check_accessible(out.data);
			assert_true(check_text_contrast(out.data) >= 6);
			for (const char *r = strstr(out.data, "<rect class=\"steiger-chart-"); r;
			     r = strstr(r + 1, "<rect class=\"steiger-chart-")) {
				char cls[64], fill[64], hex[8];
				tag_attr(r, "class", cls, sizeof(cls));
				if (strcmp(cls, "steiger-chart-bar") != 0 && strcmp(cls, "steiger-chart-segment") != 0)
					continue;
				assert_true(tag_attr(r, "fill", fill, sizeof(fill)) && colour_of(fill, hex));
				assert_true(wcag_contrast(hex, "#ffffff") >= 3);
			}
			for (const char *l = strstr(out.data, "class=\"steiger-chart-line\""); l;
			     l = strstr(l + 1, "class=\"steiger-chart-line\"")) {
				char stroke[64], hex[8];
				assert_true(tag_attr(l - 6, "stroke", stroke, sizeof(stroke)) &&
					    colour_of(stroke, hex));
				assert_true(wcag_contrast(hex, "#ffffff") >= 3);
			}
			{
				const char *z = strstr(out.data, "class=\"steiger-chart-zero\"");
				char stroke[64], hex[8];
				if (k != 2) {
					assert_non_null(z);
					assert_true(tag_attr(z - 6, "stroke", stroke, sizeof(stroke)) &&
						    colour_of(stroke, hex));
					assert_true(wcag_contrast(hex, "#ffffff") >= 3);
				}
			}
			buf_free(&out);
		}
	}
	i18n_set(LANG_EN);
}

/* ---- structure and escaping --------------------------------------- */

/* A bar chart: one block, an svg with role=img named by its title and
 * desc, one bar per value, the value printed at each bar end, a legend
 * for two series, and the table after the svg with a caption. */
static void test_bar_structure(void **state)
{
	struct buf out = BUF_INIT;
	struct chart c = sample_chart(CHART_NUMBER);
	const char *svg_end, *table;
	(void)state;
	chart_bar(&out, &c);
	check_accessible(out.data);
	assert_true(starts_with(out.data, "<div class=\"steiger-chart steiger-chart--bar\">\n<svg "));
	assert_contains(out.data, "aria-labelledby=\"steiger-chart-budget-title steiger-chart-budget-desc\"");
	assert_contains(out.data, "<title id=\"steiger-chart-budget-title\">Begroting per wijk</title>");
	assert_contains(out.data, "<caption>Begroting per wijk</caption>");
	assert_int_equal(count(out.data, "<rect class=\"steiger-chart-bar\""), 6);
	assert_int_equal(count(out.data, "class=\"steiger-chart-value\""), 6);
	assert_contains(out.data, "<g class=\"steiger-chart-legend\">");
	assert_contains(out.data, ">Begroting 2024</tspan>");
	svg_end = strstr(out.data, "</svg>");
	table = strstr(out.data, "<table class=\"steiger-chart-table\">");
	assert_non_null(svg_end);
	assert_non_null(table);
	assert_true(table > svg_end);
	assert_contains(out.data, "<th scope=\"col\">Wijk</th><th scope=\"col\">Begroting 2024</th>");
	assert_contains(out.data, "<th scope=\"row\">Oosterheem</th>");
	assert_not_contains(out.data, "<script");
	assert_not_contains(out.data, " style=");
	/* No table when not asked for. */
	buf_reset(&out);
	c.with_table = 0;
	chart_bar(&out, &c);
	check_accessible(out.data);
	assert_not_contains(out.data, "<table");
	buf_free(&out);
}

/* Title, description, labels, series names and the id with markup,
 * ampersands and quotes come out escaped, in every chart kind, and the
 * id is reduced to safe characters. */
static void test_escaping(void **state)
{
	static const char *const cats[] = { "<script>alert(\"x\")</script>", "Noord & Zuid", "d'Hondt \"quoted\"" };
	static const double v1[] = { 1, -2, 3 }, v2[] = { 4, 5, NAN };
	static const struct chart_series series[] = { { "<b>bold</b>", v1 }, { "A&B", v2 } };
	(void)state;
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		struct buf out = BUF_INIT;
		struct chart c;
		memset(&c, 0, sizeof(c));
		c.id = "x\" onload=\"alert(1) y";
		c.title = "Title <i>&</i> 'q'";
		c.category_label = "<th>";
		c.categories = cats;
		c.ncategories = 3;
		c.series = series;
		c.nseries = 2;
		c.with_table = 1;
		kinds[k](&out, &c);
		check_accessible(out.data);
		assert_not_contains(out.data, "<script");
		assert_not_contains(out.data, "<b>");
		assert_not_contains(out.data, "<i>");
		assert_not_contains(out.data, "onload=");
		assert_contains(out.data, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
		assert_contains(out.data, "Noord &amp; Zuid");
		assert_contains(out.data, "d&#39;Hondt &quot;quoted&quot;");
		assert_contains(out.data, "&lt;b&gt;bold&lt;/b&gt;");
		assert_contains(out.data, "Title &lt;i&gt;&amp;&lt;/i&gt; &#39;q&#39;");
		assert_contains(out.data, "<th scope=\"col\">&lt;th&gt;</th>");
		assert_contains(out.data, "id=\"steiger-chart-x--onload--alert-1--y-title\"");
		buf_free(&out);
	}
	/* A description of the caller is used as it is, escaped. */
	{
		struct buf out = BUF_INIT;
		struct chart c = sample_chart(CHART_NUMBER);
		c.description = "Budget <b>grows</b> & shrinks";
		chart_line(&out, &c);
		check_accessible(out.data);
		assert_contains(out.data,
				"<desc id=\"steiger-chart-budget-desc\">Budget &lt;b&gt;grows&lt;/b&gt; &amp; "
				"shrinks</desc>");
		buf_free(&out);
	}
}

/* Two charts on one page with different ids have no id in common, and
 * each svg names its own title and desc. */
static void test_two_charts_on_a_page(void **state)
{
	struct buf page = BUF_INIT;
	struct chart a = sample_chart(CHART_NUMBER), b = sample_chart(CHART_NUMBER);
	struct xml_ids ids;
	(void)state;
	a.id = "first";
	b.id = "second";
	buf_adds(&page, "<main>");
	chart_heatmap(&page, &a);
	chart_heatmap(&page, &b);
	buf_adds(&page, "</main>");
	check_xml(page.data, &ids); /* fails on a repeated id */
	assert_true(find_id(&ids, "steiger-chart-first-title") >= 0);
	assert_true(find_id(&ids, "steiger-chart-second-desc") >= 0);
	assert_int_equal(ids.nrefs, 4);
	buf_free(&page);
}

/* ---- values for people --------------------------------------------- */

/* Check that the table of out holds, for every value of c, a number cell
 * with the value formatted as chart_format_value does with decimals in
 * the language of dutch, and no other number cells than values. */
static void check_table_values(const char *out, const struct chart *c, int decimals, int dutch)
{
	size_t cells = 0;
	for (size_t s = 0; s < c->nseries; s++) {
		for (size_t i = 0; i < c->ncategories; i++) {
			struct buf want = BUF_INIT, cell = BUF_INIT;
			double v = c->series[s].values[i];
			if (isnan(v))
				continue;
			chart_format_value(&want, v, c->unit, decimals, dutch);
			buf_printf(&cell, "<td class=\"steiger-chart-num\">%h</td>", want.data);
			assert_contains(out, cell.data);
			cells++;
			buf_free(&want);
			buf_free(&cell);
		}
	}
	assert_true(count(out, "<td class=\"steiger-chart-num\">") >= cells);
}

/* The table holds every value formatted for Dutch readers: thousands
 * with '.', decimals with ',', euros as € 1.234.567; and the numbers in
 * the svg are Dutch too. */
static void test_table_dutch(void **state)
{
	struct buf out = BUF_INIT;
	struct chart c = sample_chart(CHART_NUMBER);
	(void)state;
	i18n_set(LANG_NL);
	c.decimals = 1;
	chart_bar(&out, &c);
	check_accessible(out.data);
	assert_contains(out.data, "<td class=\"steiger-chart-num\">1.234.567</td>");
	assert_contains(out.data, "<td class=\"steiger-chart-num\">1.234,5</td>");
	assert_contains(out.data, "<td class=\"steiger-chart-num\">-300.000</td>");
	assert_contains(out.data, "<td class=\"steiger-chart-num\">12,3</td>"); /* 12.25 to one decimal */
	assert_contains(out.data, ">1.234,5</text>");
	check_table_values(out.data, &c, 1, 1);
	buf_reset(&out);
	c.unit = CHART_EUR;
	chart_stacked_bar(&out, &c);
	check_accessible(out.data);
	assert_contains(out.data, "<td class=\"steiger-chart-num\">\xe2\x82\xac 1.234.567</td>");
	assert_contains(out.data, "<td class=\"steiger-chart-num\">\xe2\x82\xac 2.200.000</td>"); /* a total */
	check_table_values(out.data, &c, 0, 1);
	buf_reset(&out);
	c.unit = CHART_PERCENT;
	c.decimals = 2;
	chart_heatmap(&out, &c);
	assert_contains(out.data, "<td class=\"steiger-chart-num\">12,25%</td>");
	check_table_values(out.data, &c, 2, 1);
	buf_free(&out);
	i18n_set(LANG_EN);
}

/* The same in English: 1,234.5 and €1,234,567 and 12.5 FTE. */
static void test_table_english(void **state)
{
	struct buf out = BUF_INIT;
	struct chart c = sample_chart(CHART_NUMBER);
	(void)state;
	i18n_set(LANG_EN);
	c.decimals = 1;
	chart_line(&out, &c);
	check_accessible(out.data);
	assert_contains(out.data, "<td class=\"steiger-chart-num\">1,234,567</td>");
	assert_contains(out.data, "<td class=\"steiger-chart-num\">1,234.5</td>");
	check_table_values(out.data, &c, 1, 0);
	buf_reset(&out);
	c.unit = CHART_EUR;
	chart_bar(&out, &c);
	assert_contains(out.data, "<td class=\"steiger-chart-num\">\xe2\x82\xac"
				  "1,234,567</td>");
	assert_contains(out.data, "<td class=\"steiger-chart-num\">\xe2\x82\xac-300,000</td>");
	check_table_values(out.data, &c, 0, 0);
	buf_reset(&out);
	c.unit = CHART_FTE;
	c.decimals = 0; /* automatic: the largest magnitude is >= 100, so whole numbers */
	chart_heatmap(&out, &c);
	assert_contains(out.data, "<td class=\"steiger-chart-num\">12 FTE</td>");
	check_table_values(out.data, &c, 0, 0);
	buf_free(&out);
}

/* chart_format_value: each unit in both languages, and "—" for missing
 * values. */
static void test_format_value(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	i18n_set(LANG_EN);
	chart_format_value(&b, 1234.5, CHART_NUMBER, 2, 1);
	assert_buf_equal(&b, "1.234,5");
	buf_reset(&b);
	chart_format_value(&b, 1234.5, CHART_NUMBER, 2, 0);
	assert_buf_equal(&b, "1,234.5");
	buf_reset(&b);
	chart_format_value(&b, 1234567.4, CHART_EUR, 2, 1);
	assert_buf_equal(&b, "\xe2\x82\xac 1.234.567");
	buf_reset(&b);
	chart_format_value(&b, 12.5, CHART_PERCENT, 1, 1);
	assert_buf_equal(&b, "12,5%");
	buf_reset(&b);
	chart_format_value(&b, 12.5, CHART_FTE, 1, 0);
	assert_buf_equal(&b, "12.5 FTE");
	buf_reset(&b);
	chart_format_value(&b, NAN, CHART_EUR, 0, 1);
	assert_buf_equal(&b, "\xe2\x80\x94");
	buf_free(&b);
}

/* In Dutch, gridline labels of a scale reaching millions are written in
 * millions, and small euro steps keep their decimals. */
static void test_tick_labels(void **state)
{
	static const char *const cats[] = { "a", "b" };
	static const double big[] = { 2400000, 100000 }, small[] = { 1.2, 0.3 };
	struct chart_series s = { "x", big };
	struct chart c;
	struct buf out = BUF_INIT;
	(void)state;
	memset(&c, 0, sizeof(c));
	c.categories = cats;
	c.ncategories = 2;
	c.series = &s;
	c.nseries = 1;
	c.unit = CHART_EUR;
	i18n_set(LANG_EN);
	chart_bar(&out, &c);
	/* The axis is 0..2.5 million by 0.5 million. */
	assert_contains(out.data, ">\xe2\x82\xac"
				  "0</text>");
	assert_contains(out.data, ">\xe2\x82\xac"
				  "2.5M</text>");
	assert_contains(out.data, ">\xe2\x82\xac"
				  "2,400,000</text>"); /* the value itself in full */
	buf_reset(&out);
	s.values = small;
	chart_bar(&out, &c);
	/* The axis is 0..2 by 0.5: gridline labels keep the decimals,
	 * values are whole euros. */
	assert_contains(out.data, ">\xe2\x82\xac"
				  "0.5</text>");
	assert_contains(out.data, ">\xe2\x82\xac"
				  "1.5</text>");
	assert_contains(out.data, "font-size=\"13px\" fill=\"var(--steiger-chart-text, #1f1f1f)\">\xe2\x82\xac"
				  "0</text>");
	buf_free(&out);
}

/* ---- missing values, empty input ----------------------------------- */

/* A missing value is not a 0: no bar and "no value" in the chart, a "—"
 * cell in the table, counted in the description; a 0 is a bar of width
 * 0 with its value "0". */
static void test_missing_bar(void **state)
{
	static const char *const cats[] = { "Zero", "Missing", "Five" };
	static const double v[] = { 0, NAN, 5 };
	struct chart_series s = { "Aantal", v };
	struct chart c;
	struct buf out = BUF_INIT;
	(void)state;
	memset(&c, 0, sizeof(c));
	c.id = "m";
	c.categories = cats;
	c.ncategories = 3;
	c.series = &s;
	c.nseries = 1;
	c.with_table = 1;
	chart_bar(&out, &c);
	check_accessible(out.data);
	assert_int_equal(count(out.data, "<rect class=\"steiger-chart-bar\""), 2);
	assert_contains(out.data, "<title>Zero, Aantal: 0</title></rect>");
	assert_not_contains(out.data, "<title>Missing, Aantal: 0</title>");
	assert_contains(out.data, "<title>Missing, Aantal: no value</title>");
	assert_contains(out.data, ">no value</text>");
	assert_contains(out.data,
			"<td class=\"steiger-chart-num steiger-chart-missing\"><span aria-hidden=\"true\">"
			"\xe2\x80\x94</span><span class=\"steiger-chart-visually-hidden\">no value</span></td>");
	assert_contains(out.data, "<td class=\"steiger-chart-num\">0</td>");
	assert_contains(out.data, "Missing values: 1.");
	/* The zero bar has width 0. */
	{
		const char *r = strstr(out.data, "<rect class=\"steiger-chart-bar\"");
		char w[16];
		assert_true(tag_attr(r, "width", w, sizeof(w)));
		assert_string_equal(w, "0");
	}
	/* Values given as NULL are all missing. */
	buf_reset(&out);
	{
		struct chart_series two[] = { { "Aantal", v }, { "Leeg", NULL } };
		c.series = two;
		c.nseries = 2;
		chart_bar(&out, &c);
		check_accessible(out.data);
		assert_int_equal(count(out.data, "<rect class=\"steiger-chart-bar\""), 2);
		assert_contains(out.data, "Missing values: 4.");
	}
	buf_free(&out);
}

/* Missing values in the other kinds: a hatched cell in a heat map (and
 * the hatch in its key), a gap in a line (two pieces, no marker), a
 * stack without the segment, and a "—" total for a stack with no value. */
static void test_missing_other_kinds(void **state)
{
	static const char *const years[] = { "2021", "2022", "2023", "2024", "2025" };
	static const double a[] = { 1, 2, NAN, 4, 5 }, b[] = { NAN, 3, NAN, 1, 2 };
	static const struct chart_series s[] = { { "A", a }, { "B", b } };
	struct chart c;
	struct buf out = BUF_INIT;
	const char *path;
	(void)state;
	memset(&c, 0, sizeof(c));
	c.id = "gap";
	c.categories = years;
	c.ncategories = 5;
	c.series = s;
	c.nseries = 2;
	c.with_table = 1;
	chart_heatmap(&out, &c);
	check_accessible(out.data);
	assert_contains(out.data, "<pattern id=\"steiger-chart-gap-hatch\"");
	assert_int_equal(count(out.data, "fill=\"url(#steiger-chart-gap-hatch)\""), 3 + 1); /* cells + key */
	assert_int_equal(count(out.data, "class=\"steiger-chart-cell-value\""), 7);
	assert_contains(out.data, "<title>2023, A: no value</title>");
	buf_reset(&out);
	chart_line(&out, &c);
	check_accessible(out.data);
	assert_int_equal(count(out.data, "class=\"steiger-chart-marker\""), 7 + 2); /* points + legend */
	path = strstr(out.data, "<path class=\"steiger-chart-line\"");
	assert_non_null(path);
	{
		char d[256];
		assert_true(tag_attr(path, "d", d, sizeof(d)));
		assert_int_equal(count(d, "M"), 2); /* broken at 2023 */
		assert_int_equal(count(d, "L"), 2);
	}
	buf_reset(&out);
	chart_stacked_bar(&out, &c);
	check_accessible(out.data);
	assert_int_equal(count(out.data, "<rect class=\"steiger-chart-segment\""), 7);
	assert_contains(out.data, "<title>2023, Total: no value</title>");
	assert_contains(out.data,
			"<tr><th scope=\"row\">2023</th><td class=\"steiger-chart-num steiger-chart-missing\">");
	assert_contains(out.data, "<tr><th scope=\"row\">2021</th><td class=\"steiger-chart-num\">1</td>");
	assert_contains(out.data, "<td class=\"steiger-chart-num\">1</td></tr>"); /* 2021: the total is A alone */
	buf_free(&out);
}

/* No categories, no series, no values at all, or no chart: a short
 * paragraph "No data" (translated), never an empty svg. */
static void test_empty(void **state)
{
	static const char *const cats[] = { "a", "b" };
	static const double none[] = { NAN, NAN };
	struct chart_series s = { "x", none };
	(void)state;
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		struct buf out = BUF_INIT;
		struct chart c;
		memset(&c, 0, sizeof(c));
		c.title = "Leeg & niets";
		c.categories = cats;
		c.series = &s;
		c.nseries = 1;
		c.with_table = 1;
		kinds[k](&out, &c); /* no categories */
		assert_buf_equal(&out, "<p class=\"steiger-chart-empty\">Leeg &amp; niets: No data</p>\n");
		buf_reset(&out);
		c.ncategories = 2;
		c.nseries = 0;
		kinds[k](&out, &c); /* no series */
		assert_buf_equal(&out, "<p class=\"steiger-chart-empty\">Leeg &amp; niets: No data</p>\n");
		buf_reset(&out);
		c.nseries = 1;
		c.title = NULL;
		kinds[k](&out, &c); /* only missing values */
		assert_buf_equal(&out, "<p class=\"steiger-chart-empty\">No data</p>\n");
		buf_reset(&out);
		kinds[k](&out, NULL);
		assert_buf_equal(&out, "<p class=\"steiger-chart-empty\">No data</p>\n");
		buf_free(&out);
	}
	/* In Dutch the message is the catalogue's translation. */
	{
		struct buf out = BUF_INIT, want = BUF_INIT;
		struct chart c;
		memset(&c, 0, sizeof(c));
		i18n_set(LANG_NL);
		buf_printf(&want, "<p class=\"steiger-chart-empty\">%h</p>\n", tr("No data"));
		chart_bar(&out, &c);
		assert_buf_equal(&out, want.data);
		buf_free(&out);
		buf_free(&want);
		i18n_set(LANG_EN);
	}
}

/* ---- negative values -------------------------------------------------- */

/* The x attribute of the element that starts at tag, as a number. */
static int attr_int(const char *tag, const char *name)
{
	char v[32];
	if (!tag_attr(tag, name, v, sizeof(v)))
		fail_msg("no %s in %.80s", name, tag);
	return (int)strtol(v, NULL, 10);
}

/* A negative bar extends left from the zero line and a positive one
 * right; the negative value is written left of its bar. In a stack,
 * negative segments go left of zero and the total is the net sum. */
static void test_negative_bars(void **state)
{
	static const char *const cats[] = { "Min", "Plus" };
	static const double v[] = { -5, 10 }, w[] = { 3, -4 };
	struct chart_series s[] = { { "Saldo", v }, { "Tweede", w } };
	struct chart c;
	struct buf out = BUF_INIT;
	const char *zero, *neg, *pos, *neg_text;
	int zx;
	(void)state;
	memset(&c, 0, sizeof(c));
	c.id = "neg";
	c.categories = cats;
	c.ncategories = 2;
	c.series = s;
	c.nseries = 1;
	chart_bar(&out, &c);
	check_accessible(out.data);
	zero = strstr(out.data, "class=\"steiger-chart-zero\"");
	assert_non_null(zero);
	zx = attr_int(zero - 6, "x1");
	neg = strstr(out.data, "<rect class=\"steiger-chart-bar\"");
	pos = strstr(neg + 1, "<rect class=\"steiger-chart-bar\"");
	assert_contains(neg, "<title>Min, Saldo: -5</title>");
	assert_true(attr_int(neg, "x") < zx);
	assert_int_equal(attr_int(neg, "x") + attr_int(neg, "width"), zx);
	assert_int_equal(attr_int(pos, "x"), zx);
	assert_true(attr_int(pos, "width") == 2 * attr_int(neg, "width") ||
		    abs(attr_int(pos, "width") - 2 * attr_int(neg, "width")) <= 1);
	neg_text = strstr(neg, "<text class=\"steiger-chart-value\"");
	assert_true(attr_int(neg_text, "x") < attr_int(neg, "x"));
	assert_true(starts_with(strstr(neg_text, "text-anchor="), "text-anchor=\"end\""));
	/* The axis has gridlines at -5 and 10 (the scale -5..10 by 5). */
	assert_contains(out.data, "fill=\"var(--steiger-chart-text-muted, #555555)\">-5</text>");
	assert_contains(out.data, "fill=\"var(--steiger-chart-text-muted, #555555)\">10</text>");
	/* Stacks: Min is +3 right of zero and -5 left of it, total -2. */
	buf_reset(&out);
	c.nseries = 2;
	chart_stacked_bar(&out, &c);
	check_accessible(out.data);
	zero = strstr(out.data, "class=\"steiger-chart-zero\"");
	zx = attr_int(zero - 6, "x1");
	neg = strstr(out.data, "<rect class=\"steiger-chart-segment\"");
	pos = strstr(neg + 1, "<rect class=\"steiger-chart-segment\"");
	assert_contains(neg, "<title>Min, Saldo: -5</title>");
	assert_int_equal(attr_int(neg, "x") + attr_int(neg, "width"), zx);
	assert_contains(pos, "<title>Min, Tweede: 3</title>");
	assert_int_equal(attr_int(pos, "x"), zx);
	assert_contains(out.data, "class=\"steiger-chart-total\"");
	assert_contains(out.data, ">-2</text>");
	assert_contains(out.data, ">6</text>"); /* Plus: 10 - 4 */
	buf_free(&out);
}

/* The fill "#rrggbb" of the heat-map cell titled title in out. */
static void cell_colour(const char *out, const char *title, char hex[8])
{
	struct buf t = BUF_INIT;
	const char *at, *r = NULL;
	char fill[32];
	buf_printf(&t, "<title>%h</title>", title);
	at = strstr(out, t.data);
	if (!at)
		fail_msg("no cell %s", title);
	for (const char *q = strstr(out, "<rect class=\"steiger-chart-cell\""); q && q < at;
	     q = strstr(q + 1, "<rect class=\"steiger-chart-cell\""))
		r = q;
	assert_non_null(r);
	assert_true(tag_attr(r, "fill", fill, sizeof(fill)));
	snprintf(hex, 8, "%.7s", fill);
	buf_free(&t);
}

/* Scores -2..+2 get a diverging scale: orange below 0, the light neutral
 * at 0, blue above, darker with the magnitude, symmetric; cell values are
 * black or white text with >= 4.5:1 on their cell. */
static void test_heatmap_diverging(void **state)
{
	static const char *const rows[] = { "r1", "r2", "r3", "r4", "r5" };
	static const double v[] = { -2, -1, 0, 1, 2 };
	struct chart_series s = { "Score", v };
	struct chart c;
	struct buf out = BUF_INIT;
	char m2[8], m1[8], z[8], p1[8], p2[8];
	(void)state;
	memset(&c, 0, sizeof(c));
	c.id = "div";
	c.categories = rows;
	c.ncategories = 5;
	c.series = &s;
	c.nseries = 1;
	c.decimals = 1;
	chart_heatmap(&out, &c);
	check_accessible(out.data);
	assert_int_equal(check_text_contrast(out.data), 5 + 1 + 5 + 3); /* cells, header, labels, key */
	cell_colour(out.data, "r1, Score: -2", m2);
	cell_colour(out.data, "r2, Score: -1", m1);
	cell_colour(out.data, "r3, Score: 0", z);
	cell_colour(out.data, "r4, Score: 1", p1);
	cell_colour(out.data, "r5, Score: 2", p2);
	assert_string_equal(z, "#f2f2f2");
	assert_true(strtol(m2 + 1, NULL, 16) >> 16 > (strtol(m2 + 1, NULL, 16) & 0xff)); /* red > blue */
	assert_true((strtol(p2 + 1, NULL, 16) & 0xff) > strtol(p2 + 1, NULL, 16) >> 16); /* blue > red */
	assert_true(wcag_luminance(m2) < wcag_luminance(m1) && wcag_luminance(m1) < wcag_luminance(z));
	assert_true(wcag_luminance(p2) < wcag_luminance(p1) && wcag_luminance(p1) < wcag_luminance(z));
	/* The key goes from -2 through 0 to 2. */
	assert_contains(out.data, "<stop offset=\"0.5\" stop-color=\"#f2f2f2\"/>");
	assert_contains(out.data, "text-anchor=\"middle\" font-size=\"13px\" fill=\"var(--steiger-chart-text-muted, "
				  "#555555)\">0</text>");
	buf_free(&out);
}

/* Values of one sign get a sequential scale of one hue, darker for
 * higher values (blue), or for lower ones when all are negative (orange). */
static void test_heatmap_sequential(void **state)
{
	static const char *const rows[] = { "a", "b", "c" };
	static const double up[] = { 10, 55, 100 }, down[] = { -10, -55, -100 };
	struct chart_series s = { "V", up };
	struct chart c;
	struct buf out = BUF_INIT;
	char a[8], b[8], cc[8];
	(void)state;
	memset(&c, 0, sizeof(c));
	c.categories = rows;
	c.ncategories = 3;
	c.series = &s;
	c.nseries = 1;
	chart_heatmap(&out, &c);
	check_accessible(out.data);
	check_text_contrast(out.data);
	cell_colour(out.data, "a, V: 10", a);
	cell_colour(out.data, "b, V: 55", b);
	cell_colour(out.data, "c, V: 100", cc);
	assert_string_equal(a, "#f2f2f2");
	assert_string_equal(cc, "#154273");
	assert_true(wcag_luminance(cc) < wcag_luminance(b) && wcag_luminance(b) < wcag_luminance(a));
	assert_not_contains(out.data, "offset=\"0.5\"");
	buf_reset(&out);
	s.values = down;
	chart_heatmap(&out, &c);
	check_text_contrast(out.data);
	cell_colour(out.data, "a, V: -10", a);
	cell_colour(out.data, "c, V: -100", cc);
	assert_string_equal(a, "#f2f2f2");
	assert_true(strtol(cc + 1, NULL, 16) >> 16 > (strtol(cc + 1, NULL, 16) & 0xff)); /* orange */
	buf_free(&out);
}

/* A line chart with negative values: the zero line lies inside the plot,
 * a marker below it for the negative value; markers differ in shape per
 * series; the legend shows both. */
static void test_line_negative(void **state)
{
	static const char *const years[] = { "2022", "2023", "2024" };
	static const double a[] = { -1.5, 0.5, 2 }, b[] = { 1, 1, 1 };
	static const struct chart_series s[] = { { "Saldo", a }, { "Norm", b } };
	struct chart c;
	struct buf out = BUF_INIT;
	const char *zero;
	char d1[128], d2[128];
	(void)state;
	memset(&c, 0, sizeof(c));
	c.id = "l";
	c.title = "Saldo";
	c.categories = years;
	c.ncategories = 3;
	c.series = s;
	c.nseries = 2;
	c.decimals = 1;
	chart_line(&out, &c);
	check_accessible(out.data);
	check_text_contrast(out.data);
	zero = strstr(out.data, "class=\"steiger-chart-zero\"");
	assert_non_null(zero);
	assert_contains(out.data, "<title>2022, Saldo: -1.5</title>");
	assert_int_equal(count(out.data, "<path class=\"steiger-chart-line\""), 2);
	assert_contains(out.data, ">2023</tspan>");
	assert_contains(out.data, ">-2</text>"); /* the axis reaches -2 */
	/* The marker of 2022 (Saldo) lies below the zero line. */
	{
		const char *mk = strstr(out.data, "<path class=\"steiger-chart-marker\" d=\"M");
		int zy = attr_int(zero - 6, "y1");
		/* The first marker of the plot (after the legend's two). */
		mk = strstr(mk + 1, "<path class=\"steiger-chart-marker\"");
		mk = strstr(mk + 1, "<path class=\"steiger-chart-marker\"");
		assert_true(tag_attr(mk, "d", d1, sizeof(d1)));
		assert_contains(mk, "<title>2022, Saldo: -1.5</title>");
		assert_true(strtol(strchr(d1, ' ') + 1, NULL, 10) > zy);
	}
	assert_contains(out.data, "<title>2022, Norm: 1</title>");
	/* Shapes of the two series differ: a circle (arcs) and a square. */
	{
		const char *first = strstr(out.data, "<path class=\"steiger-chart-marker\"");
		const char *second = strstr(first + 1, "<path class=\"steiger-chart-marker\"");
		tag_attr(first, "d", d1, sizeof(d1));
		tag_attr(second, "d", d2, sizeof(d2));
		assert_contains(d1, "a");
		assert_contains(d2, "h");
	}
	buf_free(&out);
}

/* ---- labels, description, determinism ----------------------------- */

/* A long Dutch label wraps onto two lines at word boundaries; one too
 * long for two lines is cut with an ellipsis, and the whole label stays
 * in a <title>; UTF-8 is never split. */
static void test_long_labels(void **state)
{
	static const char *const cats[] = {
		"Mozaïek van wijken en buurten in het centrum van de stad",
		"Een heel lange categorienaam die echt niet op twee regels past want hij is erg lang, ëcht waar",
		"Kort",
	};
	static const double v[] = { 1, 2, 3 };
	struct chart_series s = { "x", v };
	struct chart c;
	struct buf out = BUF_INIT;
	(void)state;
	memset(&c, 0, sizeof(c));
	c.categories = cats;
	c.ncategories = 3;
	c.series = &s;
	c.nseries = 1;
	chart_bar(&out, &c);
	check_accessible(out.data);
	assert_contains(out.data, ">Mozaïek van wijken en buurten</tspan>");
	assert_contains(out.data, ">in het centrum van de stad</tspan>");
	assert_contains(out.data, ">die echt niet op twee regels\xe2\x80\xa6</tspan>");
	assert_contains(out.data, "\xe2\x80\xa6</tspan>");
	assert_contains(out.data,
			"<title>Een heel lange categorienaam die echt niet op twee regels past want hij is erg "
			"lang, ëcht waar</title>");
	assert_contains(out.data, ">Kort</tspan>");
	assert_not_contains(out.data, "<title>Kort</title>"); /* not cut: no title on the label */
	/* In a narrow chart the cut falls after a whole word when that
	 * keeps at least half the line. */
	buf_reset(&out);
	c.width = 360;
	chart_bar(&out, &c);
	check_accessible(out.data);
	assert_contains(out.data, ">Mozaïek van</tspan>");
	assert_contains(out.data, ">wijken en\xe2\x80\xa6</tspan>"); /* not "wijken en buur…" */
	assert_contains(out.data, "<title>Mozaïek van wijken en buurten in het centrum van de stad</title>");
	buf_free(&out);
}

/* Without a description of the caller, the desc names the kind, the
 * series, the highest and lowest value, and, when there is no table,
 * every value. */
static void test_generated_description(void **state)
{
	struct buf out = BUF_INIT;
	struct chart c = sample_chart(CHART_NUMBER);
	(void)state;
	chart_bar(&out, &c);
	assert_contains(out.data,
			"<desc id=\"steiger-chart-budget-desc\">Bar chart. Series: Begroting 2024, Begroting "
			"2025. Highest value: Mozaïek van wijken en buurten, Begroting 2024: 2,500,000. Lowest "
			"value: Mozaïek van wijken en buurten, Begroting 2025: -300,000. The table after the "
			"chart holds every value.</desc>");
	buf_reset(&out);
	c.with_table = 0;
	c.decimals = 2;
	chart_stacked_bar(&out, &c);
	assert_contains(out.data,
			"Stacked bar chart. Series: Begroting 2024, Begroting 2025. Highest value: Mozaïek van "
			"wijken en buurten, Total: 2,200,000.");
	assert_contains(out.data, "Centrum: Begroting 2024 1,234,567, Begroting 2025 1,234.5, Total 1,235,801.5;");
	assert_contains(out.data,
			"Oosterheem: Begroting 2024 450,000.4, Begroting 2025 12.25, Total 450,012.65.</desc>");
	buf_free(&out);
}

/* The same chart twice gives the same bytes, for every kind and both
 * languages; the languages differ. */
static void test_deterministic(void **state)
{
	(void)state;
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		struct buf a = BUF_INIT, b = BUF_INIT, nl = BUF_INIT;
		struct chart c = sample_chart(CHART_EUR);
		i18n_set(LANG_EN);
		kinds[k](&a, &c);
		kinds[k](&b, &c);
		assert_true(a.len > 500);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.data, b.data, a.len);
		i18n_set(LANG_NL);
		kinds[k](&nl, &c);
		assert_true(nl.len != a.len || memcmp(nl.data, a.data, a.len) != 0);
		buf_free(&a);
		buf_free(&b);
		buf_free(&nl);
	}
	i18n_set(LANG_EN);
}

/* Sizes: the viewBox is the default width and grows for a heat map with
 * many columns; a larger height is honoured; text sizes stay >= 12px. */
static void test_sizes(void **state)
{
	static const char *const rows[] = { "a" };
	static const double one[] = { 1 };
	struct chart_series many[20];
	struct chart c;
	struct buf out = BUF_INIT;
	(void)state;
	for (size_t i = 0; i < 20; i++) {
		many[i].label = "kolom";
		many[i].values = one;
	}
	memset(&c, 0, sizeof(c));
	c.categories = rows;
	c.ncategories = 1;
	c.series = many;
	c.nseries = 20;
	chart_heatmap(&out, &c);
	check_accessible(out.data);
	assert_true(strtol(strstr(out.data, "viewBox=\"0 0 ") + 13, NULL, 10) >= 20 * 48); /* 48 px columns */
	check_text_contrast(out.data);
	buf_reset(&out);
	c.nseries = 1;
	c.height = 500;
	chart_bar(&out, &c);
	assert_contains(out.data, "viewBox=\"0 0 640 500\" width=\"640\" height=\"500\"");
	buf_reset(&out);
	c.height = 0;
	chart_line(&out, &c);
	assert_contains(out.data, "viewBox=\"0 0 640 360\"");
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nice_max),
		cmocka_unit_test(test_scale_examples),
		cmocka_unit_test(test_scale_property),
		cmocka_unit_test(test_palette_contrast),
		cmocka_unit_test(test_text_and_graphics_contrast),
		cmocka_unit_test(test_bar_structure),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_two_charts_on_a_page),
		cmocka_unit_test(test_table_dutch),
		cmocka_unit_test(test_table_english),
		cmocka_unit_test(test_format_value),
		cmocka_unit_test(test_tick_labels),
		cmocka_unit_test(test_missing_bar),
		cmocka_unit_test(test_missing_other_kinds),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_negative_bars),
		cmocka_unit_test(test_heatmap_diverging),
		cmocka_unit_test(test_heatmap_sequential),
		cmocka_unit_test(test_line_negative),
		cmocka_unit_test(test_long_labels),
		cmocka_unit_test(test_generated_description),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_sizes),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
