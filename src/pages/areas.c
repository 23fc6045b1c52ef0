/*
 * areas.c - GET /areas: the areas by level (the municipality, wijken,
 * buurten, development areas), each level a table with the latest values
 * of the indicators, and a heat map of the indicators over the wijken
 * (normalised per indicator: 0 is the wijk with the lowest value, 100 the
 * one with the highest) with its table. GET /areas/:code: one area with
 * its indicators beside those of the municipality, their course over the
 * years (a line chart when there are several), its sub-areas, the items
 * that lie in it and the pillar it belongs to.
 *
 * Every value shows its provenance: a column header names the source when
 * all its values share one (CBS, illustrative), and every illustrative
 * value carries an asterisk.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/area_query.h"
#include "pages/pages.h"
#include "pages/places.h"
#include "render/chart.h"
#include "render/html.h"

/* The levels of /areas, in order, with their headings. */
static const struct {
	const char *type;    /* area type */
	const char *heading; /* heading of the level */
} levels[] = {
	{ "gemeente", N_("Municipality") },
	{ "wijk", N_("Districts") },
	{ "buurt", N_("Neighbourhoods") },
	{ "ontwikkelgebied", N_("Development areas") },
};

/* Append an indicator's value v for people, with its unit's natural
 * precision, and the mark of its provenance. */
static void value_text(struct request *req, const struct indicator_value_row *v)
{
	places_number(req, v->value, 2);
	places_source_mark(&req->out, v->source);
}

/* The source all values of indicator ind share in year among the areas of
 * type type ("cbs", "illustrative", ...), or NULL when they differ or
 * there are none. */
static const char *common_source(const struct area_data *d, size_t ind, const char *type, int year)
{
	const char *src = NULL;
	for (size_t i = 0; i < d->nvalues; i++) {
		const struct indicator_value_row *v = &d->values[i];
		if (v->indicator != ind || v->year != year || strcmp(d->areas[v->area].type, type) != 0)
			continue;
		if (src && strcmp(src, v->source) != 0)
			return NULL;
		src = v->source;
	}
	return src;
}

/* Append the name of area a as a link, with the mark of an illustrative
 * name. */
static void area_name(struct buf *o, const struct area_row *a)
{
	places_link(o, "areas", a->code, a->name);
	places_source_mark(o, a->name_source);
}

/* The most areas a level's table shows as columns; a level with more has
 * a row per area (and a column per indicator) instead. */
#define MAX_AREA_COLUMNS 12

/* Append the cell of indicator k of area i in year (numeric). */
static void value_cell(struct request *req, const struct area_data *d, size_t k, size_t i, int year)
{
	const struct indicator_value_row *v = area_value(d, k, i, year);
	places_cell(&req->out, 1);
	if (v)
		value_text(req, v);
	else
		buf_printf(&req->out, "<span title=\"%h\">\xe2\x80\x94</span>", _("no value"));
	buf_adds(&req->out, "</td>");
}

/* The heading of indicator k's figures in year: title, unit, year and
 * the source when all its values at the level share one. */
static const char *indicator_heading(struct request *req, const struct area_data *d, size_t k, const char *type,
				     int year)
{
	const struct indicator_row *n = &d->indicators[k];
	const char *src = common_source(d, k, type, year);
	return src ? arena_printf(req->a, "%s (%s) %d, %s", n->title, n->unit, year, code_label(src))
		   : arena_printf(req->a, "%s (%s) %d", n->title, n->unit, year);
}

/* Append the areas of a level as a list (a level without figures). */
static void level_list(struct request *req, const struct area_data *d, const char *type)
{
	struct buf *o = &req->out;
	buf_adds(o, "<ul class=\"utrecht-unordered-list\">\n");
	for (size_t i = 0; i < d->nareas; i++) {
		const struct area_row *a = &d->areas[i];
		if (strcmp(a->type, type) != 0)
			continue;
		buf_adds(o, "<li>");
		area_name(o, a);
		buf_printf(o, " (%h)</li>\n", a->code);
	}
	buf_adds(o, "</ul>\n");
}

/* Append the table of a level with few areas: a row per indicator (in its
 * latest year at the level), a column per area. */
static void level_by_indicator(struct request *req, const struct area_data *d, const char *type, const char *caption,
			       const size_t *areas, size_t nareas, const int *year)
{
	struct buf *o = &req->out;
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n"
		   "<caption class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\">"
		   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>",
		   caption, _("Indicator (unit) year, source"));
	for (size_t i = 0; i < nareas; i++) {
		buf_adds(o,
			 "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">");
		area_name(o, &d->areas[areas[i]]);
		buf_adds(o, "</th>");
	}
	buf_adds(o, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t k = 0; k < d->nindicators; k++) {
		if (!year[k])
			continue;
		places_row_begin(o);
		buf_printf(o, "%h</th>", indicator_heading(req, d, k, type, year[k]));
		for (size_t i = 0; i < nareas; i++)
			value_cell(req, d, k, areas[i], year[k]);
		buf_adds(o, "</tr>\n");
	}
	places_table_end(o);
}

/* Append the table of a level with many areas: a row per area, a column
 * per indicator. */
static void level_by_area(struct request *req, const struct area_data *d, const char *type, const char *caption,
			  const size_t *areas, size_t nareas, const int *year)
{
	struct buf *o = &req->out;
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n"
		   "<caption class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\">"
		   "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>",
		   caption, _("Area"));
	for (size_t k = 0; k < d->nindicators; k++)
		if (year[k])
			buf_printf(o,
				   "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" "
				   "scope=\"col\">%h</th>",
				   indicator_heading(req, d, k, type, year[k]));
	buf_adds(o, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t i = 0; i < nareas; i++) {
		places_row_begin(o);
		area_name(o, &d->areas[areas[i]]);
		buf_adds(o, "</th>");
		for (size_t k = 0; k < d->nindicators; k++)
			if (year[k])
				value_cell(req, d, k, areas[i], year[k]);
		buf_adds(o, "</tr>\n");
	}
	places_table_end(o);
}

/* Append a level: its heading and a table of the latest value of each
 * indicator that has values at that level in each of its areas (or, when
 * there are none, the list of its areas). */
static void level_table(struct request *req, const struct area_data *d, const char *type, const char *heading)
{
	struct buf *o = &req->out;
	size_t nareas = 0, nind = 0;
	size_t *areas = arena_calloc(req->a, d->nareas + 1, sizeof(*areas));
	int *year = arena_calloc(req->a, d->nindicators + 1, sizeof(*year));
	for (size_t i = 0; i < d->nareas; i++)
		if (strcmp(d->areas[i].type, type) == 0)
			areas[nareas++] = i;
	if (!nareas)
		return;
	for (size_t k = 0; k < d->nindicators; k++)
		nind += (year[k] = indicator_latest_year(d, k, type)) != 0;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", tr(heading));
	if (!nind) {
		level_list(req, d, type);
		return;
	}
	const char *caption = arena_printf(req->a, _("%s: the latest figure of each indicator"), tr(heading));
	if (nareas <= MAX_AREA_COLUMNS)
		level_by_indicator(req, d, type, caption, areas, nareas, year);
	else
		level_by_area(req, d, type, caption, areas, nareas, year);
}

/* Append the heat map of the indicators over the wijken: per indicator the
 * latest year with values for wijken, each value placed between the
 * lowest (0) and the highest (100) wijk. */
static void heat_map(struct request *req, const struct area_data *d)
{
	struct buf *o = &req->out;
	size_t nwijk = 0, nind = 0;
	size_t *wijk = arena_calloc(req->a, d->nareas + 1, sizeof(*wijk));
	for (size_t i = 0; i < d->nareas; i++)
		if (strcmp(d->areas[i].type, "wijk") == 0)
			wijk[nwijk++] = i;
	if (nwijk < 2)
		return;
	const char **cats = arena_calloc(req->a, d->nindicators + 1, sizeof(*cats));
	struct chart_series *series = arena_calloc(req->a, nwijk, sizeof(*series));
	double **vals = arena_calloc(req->a, nwijk, sizeof(*vals));
	for (size_t w = 0; w < nwijk; w++) {
		vals[w] = arena_calloc(req->a, d->nindicators + 1, sizeof(**vals));
		series[w].label = d->areas[wijk[w]].name;
		series[w].values = vals[w];
	}
	for (size_t k = 0; k < d->nindicators; k++) {
		int year = indicator_latest_year(d, k, "wijk"), illustrative = 0;
		double lo = INFINITY, hi = -INFINITY;
		if (!year)
			continue;
		for (size_t w = 0; w < nwijk; w++) {
			const struct indicator_value_row *v = area_value(d, k, wijk[w], year);
			vals[w][nind] = v ? v->value : NAN;
			if (v) {
				lo = v->value < lo ? v->value : lo;
				hi = v->value > hi ? v->value : hi;
				illustrative |= strcmp(v->source, "illustrative") == 0;
			}
		}
		for (size_t w = 0; w < nwijk; w++)
			vals[w][nind] = area_scale_0_100(vals[w][nind], lo, hi);
		cats[nind++] =
			arena_printf(req->a, "%s%s (%d)", d->indicators[k].title, illustrative ? " *" : "", year);
	}
	if (!nind)
		return;
	struct chart c = { 0 };
	c.id = "districts-heat-map";
	c.title = _("Districts compared per indicator (0 = lowest district, 100 = highest district)");
	c.description = NULL;
	c.category_label = _("Indicator (year)");
	c.categories = cats;
	c.ncategories = nind;
	c.series = series;
	c.nseries = nwijk;
	c.unit = CHART_NUMBER;
	c.decimals = -1;
	c.with_table = 1;
	c.width = 1000;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Districts compared"),
		   _("For each indicator the districts are placed on a scale from 0 to 100: 0 is the district with "
		     "the lowest value, 100 the district with the highest value, in the latest year with figures. A "
		     "darker cell means a higher value. Higher is not always better: for some indicators lower is "
		     "better. Indicators marked * have illustrative values. The figures themselves are in the table "
		     "of districts above."));
	chart_heatmap(o, &c);
}

/* See pages.h. */
int page_areas(struct request *req)
{
	struct area_data d;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	int illustrative = 0;
	if (db_area_data(req->db, &d, &e) < 0)
		return http_error(req, 500, _("The areas cannot be shown now."));
	page_begin(req, _("Areas"), "areas");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("Areas"));
	buf_printf(o, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h</p>\n",
		   _("The municipality, its districts and neighbourhoods, and the areas where the city is being "
		     "developed, with the figures that show how they are doing."));
	for (size_t i = 0; i < d.nvalues; i++)
		illustrative |= strcmp(d.values[i].source, "illustrative") == 0;
	for (size_t i = 0; i < d.nareas; i++)
		illustrative |= strcmp(d.areas[i].name_source, "illustrative") == 0;
	buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Every figure says where it comes from: from CBS (Statistics Netherlands), from the "
		     "municipality, or illustrative (an example, not a real figure). The source is in the column "
		     "heading when all figures of a column have the same source."));
	if (illustrative)
		places_illustrative_notice(o);
	if (!d.nareas)
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("There are no areas yet."));
	for (size_t l = 0; l < ARRAY_SIZE(levels); l++)
		level_table(req, &d, levels[l].type, levels[l].heading);
	heat_map(req, &d);
	page_end(req);
	area_data_free(&d);
	return 200;
}

/* Append the breadcrumb trail of area a: the areas page and the areas it
 * lies in. */
static void breadcrumb(struct request *req, const struct area_data *d, size_t a)
{
	struct buf *o = &req->out;
	long chain[32];
	size_t n = 0;
	for (long k = d->areas[a].parent ? area_find(d, d->areas[a].parent) : -1; k >= 0 && n < ARRAY_SIZE(chain);
	     k = d->areas[k].parent ? area_find(d, d->areas[k].parent) : -1) {
		if (k == (long)a)
			break;
		chain[n++] = k;
	}
	buf_printf(o,
		   "<nav class=\"steiger-breadcrumb\" aria-label=\"%h\"><ol class=\"utrecht-unordered-list\">"
		   "<li><a class=\"utrecht-link\" href=\"/areas\">%h</a></li>",
		   _("Breadcrumb"), _("Areas"));
	while (n-- > 0) {
		buf_adds(o, "<li>");
		places_link(o, "areas", d->areas[chain[n]].code, d->areas[chain[n]].name);
		buf_adds(o, "</li>");
	}
	buf_adds(o, "</ol></nav>\n");
}

/* Append a list of links from a listing of (code/id, name/title, type or
 * kind) rows to /prefix/ID, as the value of a description term. */
static void link_list(struct buf *o, const struct list_result *r, const char *prefix, int name_col)
{
	for (size_t i = 0; i < r->nrows; i++) {
		char **row = &r->cells[i * r->ncols];
		buf_adds(o, i ? ", " : "");
		places_link(o, prefix, row[0], row[name_col]);
	}
}

/* Append the facts of area a. */
static void area_facts(struct request *req, const struct area_data *d, size_t a)
{
	struct buf *o = &req->out;
	struct err e = { 0, "" };
	struct list_result pillars, adjacent;
	const struct area_row *ar = &d->areas[a];
	long p = ar->parent ? area_find(d, ar->parent) : -1;
	buf_adds(o, "<dl class=\"steiger-facts\">\n");
	places_term(o, _("Code"));
	buf_printf(o, "%h</dd>\n", ar->code);
	places_term(o, _("Type"));
	buf_printf(o, "%h</dd>\n", code_label(ar->type));
	if (p >= 0) {
		places_term(o, _("Part of"));
		area_name(o, &d->areas[p]);
		buf_adds(o, "</dd>\n");
	}
	if (db_area_pillars(req->db, ar->code, &pillars, &e) == 0 && pillars.nrows) {
		places_term(o, _("Pillar"));
		link_list(o, &pillars, "vision", 2);
		buf_adds(o, "</dd>\n");
	}
	list_result_free(&pillars);
	if (db_area_adjacent(req->db, ar->code, &adjacent, &e) == 0 && adjacent.nrows) {
		places_term(o, _("Adjacent to"));
		link_list(o, &adjacent, "areas", 1);
		buf_adds(o, "</dd>\n");
	}
	list_result_free(&adjacent);
	places_term(o, _("Source"));
	buf_printf(o, "%h</dd>\n", code_label(ar->source));
	buf_adds(o, "</dl>\n");
}

/* Append the table of the indicators of area a, each in its latest year,
 * beside the municipality muni (-1: none, or a itself). */
static void indicator_table(struct request *req, const struct area_data *d, size_t a, long muni)
{
	struct buf *o = &req->out;
	int compare = muni >= 0 && muni != (long)a, rows = 0;
	const char *heads[] = {
		_("Indicator"), _("Unit"), _("Year"), _("Value"), compare ? d->areas[muni].name : _("Direction"),
		_("Source")
	};
	const int numeric[] = { 0, 0, 1, 1, compare, 0 };
	for (size_t k = 0; k < d->nindicators; k++) {
		int year = 0;
		const struct indicator_value_row *v;
		for (size_t y = 0; y < d->nyears; y++)
			if (area_value(d, k, a, d->years[y]))
				year = d->years[y];
		if (!year)
			continue;
		if (!rows++) {
			buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Indicators"));
			places_table_begin(
				o,
				compare ? arena_printf(req->a, _("The latest figures of %s beside those of %s"),
						       d->areas[a].name, d->areas[muni].name)
					: arena_printf(req->a, _("The latest figures of %s"), d->areas[a].name),
				heads, numeric, ARRAY_SIZE(heads));
		}
		v = area_value(d, k, a, year);
		places_row_begin(o);
		buf_printf(o, "%h</th>", d->indicators[k].title);
		places_cell(o, 0);
		buf_printf(o, "%h</td>", d->indicators[k].unit);
		places_cell(o, 1);
		buf_printf(o, "%d</td>", year);
		places_cell(o, 1);
		value_text(req, v);
		buf_adds(o, "</td>");
		places_cell(o, compare);
		if (compare) {
			const struct indicator_value_row *m = area_value(d, k, (size_t)muni, year);
			if (m)
				value_text(req, m);
			else
				buf_printf(o, "<span title=\"%h\">\xe2\x80\x94</span>", _("no value"));
		} else {
			buf_printf(o, "%h", code_label(d->indicators[k].direction));
		}
		buf_adds(o, "</td>");
		places_cell(o, 0);
		buf_printf(o, "%h</td></tr>\n", code_label(v->source));
	}
	if (rows)
		places_table_end(o);
	else
		buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
			   _("Indicators"), _("There are no figures for this area."));
}

/* Append a line chart of every indicator of area a that has values in
 * more than one year, beside the municipality. */
static void course_charts(struct request *req, const struct area_data *d, size_t a, long muni)
{
	struct buf *o = &req->out;
	int compare = muni >= 0 && muni != (long)a, heading = 0;
	const char **years = arena_calloc(req->a, d->nyears + 1, sizeof(*years));
	for (size_t y = 0; y < d->nyears; y++)
		years[y] = arena_printf(req->a, "%d", d->years[y]);
	for (size_t k = 0; k < d->nindicators; k++) {
		size_t first = d->nyears, last = 0, n = 0;
		for (size_t y = 0; y < d->nyears; y++)
			if (area_value(d, k, a, d->years[y])) {
				first = y < first ? y : first;
				last = y;
				n++;
			}
		if (n < 2)
			continue;
		double *mine = arena_calloc(req->a, last - first + 1, sizeof(*mine));
		double *theirs = arena_calloc(req->a, last - first + 1, sizeof(*theirs));
		for (size_t y = first; y <= last; y++) {
			const struct indicator_value_row *v = area_value(d, k, a, d->years[y]);
			const struct indicator_value_row *m =
				compare ? area_value(d, k, (size_t)muni, d->years[y]) : NULL;
			mine[y - first] = v ? v->value : NAN;
			theirs[y - first] = m ? m->value : NAN;
		}
		struct chart_series series[2] = { { d->areas[a].name, mine },
						  { compare ? d->areas[muni].name : "", theirs } };
		struct chart c = { 0 };
		c.id = arena_printf(req->a, "course-%s", d->indicators[k].id);
		c.title = arena_printf(req->a, "%s (%s)", d->indicators[k].title, d->indicators[k].unit);
		c.category_label = _("Year");
		c.categories = &years[first];
		c.ncategories = last - first + 1;
		c.series = series;
		c.nseries = compare ? 2 : 1;
		c.unit = CHART_NUMBER;
		c.with_table = 1;
		if (!heading++)
			buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Over the years"));
		buf_printf(o, "<h3 class=\"utrecht-heading-3\">%h</h3>\n", d->indicators[k].title);
		chart_line(o, &c);
	}
}

/* Append the areas that lie in area a. */
static void sub_areas(struct request *req, const struct area_data *d, size_t a)
{
	struct buf *o = &req->out;
	int open = 0;
	for (size_t i = 0; i < d->nareas; i++) {
		if (!d->areas[i].parent || strcmp(d->areas[i].parent, d->areas[a].code) != 0 || i == a)
			continue;
		if (!open++)
			buf_printf(o,
				   "<h2 class=\"utrecht-heading-2\">%h</h2>\n<ul class=\"utrecht-unordered-list\">\n",
				   _("Areas within it"));
		buf_adds(o, "<li>");
		area_name(o, &d->areas[i]);
		buf_printf(o, " (%h)</li>\n", code_label(d->areas[i].type));
	}
	if (open)
		buf_adds(o, "</ul>\n");
}

/* Append the items that lie in area code (archived ones only for those who
 * may read internal details). */
static void area_items(struct request *req, const char *code)
{
	struct buf *o = &req->out;
	struct list_result r;
	struct err e = { 0, "" };
	const char *heads[] = { _("Item"), _("Kind"), _("Status") };
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Items in this area"));
	if (db_area_items(req->db, code, places_internal(req), &r, &e) < 0) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("The items cannot be shown now."));
		return;
	}
	if (!r.nrows) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n", _("No item lies in this area."));
	} else {
		places_table_begin(o, _("Policy, programmes, projects, regulations and actions in this area"), heads,
				   NULL, ARRAY_SIZE(heads));
		for (size_t i = 0; i < r.nrows; i++) {
			char **row = &r.cells[i * r.ncols];
			places_row_begin(o);
			places_item_cells(o, row[0], row[1], row[4] && strcmp(row[4], "1") == 0, row[2], row[3]);
			buf_adds(o, "</tr>\n");
		}
		places_table_end(o);
	}
	list_result_free(&r);
}

/* See pages.h. */
int page_area(struct request *req)
{
	struct area_data d;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	const char *code = req->nparams ? req->params[0] : "";
	long a, muni;
	int illustrative;
	if (db_area_data(req->db, &d, &e) < 0)
		return http_error(req, 500, _("The areas cannot be shown now."));
	if ((a = area_find(&d, code)) < 0) {
		area_data_free(&d);
		return http_error(req, 404, _("There is no area with this code."));
	}
	const struct area_row *ar = &d.areas[a];
	muni = area_municipality(&d, (size_t)a);
	page_begin(req, ar->name, "areas");
	breadcrumb(req, &d, (size_t)a);
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h", ar->name);
	places_source_mark(o, ar->name_source);
	buf_printf(o, "</h1>\n<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h %h</p>\n", code_label(ar->type),
		   ar->code);
	illustrative = strcmp(ar->name_source, "illustrative") == 0;
	for (size_t i = 0; i < d.nvalues; i++)
		illustrative |= d.values[i].area == (size_t)a && strcmp(d.values[i].source, "illustrative") == 0;
	if (illustrative)
		places_illustrative_notice(o);
	area_facts(req, &d, (size_t)a);
	indicator_table(req, &d, (size_t)a, muni);
	course_charts(req, &d, (size_t)a, muni);
	sub_areas(req, &d, (size_t)a);
	area_items(req, ar->code);
	page_end(req);
	area_data_free(&d);
	return 200;
}
