/*
 * test_textsim.c - unit tests of src/method/textsim.h: Dutch words to
 * stems (stop words dropped, case folded, inflections joined by the
 * Snowball Dutch stemmer) and TF-IDF cosine similarity, checked against
 * a small corpus computed by hand from the formulas of Salton & Buckley
 * (1988) with the smoothed idf ln((1 + n) / (1 + df)) + 1.
 */
#include "unit.h"
#include "method/textsim.h"
#include <math.h>

/* The stems of a text, joined by spaces. */
struct joined {
	struct buf b; /* "stem stem ..." */
};

/* textsim_stems callback: append stem to the joined text. */
static void join_stem(const char *stem, void *ctx)
{
	struct joined *j = ctx;
	buf_printf(&j->b, "%s%s", j->b.len ? " " : "", stem);
}

/* The stems of text as one string (caller frees). */
static char *stems_of(const char *text)
{
	struct joined j = { BUF_INIT };
	struct err e = { 0, "" };
	size_t len;
	assert_true(textsim_stems(text, join_stem, &j, &e) >= 0);
	return buf_detach(&j.b, &len);
}

/* Assert that texts a and b give the same stems. */
static void assert_same_stems(const char *a, const char *b)
{
	char *x = stems_of(a), *y = stems_of(b);
	if (strcmp(x, y) != 0)
		fail_msg("\"%s\" -> \"%s\" but \"%s\" -> \"%s\"", a, x, b, y);
	free(x);
	free(y);
}

/* Stop words go, case is folded (also É, Ü), punctuation separates, and
 * Dutch plurals share the stem of the singular. */
static void test_stems(void **state)
{
	char *s;
	(void)state;
	s = stems_of("De en het van een, maar: niet!");
	assert_string_equal(s, "");
	free(s);
	s = stems_of("  ");
	assert_string_equal(s, "");
	free(s);
	assert_same_stems("woningen", "woning");
	assert_same_stems("wijken", "wijk");
	assert_same_stems("WIJKEN", "wijken");
	assert_same_stems("Één ÜBER", "één über");
	assert_same_stems("groen-park", "groen park");
	assert_same_stems("de woningen in de wijken", "woning wijk");
	s = stems_of(NULL);
	assert_string_equal(s, "");
	free(s);
}

/* The hand-computed corpus: A = "groen groen park", B = "groen water",
 * C = "fiets", D = "" (n = 4). df(groen) = 2, the others 1; idf(t) =
 * ln(5 / (1 + df)) + 1. A = (2 idf_g, idf_1), B = (idf_g, idf_1), so
 * cos(A, B) = 2 idf_g^2 / (|A| |B|). */
static void test_tfidf_by_hand(void **state)
{
	const char *docs[] = { "groen groen park", "groen water", "fiets", "" };
	struct textsim t;
	struct err e = { 0, "" };
	double idf_g = log(5.0 / 3.0) + 1, idf_1 = log(5.0 / 2.0) + 1;
	double a = sqrt(4 * idf_g * idf_g + idf_1 * idf_1), b = sqrt(idf_g * idf_g + idf_1 * idf_1);
	(void)state;
	assert_int_equal(textsim_build(docs, 4, &t, &e), 0);
	assert_int_equal(t.ndocs, 4);
	assert_int_equal(t.nterms, 4);
	assert_int_equal(t.nvec[0], 2);
	assert_int_equal(t.nvec[3], 0);
	assert_true(fabs(textsim_cosine(&t, 0, 1) - 2 * idf_g * idf_g / (a * b)) < 1e-12);
	assert_true(fabs(textsim_cosine(&t, 0, 1) - textsim_cosine(&t, 1, 0)) < 1e-15);
	assert_true(fabs(textsim_cosine(&t, 0, 0) - 1) < 1e-12);
	assert_true(textsim_cosine(&t, 0, 2) == 0);
	assert_true(textsim_cosine(&t, 0, 3) == 0);
	assert_true(textsim_cosine(&t, 3, 3) == 0);
	assert_true(textsim_cosine(&t, 0, 99) == 0);
	textsim_free(&t);
}

/* Policy-like texts: the two about housing in the same neighbourhood are
 * nearer to each other than to the one about cycling; inflections and
 * stop words do not matter. */
static void test_similar_texts(void **state)
{
	const char *docs[] = {
		"Nota woningbouw Meerzicht: nieuwe woningen in de wijk Meerzicht",
		"Woningen bouwen in Meerzicht, een wijkaanpak",
		"Fietsbeleid: veilige fietsroutes naar het centrum",
		"Fietsroute centrum veilig",
	};
	struct textsim t;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(textsim_build(docs, 4, &t, &e), 0);
	assert_true(textsim_cosine(&t, 0, 1) > textsim_cosine(&t, 0, 2));
	assert_true(textsim_cosine(&t, 0, 1) > textsim_cosine(&t, 1, 3));
	assert_true(textsim_cosine(&t, 2, 3) > textsim_cosine(&t, 2, 0));
	assert_true(textsim_cosine(&t, 2, 3) > 0.3);
	textsim_free(&t);
}

/* No documents, and too many. */
static void test_bounds(void **state)
{
	struct textsim t;
	struct err e = { 0, "" };
	(void)state;
	assert_int_equal(textsim_build(NULL, 0, &t, &e), 0);
	assert_int_equal(t.nterms, 0);
	assert_true(textsim_cosine(&t, 0, 0) == 0);
	textsim_free(&t);
	/* A first document without words (nothing collected yet). */
	const char *first_empty[] = { "de en het", "groen" };
	assert_int_equal(textsim_build(first_empty, 2, &t, &e), 0);
	assert_int_equal(t.nvec[0], 0);
	assert_int_equal(t.nvec[1], 1);
	textsim_free(&t);
	assert_int_equal(textsim_build(NULL, TEXTSIM_MAX_DOCS + 1, &t, &e), E_INPUT);
	assert_non_null(strstr(e.msg, "100001"));
}

/* Run the tests of this file, printing cmocka's report; the exit status
 * is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stems),
		cmocka_unit_test(test_tfidf_by_hand),
		cmocka_unit_test(test_similar_texts),
		cmocka_unit_test(test_bounds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
