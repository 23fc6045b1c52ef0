/*
 * review.c - `steiger review [coverage|gaps|contested|alignment]
 * [--round ID] [--year YEAR] [--gap-share X] [--limit N] [--json]`
 *
 * The review of an assessment round against the vision (core/review.h):
 * the coverage of every main line, pillar and urgent issue; the gaps and
 * blind spots; the items the assessors disagree on most; and every
 * item's alignment with its uncertainty, per million euro and per fte.
 * Without a view: the gaps and the most contested items. And the merge
 * candidates (core/merges.h): items alike in profile, field and text.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "core/register.h"
#include "core/merges.h"
#include "core/review_alpha.h"
#include "core/verdict.h"
#include "db/review.h"
#include "render/review_json.h"
#include "render/table.h"
#include <math.h>

/* The views, in the order of the usage line. */
enum view {
	VIEW_SUMMARY,
	VIEW_COVERAGE,
	VIEW_GAPS,
	VIEW_CONTESTED,
	VIEW_ALIGNMENT,
	VIEW_MERGES,
	VIEW_VERDICTS,
	VIEW_PRIORITY
};
static const char *const view_names[] = { "",       "coverage", "gaps",     "contested", "alignment",
					  "merges", "verdicts", "priority", NULL };

/* The proposed verdicts of the items. */
struct proposals {
	const struct verdict_rules *rules; /* the rule set */
	struct verdict_proposal *p;        /* per item */
};

/* Append x to b with decimals decimals for people, "—" when x is NaN. */
static void number(struct buf *b, double x, int decimals)
{
	if (isnan(x))
		buf_adds(b, "\xe2\x80\x94");
	else
		num_format_short(b, x, decimals, i18n_get() == LANG_NL);
}

/* Append the coverage table: one row per criterion (only gaps and blind
 * spots with only_gaps). */
static void coverage_table(struct buf *out, const struct review_data *d, const struct review *r, int only_gaps)
{
	struct table t;
	int nl = i18n_get() == LANG_NL, rows = 0;
	table_init(&t, 7, 0x3c);
	table_rowv(&t, _("criterion"), _("kind"), _("items"), _("weighted"), _("budget"), _("fte"), _("finding"));
	for (size_t c = 0; c < d->in.ncriteria; c++) {
		const struct review_criterion_result *cr = &r->criteria[c];
		struct buf n = BUF_INIT, w = BUF_INIT, b = BUF_INIT, f = BUF_INIT;
		if (only_gaps && !cr->gap)
			continue;
		buf_printf(&n, "%d", cr->items);
		number(&w, cr->weighted_items, 2);
		eur_format_human(&b, cr->budget, nl);
		number(&f, cr->fte, 1);
		table_rowv(&t, d->criteria[c].title, code_label(d->criteria[c].kind), n.data, w.data, b.data, f.data,
			   cr->blind ? _("blind spot")
			   : cr->gap ? _("gap")
				     : "");
		rows++;
		buf_free(&n);
		buf_free(&w);
		buf_free(&b);
		buf_free(&f);
	}
	if (rows)
		table_render(&t, out, 2, 1);
	else
		buf_printf(out, "  %s\n", _("none"));
	table_free(&t);
}

/* Append the items with their alignment: the contested ones (largest
 * spread first) with contested, else all in id order; at most limit
 * rows (0: all). */
static void item_table(struct buf *out, const struct review_data *d, const struct review *r, int contested,
		       long long limit)
{
	struct table t;
	size_t n = contested ? r->ncontested : d->in.nitems;
	table_init(&t, 7, 0x7c);
	table_rowv(&t, _("item"), _("kind"), _("alignment"), _("+/-"), _("per M euro"), _("per fte"), _("spread"));
	for (size_t k = 0; k < n && (!limit || k < (size_t)limit); k++) {
		size_t i = contested ? r->contested[k] : k;
		const struct review_item_result *it = &r->items[i];
		struct buf c[5];
		for (int j = 0; j < 5; j++)
			buf_init(&c[j]);
		number(&c[0], it->alignment, 2);
		number(&c[1], it->alignment_se, 2);
		number(&c[2], it->per_meur, 3);
		number(&c[3], it->per_fte, 3);
		number(&c[4], it->spread, 2);
		table_rowv(&t, d->items[i].id, code_label(d->items[i].kind), c[0].data, c[1].data, c[2].data, c[3].data,
			   c[4].data);
		for (int j = 0; j < 5; j++)
			buf_free(&c[j]);
	}
	if (n)
		table_render(&t, out, 2, 1);
	else
		buf_printf(out, "  %s\n", _("none"));
	if (limit && n > (size_t)limit)
		buf_printf(out, _("  ... and %zu more (--limit 0 shows all)\n"), n - (size_t)limit);
	table_free(&t);
}

/* A copy of the '|'-separated list with ", " between its values (the
 * caller frees it). */
static char *commas(const char *list)
{
	struct buf b = BUF_INIT;
	size_t len;
	for (const char *p = list; *p; p++)
		if (*p == '|')
			buf_adds(&b, ", ");
		else
			buf_addch(&b, *p);
	return buf_detach(&b, &len);
}

/* Append the merge candidates for people: per group its items and, per
 * pair that joined it, why. */
static void merge_list(struct buf *out, const struct review_data *d, const struct merges *m)
{
	int nl = i18n_get() == LANG_NL;
	if (!m->n)
		buf_printf(out, "  %s\n", _("none"));
	for (size_t g = 0; g < m->n; g++) {
		const struct merge_group *gr = &m->groups[g];
		struct buf score = BUF_INIT;
		num_format_short(&score, gr->score, 2, nl);
		buf_printf(out, "  %zu. ", g + 1);
		for (size_t k = 0; k < gr->nitems; k++)
			buf_printf(out, "%s%s", k ? ", " : "", d->items[gr->items[k]].id);
		buf_printf(out, " (%s)\n", score.data);
		for (size_t p = 0; p < gr->npairs; p++) {
			const struct merge_pair *pr = &gr->pairs[p];
			struct buf a = BUF_INIT, b = BUF_INIT;
			num_format_short(&a, pr->profile, 2, nl);
			num_format_short(&b, pr->text, 2, nl);
			char *shared = commas(pr->shared), *words = commas(pr->words);
			buf_printf(out,
				   _("     %s + %s: profiles %s alike, texts %s alike; both %s; common words: %s\n"),
				   d->items[pr->a].id, d->items[pr->b].id, a.data, b.data, shared, words);
			free(shared);
			free(words);
			buf_free(&a);
			buf_free(&b);
		}
		buf_free(&score);
	}
}

/* Append the review for people. */
static void human(struct buf *out, const struct review_data *d, const struct review *r, const struct merges *m,
		  const struct proposals *ps, enum view v, long long limit)
{
	buf_printf(out, _("Review of round %s (%s, %s): %zu assessors, %zu scores, budget and fte of %d\n"),
		   d->round_id, d->round_title, code_label(d->round_status), d->in.nassessors, d->in.nscores, d->year);
	if (v == VIEW_SUMMARY || v == VIEW_GAPS) {
		buf_printf(out, "\n%s\n", _("Gaps and blind spots"));
		coverage_table(out, d, r, 1);
	}
	if (v == VIEW_COVERAGE) {
		buf_printf(out, "\n%s\n", _("Coverage per criterion (items weighted by their contribution)"));
		coverage_table(out, d, r, 0);
	}
	if (v == VIEW_SUMMARY || v == VIEW_CONTESTED) {
		buf_printf(out, "\n%s\n",
			   _("Agreement between the assessors (Krippendorff's alpha, ordinal; 1 is full "
			     "agreement, 0 no better than chance)"));
		for (size_t c = 0; c < d->in.ncriteria; c++) {
			struct buf a = BUF_INIT;
			number(&a, review_alpha(&d->in, c), 2);
			buf_printf(out, "  %s: %s\n", d->criteria[c].title, a.data);
			buf_free(&a);
		}
		buf_printf(out, "\n%s\n", _("Most contested items (largest spread between assessors)"));
		item_table(out, d, r, 1, limit);
	}
	if (v == VIEW_ALIGNMENT) {
		buf_printf(out, "\n%s\n", _("Alignment with the vision per item (-1 to 1, with its standard error)"));
		item_table(out, d, r, 0, limit);
	}
	if (v == VIEW_MERGES) {
		buf_printf(out, "\n%s\n", _("Merge candidates (alike in profile, field and text)"));
		merge_list(out, d, m);
	}
	if (v == VIEW_PRIORITY) {
		size_t n, *order = review_priority(&d->in, r, &n);
		buf_printf(out, "\n%s\n",
			   _("Track 2's priority order: largest impact on the urgent issues, most willing "
			     "partners, most urgent area first"));
		struct table t;
		table_init(&t, 6, 0x3c);
		table_rowv(&t, "#", _("item"), _("urgent"), _("willingness"), _("area place"), _("alignment"));
		for (size_t k = 0; k < n && (!limit || k < (size_t)limit); k++) {
			const struct review_item *it = &d->items[order[k]];
			struct buf c[5];
			for (int j = 0; j < 5; j++)
				buf_init(&c[j]);
			buf_printf(&c[0], "%zu", k + 1);
			number(&c[1], r->items[order[k]].urgent, 2);
			number(&c[2], it->willingness, 1);
			number(&c[3], it->area_rank, 0);
			number(&c[4], r->items[order[k]].alignment, 2);
			table_rowv(&t, c[0].data, it->id, c[1].data, c[2].data, c[3].data, c[4].data);
			for (int j = 0; j < 5; j++)
				buf_free(&c[j]);
		}
		table_render(&t, out, 2, 1);
		table_free(&t);
		if (limit && n > (size_t)limit)
			buf_printf(out, _("  ... and %zu more (--limit 0 shows all)\n"), n - (size_t)limit);
		free(order);
	}
	if (v == VIEW_VERDICTS) {
		buf_printf(out, "\n%s\n", _("Proposed verdicts (the first rule that holds; staff decide)"));
		for (size_t i = 0; i < d->in.nitems; i++) {
			const struct verdict_proposal *p = &ps->p[i];
			if (p->rule < 0)
				buf_printf(out, "  %s (%s): %s\n", d->items[i].id, code_label(d->items[i].kind),
					   _("no proposal (not scored)"));
			else
				buf_printf(out, "  %s (%s): %s [%s]\n      %s\n", d->items[i].id,
					   code_label(d->items[i].kind), code_label(ps->rules->rules[p->rule].verdict),
					   ps->rules->rules[p->rule].id, p->reason);
		}
	}
}

/* Compile the rule set of the file at path (NULL: steiger's own rules)
 * into rules; the rules read live in a and *own (freed by the caller). */
static int load_rules(const char *path, struct arena *a, struct verdict_rule **own, struct verdict_rules *rules,
		      struct err *e)
{
	struct buf text = BUF_INIT;
	size_t n;
	int rc;
	memset(rules, 0, sizeof(*rules));
	if (!path)
		return verdict_rules_compile(verdict_default_rules, verdict_default_count, 1, rules, e);
	if ((rc = read_file(path, MAX_INPUT_FILE, &text, e)) == 0 &&
	    (rc = verdict_rules_read(path, text.data, text.len, a, own, &n, e)) == 0)
		rc = verdict_rules_compile(*own, n, 0, rules, e);
	buf_free(&text);
	return rc;
}

/* See cmd.h. */
int cmd_review(struct cmd_ctx *ctx)
{
	int json_out = 0, nargs, rc, v = VIEW_SUMMARY;
	const char *round = NULL, *year_arg = NULL, *share_arg = NULL, *limit_arg = NULL, *profile_arg = NULL,
		   *text_arg = NULL, *rules_path = NULL;
	long long year = 0, limit = 10;
	double share = 0.5, min_profile = 0.8, min_text = 0.2;
	char **args;
	struct db *db;
	struct review_data d;
	struct review r;
	struct buf out = BUF_INIT;
	const struct option opts[] = {
		{ "json", 0, NULL, &json_out },
		{ "round", 1, &round, NULL },
		{ "year", 1, &year_arg, NULL },
		{ "gap-share", 1, &share_arg, NULL },
		{ "limit", 1, &limit_arg, NULL },
		{ "min-profile", 1, &profile_arg, NULL },
		{ "min-text", 1, &text_arg, NULL },
		{ "rules", 1, &rules_path, NULL },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (nargs > 1 || (nargs == 1 && (v = enum_index(view_names, args[0])) <= 0)) {
		rc = usage_error(
			ctx, "review",
			_("expected coverage, gaps, contested, alignment, merges, verdicts or priority, found '%s'"),
			nargs > 1 ? args[1] : args[0]);
		free(args);
		return rc;
	}
	free(args);
	if (year_arg && int_parse(year_arg, 1800, 2200, &year) < 0)
		return usage_error(ctx, "review", _("expected a year from 1800 to 2200, found '%s'"), year_arg);
	if (share_arg && (num_parse(share_arg, &share) < 0 || !(share > 0 && share <= 1)))
		return usage_error(ctx, "review", _("expected a share above 0 and at most 1, found '%s'"), share_arg);
	if (profile_arg && (num_parse(profile_arg, &min_profile) < 0 || !(min_profile > 0 && min_profile <= 1)))
		return usage_error(ctx, "review", _("expected a share above 0 and at most 1, found '%s'"), profile_arg);
	if (text_arg && (num_parse(text_arg, &min_text) < 0 || !(min_text > 0 && min_text <= 1)))
		return usage_error(ctx, "review", _("expected a share above 0 and at most 1, found '%s'"), text_arg);
	if (limit_arg && int_parse(limit_arg, 0, 1000000, &limit) < 0)
		return usage_error(ctx, "review", _("expected a number, found '%s'"), limit_arg);
	struct arena rules_arena = ARENA_INIT;
	struct verdict_rule *own_rules = NULL;
	struct verdict_rules rules;
	if ((rc = load_rules(rules_path, &rules_arena, &own_rules, &rules, &ctx->err)) < 0 ||
	    (rc = open_db(ctx, &db, 0)) < 0) {
		verdict_rules_free(&rules);
		free(own_rules);
		arena_free(&rules_arena);
		return rc;
	}
	rc = db_review_load(db, round, (int)year, &d, &ctx->err);
	db_close(db);
	d.in.gap_share = share;
	if (rc == 0 && (rc = review_compute(&d.in, &r, &ctx->err)) == 0) {
		struct merges m = { NULL, 0 };
		double *profiles = review_profiles(&r);
		struct merge_input mi = { d.texts, d.in.nitems, profiles, d.in.ncriteria, min_profile, min_text };
		struct proposals ps = { &rules, xcalloc(d.in.nitems + 1, sizeof(*ps.p)) };
		if ((json_out || v == VIEW_MERGES || v == VIEW_VERDICTS) && (rc = merges_find(&mi, &m, &ctx->err)) < 0)
			v = -1;
		else {
			verdict_propose_items(&rules, d.items, d.in.nitems, &r, &m, i18n_get() == LANG_NL, ps.p);
			if (json_out)
				review_json(&out, &d, &r, &m, &rules, ps.p);
			else
				human(&out, &d, &r, &m, &ps, (enum view)v, limit);
			fwrite(out.data, 1, out.len, stdout);
		}
		verdict_proposals_free(ps.p, d.in.nitems);
		merges_free(&m);
		free(profiles);
		review_free(&r);
	}
	verdict_rules_free(&rules);
	free(own_rules);
	arena_free(&rules_arena);
	buf_free(&out);
	review_data_free(&d);
	return rc;
}
