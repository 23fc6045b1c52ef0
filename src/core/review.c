/*
 * review.c - contribution profiles, alignment, coverage, gaps and
 * contested items from the scores of a round; see review.h for the
 * definitions.
 */
#include "steiger.h"
#include "core/review.h"
#include <math.h>

/* Running sums of one cell. */
struct cell_sums {
	double sum;   /* scores, n.v.t. as 0 */
	double num;   /* numeric scores */
	double numsq; /* their squares */
};

/* The sample standard deviation of k values with sum s and sum of
 * squares sq; NaN below two values. */
static double sample_sd(double s, double sq, double k)
{
	if (k < 2)
		return NAN;
	double v = (sq - s * s / k) / (k - 1);
	return v > 0 ? sqrt(v) : 0;
}

/* Check the scores of in against its sizes and scale. */
static int check_input(const struct review_input *in, struct err *e)
{
	if (!(in->scale_max > in->scale_min))
		return err_set(e, E_INPUT, _("the scale %g..%g is empty"), in->scale_min, in->scale_max);
	for (size_t k = 0; k < in->nscores; k++) {
		const struct review_score *s = &in->scores[k];
		if (s->item >= in->nitems || s->criterion >= in->ncriteria || s->assessor >= in->nassessors)
			return err_set(e, E_INPUT,
				       _("score %zu points at an item, criterion or assessor that is not there"),
				       k + 1);
		if (!s->na && !(s->score >= in->scale_min && s->score <= in->scale_max))
			return err_set(e, E_INPUT, _("score %zu is %g, outside the scale %g..%g"), k + 1, s->score,
				       in->scale_min, in->scale_max);
	}
	return 0;
}

/* The weights of the main lines: their own when any has one, else 1
 * each; 0 for criteria that are not main lines. */
static double *main_line_weights(const struct review_input *in)
{
	double *w = xcalloc(in->ncriteria + 1, sizeof(*w));
	int any = 0;
	for (size_t c = 0; c < in->ncriteria; c++)
		any |= strcmp(in->criteria[c].kind, "hoofdlijn") == 0 && in->criteria[c].weight > 0;
	for (size_t c = 0; c < in->ncriteria; c++)
		if (strcmp(in->criteria[c].kind, "hoofdlijn") == 0)
			w[c] = any ? (in->criteria[c].weight > 0 ? in->criteria[c].weight : 0) : 1;
	return w;
}

/* Fill the cells of r from the scores. */
static void fill_cells(const struct review_input *in, struct review *r)
{
	struct cell_sums *sums = xcalloc(in->nitems * in->ncriteria + 1, sizeof(*sums));
	for (size_t k = 0; k < in->nscores; k++) {
		const struct review_score *s = &in->scores[k];
		size_t at = s->item * in->ncriteria + s->criterion;
		r->cells[at].n++;
		if (s->na)
			continue;
		r->cells[at].numeric++;
		sums[at].sum += s->score;
		sums[at].num += s->score;
		sums[at].numsq += s->score * s->score;
	}
	for (size_t at = 0; at < in->nitems * in->ncriteria; at++) {
		struct review_cell *c = &r->cells[at];
		c->mean = c->n ? sums[at].sum / c->n : NAN;
		c->sd = sample_sd(sums[at].num, sums[at].numsq, c->numeric);
	}
	free(sums);
}

/* Fill the item results of r: alignment (and per assessor, for its
 * standard error), per euro and fte, spread, assessors. */
static void fill_items(const struct review_input *in, struct review *r, const double *w, double m)
{
	size_t na = in->nassessors ? in->nassessors : 1;
	double *num = xcalloc(in->nitems * na + 1, sizeof(*num));
	double *den = xcalloc(in->nitems * na + 1, sizeof(*den));
	unsigned char *seen = xcalloc(in->nitems * na + 1, 1);
	for (size_t k = 0; k < in->nscores; k++) {
		const struct review_score *s = &in->scores[k];
		size_t at = s->item * na + s->assessor;
		seen[at] = 1;
		if (w[s->criterion] > 0) {
			num[at] += w[s->criterion] * (s->na ? 0 : s->score);
			den[at] += w[s->criterion];
		}
	}
	for (size_t i = 0; i < in->nitems; i++) {
		struct review_item_result *it = &r->items[i];
		double n = 0, d = 0, s = 0, sq = 0, k = 0, spread = 0, cells = 0, urgent = 0, nurgent = 0;
		for (size_t c = 0; c < in->ncriteria; c++) {
			const struct review_cell *cell = review_cell(r, i, c);
			if (cell->n && strcmp(in->criteria[c].kind, "urgent_issue") == 0) {
				urgent += cell->mean / m;
				nurgent++;
			}
			if (cell->n && w[c] > 0) {
				n += w[c] * cell->mean;
				d += w[c];
			}
			if (cell->numeric >= 2) {
				spread += cell->sd;
				cells++;
			}
		}
		it->alignment = d > 0 ? n / (m * d) : NAN;
		for (size_t a = 0; a < in->nassessors; a++) {
			size_t at = i * na + a;
			it->assessors += seen[at];
			if (den[at] > 0) {
				double x = num[at] / (m * den[at]);
				s += x;
				sq += x * x;
				k++;
			}
		}
		it->alignment_se = k >= 2 ? sample_sd(s, sq, k) / sqrt(k) : 0;
		it->per_meur = in->items[i].budget > 0 ? it->alignment / (in->items[i].budget / 1e6) : NAN;
		it->per_fte = in->items[i].fte > 0 ? it->alignment / in->items[i].fte : NAN;
		it->spread = cells > 0 ? spread / cells : NAN;
		it->urgent = nurgent > 0 ? urgent / nurgent : NAN;
	}
	free(num);
	free(den);
	free(seen);
}

/* Fill the criterion results of r: coverage, gaps, blind spots. */
static void fill_criteria(const struct review_input *in, struct review *r, double m)
{
	double share = in->gap_share > 0 ? in->gap_share : 0.5;
	for (size_t c = 0; c < in->ncriteria; c++) {
		struct review_criterion_result *cr = &r->criteria[c];
		for (size_t i = 0; i < in->nitems; i++) {
			const struct review_cell *cell = review_cell(r, i, c);
			if (!cell->n || !(cell->mean > 0))
				continue;
			double part = cell->mean / m > 1 ? 1 : cell->mean / m;
			cr->items++;
			cr->weighted_items += part;
			cr->budget += in->items[i].budget * part;
			cr->fte += in->items[i].fte * part;
		}
		cr->blind = cr->items == 0;
	}
	for (size_t c = 0; c < in->ncriteria; c++) {
		double sum = 0, count = 0;
		for (size_t o = 0; o < in->ncriteria; o++)
			if (strcmp(in->criteria[o].kind, in->criteria[c].kind) == 0) {
				sum += r->criteria[o].weighted_items;
				count++;
			}
		r->criteria[c].gap = r->criteria[c].weighted_items < share * (sum / count);
	}
}

/* An item with its spread, for sorting the contested ones. */
struct spread_of {
	double spread; /* the item's spread */
	size_t item;   /* its index */
};

/* qsort order of contested items: largest spread first, ties by index. */
static int by_spread(const void *a, const void *b)
{
	const struct spread_of *x = a, *y = b;
	if (x->spread != y->spread)
		return x->spread > y->spread ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

/* See review.h. */
int review_compute(const struct review_input *in, struct review *out, struct err *e)
{
	double m, *w;
	memset(out, 0, sizeof(*out));
	if (check_input(in, e) < 0)
		return E_INPUT;
	m = fmax(fabs(in->scale_min), fabs(in->scale_max));
	out->nitems = in->nitems;
	out->ncriteria = in->ncriteria;
	out->cells = xcalloc(in->nitems * in->ncriteria + 1, sizeof(*out->cells));
	out->items = xcalloc(in->nitems + 1, sizeof(*out->items));
	out->criteria = xcalloc(in->ncriteria + 1, sizeof(*out->criteria));
	out->contested = xcalloc(in->nitems + 1, sizeof(*out->contested));
	w = main_line_weights(in);
	fill_cells(in, out);
	fill_items(in, out, w, m);
	fill_criteria(in, out, m);
	free(w);
	struct spread_of *order = xcalloc(in->nitems + 1, sizeof(*order));
	for (size_t i = 0; i < in->nitems; i++)
		if (!isnan(out->items[i].spread))
			order[out->ncontested++] = (struct spread_of){ out->items[i].spread, i };
	qsort(order, out->ncontested, sizeof(*order), by_spread);
	for (size_t k = 0; k < out->ncontested; k++)
		out->contested[k] = order[k].item;
	free(order);
	return 0;
}

/* See review.h. */
const struct review_cell *review_cell(const struct review *r, size_t i, size_t c)
{
	return &r->cells[i * r->ncriteria + c];
}

/* What track 2's order compares of one item. */
struct priority_key {
	double key[4]; /* urgent, willingness, -area_rank, alignment: higher first, NaN last */
	size_t item;   /* its index */
};

/* qsort order of priority keys: each key higher first, missing last, then
 * input order. */
static int by_priority(const void *p, const void *q)
{
	const struct priority_key *a = p, *b = q;
	for (int k = 0; k < 4; k++) {
		int na = isnan(a->key[k]), nb = isnan(b->key[k]);
		if (na != nb)
			return na - nb;
		if (!na && a->key[k] != b->key[k])
			return a->key[k] > b->key[k] ? -1 : 1;
	}
	return a->item < b->item ? -1 : a->item > b->item;
}

/* See review.h. */
size_t *review_priority(const struct review_input *in, const struct review *r, size_t *n)
{
	struct priority_key *keys = xcalloc(in->nitems + 1, sizeof(*keys));
	size_t *order = xcalloc(in->nitems + 1, sizeof(*order));
	*n = 0;
	for (size_t i = 0; i < in->nitems; i++) {
		if (strcmp(in->items[i].kind, "policy") == 0)
			continue;
		keys[*n] = (struct priority_key){ { r->items[i].urgent, in->items[i].willingness,
						    -in->items[i].area_rank, r->items[i].alignment },
						  i };
		(*n)++;
	}
	if (*n)
		qsort(keys, *n, sizeof(*keys), by_priority);
	for (size_t k = 0; k < *n; k++)
		order[k] = keys[k].item;
	free(keys);
	return order;
}

/* See review.h. */
double *review_profiles(const struct review *r)
{
	double *p = xcalloc(r->nitems * r->ncriteria + 1, sizeof(*p));
	for (size_t k = 0; k < r->nitems * r->ncriteria; k++)
		p[k] = r->cells[k].mean;
	return p;
}

/* See review.h. */
void review_free(struct review *r)
{
	free(r->cells);
	free(r->items);
	free(r->criteria);
	free(r->contested);
	memset(r, 0, sizeof(*r));
}
