/*
 * verdict.h - proposed verdicts per item from a transparent rule set.
 *
 * A rule says for which items it holds (policy documents, or the other
 * kinds: programmes, projects, regulations, actions), when (an expression
 * of lib/expr.h over the facts below), what it proposes, and why (a text
 * in which {fact} is replaced by the item's value). The first rule in
 * order whose condition holds gives the proposal; an item no rule covers
 * (for instance because nobody scored it, so its alignment is missing)
 * gets none. Staff change the rules as data: a CSV file with the columns
 * id, applies (policy or other), when, verdict and reason (Dutch headers
 * id, geldt_voor, als, voorstel, reden); steiger's own rules below apply
 * when no file is given.
 *
 * The facts, per item:
 *   alignment        -1..1, from the review (missing: not scored)
 *   alignment_se     its standard error between assessors
 *   urgent           mean contribution to the urgent issues, -1..1
 *   budget, fte      in the year of the review
 *   per_meur         alignment per million euro
 *   contract_months  months until its last running contract ends (0: none)
 *   exit_cost        the exit cost of its running contracts, euro
 *   willingness      the partners' mean willingness, 1..5 (missing: none)
 *   legal_task       1 when it is a legal task (it cannot stop)
 *   merge            1 when it is in a group of merge candidates
 *   regulation       1 when classed as binding rules (instrument regelgeving)
 *   execution        1 when classed as an operational task (uitvoering)
 *   assessors        how many assessors scored it
 *   spread           the mean standard deviation between them
 */
#ifndef STEIGER_VERDICT_H
#define STEIGER_VERDICT_H

#include <stddef.h>
#include "lib/err.h"
#include "core/merges.h"
#include "core/review.h"
#include "lib/arena.h"
#include "lib/expr.h"

/* The facts, in the order of verdict_fact_names. */
enum verdict_fact {
	VF_ALIGNMENT,
	VF_ALIGNMENT_SE,
	VF_URGENT,
	VF_BUDGET,
	VF_FTE,
	VF_PER_MEUR,
	VF_CONTRACT_MONTHS,
	VF_EXIT_COST,
	VF_WILLINGNESS,
	VF_LEGAL_TASK,
	VF_MERGE,
	VF_REGULATION,
	VF_EXECUTION,
	VF_ASSESSORS,
	VF_SPREAD,
	VF_COUNT
};

/* Their names in rules. */
extern const char *const verdict_fact_names[VF_COUNT];

/* One rule as written. */
struct verdict_rule {
	const char *id;      /* a short name, unique in the set */
	const char *applies; /* "policy" or "other" */
	const char *when;    /* the condition */
	const char *verdict; /* the decision code it proposes */
	const char *reason;  /* why, with {fact} placeholders */
};

/* steiger's own rules, in order (their reasons are English msgids). */
extern const struct verdict_rule verdict_default_rules[];
extern const size_t verdict_default_count;

/* A checked rule set. */
struct verdict_rules {
	const struct verdict_rule *rules; /* the rules (not copied) */
	struct expr *when;                /* their parsed conditions */
	size_t n;
	int translate; /* the reasons are msgids (steiger's own rules) */
};

/* Check and parse n rules: a known applies, a verdict that fits it (for
 * policy: keep, bend, merge, scrap, to_regulation, to_execution; for the
 * others: continue, bend, slow_down, phase_out, stop, accelerate,
 * supplement), a condition that parses, unique ids, known {facts} in the
 * reason. Returns 0, or E_INPUT with e naming the rule and the fault.
 * Free with verdict_rules_free (also after an error). */
int verdict_rules_compile(const struct verdict_rule *rules, size_t n, int translate, struct verdict_rules *out,
			  struct err *e);

/* Read a rule set from the CSV text of file (for its messages) into rules
 * (an array the caller frees; its strings in the arena a). Returns 0, or
 * E_INPUT with e naming the file, line and column. */
int verdict_rules_read(const char *file, const char *text, size_t len, struct arena *a, struct verdict_rule **rules,
		       size_t *n, struct err *e);

/* The proposal for one item: the first rule that holds. */
struct verdict_proposal {
	int rule;     /* index of the rule, -1 when none holds */
	char *reason; /* the reason with the facts filled in (caller frees), NULL when none */
};

/* Propose a verdict for an item (is_policy: a policy document) with
 * facts[VF_COUNT] (NaN: missing), numbers written for people in Dutch
 * when dutch. */
void verdict_propose(const struct verdict_rules *rs, int is_policy, const double *facts, int dutch,
		     struct verdict_proposal *out);

/* Fill facts[VF_COUNT] of an item from its register values it, its
 * review res, and whether it is a merge candidate. */
void verdict_facts(const struct review_item *it, const struct review_item_result *res, int merge, double *facts);

/* Propose a verdict for each of the n items (out[n]) of review r, with
 * the merge candidates m (an item in a group has merge = 1). Free the
 * reasons with verdict_proposals_free. */
void verdict_propose_items(const struct verdict_rules *rs, const struct review_item *items, size_t n,
			   const struct review *r, const struct merges *m, int dutch, struct verdict_proposal *out);

/* Free the reasons of n proposals and the array p itself. */
void verdict_proposals_free(struct verdict_proposal *p, size_t n);

/* Free what rs holds. */
void verdict_rules_free(struct verdict_rules *rs);

#endif
