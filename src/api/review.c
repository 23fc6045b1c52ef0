/*
 * review.c - the review of an assessment round in the API:
 *
 *   GET /api/v1/review[?round=ID][&year=YEAR]
 *
 * answers the same JSON object as `steiger review --json`
 * (render/review_json.h): the round, the coverage of every criterion,
 * every item's alignment and profile, the contested items and the merge
 * candidates. Without ?round the round opened last; 404 (problem+json)
 * when there is no such round or no round at all, 400 on a bad year.
 *
 * Reading needs PERM_READ_INTERNAL (routes.c). A blind round that is
 * still open is for administrators only (403 for others): its figures
 * would show each assessor the scores of the others.
 */
#include "steiger.h"
#include "api/api.h"
#include "db/review.h"
#include "pages/pages.h"
#include "render/review_json.h"

/* See pages.h. */
int api_review(struct request *req)
{
	const char *round = http_query(req, "round"), *year_arg = http_query(req, "year");
	struct review_data d;
	struct review r;
	struct err e = { 0, "" };
	long long year = 0;
	int rc;
	if (year_arg && int_parse(year_arg, 1800, 2200, &year) < 0)
		return api_invalid(req, 400, "year",
				   arena_printf(req->a, _("expected a year from 1800 to 2200, found '%s'"), year_arg));
	rc = db_review_load(req->db, round, (int)year, &d, &e);
	if (rc == E_NOTFOUND) {
		review_data_free(&d);
		return http_error(req, 404,
				  round ? _("There is no assessment round with this name.")
					: _("There is no assessment round yet."));
	}
	if (rc < 0) {
		review_data_free(&d);
		return api_db_error(req);
	}
	if (d.blind && strcmp(d.round_status, "open") == 0 && !role_can(req->user.role, PERM_ADMIN)) {
		review_data_free(&d);
		return http_error(req, 403,
				  _("This round is blind and still open: its results are shown when it is closed."));
	}
	if ((rc = review_compute(&d.in, &r, &e)) == 0) {
		struct merges m = { NULL, 0 };
		double *profiles = review_profiles(&r);
		struct merge_input mi = { d.texts, d.in.nitems, profiles, d.in.ncriteria, 0, 0 };
		struct verdict_rules rules = { NULL, NULL, 0, 0 };
		if ((rc = merges_find(&mi, &m, &e)) == 0 &&
		    (rc = verdict_rules_compile(verdict_default_rules, verdict_default_count, 1, &rules, &e)) == 0) {
			struct verdict_proposal *p = xcalloc(d.in.nitems + 1, sizeof(*p));
			verdict_propose_items(&rules, d.items, d.in.nitems, &r, &m, req->lang == LANG_NL, p);
			api_json(req);
			review_json(&req->out, &d, &r, &m, &rules, p);
			verdict_proposals_free(p, d.in.nitems);
		}
		verdict_rules_free(&rules);
		merges_free(&m);
		free(profiles);
		review_free(&r);
	}
	review_data_free(&d);
	return rc < 0 ? api_db_error(req) : 200;
}
