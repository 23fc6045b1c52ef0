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

/* Free the groups of gs. */
static void free_groups(struct status_groups *gs)
{
	for (size_t i = 0; i < gs->n; i++) {
		free(gs->g[i].key);
		free(gs->g[i].label);
	}
	free(gs->g);
	memset(gs, 0, sizeof(*gs));
}

/* See status.h. */
void status_free(struct status *st)
{
	free(st->dataset);
	free(st->vision);
	free_groups(&st->by_kind);
	free_groups(&st->by_domain);
	free_groups(&st->by_hoofdlijn);
	free_groups(&st->by_pillar);
	for (size_t i = 0; i < st->nfields; i++)
		free(st->fields[i].field);
	free(st->fields);
	free(st->total.key);
	memset(st, 0, sizeof(*st));
}
