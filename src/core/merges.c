/*
 * merges.c - merge candidates from profiles, shared domains or areas and
 * similar texts; see merges.h.
 */
#include "steiger.h"
#include "core/merges.h"
#include "method/textsim.h"
#include <math.h>

/* A '|'-separated list split into its values. */
struct split {
	char **v;   /* the values */
	size_t n;   /* their number */
	char *copy; /* the copied text they point into */
};

/* Split list (NULL: empty) at '|', dropping empty values. */
static void split_list(const char *list, struct split *s)
{
	size_t cap = 0;
	memset(s, 0, sizeof(*s));
	if (!list || !*list)
		return;
	s->copy = xstrdup(list);
	for (char *p = s->copy; p;) {
		char *bar = strchr(p, '|');
		if (bar)
			*bar = '\0';
		if (*p) {
			ARRAY_GROW(s->v, cap, s->n + 1);
			s->v[s->n++] = p;
		}
		p = bar ? bar + 1 : NULL;
	}
}

/* Free what s holds. */
static void split_free(struct split *s)
{
	free(s->v);
	free(s->copy);
}

/* Append to b ("prefix:value", '|'-separated) the values of x that are
 * also in y. */
static void add_shared(struct buf *b, const char *prefix, const struct split *x, const struct split *y)
{
	for (size_t i = 0; i < x->n; i++)
		for (size_t j = 0; j < y->n; j++)
			if (strcmp(x->v[i], y->v[j]) == 0)
				buf_printf(b, "%s%s:%s", b->len ? "|" : "", prefix, x->v[i]);
}

/* The cosine of profiles a and b (k values, NaN as 0); NaN when either
 * is all zero. */
static double profile_cosine(const double *a, const double *b, size_t k)
{
	double ab = 0, aa = 0, bb = 0;
	for (size_t c = 0; c < k; c++) {
		double x = isnan(a[c]) ? 0 : a[c], y = isnan(b[c]) ? 0 : b[c];
		ab += x * y;
		aa += x * x;
		bb += y * y;
	}
	return aa > 0 && bb > 0 ? ab / sqrt(aa * bb) : NAN;
}

/* Append to b the (at most five) stems documents i and j have most in
 * common, by the product of their weights, '|'-separated. */
static void common_words(struct buf *b, const struct textsim *t, size_t i, size_t j)
{
	const struct textsim_term *a = t->vec[i], *c = t->vec[j];
	struct textsim_term *both = xcalloc(t->nvec[i] + 1, sizeof(*both));
	size_t n = 0, x = 0, y = 0;
	while (x < t->nvec[i] && y < t->nvec[j]) {
		if (a[x].term < c[y].term)
			x++;
		else if (a[x].term > c[y].term)
			y++;
		else {
			both[n].term = a[x].term;
			both[n++].weight = a[x++].weight * c[y++].weight;
		}
	}
	for (size_t k = 0; k < 5 && k < n; k++) {
		size_t best = k;
		for (size_t m = k + 1; m < n; m++)
			if (both[m].weight > both[best].weight)
				best = m;
		struct textsim_term tmp = both[k];
		both[k] = both[best];
		both[best] = tmp;
		buf_printf(b, "%s%s", k ? "|" : "", t->terms[both[k].term]);
	}
	free(both);
}

/* The root of x in the union-find forest up (with path halving). */
static size_t find_root(size_t *up, size_t x)
{
	while (up[x] != x)
		x = up[x] = up[up[x]];
	return x;
}

/* qsort order of groups: highest score first, then by first item. */
static int by_score(const void *p, const void *q)
{
	const struct merge_group *a = p, *b = q;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->items[0] < b->items[0] ? -1 : a->items[0] > b->items[0];
}

/* Gather the pairs into groups (the connected components of the pairs). */
static void make_groups(size_t nitems, struct merge_pair *pairs, size_t npairs, struct merges *out)
{
	size_t *up = xcalloc(nitems + 1, sizeof(*up)), *group_of = xcalloc(nitems + 1, sizeof(*group_of));
	size_t capg = 0;
	for (size_t i = 0; i < nitems; i++)
		up[i] = i;
	for (size_t p = 0; p < npairs; p++)
		up[find_root(up, pairs[p].a)] = find_root(up, pairs[p].b);
	for (size_t i = 0; i < nitems; i++)
		group_of[i] = SIZE_MAX;
	for (size_t p = 0; p < npairs; p++) {
		size_t r = find_root(up, pairs[p].a);
		if (group_of[r] == SIZE_MAX) {
			ARRAY_GROW(out->groups, capg, out->n + 1);
			memset(&out->groups[out->n], 0, sizeof(*out->groups));
			group_of[r] = out->n++;
		}
		struct merge_group *g = &out->groups[group_of[r]];
		g->pairs = xreallocarray(g->pairs, g->npairs + 1, sizeof(*g->pairs));
		g->pairs[g->npairs++] = pairs[p];
		g->score = fmax(g->score, (pairs[p].profile + pairs[p].text) / 2);
	}
	for (size_t i = 0; i < nitems; i++) {
		size_t r = find_root(up, i);
		if (group_of[r] == SIZE_MAX)
			continue;
		struct merge_group *g = &out->groups[group_of[r]];
		g->items = xreallocarray(g->items, g->nitems + 1, sizeof(*g->items));
		g->items[g->nitems++] = i;
	}
	if (out->n) /* qsort must not get a null pointer, even for no groups */
		qsort(out->groups, out->n, sizeof(*out->groups), by_score);
	free(up);
	free(group_of);
}

/* See merges.h. */
int merges_find(const struct merge_input *in, struct merges *out, struct err *e)
{
	double min_profile = in->min_profile > 0 ? in->min_profile : 0.8;
	double min_text = in->min_text > 0 ? in->min_text : 0.2;
	const char **texts = xcalloc(in->nitems + 1, sizeof(*texts));
	struct split *dom = xcalloc(in->nitems + 1, sizeof(*dom)), *area = xcalloc(in->nitems + 1, sizeof(*area));
	struct merge_pair *pairs = NULL;
	size_t npairs = 0, cap = 0;
	struct textsim t;
	struct buf shared = BUF_INIT, words = BUF_INIT;
	int rc;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < in->nitems; i++) {
		texts[i] = in->items[i].text;
		split_list(in->items[i].domains, &dom[i]);
		split_list(in->items[i].areas, &area[i]);
	}
	rc = textsim_build(texts, in->nitems, &t, e);
	for (size_t i = 0; rc == 0 && i < in->nitems; i++) {
		for (size_t j = i + 1; j < in->nitems; j++) {
			buf_reset(&shared);
			add_shared(&shared, "domain", &dom[i], &dom[j]);
			add_shared(&shared, "area", &area[i], &area[j]);
			if (!shared.len)
				continue;
			double p = profile_cosine(in->profiles + i * in->ncriteria, in->profiles + j * in->ncriteria,
						  in->ncriteria);
			if (!(p >= min_profile))
				continue;
			double s = textsim_cosine(&t, i, j);
			if (s < min_text)
				continue;
			buf_reset(&words);
			common_words(&words, &t, i, j);
			ARRAY_GROW(pairs, cap, npairs + 1);
			pairs[npairs++] = (struct merge_pair){ i, j, p, s, xstrdup(shared.data), xstrdup(words.data) };
		}
	}
	if (rc == 0)
		make_groups(in->nitems, pairs, npairs, out);
	else
		for (size_t p = 0; p < npairs; p++) {
			free(pairs[p].shared);
			free(pairs[p].words);
		}
	textsim_free(&t);
	for (size_t i = 0; i < in->nitems; i++) {
		split_free(&dom[i]);
		split_free(&area[i]);
	}
	free(dom);
	free(area);
	free(texts);
	free(pairs);
	buf_free(&shared);
	buf_free(&words);
	return rc;
}

/* See merges.h. */
void merges_free(struct merges *m)
{
	for (size_t g = 0; g < m->n; g++) {
		for (size_t p = 0; p < m->groups[g].npairs; p++) {
			free(m->groups[g].pairs[p].shared);
			free(m->groups[g].pairs[p].words);
		}
		free(m->groups[g].pairs);
		free(m->groups[g].items);
	}
	free(m->groups);
	memset(m, 0, sizeof(*m));
}
