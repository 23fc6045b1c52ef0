/*
 * review_json.h - the review of an assessment round as one JSON object:
 * what `steiger review --json` prints and GET /api/v1/review answers
 * (doc/api.md): the round, its scale and assessors, the coverage of every
 * criterion, every item's alignment and profile, the contested items, the
 * merge candidates and the proposed verdicts.
 */
#ifndef STEIGER_REVIEW_JSON_H
#define STEIGER_REVIEW_JSON_H

#include "core/merges.h"
#include "core/review.h"
#include "core/verdict.h"
#include "db/review.h"
#include "lib/buf.h"

/* Append the review r of the round d, with the merge candidates m and the
 * proposals (one per item) of the rule set rules, to out as one JSON
 * object followed by a newline. */
void review_json(struct buf *out, const struct review_data *d, const struct review *r, const struct merges *m,
		 const struct verdict_rules *rules, const struct verdict_proposal *proposals);

#endif
