/*
 * review_alpha.c - Krippendorff's alpha per criterion of a round; see
 * review_alpha.h.
 */
#include "steiger.h"
#include "core/review_alpha.h"
#include "method/alpha.h"
#include <math.h>

/* See review_alpha.h. */
double review_alpha(const struct review_input *in, size_t c)
{
	struct alpha_result res;
	struct err e = { 0, "" };
	double alpha = NAN;
	size_t n;
	if (!in->nitems || !in->nassessors || c >= in->ncriteria)
		return NAN;
	n = in->nitems * in->nassessors;
	double *data = xreallocarray(NULL, n, sizeof(*data));
	for (size_t k = 0; k < n; k++)
		data[k] = NAN;
	for (size_t s = 0; s < in->nscores; s++) {
		const struct review_score *sc = &in->scores[s];
		if (sc->criterion == c && !sc->na && sc->item < in->nitems && sc->assessor < in->nassessors)
			data[sc->item * in->nassessors + sc->assessor] = sc->score;
	}
	memset(&res, 0, sizeof(res));
	if (alpha_compute(data, in->nitems, in->nassessors, ALPHA_ORDINAL, &res, &e) == 0 && res.defined)
		alpha = res.alpha;
	alpha_result_free(&res);
	free(data);
	return alpha;
}
