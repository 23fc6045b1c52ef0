/*
 * textsim.c - TF-IDF vectors of stemmed Dutch words and their cosine
 * similarity; see textsim.h.
 *
 * Sources: G. Salton and C. Buckley, "Term-weighting approaches in
 * automatic text retrieval", Information Processing & Management 24(5),
 * 1988 (tf-idf weights, cosine of normalised vectors); the smoothed idf
 * ln((1 + n) / (1 + df)) + 1 as scikit-learn's TfidfTransformer defines
 * it; M. F. Porter, "Snowball: a language for stemming algorithms" (2001),
 * whose Dutch stemmer and Dutch stop word list
 * (snowballstem.org/algorithms/dutch/stop.txt) are used here.
 */
#include "steiger.h"
#include "method/textsim.h"
#include <libstemmer.h>
#include <math.h>

/* Snowball's Dutch stop word list: words too common to say what a text
 * is about. */
static const char *const stop_words[] = {
	"aan",   "al",   "alles",   "als",    "altijd", "andere", "ben",    "bij",   "daar", "dan",  "dat",   "de",
	"der",   "deze", "die",     "dit",    "doch",   "doen",   "door",   "dus",   "een",  "eens", "en",    "er",
	"ge",    "geen", "geweest", "haar",   "had",    "heb",    "hebben", "heeft", "hem",  "het",  "hier",  "hij",
	"hoe",   "hun",  "iemand",  "iets",   "ik",     "in",     "is",     "ja",    "je",   "kan",  "kon",   "kunnen",
	"maar",  "me",   "meer",    "men",    "met",    "mij",    "mijn",   "moet",  "na",   "naar", "niet",  "niets",
	"nog",   "nu",   "of",      "om",     "omdat",  "onder",  "ons",    "ook",   "op",   "over", "reeds", "te",
	"tegen", "toch", "toen",    "tot",    "u",      "uit",    "uw",     "van",   "veel", "voor", "want",  "waren",
	"was",   "wat",  "werd",    "wezen",  "wie",    "wil",    "worden", "wordt", "zal",  "ze",   "zelf",  "zich",
	"zij",   "zijn", "zo",      "zonder", "zou",    NULL
};

/* Whether word is a stop word. */
static int is_stop_word(const char *word)
{
	for (size_t i = 0; stop_words[i]; i++)
		if (strcmp(stop_words[i], word) == 0)
			return 1;
	return 0;
}

/* Whether byte c belongs to a word: an ASCII letter or digit, or any
 * byte of a multi-byte UTF-8 character (letters with diacritics). */
static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Lower-case the word w[0..n) in place: ASCII, and the capitals of
 * Latin-1 (U+00C0..U+00DE except U+00D7, two bytes C3 80..9E), which
 * cover the Dutch diacritics (É, Ë, Ï, Ö, Ü, ...). */
static void lower_word(char *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 'A' && c <= 'Z')
			w[i] = (char)(c + 32);
		else if (c == 0xC3 && i + 1 < n) {
			unsigned char d = (unsigned char)w[i + 1];
			if (d >= 0x80 && d <= 0x9E && d != 0x97)
				w[i + 1] = (char)(d + 32);
			i++;
		}
	}
}

/* Split text (at most TEXTSIM_MAX_TEXT bytes of it) into words, drop
 * stop words, stem the rest with st and call fn for each stem. Returns
 * the number of stems. */
static int stem_words(struct sb_stemmer *st, const char *text, void (*fn)(const char *stem, void *ctx), void *ctx)
{
	size_t len = text ? strnlen(text, TEXTSIM_MAX_TEXT) : 0;
	struct buf w = BUF_INIT;
	int count = 0;
	for (size_t i = 0; i < len;) {
		if (!word_byte((unsigned char)text[i])) {
			i++;
			continue;
		}
		size_t start = i;
		while (i < len && word_byte((unsigned char)text[i]))
			i++;
		buf_reset(&w);
		buf_add(&w, text + start, i - start);
		lower_word(w.data, w.len);
		if (is_stop_word(w.data))
			continue;
		const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)w.data, (int)w.len);
		if (!s)
			continue; /* out of memory in the stemmer: the word is skipped */
		buf_reset(&w);
		buf_add(&w, s, (size_t)sb_stemmer_length(st));
		fn(w.data, ctx);
		count++;
	}
	buf_free(&w);
	return count;
}

/* A new Dutch stemmer, or NULL with e set. */
static struct sb_stemmer *dutch_stemmer(struct err *e)
{
	struct sb_stemmer *st = sb_stemmer_new("dutch", "UTF_8");
	if (!st)
		err_set(e, E_INTERNAL, "%s", _("the Dutch stemmer cannot be made"));
	return st;
}

/* See textsim.h. */
int textsim_stems(const char *text, void (*fn)(const char *stem, void *ctx), void *ctx, struct err *e)
{
	struct sb_stemmer *st = dutch_stemmer(e);
	int n;
	if (!st)
		return -1;
	n = stem_words(st, text, fn, ctx);
	sb_stemmer_delete(st);
	return n;
}

/* What textsim_build collects while it reads one document. */
struct collect {
	struct textsim *t;  /* the corpus being built */
	struct strmap *ids; /* stem -> term index + 1 */
	size_t *terms;      /* the term indices of the document, in order */
	size_t n, cap;      /* their number and room */
	size_t capterms;    /* room in t->terms and t->df */
};

/* Add stem to the document being collected (textsim_stems callback). */
static void collect_stem(const char *stem, void *ctx)
{
	struct collect *c = ctx;
	struct textsim *t = c->t;
	size_t id = (size_t)(uintptr_t)strmap_get(c->ids, stem);
	if (!id) {
		ARRAY_GROW(t->terms, c->capterms, t->nterms + 1);
		t->df = xreallocarray(t->df, c->capterms, sizeof(*t->df));
		t->terms[t->nterms] = xstrdup(stem);
		t->df[t->nterms] = 0;
		id = ++t->nterms;
		strmap_put(c->ids, t->terms[id - 1], (void *)(uintptr_t)id);
	}
	ARRAY_GROW(c->terms, c->cap, c->n + 1);
	c->terms[c->n++] = id - 1;
}

/* qsort order of term indices. */
static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* See textsim.h. */
int textsim_build(const char *const *docs, size_t n, struct textsim *out, struct err *e)
{
	struct strmap ids = STRMAP_INIT;
	struct collect c = { out, &ids, NULL, 0, 0, 0 };
	struct sb_stemmer *st;
	memset(out, 0, sizeof(*out));
	if (n > TEXTSIM_MAX_DOCS)
		return err_set(e, E_INPUT, _("too many documents to compare: %zu (at most %u)"), n, TEXTSIM_MAX_DOCS);
	if (!(st = dutch_stemmer(e)))
		return E_INTERNAL;
	out->ndocs = n;
	out->vec = xcalloc(n + 1, sizeof(*out->vec));
	out->nvec = xcalloc(n + 1, sizeof(*out->nvec));
	/* Pass 1: the term counts of each document (tf), and df. */
	for (size_t d = 0; d < n; d++) {
		c.n = 0;
		stem_words(st, docs[d], collect_stem, &c);
		if (c.n)
			qsort(c.terms, c.n, sizeof(*c.terms), cmp_size);
		size_t distinct = 0;
		for (size_t i = 0; i < c.n; i++)
			distinct += i == 0 || c.terms[i] != c.terms[i - 1];
		out->vec[d] = xcalloc(distinct + 1, sizeof(**out->vec));
		for (size_t i = 0; i < c.n; i++) {
			if (i == 0 || c.terms[i] != c.terms[i - 1]) {
				out->vec[d][out->nvec[d]++].term = c.terms[i];
				out->df[c.terms[i]]++;
			}
			out->vec[d][out->nvec[d] - 1].weight += 1;
		}
	}
	/* Pass 2: tf * idf, each vector scaled to length 1. */
	for (size_t d = 0; d < n; d++) {
		double len = 0;
		for (size_t i = 0; i < out->nvec[d]; i++) {
			struct textsim_term *tt = &out->vec[d][i];
			tt->weight *= log((1.0 + (double)n) / (1.0 + (double)out->df[tt->term])) + 1.0;
			len += tt->weight * tt->weight;
		}
		len = sqrt(len);
		for (size_t i = 0; i < out->nvec[d] && len > 0; i++)
			out->vec[d][i].weight /= len;
	}
	free(c.terms);
	strmap_free(&ids);
	sb_stemmer_delete(st);
	return 0;
}

/* See textsim.h. */
double textsim_cosine(const struct textsim *t, size_t i, size_t j)
{
	const struct textsim_term *a, *b;
	size_t na, nb, x = 0, y = 0;
	double dot = 0;
	if (i >= t->ndocs || j >= t->ndocs)
		return 0;
	a = t->vec[i], b = t->vec[j], na = t->nvec[i], nb = t->nvec[j];
	while (x < na && y < nb) {
		if (a[x].term < b[y].term)
			x++;
		else if (a[x].term > b[y].term)
			y++;
		else
			dot += a[x++].weight * b[y++].weight;
	}
	return dot > 1 ? 1 : dot;
}

/* See textsim.h. */
void textsim_free(struct textsim *t)
{
	for (size_t i = 0; i < t->nterms; i++)
		free(t->terms[i]);
	for (size_t d = 0; d < t->ndocs; d++)
		free(t->vec[d]);
	free(t->terms);
	free(t->df);
	free(t->vec);
	free(t->nvec);
	memset(t, 0, sizeof(*t));
}
