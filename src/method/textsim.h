/*
 * textsim.h - how alike short Dutch texts are: TF-IDF vectors of stemmed
 * words and their cosine similarity.
 *
 * Used to suggest items that may be merged (issue 4): two policy
 * documents whose titles and descriptions use the same words, rare in
 * the rest of the register, are likely about the same thing. Words are
 * cut at anything that is not a letter or digit, lower-cased, Dutch stop
 * words dropped, and reduced to their stem with the Snowball Dutch
 * stemmer (libstemmer), so that "woning", "woningen" and "woningbouw"'s
 * "woning" count as one term where they share a stem.
 */
#ifndef STEIGER_TEXTSIM_H
#define STEIGER_TEXTSIM_H

#include <stddef.h>
#include "lib/err.h"

/* The longest text read of one document, in bytes (the rest is ignored),
 * and the most documents in one corpus. */
#define TEXTSIM_MAX_TEXT (64u * 1024)
#define TEXTSIM_MAX_DOCS 100000u

/* One weighted term of a document vector. */
struct textsim_term {
	size_t term;   /* index into textsim.terms */
	double weight; /* tf-idf weight, the vector normalised to length 1 */
};

/* The TF-IDF vectors of a corpus. */
struct textsim {
	size_t ndocs;              /* documents */
	char **terms;              /* the distinct stems, in order of first occurrence */
	size_t nterms;             /* their number */
	size_t *df;                /* per term: in how many documents it occurs */
	struct textsim_term **vec; /* per document: its terms, sorted by term index */
	size_t *nvec;              /* per document: the number of its terms (0: no words) */
};

/* Split text into lower-cased words with the Dutch stop words removed
 * and stem each; calls fn(stem, ctx) for every one in order. Returns the
 * number of stems, or -1 when the stemmer cannot be made (E_INTERNAL in
 * e). */
int textsim_stems(const char *text, void (*fn)(const char *stem, void *ctx), void *ctx, struct err *e);

/* Build the TF-IDF vectors of n documents docs[0..n) (NULL counts as
 * empty). The weight of term t in document d is tf(t,d) * idf(t) with
 * tf the number of occurrences and idf(t) = ln((1 + n) / (1 + df(t))) + 1
 * (the smoothed idf of Salton & Buckley's weighting as scikit-learn
 * defines it), each vector scaled to length 1. Returns 0, or a negative
 * error with e set (too many documents, no stemmer). Free with
 * textsim_free. */
int textsim_build(const char *const *docs, size_t n, struct textsim *out, struct err *e);

/* The cosine similarity of documents i and j: 0 (nothing in common, or
 * one without words) to 1 (the same terms in the same proportions). */
double textsim_cosine(const struct textsim *t, size_t i, size_t j);

/* Free what t holds. */
void textsim_free(struct textsim *t);

#endif
