/*
 * review_alpha.h - the agreement between the assessors of a round on one
 * criterion: Krippendorff's alpha (method/alpha.h) at the ordinal level,
 * with the items as units, the assessors as coders and their numeric
 * scores of that criterion as values ("n.v.t." counts as missing).
 */
#ifndef STEIGER_REVIEW_ALPHA_H
#define STEIGER_REVIEW_ALPHA_H

#include "core/review.h"

/* Krippendorff's alpha (ordinal) of criterion c of the round in: from -1
 * to 1, 1 is full agreement. NaN when it cannot be computed: no item has
 * two numeric scores of c, or every such score is the same (no variation,
 * so agreement cannot be told from chance). */
double review_alpha(const struct review_input *in, size_t c);

#endif
