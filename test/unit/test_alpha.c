/*
 * test_alpha.c - unit tests of Krippendorff's alpha (src/method/alpha.h)
 * and of the reader of reliability data (src/core/reliability.h).
 *
 * The worked examples are those of K. Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability" (2011, repository.upenn.edu/
 * asc_papers/43), each typed in from the paper with its section:
 *   A. binary data, two observers, no missing data (10 units): .095
 *   B. nominal data, two observers, no missing data (12 units): .692
 *   C. nominal data, any number of observers, missing data (4 observers,
 *      12 units): .743, and the same data in
 *   D. ordinal: .815   E. interval: .849   F. ratio: .797
 * The paper gives alpha to three decimals; the tests round alike.
 * Sources checked while writing this test: the data of C and its alphas
 * at the ordinal (.815) and ratio (.797) levels are also those of the test
 * suite of the Python package krippendorff (pln-fing-udelar/
 * fast-krippendorff, tests/test_krippendorff.py), and the C data are the
 * example of R's irr::kripp.alpha. The data of A and B and the values .095,
 * .692, .743 and .849 could not be checked against a stored copy of the
 * paper; they are as remembered from it, and an independent computation
 * (a few lines of Python with the paper's formulas) gives the same values
 * to three decimals, as does the coincidence matrix of C (o_11 = 7,
 * o_12 = 4/3, n_1..n_5 = 9, 13, 10, 5, 3, n = 40).
 *
 * Besides: units with one value are ignored, all-missing data are an
 * error, identical values leave alpha undefined (NaN, defined = 0), the
 * coincidence matrix is symmetric and sums to n, n counts the pairable
 * values; and the reader's rules and messages.
 */
#include "unit.h"
#include "method/alpha.h"
#include "core/reliability.h"

#define M NAN /* a missing value, as the paper's "." */

/* Check |got - want| < tol, failing at the caller's file:line. */
static void check_near(const char *file, int line, double got, double want, double tol)
{
	if (!(fabs(got - want) < tol))
		fail_at(file, line, "got %.9g, expected %.9g (within %g)\n", got, want, tol);
}

/* assert_near(got, want, tol) */
#define assert_near(got, want, tol) check_near(__FILE__, __LINE__, (got), (want), (tol))

/* assert_alpha3(res, want): alpha rounds to want at three decimals, as the
 * paper reports it. */
#define assert_alpha3(res, want)                                  \
	do {                                                      \
		assert_true((res).defined);                       \
		assert_near((res).alpha, (want), 0.0005 + 1e-12); \
	} while (0)

/* Compute alpha of data (units x coders, row-major) at level; the call
 * must succeed. */
static void compute(const double *data, size_t units, size_t coders, enum alpha_level level, struct alpha_result *res)
{
	struct err e;
	err_clear(&e);
	int rc = alpha_compute(data, units, coders, level, res, &e);
	if (rc != 0)
		fail_msg("alpha_compute failed: %s", e.msg);
}

/* The o_ck cell of res for the values c and k. */
static double cell(const struct alpha_result *res, double c, double k)
{
	size_t i = 0, j = 0;
	while (i < res->nvalues && res->values[i] != c)
		i++;
	while (j < res->nvalues && res->values[j] != k)
		j++;
	assert_true(i < res->nvalues && j < res->nvalues);
	return res->coincidence[i * res->nvalues + j];
}

/* Krippendorff (2011), section A, "Binary or dichotomous data, two
 * observers, no missing data": observers A and B, units 1-10. Coincidences
 * o_00 = 10, o_01 = o_10 = 4, o_11 = 2, n = 20; alpha = 1 - 19 * 4 / (14 *
 * 6) = .095. */
static void test_example_a_binary(void **state)
{
	(void)state;
	/* one row per unit: observer A, observer B */
	static const double data[10][2] = {
		{ 0, 1 }, { 1, 1 }, { 0, 1 }, { 0, 0 }, { 0, 0 }, { 0, 1 }, { 0, 0 }, { 0, 0 }, { 1, 0 }, { 0, 0 },
	};
	struct alpha_result res;
	compute(&data[0][0], 10, 2, ALPHA_NOMINAL, &res);
	assert_alpha3(res, 0.095);
	assert_near(res.alpha, 1 - 19.0 * 4 / (14 * 6), 1e-12);
	assert_int_equal(res.pairable_values, 20);
	assert_int_equal(res.pairable_units, 10);
	assert_near(cell(&res, 0, 0), 10, 1e-12);
	assert_near(cell(&res, 0, 1), 4, 1e-12);
	assert_near(cell(&res, 1, 0), 4, 1e-12);
	assert_near(cell(&res, 1, 1), 2, 1e-12);
	alpha_result_free(&res);
}

/* Krippendorff (2011), section B, "Nominal data, two observers, no missing
 * data": observers Ben and Gerry, units 1-12, values a-e; alpha = .692.
 * Read through the reliability data reader, as labels. */
static void test_example_b_nominal(void **state)
{
	(void)state;
	static const char csv[] = "unit,Ben,Gerry\n"
				  "1,a,b\n2,a,a\n3,b,b\n4,b,b\n5,d,b\n6,c,c\n"
				  "7,c,c\n8,c,c\n9,e,e\n10,d,d\n11,d,d\n12,a,d\n";
	struct reliability rel;
	struct alpha_result res;
	struct diag d;
	diag_init(&d, 10);
	assert_int_equal(reliability_read(&rel, "b.csv", csv, strlen(csv), NULL, &d), 0);
	assert_int_equal(rel.level, ALPHA_NOMINAL); /* labels: nominal by default */
	assert_int_equal(rel.nlabels, 5);
	assert_string_equal(rel.labels[0], "a");
	assert_string_equal(rel.labels[4], "e");
	compute(rel.values, rel.nunits, rel.ncoders, rel.level, &res);
	assert_alpha3(res, 0.692);
	assert_int_equal(res.pairable_values, 24);
	alpha_result_free(&res);
	reliability_free(&rel);
	diag_free(&d);
}

/* Krippendorff (2011), section C, "Nominal data, any number of observers,
 * missing data": observers A-D (columns), units 1-12 (rows); "." is
 * missing. Unit 12 has one value and is not pairable. */
static const double example_c[12][4] = {
	{ 1, 1, M, 1 }, { 2, 2, 3, 2 }, { 3, 3, 3, 3 }, { 3, 3, 3, 3 }, { 2, 2, 2, 2 }, { 1, 2, 3, 4 },
	{ 4, 4, 4, 4 }, { 1, 1, 2, 1 }, { 2, 2, 2, 2 }, { M, 5, 5, 5 }, { M, M, 1, 1 }, { M, 3, M, M },
};

/* Section C: nominal alpha = .743; the coincidence matrix of the paper. */
static void test_example_c_nominal(void **state)
{
	(void)state;
	struct alpha_result res;
	compute(&example_c[0][0], 12, 4, ALPHA_NOMINAL, &res);
	assert_alpha3(res, 0.743);
	assert_int_equal(res.pairable_values, 40);
	assert_int_equal(res.pairable_units, 11);
	assert_int_equal(res.nvalues, 5);
	assert_near(cell(&res, 1, 1), 7, 1e-12);
	assert_near(cell(&res, 1, 2), 4.0 / 3, 1e-12);
	assert_near(cell(&res, 2, 2), 10, 1e-12);
	assert_near(cell(&res, 5, 5), 3, 1e-12);
	static const double marg[5] = { 9, 13, 10, 5, 3 };
	for (size_t c = 0; c < 5; c++)
		assert_near(res.marginals[c], marg[c], 1e-12);
	alpha_result_free(&res);
}

/* Section D: the same data at the ordinal level, alpha = .815. The ordinal
 * difference uses the marginals: delta2_12 = (n_1 + n_2 - (n_1 + n_2)/2)^2
 * = (9 + 13 - 11)^2 = 121, delta2_13 = (9 + 13 + 10 - 9.5)^2 = 22.5^2. */
static void test_example_c_ordinal(void **state)
{
	(void)state;
	struct alpha_result res;
	compute(&example_c[0][0], 12, 4, ALPHA_ORDINAL, &res);
	assert_alpha3(res, 0.815);
	assert_near(alpha_delta2(&res, 0, 1), 121, 1e-9);
	assert_near(alpha_delta2(&res, 0, 2), 22.5 * 22.5, 1e-9);
	assert_near(alpha_delta2(&res, 2, 0), 22.5 * 22.5, 1e-9);
	assert_near(alpha_delta2(&res, 3, 3), 0, 1e-12);
	alpha_result_free(&res);
}

/* Section E: interval, alpha = .849; delta2 = (c - k)^2. */
static void test_example_c_interval(void **state)
{
	(void)state;
	struct alpha_result res;
	compute(&example_c[0][0], 12, 4, ALPHA_INTERVAL, &res);
	assert_alpha3(res, 0.849);
	assert_near(alpha_delta2(&res, 0, 4), 16, 1e-12);
	alpha_result_free(&res);
}

/* Section F: ratio, alpha = .797; delta2 = ((c - k)/(c + k))^2. */
static void test_example_c_ratio(void **state)
{
	(void)state;
	struct alpha_result res;
	compute(&example_c[0][0], 12, 4, ALPHA_RATIO, &res);
	assert_alpha3(res, 0.797);
	assert_near(alpha_delta2(&res, 0, 1), 1.0 / 9, 1e-12);
	alpha_result_free(&res);
}

/* Units with one value (or none) change nothing: not alpha, not n. */
static void test_single_value_units_ignored(void **state)
{
	(void)state;
	double more[15][4];
	struct alpha_result a, b;
	memcpy(more, example_c, sizeof(example_c));
	const double extra[3][4] = { { 7, M, M, M }, { M, M, M, M }, { M, M, M, 0.5 } };
	memcpy(more[12], extra, sizeof(extra));
	for (int level = ALPHA_NOMINAL; level <= ALPHA_RATIO; level++) {
		compute(&example_c[0][0], 12, 4, (enum alpha_level)level, &a);
		compute(&more[0][0], 15, 4, (enum alpha_level)level, &b);
		assert_near(a.alpha, b.alpha, 1e-12);
		assert_int_equal(a.pairable_values, b.pairable_values);
		assert_int_equal(a.pairable_units, b.pairable_units);
		assert_int_equal(b.nvalues, 5); /* 7 and 0.5 are not pairable values */
		alpha_result_free(&a);
		alpha_result_free(&b);
	}
}

/* No unit with two values: an error, with a message; also no units. */
static void test_all_missing(void **state)
{
	(void)state;
	static const double data[3][3] = { { M, M, M }, { 1, M, M }, { M, M, 2 } };
	struct alpha_result res;
	struct err e;
	err_clear(&e);
	assert_int_equal(alpha_compute(&data[0][0], 3, 3, ALPHA_NOMINAL, &res, &e), E_INPUT);
	assert_contains(e.msg, "no unit has values of two or more coders");
	assert_true(isnan(res.alpha));
	alpha_result_free(&res);
	err_clear(&e);
	assert_int_equal(alpha_compute(NULL, 0, 3, ALPHA_INTERVAL, &res, &e), E_INPUT);
	alpha_result_free(&res);
}

/* Every pairable value the same: D_e = 0, alpha undefined (NaN), not an
 * error of alpha_compute; the caller reports it. */
static void test_identical_values_undefined(void **state)
{
	(void)state;
	static const double data[3][2] = { { 3, 3 }, { 3, 3 }, { 3, M } };
	struct alpha_result res;
	for (int level = ALPHA_NOMINAL; level <= ALPHA_RATIO; level++) {
		compute(&data[0][0], 3, 2, (enum alpha_level)level, &res);
		assert_false(res.defined);
		assert_true(isnan(res.alpha));
		assert_true(res.expected == 0);
		assert_int_equal(res.nvalues, 1);
		assert_int_equal(res.pairable_values, 4);
		alpha_result_free(&res);
	}
}

/* Perfect agreement is 1 at every level; ratio with zeros too. */
static void test_perfect_agreement(void **state)
{
	(void)state;
	static const double data[4][3] = { { 0, 0, 0 }, { 1, 1, M }, { 2, 2, 2 }, { 4, M, 4 } };
	struct alpha_result res;
	for (int level = ALPHA_NOMINAL; level <= ALPHA_RATIO; level++) {
		compute(&data[0][0], 4, 3, (enum alpha_level)level, &res);
		assert_true(res.defined);
		assert_near(res.alpha, 1, 1e-12);
		alpha_result_free(&res);
	}
}

/* The coincidence matrix is symmetric, its cells sum to n, and n is the
 * number of values in units with two or more values; on irregular data. */
static void test_coincidence_symmetric(void **state)
{
	(void)state;
	double data[40][5];
	unsigned seed = 12345;
	size_t pairable = 0;
	for (size_t u = 0; u < 40; u++) {
		size_t m = 0;
		for (size_t j = 0; j < 5; j++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 9;
			data[u][j] = r < 3 ? M : (double)(r % 5);
			m += r >= 3;
		}
		if (m >= 2)
			pairable += m;
	}
	for (int level = ALPHA_NOMINAL; level <= ALPHA_RATIO; level++) {
		struct alpha_result res;
		double sum = 0;
		compute(&data[0][0], 40, 5, (enum alpha_level)level, &res);
		assert_int_equal(res.pairable_values, pairable);
		for (size_t c = 0; c < res.nvalues; c++)
			for (size_t k = 0; k < res.nvalues; k++) {
				assert_near(res.coincidence[c * res.nvalues + k], res.coincidence[k * res.nvalues + c],
					    1e-12);
				sum += res.coincidence[c * res.nvalues + k];
			}
		assert_near(sum, (double)pairable, 1e-9);
		for (size_t c = 1; c < res.nvalues; c++)
			assert_true(res.values[c - 1] < res.values[c]); /* sorted */
		assert_true(res.alpha <= 1);
		alpha_result_free(&res);
	}
}

/* Negative values are refused at the ratio level; too large values at any. */
static void test_bad_values(void **state)
{
	(void)state;
	static const double neg[2][2] = { { -1, 1 }, { 2, 2 } };
	static const double big[2][2] = { { 1e200, 1 }, { 2, 2 } };
	struct alpha_result res;
	struct err e;
	err_clear(&e);
	assert_int_equal(alpha_compute(&neg[0][0], 2, 2, ALPHA_RATIO, &res, &e), E_INPUT);
	assert_contains(e.msg, "negative");
	alpha_result_free(&res);
	compute(&neg[0][0], 2, 2, ALPHA_INTERVAL, &res);
	alpha_result_free(&res);
	assert_int_equal(alpha_compute(&big[0][0], 2, 2, ALPHA_INTERVAL, &res, &e), E_INPUT);
	alpha_result_free(&res);
}

/* Level names both ways. */
static void test_level_names(void **state)
{
	(void)state;
	enum alpha_level l;
	assert_int_equal(alpha_level_parse("ordinal", &l), 0);
	assert_int_equal(l, ALPHA_ORDINAL);
	assert_int_equal(alpha_level_parse("Nominaal", &l), 0);
	assert_int_equal(l, ALPHA_NOMINAL);
	assert_int_equal(alpha_level_parse("ratio", &l), 0);
	assert_int_equal(l, ALPHA_RATIO);
	assert_int_equal(alpha_level_parse("metric", &l), -1);
	assert_int_equal(alpha_level_parse(NULL, &l), -1);
	assert_string_equal(alpha_level_name(ALPHA_INTERVAL), "interval");
}

/* Read text with the reader at level (NULL: chosen); expect success. */
static void read_ok(const char *text, const enum alpha_level *level, struct reliability *rel)
{
	struct diag d;
	diag_init(&d, 10);
	if (reliability_read(rel, "r.csv", text, strlen(text), level, &d) != 0)
		fail_msg("unexpected error: %s", d.text.data);
	diag_free(&d);
}

/* Check that text fails to read with a first message starting prefix. */
static void check_read_error(const char *file, int line, const char *text, const enum alpha_level *level,
			     const char *prefix)
{
	struct reliability rel;
	struct diag d;
	diag_init(&d, 10);
	int rc = reliability_read(&rel, "r.csv", text, strlen(text), level, &d);
	if (rc != E_INPUT || d.count < 1)
		fail_at(file, line, "expected an error \"%s\", got %d\n", prefix, rc);
	if (strncmp(d.text.data, prefix, strlen(prefix)) != 0)
		fail_at(file, line, "message \"%s\" does not start with \"%s\"\n", d.text.data, prefix);
	reliability_free(&rel);
	diag_free(&d);
}

/* assert_read_error(text, level, prefix) */
#define assert_read_error(text, level, prefix) check_read_error(__FILE__, __LINE__, (text), (level), (prefix))

/* The reader: section C as a file gives the paper's alpha; numbers choose
 * interval; missing cells are NaN; a ';' file reads decimal commas. */
static void test_reader(void **state)
{
	(void)state;
	struct reliability rel;
	struct alpha_result res;
	enum alpha_level nominal = ALPHA_NOMINAL;
	static const char c_csv[] = "unit,A,B,C,D\n1,1,1,,1\n2,2,2,3,2\n3,3,3,3,3\n4,3,3,3,3\n5,2,2,2,2\n"
				    "6,1,2,3,4\n7,4,4,4,4\n8,1,1,2,1\n9,2,2,2,2\n10,,5,5,5\n11,,,1,1\n12,,3,,\n";
	read_ok(c_csv, NULL, &rel);
	assert_int_equal(rel.level, ALPHA_INTERVAL);
	assert_int_equal(rel.nunits, 12);
	assert_int_equal(rel.ncoders, 4);
	assert_string_equal(rel.coders[3], "D");
	assert_string_equal(rel.units[11], "12");
	assert_true(isnan(rel.values[2]));
	compute(rel.values, rel.nunits, rel.ncoders, rel.level, &res);
	assert_alpha3(res, 0.849);
	alpha_result_free(&res);
	reliability_free(&rel);

	read_ok(c_csv, &nominal, &rel);
	compute(rel.values, rel.nunits, rel.ncoders, rel.level, &res);
	assert_alpha3(res, 0.743);
	alpha_result_free(&res);
	reliability_free(&rel);

	read_ok("eenheid;jan;piet\nu1; 2,5 ;3\nu2;1.5;\n", NULL, &rel);
	assert_int_equal(rel.level, ALPHA_INTERVAL);
	assert_near(rel.values[0], 2.5, 1e-12);
	assert_near(rel.values[2], 1.5, 1e-12);
	assert_true(isnan(rel.values[3]));
	reliability_free(&rel);

	read_ok("unit,a,b\nx,yes,no\ny,no,\n", NULL, &rel);
	assert_int_equal(rel.level, ALPHA_NOMINAL);
	assert_int_equal(rel.nlabels, 2);
	assert_true(rel.values[0] == 1); /* "yes" after "no" */
	reliability_free(&rel);
}

/* The reader's errors name file, line, column and coder. */
static void test_reader_errors(void **state)
{
	(void)state;
	enum alpha_level interval = ALPHA_INTERVAL, ratio = ALPHA_RATIO;
	assert_read_error("", NULL, "r.csv:");
	assert_read_error("unit\n1\n", NULL, "r.csv:1:1: expected a header: unit, then one column per coder");
	assert_read_error("unit,a,b\n", NULL, "r.csv: expected rows of units after the header, found none");
	assert_read_error("unit,a,b\n1,2,3\n2,3\n", NULL,
			  "r.csv:3:1: expected 3 cells (the unit and one per coder), found 2");
	assert_read_error("unit,a,b\n1,2,3\n1,3,3\n", NULL, "r.csv:3:1: unit \"1\" occurs twice (first on line 2)");
	assert_read_error("unit,a,a\n1,2,3\n", NULL, "r.csv:1:8: coder \"a\" occurs twice");
	assert_read_error("unit,a,\n1,2,3\n", NULL, "r.csv:1:8: expected the name of a coder, found an empty cell");
	assert_read_error("unit,a,b\n,2,3\n", NULL, "r.csv:2:1: expected a unit id, found an empty cell");
	assert_read_error("unit,coder1,coder2\n1,2,3\n2,3,3\n3,1,x\n", &interval,
			  "r.csv:4:5: coder \"coder2\": expected a number, found \"x\"");
	assert_read_error("unit,a,b\n1,2,-3\n", &ratio,
			  "r.csv:2:5: coder \"b\": expected a number that is not negative (ratio level), found \"-3\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_a_binary),
		cmocka_unit_test(test_example_b_nominal),
		cmocka_unit_test(test_example_c_nominal),
		cmocka_unit_test(test_example_c_ordinal),
		cmocka_unit_test(test_example_c_interval),
		cmocka_unit_test(test_example_c_ratio),
		cmocka_unit_test(test_single_value_units_ignored),
		cmocka_unit_test(test_all_missing),
		cmocka_unit_test(test_identical_values_undefined),
		cmocka_unit_test(test_perfect_agreement),
		cmocka_unit_test(test_coincidence_symmetric),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_level_names),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_reader_errors),
	};
	return cmocka_run_group_tests(tests, unit_setup_english, NULL);
}
