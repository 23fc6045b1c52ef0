/*
 * review_json.c - the review of a round as JSON; see review_json.h.
 */
#include "steiger.h"
#include "lib/json.h"
#include "core/review_alpha.h"
#include "render/review_json.h"
#include <math.h>

/* Append x as a JSON number, null when it is NaN. */
static void json_number(struct buf *b, double x)
{
	if (isnan(x))
		buf_adds(b, "null");
	else
		json_add_number(b, x);
}

/* Append ", \"key\": x" (x as json_number writes it). */
static void number_field(struct buf *b, const char *key, double x)
{
	buf_printf(b, ", \"%s\": ", key);
	json_number(b, x);
}

/* Append a '|'-separated list as a JSON array of strings. */
static void json_list(struct buf *out, const char *list)
{
	buf_addch(out, '[');
	for (const char *p = list, *bar; p && *p; p = bar ? bar + 1 : NULL) {
		bar = strchr(p, '|');
		char *v = xstrndup(p, bar ? (size_t)(bar - p) : strlen(p));
		buf_printf(out, "%s%J", p == list ? "" : ", ", v);
		free(v);
	}
	buf_addch(out, ']');
}

/* See review_json.h. */
void review_json(struct buf *out, const struct review_data *d, const struct review *r, const struct merges *m,
		 const struct verdict_rules *rules, const struct verdict_proposal *proposals)
{
	buf_printf(out, "{\"round\": %J, \"title\": %J, \"status\": %J, \"year\": %d, \"scale\": [", d->round_id,
		   d->round_title, d->round_status, d->year);
	json_number(out, d->in.scale_min);
	buf_adds(out, ", ");
	json_number(out, d->in.scale_max);
	buf_adds(out, "], \"assessors\": [");
	for (size_t a = 0; a < d->in.nassessors; a++)
		buf_printf(out, "%s%J", a ? ", " : "", d->assessors[a]);
	buf_printf(out, "], \"scores\": %zu,\n \"criteria\": [", d->in.nscores);
	for (size_t c = 0; c < d->in.ncriteria; c++) {
		const struct review_criterion_result *cr = &r->criteria[c];
		buf_printf(out, "%s\n  {\"id\": %J, \"kind\": %J, \"items\": %d, \"weighted_items\": ", c ? "," : "",
			   d->criteria[c].id, d->criteria[c].kind, cr->items);
		json_number(out, cr->weighted_items);
		number_field(out, "budget", cr->budget);
		number_field(out, "fte", cr->fte);
		number_field(out, "alpha", review_alpha(&d->in, c));
		buf_printf(out, ", \"gap\": %s, \"blind\": %s}", cr->gap ? "true" : "false",
			   cr->blind ? "true" : "false");
	}
	buf_adds(out, "],\n \"items\": [");
	for (size_t i = 0; i < d->in.nitems; i++) {
		const struct review_item_result *it = &r->items[i];
		buf_printf(out, "%s\n  {\"id\": %J, \"assessors\": %d, \"alignment\": ", i ? "," : "", d->items[i].id,
			   it->assessors);
		json_number(out, it->alignment);
		number_field(out, "alignment_se", it->alignment_se);
		number_field(out, "per_million_eur", it->per_meur);
		number_field(out, "per_fte", it->per_fte);
		number_field(out, "spread", it->spread);
		buf_adds(out, ", \"profile\": {");
		int first = 1;
		for (size_t c = 0; c < d->in.ncriteria; c++) {
			const struct review_cell *cell = review_cell(r, i, c);
			if (!cell->n)
				continue;
			buf_printf(out, "%s%J: ", first ? "" : ", ", d->criteria[c].id);
			json_number(out, cell->mean);
			first = 0;
		}
		buf_adds(out, "}}");
	}
	buf_adds(out, "],\n \"contested\": [");
	for (size_t k = 0; k < r->ncontested; k++)
		buf_printf(out, "%s%J", k ? ", " : "", d->items[r->contested[k]].id);
	buf_adds(out, "],\n \"merges\": [");
	for (size_t g = 0; g < m->n; g++) {
		const struct merge_group *gr = &m->groups[g];
		buf_printf(out, "%s\n  {\"items\": [", g ? "," : "");
		for (size_t k = 0; k < gr->nitems; k++)
			buf_printf(out, "%s%J", k ? ", " : "", d->items[gr->items[k]].id);
		buf_adds(out, "], \"score\": ");
		json_number(out, gr->score);
		buf_adds(out, ", \"pairs\": [");
		for (size_t p = 0; p < gr->npairs; p++) {
			const struct merge_pair *pr = &gr->pairs[p];
			buf_printf(out, "%s{\"a\": %J, \"b\": %J, \"profile\": ", p ? ", " : "", d->items[pr->a].id,
				   d->items[pr->b].id);
			json_number(out, pr->profile);
			number_field(out, "text", pr->text);
			buf_adds(out, ", \"shared\": ");
			json_list(out, pr->shared);
			buf_adds(out, ", \"words\": ");
			json_list(out, pr->words);
			buf_addch(out, '}');
		}
		buf_adds(out, "]}");
	}
	size_t npriority, *priority = review_priority(&d->in, r, &npriority);
	buf_adds(out, "],\n \"priority\": [");
	for (size_t k = 0; k < npriority; k++)
		buf_printf(out, "%s%J", k ? ", " : "", d->items[priority[k]].id);
	free(priority);
	buf_adds(out, "],\n \"verdicts\": [");
	for (size_t i = 0; i < d->in.nitems; i++) {
		const struct verdict_proposal *vp = &proposals[i];
		const struct verdict_rule *rule = vp->rule < 0 ? NULL : &rules->rules[vp->rule];
		buf_printf(out, "%s\n  {\"item\": %J, \"verdict\": %J, \"rule\": %J, \"reason\": %J}", i ? "," : "",
			   d->items[i].id, rule ? rule->verdict : NULL, rule ? rule->id : NULL, vp->reason);
	}
	buf_adds(out, "]}\n");
}
