/*
 * home.c - GET /: the agenda at a glance. The hoofdlijnen and pillars with
 * the number, budget and fte of the items serving them; the items by kind
 * and by kind and state (a stacked bar chart with its table); what needs
 * attention (the findings of `steiger check`); for the internal roles a
 * link to the review (/review); and how much of
 * the figures is illustrative.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/check.h"
#include "db/status.h"
#include "pages/pages.h"
#include "render/chart.h"
#include "render/html.h"

/* Append a table of groups (hoofdlijnen, pillars, kinds). */
static void group_table(struct request *req, const char *caption, const char *first, const struct status_groups *gs,
			const struct status_group *total, int codes, const char *link_prefix)
{
	struct buf *o = &req->out;
	int nl = req->lang == LANG_NL;
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n"
		   "<caption class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\"><tr "
		   "class=\"utrecht-table__row\">"
		   "<th class=\"utrecht-table__header-cell\" scope=\"col\">%h</th>"
		   "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%h</th>"
		   "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%h</th>"
		   "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" "
		   "scope=\"col\">%h</th></tr></thead>\n"
		   "<tbody class=\"utrecht-table__body\">\n",
		   caption, first, _("items"), _("budget"), _("fte"));
	for (size_t i = 0; i <= gs->n; i++) {
		const struct status_group *g = i < gs->n ? &gs->g[i] : total;
		struct buf b = BUF_INIT, f = BUF_INIT;
		if (!g)
			break;
		eur_format_human(&b, g->budget, nl);
		num_format_short(&f, g->fte, 1, nl);
		int ill = g->budget > 0 && g->budget_illustrative >= g->budget * 0.5;
		buf_adds(o, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__cell\" scope=\"row\">");
		if (i < gs->n && link_prefix)
			buf_printf(o, "<a class=\"utrecht-link\" href=\"%h%t\">%h</a>", link_prefix, g->key,
				   g->label ? g->label
				   : codes  ? code_label(g->key)
					    : g->key);
		else
			buf_printf(o, "%h",
				   i < gs->n ? (g->label ? g->label
						: codes  ? code_label(g->key)
							 : g->key)
					     : _("total"));
		buf_printf(o,
			   "</th><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%d</td>"
			   "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%h",
			   g->count, b.data);
		if (ill)
			buf_printf(o, "<span class=\"steiger-illustrative\" title=\"%h\">*</span>", _("illustrative"));
		buf_printf(o, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%h</td></tr>\n",
			   f.data);
		buf_free(&b);
		buf_free(&f);
	}
	buf_adds(o, "</tbody>\n</table></div>\n");
}

/* Append a stacked bar chart of the items of each kind by state, with
 * the same figures in a table. */
static void kind_status_chart(struct request *req, const struct status_groups *kinds)
{
	enum { NSTATES = 4 };
	const char **labels = arena_calloc(req->a, kinds->n + 1, sizeof(*labels));
	struct chart_series series[NSTATES];
	for (size_t s = 0; s < NSTATES; s++) {
		double *v = arena_calloc(req->a, kinds->n + 1, sizeof(*v));
		for (size_t i = 0; i < kinds->n; i++)
			v[i] = kinds->g[i].by_status[s];
		series[s].label = code_label(item_status_values[s]);
		series[s].values = v;
	}
	for (size_t i = 0; i < kinds->n; i++)
		labels[i] = code_label(kinds->g[i].key);
	struct chart c = { 0 };
	c.id = "items-by-kind-and-state";
	c.title = _("Items by kind and state");
	c.category_label = _("Kind");
	c.categories = labels;
	c.ncategories = kinds->n;
	c.series = series;
	c.nseries = NSTATES;
	c.unit = CHART_NUMBER;
	c.decimals = -1;
	c.with_table = 1;
	buf_printf(&req->out, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Items by kind and state"));
	chart_stacked_bar(&req->out, &c);
}

/* See pages.h. */
int page_home(struct request *req)
{
	struct status st;
	struct findings fs;
	struct err e = { 0, "" };
	struct buf *o = &req->out;
	if (db_status(req->db, 0, &st, &e) < 0) {
		status_free(&st);
		return http_error(req, 500, _("The overview cannot be made now."));
	}
	page_begin(req, _("Overview"), "home");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", st.dataset ? st.dataset : _("Strategic agenda"));
	if (st.vision)
		buf_printf(o,
			   "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h: <a class=\"utrecht-link\" "
			   "href=\"/vision\">%h</a></p>\n",
			   _("The yardstick"), st.vision);
	if (role_can(req->user.role, PERM_READ_INTERNAL))
		buf_printf(
			o, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/review\">%h</a></p>\n",
			_("The review: how well the items fit the vision, the gaps, and where the assessors disagree"));
	int illustrative = 0;
	for (int r = 0; r < REG_COUNT; r++)
		illustrative += st.prov[r].by_source[3] + st.prov[r].illustrative_fields;
	if (illustrative)
		buf_printf(o,
			   "<div class=\"utrecht-alert utrecht-alert--info steiger-notice\" role=\"note\"><p "
			   "class=\"utrecht-paragraph\">%h</p></div>\n",
			   _("Figures marked * are illustrative: examples, not figures of the municipality. They are "
			     "replaced when the municipality imports its own data."));
	if (st.year)
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h %d.</p>\n", _("Budget and fte are those of the year"),
			   st.year);
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Main lines of the vision"));
	group_table(req, _("Items that declare to serve each main line"), _("main line"), &st.by_hoofdlijn, NULL, 0,
		    "/vision/");
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Pillars"));
	group_table(req, _("Items that serve a pillar or lie in one of its areas"), _("pillar"), &st.by_pillar, NULL, 0,
		    "/vision/");
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n", _("Items by kind"));
	group_table(req, _("The registers"), _("kind"), &st.by_kind, &st.total, 1, "/items?kind=");
	kind_status_chart(req, &st.by_kind);
	/* What needs attention. */
	memset(&fs, 0, sizeof(fs));
	today_iso(fs.today);
	if (db_check(req->db, 0, &fs, &e) == 0 && fs.n) {
		buf_printf(o,
			   "<h2 class=\"utrecht-heading-2\">%h</h2>\n<ul class=\"utrecht-unordered-list "
			   "steiger-attention\">\n",
			   _("Needs attention"));
		for (size_t i = 0; i < fs.n;) {
			enum check_id c = fs.f[i].check;
			size_t j = i;
			while (j < fs.n && fs.f[j].check == c)
				j++;
			buf_printf(o, "<li><strong>%h</strong> (%zu): %h%s</li>\n", check_title(c), j - i,
				   fs.f[i].message, j - i > 1 ? " \xe2\x80\xa6" : ""); /* literal */
			i = j;
		}
		buf_adds(o, "</ul>\n");
	}
	findings_free(&fs);
	page_end(req);
	status_free(&st);
	return 200;
}
