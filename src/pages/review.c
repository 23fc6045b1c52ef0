/*
 * review.c - GET /review: the review dashboard of an assessment round
 * (?round=ID, default the one opened last; ?year=YEAR for budget and
 * fte). The same figures as `steiger review` (core/review.h,
 * core/merges.h): a heat map of the items by main line (mean scores) with
 * its table, the coverage of every criterion with its gaps and blind
 * spots, the most contested items with the agreement (Krippendorff's
 * alpha) per main line, the merge candidates with their reasons, and the
 * alignment of every item.
 *
 * Internal (PERM_READ_INTERNAL, routes.c). In a blind round that is still
 * open only administrators see the figures: the others would see the
 * scores of their fellow assessors in them (doc/security.md).
 */
#include "steiger.h"
#include "core/register.h"
#include "core/review_alpha.h"
#include "db/review.h"
#include "pages/pages.h"
#include "pages/places.h"
#include "render/chart.h"
#include "render/html.h"
#include <math.h>

/* The most contested items shown. */
#define CONTESTED_SHOWN 10

/* The most items of the alignment table. */
#define ALIGNMENT_SHOWN 50

/* Append x for people with at most maxdec decimals, "—" when it is NaN. */
static void number(struct request *req, double x, int maxdec)
{
	if (isnan(x))
		buf_printf(&req->out, "<span title=\"%h\">\xe2\x80\x94</span>", _("no value"));
	else
		places_number(req, x, maxdec);
}

/* Append a numeric cell holding x (see number()). */
static void number_cell(struct request *req, double x, int maxdec)
{
	places_cell(&req->out, 1);
	number(req, x, maxdec);
	buf_adds(&req->out, "</td>");
}

/* The page when there is no round yet: what a round is and how to start
 * one. */
static int empty_state(struct request *req)
{
	struct buf *o = &req->out;
	page_begin(req, _("Review"), "review");
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h</h1>\n", _("Review"));
	buf_printf(o,
		   "<div class=\"utrecht-alert utrecht-alert--info steiger-notice\" role=\"note\"><p "
		   "class=\"utrecht-paragraph\"><strong>%h</strong></p>\n<p class=\"utrecht-paragraph\">%h</p>\n"
		   "<p class=\"utrecht-paragraph\">%h</p>\n<p class=\"utrecht-paragraph\"><code "
		   "class=\"utrecht-code\">steiger import rounds.csv assessments.csv</code></p>\n"
		   "<p class=\"utrecht-paragraph\">%h</p></div>\n",
		   _("There is no assessment round yet."),
		   _("In an assessment round, colleagues give each item a score for each main line of the vision, "
		     "each pillar and each urgent issue: does the item help, or not? This page then shows which "
		     "parts of the vision get enough help, where there are gaps, and on which items the assessors "
		     "do not agree."),
		   _("To start a round, an administrator imports two files: one with the round and one with the "
		     "scores. On the command line that is:"),
		   _("The user guide (handleiding) says what these files look like."));
	page_end(req);
	return 200;
}

/* Append the round chooser: a GET form with a select of the rounds, when
 * there are several. */
static void round_chooser(struct request *req, const struct review_round *rounds, int n, const char *current,
			  const char *year)
{
	struct buf *o = &req->out;
	if (n < 2)
		return;
	buf_printf(o,
		   "<form method=\"get\" action=\"/review\" class=\"steiger-filter\" aria-label=\"%h\">\n"
		   "<div class=\"utrecht-form-field utrecht-form-field--select\"><div "
		   "class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"review-round\">%h"
		   "</label></div>\n<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select "
		   "utrecht-select--html-select\" id=\"review-round\" name=\"round\">\n",
		   _("Choose a round"), _("Round"));
	for (int i = 0; i < n; i++)
		buf_printf(o, "<option value=\"%h\"%s>%h (%h)</option>\n", rounds[i].id,
			   strcmp(rounds[i].id, current) == 0 ? " selected" : "", rounds[i].title,
			   code_label(rounds[i].status)); /* literal */
	buf_adds(o, "</select></div></div>\n");
	if (year)
		buf_printf(o, "<input type=\"hidden\" name=\"year\" value=\"%h\">\n", year);
	buf_printf(o,
		   "<div class=\"utrecht-button-group\"><button type=\"submit\" class=\"utrecht-button "
		   "utrecht-button--primary-action\">%h</button></div>\n</form>\n",
		   _("Show"));
}

/* Append the heat map of the items with scores (rows) by main line
 * (columns): the mean score of each cell, missing where nobody scored it. */
static void heat_map(struct request *req, const struct review_data *d, const struct review *r)
{
	struct buf *o = &req->out;
	size_t nitems = 0, nlines = 0;
	size_t *lines = arena_calloc(req->a, d->in.ncriteria + 1, sizeof(*lines));
	size_t *items = arena_calloc(req->a, d->in.nitems + 1, sizeof(*items));
	for (size_t c = 0; c < d->in.ncriteria; c++)
		if (strcmp(d->criteria[c].kind, "hoofdlijn") == 0)
			lines[nlines++] = c;
	for (size_t i = 0; i < d->in.nitems; i++)
		for (size_t l = 0; l < nlines; l++)
			if (review_cell(r, i, lines[l])->n) {
				items[nitems++] = i;
				break;
			}
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Scores per item and main line"),
		   arena_printf(req->a,
				_("Each cell is the mean score of the assessors, from %d to %d: a darker blue cell "
				  "helps the main line more, an orange cell works against it. A hatched cell has no "
				  "score. The table under the chart has the same figures."),
				(int)d->in.scale_min, (int)d->in.scale_max));
	if (!nitems || !nlines) {
		buf_printf(o, "<p class=\"utrecht-paragraph steiger-empty\">%h</p>\n",
			   _("No item has a score for a main line yet."));
		return;
	}
	const char **cats = arena_calloc(req->a, nitems, sizeof(*cats));
	struct chart_series *series = arena_calloc(req->a, nlines, sizeof(*series));
	for (size_t k = 0; k < nitems; k++)
		cats[k] = d->items[items[k]].title;
	for (size_t l = 0; l < nlines; l++) {
		double *v = arena_calloc(req->a, nitems, sizeof(*v));
		for (size_t k = 0; k < nitems; k++) {
			const struct review_cell *cell = review_cell(r, items[k], lines[l]);
			v[k] = cell->n ? cell->mean : NAN;
		}
		series[l].label = d->criteria[lines[l]].title;
		series[l].values = v;
	}
	struct chart c = { 0 };
	c.id = "review-heat-map";
	c.title = _("Mean score per item and main line");
	c.category_label = _("Item");
	c.categories = cats;
	c.ncategories = nitems;
	c.series = series;
	c.nseries = nlines;
	c.unit = CHART_NUMBER;
	c.decimals = 2;
	c.with_table = 1;
	c.width = 1000;
	chart_heatmap(o, &c);
}

/* Append the coverage of every criterion, gaps and blind spots said in
 * words. */
static void coverage(struct request *req, const struct review_data *d, const struct review *r)
{
	struct buf *o = &req->out;
	const char *headers[] = { _("Criterion"), _("Kind"), _("Items"),  _("Weighted items"),
				  _("Budget"),    _("Fte"),  _("Finding") };
	const int numeric[] = { 0, 0, 1, 1, 1, 1, 0 };
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Coverage of the vision"),
		   _("How many items help each main line, pillar and urgent issue. Weighted items count an item "
		     "fully when all assessors gave the highest score, and partly when they gave less; budget and "
		     "fte are weighted the same way. A gap is a criterion that gets much less help than the others "
		     "of its kind; a blind spot is one that no item helps."));
	places_table_begin(o, _("Coverage per criterion"), headers, numeric, ARRAY_SIZE(headers));
	for (size_t c = 0; c < d->in.ncriteria; c++) {
		const struct review_criterion_result *cr = &r->criteria[c];
		places_row_begin(o);
		places_link(o, "vision", d->criteria[c].id, d->criteria[c].title);
		buf_adds(o, "</th>");
		places_cell(o, 0);
		buf_printf(o, "%h</td>", code_label(d->criteria[c].kind));
		places_cell(o, 1);
		buf_printf(o, "%d</td>", cr->items);
		number_cell(req, cr->weighted_items, 2);
		places_cell(o, 1);
		places_eur(req, cr->budget);
		buf_adds(o, "</td>");
		number_cell(req, cr->fte, 1);
		places_cell(o, 0);
		if (cr->blind)
			buf_printf(o, "<strong>%h</strong>", _("blind spot: no item helps"));
		else if (cr->gap)
			buf_printf(o, "<strong>%h</strong>", _("gap: little help"));
		buf_adds(o, "</td></tr>\n");
	}
	places_table_end(o);
}

/* Append the agreement between the assessors per main line. */
static void agreement(struct request *req, const struct review_data *d)
{
	struct buf *o = &req->out;
	const char *headers[] = { _("Main line"), _("Agreement (alpha)") };
	const int numeric[] = { 0, 1 };
	buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Agreement per main line is Krippendorff's alpha: 1 means the assessors agree fully, 0 means "
		     "no more agreement than by chance. Below 0.67 the scores of that main line are best discussed "
		     "before they are used. A dash means it cannot be computed: too few items with two scores, or "
		     "all scores the same."));
	places_table_begin(o, _("Agreement between the assessors per main line"), headers, numeric,
			   ARRAY_SIZE(headers));
	for (size_t c = 0; c < d->in.ncriteria; c++) {
		if (strcmp(d->criteria[c].kind, "hoofdlijn") != 0)
			continue;
		places_row_begin(o);
		places_link(o, "vision", d->criteria[c].id, d->criteria[c].title);
		buf_adds(o, "</th>");
		number_cell(req, review_alpha(&d->in, c), 2);
		buf_adds(o, "</tr>\n");
	}
	places_table_end(o);
}

/* Append the most contested items, largest spread first. */
static void contested(struct request *req, const struct review_data *d, const struct review *r)
{
	struct buf *o = &req->out;
	const char *headers[] = { _("Item"), _("Kind"), _("Spread"), _("Alignment"), _("Assessors") };
	const int numeric[] = { 0, 0, 1, 1, 1 };
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Where the assessors disagree"),
		   _("The items on which the assessors differ most, largest difference first. The spread is the "
		     "mean standard deviation of their scores. A difference is worth a conversation: it often shows "
		     "that people see the item differently."));
	if (!r->ncontested)
		buf_printf(o, "<p class=\"utrecht-paragraph steiger-empty\">%h</p>\n",
			   _("No item has two scores for one criterion yet."));
	else {
		places_table_begin(o, _("The most contested items"), headers, numeric, ARRAY_SIZE(headers));
		for (size_t k = 0; k < r->ncontested && k < CONTESTED_SHOWN; k++) {
			size_t i = r->contested[k];
			places_row_begin(o);
			places_link(o, "items", d->items[i].id, d->items[i].title);
			buf_adds(o, "</th>");
			places_cell(o, 0);
			buf_printf(o, "%h</td>", code_label(d->items[i].kind));
			number_cell(req, r->items[i].spread, 2);
			number_cell(req, r->items[i].alignment, 2);
			places_cell(o, 1);
			buf_printf(o, "%d</td></tr>\n", r->items[i].assessors);
		}
		places_table_end(o);
	}
	agreement(req, d);
}

/* Append a '|'-separated list of what two items share ("domain:x",
 * "area:y") for people. */
static void shared_text(struct request *req, const char *list)
{
	for (const char *p = list, *bar; p && *p; p = bar ? bar + 1 : NULL) {
		bar = strchr(p, '|');
		const char *v = arena_strndup(req->a, p, bar ? (size_t)(bar - p) : strlen(p));
		const char *colon = strchr(v, ':');
		const char *label = !colon                          ? ""
				    : strncmp(v, "domain:", 7) == 0 ? _("domain")
				    : strncmp(v, "area:", 5) == 0   ? _("area")
								    : arena_strndup(req->a, v, (size_t)(colon - v));
		buf_printf(&req->out, "%s%h %h", p == list ? "" : ", ", label,
			   colon ? code_label(colon + 1) : v); /* literal */
	}
}

/* Append the merge candidates: per group its items linked and, per pair
 * that joined it, why. */
static void merges_list(struct request *req, const struct review_data *d, const struct merges *m)
{
	struct buf *o = &req->out;
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("Items that could be merged"),
		   _("Groups of items that work in the same field or area, got almost the same scores, and are "
		     "described in similar words. They may do the same thing twice. This is a suggestion to look "
		     "at, not a decision."));
	if (!m->n) {
		buf_printf(o, "<p class=\"utrecht-paragraph steiger-empty\">%h</p>\n",
			   _("No items look alike enough."));
		return;
	}
	buf_adds(o, "<ol class=\"utrecht-ordered-list\">\n");
	for (size_t g = 0; g < m->n; g++) {
		const struct merge_group *gr = &m->groups[g];
		buf_adds(o, "<li>");
		for (size_t k = 0; k < gr->nitems; k++) {
			if (k)
				buf_adds(o, ", ");
			places_link(o, "items", d->items[gr->items[k]].id, d->items[gr->items[k]].title);
		}
		buf_adds(o, "\n<ul class=\"utrecht-unordered-list\">\n");
		for (size_t p = 0; p < gr->npairs; p++) {
			const struct merge_pair *pr = &gr->pairs[p];
			buf_printf(o, "<li>%h + %h: %h ", d->items[pr->a].title, d->items[pr->b].title,
				   _("scores alike"));
			number(req, pr->profile, 2);
			buf_printf(o, ", %h ", _("texts alike"));
			number(req, pr->text, 2);
			buf_printf(o, "; %h: ", _("both have"));
			shared_text(req, pr->shared);
			if (pr->words && *pr->words) {
				buf_printf(o, "; %h: ", _("words in common"));
				shared_text(req, pr->words);
			}
			buf_adds(o, "</li>\n");
		}
		buf_adds(o, "</ul></li>\n");
	}
	buf_adds(o, "</ol>\n");
}

/* The item indices of d with an alignment, highest first (ties by input
 * order), then those without; sets *n to the number with one. */
static size_t *alignment_order(struct request *req, const struct review *r, size_t *n)
{
	size_t *ord = arena_calloc(req->a, r->nitems + 1, sizeof(*ord)), k = 0;
	for (size_t i = 0; i < r->nitems; i++)
		if (!isnan(r->items[i].alignment))
			ord[k++] = i;
	*n = k;
	/* insertion sort: stable, and the lists are short */
	for (size_t a = 1; a < k; a++) {
		size_t v = ord[a], b = a;
		while (b > 0 && r->items[ord[b - 1]].alignment < r->items[v].alignment) {
			ord[b] = ord[b - 1];
			b--;
		}
		ord[b] = v;
	}
	return ord;
}

/* Append the alignment of the items that have one, highest first, at most
 * ALIGNMENT_SHOWN. */
static void alignment(struct request *req, const struct review_data *d, const struct review *r)
{
	struct buf *o = &req->out;
	const char *headers[] = {
		_("Item"),    _("Kind"),     _("Alignment"), _("Standard error"), _("Per million euro"),
		_("Per fte"), _("Assessors")
	};
	const int numeric[] = { 0, 0, 1, 1, 1, 1, 1 };
	size_t n;
	size_t *ord = alignment_order(req, r, &n);
	buf_printf(o, "<h2 class=\"utrecht-heading-2\">%h</h2>\n<p class=\"utrecht-paragraph\">%h</p>\n",
		   _("How well each item fits the vision"),
		   _("Alignment goes from -1 (works against all main lines) to 1 (helps all main lines as much as "
		     "possible), with the weights of the main lines. The standard error shows how much the "
		     "assessors differ. Per million euro and per fte show how much alignment the money and the "
		     "people give."));
	if (!n) {
		buf_printf(o, "<p class=\"utrecht-paragraph steiger-empty\">%h</p>\n",
			   _("No item has a score for a main line yet."));
		return;
	}
	places_table_begin(o, _("Alignment per item, highest first"), headers, numeric, ARRAY_SIZE(headers));
	for (size_t k = 0; k < n && k < ALIGNMENT_SHOWN; k++) {
		size_t i = ord[k];
		const struct review_item_result *it = &r->items[i];
		places_row_begin(o);
		places_link(o, "items", d->items[i].id, d->items[i].title);
		buf_adds(o, "</th>");
		places_cell(o, 0);
		buf_printf(o, "%h</td>", code_label(d->items[i].kind));
		number_cell(req, it->alignment, 2);
		places_cell(o, 1);
		buf_adds(o, "\xc2\xb1\xc2\xa0");
		number(req, it->alignment_se, 2);
		buf_adds(o, "</td>");
		number_cell(req, it->per_meur, 3);
		number_cell(req, it->per_fte, 3);
		places_cell(o, 1);
		buf_printf(o, "%d</td></tr>\n", it->assessors);
	}
	places_table_end(o);
	if (n > ALIGNMENT_SHOWN)
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h</p>\n",
			   arena_printf(req->a,
					_("This table shows the first %d of %zu items. All items are in the API: "
					  "/api/v1/review."),
					ALIGNMENT_SHOWN, n));
}

/* Append the heading of the round: its title, status, assessors, scores
 * and the year of budget and fte. */
static void round_heading(struct request *req, const struct review_data *d)
{
	struct buf *o = &req->out;
	buf_printf(o, "<h1 class=\"utrecht-heading-1\">%h: %h</h1>\n", _("Review"), d->round_title);
	buf_printf(o, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">%h</p>\n",
		   arena_printf(req->a, _("Round %s, %s%s. %zu assessors gave %zu scores. Budget and fte of %d."),
				d->round_id, code_label(d->round_status), d->blind ? _(", blind") : "",
				d->in.nassessors, d->in.nscores, d->year));
	if (d->in.nassessors) {
		buf_printf(o, "<p class=\"utrecht-paragraph\">%h: ", _("Assessors"));
		for (size_t a = 0; a < d->in.nassessors; a++)
			buf_printf(o, "%s%h", a ? ", " : "", d->assessors[a]); /* literal */
		buf_adds(o, "</p>\n");
	}
}

/* Compute and append the figures of round d. Returns 0, or -1 when the
 * computation failed. */
static int figures(struct request *req, struct review_data *d)
{
	struct review r;
	struct merges m = { NULL, 0 };
	struct err e = { 0, "" };
	if (review_compute(&d->in, &r, &e) < 0)
		return -1;
	double *profiles = review_profiles(&r);
	struct merge_input mi = { d->texts, d->in.nitems, profiles, d->in.ncriteria, 0, 0 };
	int rc = merges_find(&mi, &m, &e);
	if (rc == 0) {
		heat_map(req, d, &r);
		coverage(req, d, &r);
		contested(req, d, &r);
		merges_list(req, d, &m);
		alignment(req, d, &r);
	}
	merges_free(&m);
	free(profiles);
	review_free(&r);
	return rc < 0 ? -1 : 0;
}

/* See pages.h. */
int page_review(struct request *req)
{
	const char *round = http_query(req, "round"), *year_arg = http_query(req, "year");
	struct review_round *rounds;
	struct review_data d;
	struct err e = { 0, "" };
	long long year = 0;
	int n, rc;
	if (round && !*round)
		round = NULL;
	if (year_arg && !*year_arg)
		year_arg = NULL;
	if (year_arg && int_parse(year_arg, 1800, 2200, &year) < 0)
		return http_error(req, 400, _("The year must be a whole number from 1800 to 2200."));
	if ((n = db_review_rounds(req->db, req->a, &rounds, &e)) < 0)
		return http_error(req, 500, _("The review cannot be shown now."));
	if (n == 0)
		return empty_state(req);
	rc = db_review_load(req->db, round, (int)year, &d, &e);
	if (rc == E_NOTFOUND) {
		review_data_free(&d);
		return http_error(req, 404, _("There is no assessment round with this name."));
	}
	if (rc < 0) {
		review_data_free(&d);
		return http_error(req, 500, _("The review cannot be shown now."));
	}
	page_begin(req, arena_printf(req->a, "%s: %s", _("Review"), d.round_title), "review");
	round_heading(req, &d);
	round_chooser(req, rounds, n, d.round_id, year_arg);
	if (d.blind && strcmp(d.round_status, "open") == 0 && !role_can(req->user.role, PERM_ADMIN))
		buf_printf(&req->out,
			   "<div class=\"utrecht-alert utrecht-alert--info steiger-notice\" role=\"note\"><p "
			   "class=\"utrecht-paragraph\">%h</p></div>\n",
			   _("This round is blind and still open: the assessors do not see each other's scores yet. "
			     "The results are shown here when the round is closed."));
	else if (figures(req, &d) < 0) {
		review_data_free(&d);
		return http_error(req, 500, _("The review cannot be shown now."));
	}
	page_end(req);
	review_data_free(&d);
	return 200;
}
