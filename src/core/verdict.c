/*
 * verdict.c - the rule set that proposes verdicts, its checks, its CSV
 * form and steiger's own rules; see verdict.h.
 */
#include "steiger.h"
#include "core/register.h"
#include "core/verdict.h"
#include <math.h>

const char *const verdict_fact_names[VF_COUNT] = {
	"alignment",   "alignment_se", "urgent", "budget",     "fte",       "per_meur",  "contract_months", "exit_cost",
	"willingness", "legal_task",   "merge",  "regulation", "execution", "assessors", "spread",
};

/* steiger's own rules. Policy documents first: their instrument, then a
 * merge, then alignment. For the other kinds a legal task never stops; the
 * strongest are accelerated or supplemented; a contract turns a stop into
 * phasing out (nothing stops before its contract ends unless the exit
 * cost is paid: that is a decision staff take, not the rules). */
const struct verdict_rule verdict_default_rules[] = {
	{ "p-regulation", "policy", "regulation = 1", "to_regulation",
	  N_("Classed as binding rules for the physical environment: they belong in the omgevingsplan.") },
	{ "p-execution", "policy", "execution = 1", "to_execution",
	  N_("Classed as an operational task: it belongs in the execution, not in policy.") },
	{ "p-merge", "policy", "merge = 1 and alignment >= 0", "merge",
	  N_("It looks like another item in profile, field and text (see the merge candidates); alignment "
	     "{alignment}.") },
	{ "p-keep", "policy", "alignment >= 0.4", "keep", N_("It clearly serves the vision (alignment {alignment}).") },
	{ "p-bend", "policy", "alignment >= 0", "bend",
	  N_("It serves the vision only a little (alignment {alignment}): bend it towards the main lines.") },
	{ "p-scrap", "policy", "alignment < 0", "scrap", N_("It works against the vision (alignment {alignment}).") },
	{ "o-legal", "other", "legal_task = 1 and alignment < 0.4", "bend",
	  N_("A legal task cannot stop: bend it towards the vision (alignment {alignment}).") },
	{ "o-accelerate", "other", "alignment >= 0.6 and urgent >= 0.5 and willingness >= 4", "accelerate",
	  N_("Strong for the vision ({alignment}) and for the urgent issues ({urgent}), with willing partners "
	     "({willingness} of 5).") },
	{ "o-supplement", "other", "alignment >= 0.4 and urgent >= 0.5 and fte < 1", "supplement",
	  N_("It serves the urgent issues ({urgent}) but has little capacity ({fte} fte).") },
	{ "o-continue", "other", "alignment >= 0.3", "continue", N_("It serves the vision (alignment {alignment}).") },
	{ "o-slow-down", "other", "alignment >= 0 and per_meur < 0.05", "slow_down",
	  N_("Little contribution for its money ({per_meur} per million euro): slow it down.") },
	{ "o-bend", "other", "alignment >= 0", "bend",
	  N_("It serves the vision only a little (alignment {alignment}): bend it towards the main lines.") },
	{ "o-phase-out", "other", "alignment < 0 and contract_months > 0", "phase_out",
	  N_("It works against the vision (alignment {alignment}), but a contract runs {contract_months} more "
	     "months: phase it out by then, or pay the exit cost ({exit_cost} euro).") },
	{ "o-stop", "other", "alignment < 0", "stop",
	  N_("It works against the vision (alignment {alignment}) and no running contract binds it.") },
};
const size_t verdict_default_count = ARRAY_SIZE(verdict_default_rules);

/* The verdicts a rule may propose, per applies. */
static const char *const policy_verdicts[] = {
	"keep", "bend", "merge", "scrap", "to_regulation", "to_execution", NULL
};
static const char *const other_verdicts[] = { "continue", "bend",       "slow_down",  "phase_out",
					      "stop",     "accelerate", "supplement", NULL };

/* The index of the fact named by text[0..n), or -1. */
static int fact_index(const char *text, size_t n)
{
	for (int f = 0; f < VF_COUNT; f++)
		if (strlen(verdict_fact_names[f]) == n && strncmp(verdict_fact_names[f], text, n) == 0)
			return f;
	return -1;
}

/* Check the {fact} placeholders of a reason; returns 0 or E_INPUT. */
static int check_reason(const struct verdict_rule *r, struct err *e)
{
	for (const char *p = r->reason; (p = strchr(p, '{'));) {
		const char *end = strchr(p, '}');
		if (!end || fact_index(p + 1, (size_t)(end - p - 1)) < 0)
			return err_set(e, E_INPUT, _("rule %s: the reason has \"{\" without a known fact and \"}\""),
				       r->id);
		p = end + 1;
	}
	return 0;
}

/* See verdict.h. */
int verdict_rules_compile(const struct verdict_rule *rules, size_t n, int translate, struct verdict_rules *out,
			  struct err *e)
{
	memset(out, 0, sizeof(*out));
	out->rules = rules;
	out->translate = translate;
	out->when = xcalloc(n + 1, sizeof(*out->when));
	for (size_t i = 0; i < n; i++) {
		const struct verdict_rule *r = &rules[i];
		int policy = strcmp(r->applies, "policy") == 0;
		struct err pe = { 0, "" };
		out->n = i + 1;
		for (size_t j = 0; j < i; j++)
			if (strcmp(rules[j].id, r->id) == 0)
				return err_set(e, E_INPUT, _("rule %s: the id is used twice"), r->id);
		if (!policy && strcmp(r->applies, "other") != 0)
			return err_set(e, E_INPUT, _("rule %s: applies must be policy or other, not \"%s\""), r->id,
				       r->applies);
		if (!enum_has(policy ? policy_verdicts : other_verdicts, r->verdict))
			return err_set(e, E_INPUT, _("rule %s: %s is not a verdict for %s"), r->id, r->verdict,
				       policy ? _("policy documents")
					      : _("programmes, projects, regulations and actions"));
		if (expr_parse(r->when, verdict_fact_names, VF_COUNT, &out->when[i], &pe) < 0)
			return err_set(e, E_INPUT, _("rule %s: the condition: %s"), r->id, pe.msg);
		if (check_reason(r, e) < 0)
			return E_INPUT;
	}
	return 0;
}

/* Append fact f's value v for people: money in whole euros, counts whole,
 * the rest with two decimals; "?" when missing. */
static void fact_text(struct buf *b, int f, double v, int dutch)
{
	if (isnan(v))
		buf_addch(b, '?');
	else if (f == VF_BUDGET || f == VF_EXIT_COST)
		num_format_short(b, round(v), 0, dutch);
	else if (f == VF_CONTRACT_MONTHS || f == VF_ASSESSORS)
		num_format_short(b, v, 0, dutch);
	else
		num_format_short(b, v, 2, dutch);
}

/* See verdict.h. */
void verdict_propose(const struct verdict_rules *rs, int is_policy, const double *facts, int dutch,
		     struct verdict_proposal *out)
{
	out->rule = -1;
	out->reason = NULL;
	for (size_t i = 0; i < rs->n; i++) {
		const struct verdict_rule *r = &rs->rules[i];
		if ((strcmp(r->applies, "policy") == 0) != (is_policy != 0) || !expr_true(&rs->when[i], facts))
			continue;
		struct buf b = BUF_INIT;
		size_t len;
		const char *text = rs->translate ? _(r->reason) : r->reason;
		for (const char *p = text; *p; p++) {
			const char *end = *p == '{' ? strchr(p, '}') : NULL;
			int f = end ? fact_index(p + 1, (size_t)(end - p - 1)) : -1;
			if (f < 0) {
				buf_addch(&b, *p);
				continue;
			}
			fact_text(&b, f, facts[f], dutch);
			p = end;
		}
		out->rule = (int)i;
		out->reason = buf_detach(&b, &len);
		return;
	}
}

/* See verdict.h. */
int verdict_rules_read(const char *file, const char *text, size_t len, struct arena *a, struct verdict_rule **rules,
		       size_t *n, struct err *e)
{
	static const char *const heads[][2] = {
		{ "id", "id" },        { "applies", "geldt_voor" }, { "when", "als" }, { "verdict", "voorstel" },
		{ "reason", "reden" },
	};
	struct csv_reader r;
	struct diag d;
	int col[5] = { -1, -1, -1, -1, -1 }, rc;
	size_t cap = 0;
	*rules = NULL;
	*n = 0;
	diag_init(&d, 1);
	rc = csv_open(&r, file, text, len, &d) < 0 ? E_INPUT : csv_next(&r, &d);
	if (rc == 1) {
		for (size_t i = 0; i < r.nfields; i++)
			for (int h = 0; h < 5; h++)
				if (strcmp(csv_text(&r, i), heads[h][0]) == 0 ||
				    strcmp(csv_text(&r, i), heads[h][1]) == 0)
					col[h] = (int)i;
		for (int h = 0; h < 5; h++)
			if (col[h] < 0) {
				diag_add(&d, file, 1, 0, _("expected a column %s (or %s)"), heads[h][0], heads[h][1]);
				rc = E_INPUT;
				break;
			}
	} else if (rc == 0) {
		diag_add(&d, file, 1, 0, "%s", _("the file has no header"));
		rc = E_INPUT;
	}
	while (rc >= 0 && rc != E_INPUT && (rc = csv_next(&r, &d)) == 1) {
		ARRAY_GROW(*rules, cap, *n + 1);
		const char **f[5] = { &(*rules)[*n].id, &(*rules)[*n].applies, &(*rules)[*n].when,
				      &(*rules)[*n].verdict, &(*rules)[*n].reason };
		for (int h = 0; h < 5; h++) {
			const char *v = (size_t)col[h] < r.nfields ? csv_text(&r, (size_t)col[h]) : "";
			if (!*v) {
				diag_add(&d, file, r.row_line, col[h] + 1, _("column \"%s\": expected a value"),
					 heads[h][0]);
				rc = E_INPUT;
				break;
			}
			*f[h] = arena_strdup(a, v);
		}
		(*n)++;
	}
	csv_close(&r);
	if (rc < 0 || d.count) {
		err_set(e, E_INPUT, "%.*s",
			(int)(d.text.len && d.text.data[d.text.len - 1] == '\n' ? d.text.len - 1 : d.text.len),
			d.text.data);
		diag_free(&d);
		return E_INPUT;
	}
	diag_free(&d);
	return 0;
}

/* See verdict.h. */
void verdict_facts(const struct review_item *it, const struct review_item_result *res, int merge, double *facts)
{
	facts[VF_ALIGNMENT] = res->alignment;
	facts[VF_ALIGNMENT_SE] = res->alignment_se;
	facts[VF_URGENT] = res->urgent;
	facts[VF_BUDGET] = it->budget;
	facts[VF_FTE] = it->fte;
	facts[VF_PER_MEUR] = res->per_meur;
	facts[VF_CONTRACT_MONTHS] = it->contract_months;
	facts[VF_EXIT_COST] = it->exit_cost;
	facts[VF_WILLINGNESS] = it->willingness;
	facts[VF_LEGAL_TASK] = it->legal_task != 0;
	facts[VF_MERGE] = merge != 0;
	facts[VF_REGULATION] = it->instrument && strcmp(it->instrument, "regelgeving") == 0;
	facts[VF_EXECUTION] = it->instrument && strcmp(it->instrument, "uitvoering") == 0;
	facts[VF_ASSESSORS] = res->assessors;
	facts[VF_SPREAD] = res->spread;
}

/* See verdict.h. */
void verdict_propose_items(const struct verdict_rules *rs, const struct review_item *items, size_t n,
			   const struct review *r, const struct merges *m, int dutch, struct verdict_proposal *out)
{
	unsigned char *in_group = xcalloc(n + 1, 1);
	double facts[VF_COUNT];
	for (size_t g = 0; g < m->n; g++)
		for (size_t k = 0; k < m->groups[g].nitems; k++)
			in_group[m->groups[g].items[k]] = 1;
	for (size_t i = 0; i < n; i++) {
		verdict_facts(&items[i], &r->items[i], in_group[i], facts);
		verdict_propose(rs, strcmp(items[i].kind, "policy") == 0, facts, dutch, &out[i]);
	}
	free(in_group);
}

/* See verdict.h. */
void verdict_proposals_free(struct verdict_proposal *p, size_t n)
{
	for (size_t i = 0; p && i < n; i++)
		free(p[i].reason);
	free(p);
}

/* See verdict.h. */
void verdict_rules_free(struct verdict_rules *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		expr_free(&rs->when[i]);
	free(rs->when);
	memset(rs, 0, sizeof(*rs));
}
