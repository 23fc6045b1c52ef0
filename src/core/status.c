/*
 * status.c - the structure of `steiger status`; see status.h.
 */
#include "steiger.h"
#include "core/status.h"

const char *const status_vision_kinds[] = {
	"vision", "hoofdlijn", "goal", "pillar", "urgent_issue", "mechanism", NULL
};
const char *const status_area_types[] = { "gemeente", "wijk", "buurt", "ontwikkelgebied", NULL };

/* See status.h. */
struct status_group *status_add_group(struct status_groups *gs, const char *key, const char *label)
{
	struct status_group *g;
	ARRAY_GROW(gs->g, gs->cap, gs->n + 1);
	g = &gs->g[gs->n++];
	memset(g, 0, sizeof(*g));
	g->key = xstrdup(key ? key : "");
	g->label = label ? xstrdup(label) : NULL;
	return g;
}

/* See status.h. */
double status_share(double x, double total)
{
	return total > 0 ? x / total : 0;
}

/* Free s unless it lies in the pool of st. */
static void free_unless_pooled(const struct status *st, char *s)
{
	uintptr_t p = (uintptr_t)st->pool, q = (uintptr_t)s;
	if (!st->pool || q < p || q >= p + st->pool_size)
		free(s);
}

/* Free the groups of gs (of st). */
static void free_groups(const struct status *st, struct status_groups *gs)
{
	for (size_t i = 0; i < gs->n; i++) {
		free_unless_pooled(st, gs->g[i].key);
		free_unless_pooled(st, gs->g[i].label);
	}
	free(gs->g);
	memset(gs, 0, sizeof(*gs));
}

/* The pool that status_copy fills. */
struct pool_fill {
	char *next; /* where the next string goes */
};

/* A copy of s (NULL stays NULL) in the pool. */
static char *pool_dup(struct pool_fill *pf, const char *s)
{
	size_t n;
	if (!s)
		return NULL;
	n = strlen(s) + 1;
	memcpy(pf->next, s, n);
	pf->next += n;
	return pf->next - n;
}

/* Bytes that s takes in the pool. */
static size_t pool_need(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* Bytes the groups of gs take in the pool. */
static size_t groups_need(const struct status_groups *gs)
{
	size_t n = 0;
	for (size_t i = 0; i < gs->n; i++)
		n += pool_need(gs->g[i].key) + pool_need(gs->g[i].label);
	return n;
}

/* Make dst a copy of the groups of src, their strings in the pool. */
static void copy_groups(struct status_groups *dst, const struct status_groups *src, struct pool_fill *pf)
{
	memset(dst, 0, sizeof(*dst));
	if (!src->n)
		return;
	dst->g = xmalloc(src->n * sizeof(*dst->g));
	dst->n = dst->cap = src->n;
	for (size_t i = 0; i < src->n; i++) {
		dst->g[i] = src->g[i];
		dst->g[i].key = pool_dup(pf, src->g[i].key);
		dst->g[i].label = pool_dup(pf, src->g[i].label);
	}
}

/* See status.h. */
void status_copy(struct status *dst, const struct status *src)
{
	const struct status_groups *lists[] = { &src->by_kind, &src->by_domain, &src->by_hoofdlijn, &src->by_pillar };
	struct status_groups *to[] = { &dst->by_kind, &dst->by_domain, &dst->by_hoofdlijn, &dst->by_pillar };
	size_t size = pool_need(src->dataset) + pool_need(src->vision) + pool_need(src->total.key);
	struct pool_fill pf;
	for (size_t i = 0; i < ARRAY_SIZE(lists); i++)
		size += groups_need(lists[i]);
	for (size_t i = 0; i < src->nfields; i++)
		size += pool_need(src->fields[i].field);
	*dst = *src;
	dst->pool = pf.next = xmalloc(size ? size : 1);
	dst->pool_size = size;
	dst->dataset = pool_dup(&pf, src->dataset);
	dst->vision = pool_dup(&pf, src->vision);
	dst->total.key = pool_dup(&pf, src->total.key);
	for (size_t i = 0; i < ARRAY_SIZE(lists); i++)
		copy_groups(to[i], lists[i], &pf);
	dst->fields = NULL;
	dst->nfields = dst->capfields = 0;
	if (src->nfields) {
		dst->fields = xmalloc(src->nfields * sizeof(*dst->fields));
		dst->nfields = dst->capfields = src->nfields;
		for (size_t i = 0; i < src->nfields; i++) {
			dst->fields[i] = src->fields[i];
			dst->fields[i].field = pool_dup(&pf, src->fields[i].field);
		}
	}
}

/* See status.h. */
void status_free(struct status *st)
{
	free_unless_pooled(st, st->dataset);
	free_unless_pooled(st, st->vision);
	free_groups(st, &st->by_kind);
	free_groups(st, &st->by_domain);
	free_groups(st, &st->by_hoofdlijn);
	free_groups(st, &st->by_pillar);
	for (size_t i = 0; i < st->nfields; i++)
		free_unless_pooled(st, st->fields[i].field);
	free(st->fields);
	free_unless_pooled(st, st->total.key);
	free(st->pool);
	memset(st, 0, sizeof(*st));
}
