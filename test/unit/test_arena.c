/*
 * test_arena.c - unit tests of the bump allocator (src/lib/arena.h).
 *
 * Covers the 16-byte alignment of every allocation whatever the sizes
 * before it, zero-size and large allocations (bigger than a chunk, mixed
 * with small ones, none overlapping), arena_zalloc and arena_calloc giving
 * zeroed memory even where freed memory is reused, arena_calloc aborting on
 * an overflowing size, arena_strdup/arena_strndup/arena_printf, the total
 * statistic, many chunks, and arena_free making the arena empty and
 * reusable.
 */
#include "unit.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

/* Every allocation is aligned to 16 bytes, for any sequence of sizes. */
static void test_alignment(void **state)
{
	struct arena a = ARENA_INIT;
	(void)state;
	for (size_t n = 0; n < 3000; n++) {
		size_t size = (n * 7919) % 97; /* 0..96, irregular */
		void *p = arena_alloc(&a, size);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
	}
	assert_int_equal((uintptr_t)arena_alloc(&a, 100000) % 16, 0);
	assert_int_equal((uintptr_t)arena_alloc(&a, 1) % 16, 0);
	assert_int_equal((uintptr_t)arena_zalloc(&a, 3) % 16, 0);
	assert_int_equal((uintptr_t)arena_strdup(&a, "x") % 16, 0);
	/* a long double and a 16-byte aligned type fit */
	long double *ld = arena_alloc(&a, sizeof(long double));
	*ld = 1.5L;
	assert_true(*ld == 1.5L);
	arena_free(&a);
}

/* Distinct allocations do not overlap: fill each with its own byte and
 * check them all at the end, across small, large and zero-size ones. */
static void test_no_overlap(void **state)
{
	enum { N = 2000 };
	struct arena a = ARENA_INIT;
	unsigned char *ptrs[N];
	size_t sizes[N];
	(void)state;
	for (size_t i = 0; i < N; i++) {
		size_t size = i % 50 == 0 ? 70000 + i : i % 13 == 0 ? 0 : (i * 31) % 700 + 1;
		ptrs[i] = arena_alloc(&a, size);
		sizes[i] = size;
		memset(ptrs[i], (int)(i & 0xff), size);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t k = 0; k < sizes[i]; k++)
			if (ptrs[i][k] != (unsigned char)(i & 0xff)) {
				print_error("allocation %zu (%zu bytes) overwritten at %zu\n", i, sizes[i], k);
				fail();
			}
	arena_free(&a);
}

/* Large allocations (far beyond a chunk) are usable in full, and small
 * allocations after them still work. */
static void test_large(void **state)
{
	struct arena a = ARENA_INIT;
	char *small1, *big, *small2;
	(void)state;
	small1 = arena_strdup(&a, "before");
	big = arena_alloc(&a, 8 * 1024 * 1024);
	memset(big, 'b', 8 * 1024 * 1024);
	small2 = arena_strdup(&a, "after");
	assert_string_equal(small1, "before");
	assert_string_equal(small2, "after");
	assert_int_equal(big[0], 'b');
	assert_int_equal(big[8 * 1024 * 1024 - 1], 'b');
	/* a large first allocation in an empty arena */
	arena_free(&a);
	big = arena_alloc(&a, 3 * 1024 * 1024);
	memset(big, 0, 3 * 1024 * 1024);
	assert_string_equal(arena_strdup(&a, "next"), "next");
	arena_free(&a);
}

/* arena_zalloc and arena_calloc return zeroed memory, also when malloc
 * hands back memory that held other bytes. */
static void test_zeroed(void **state)
{
	struct arena a = ARENA_INIT;
	(void)state;
	for (int round = 0; round < 3; round++) {
		unsigned char *p;
		int *q;
		for (int i = 0; i < 50; i++)
			memset(arena_alloc(&a, 1000), 0xff, 1000);
		arena_free(&a);
		p = arena_zalloc(&a, 5000);
		for (size_t k = 0; k < 5000; k++)
			assert_int_equal(p[k], 0);
		q = arena_calloc(&a, 1000, sizeof(int));
		for (size_t k = 0; k < 1000; k++)
			assert_int_equal(q[k], 0);
		p = arena_zalloc(&a, 200000);
		for (size_t k = 0; k < 200000; k += 97)
			assert_int_equal(p[k], 0);
		arena_free(&a);
	}
}

/* arena_calloc aborts when count * size overflows, rather than handing out
 * a short block. Checked in a child process. */
static void test_calloc_overflow_aborts(void **state)
{
	pid_t pid;
	int status = 0;
	(void)state;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct arena a = ARENA_INIT;
		signal(SIGABRT, SIG_DFL); /* not cmocka's handler */
		/* keep the expected abort quiet */
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		arena_calloc(&a, SIZE_MAX / 2, 3);
		_exit(0); /* reached only when it did not abort */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

/* The string helpers copy into the arena. */
static void test_strings(void **state)
{
	struct arena a = ARENA_INIT;
	char src[] = "abcdef";
	char *s;
	(void)state;
	s = arena_strdup(&a, src);
	assert_string_equal(s, "abcdef");
	assert_ptr_not_equal(s, src);
	src[0] = 'X';
	assert_string_equal(s, "abcdef");
	assert_null(arena_strdup(&a, NULL));
	assert_string_equal(arena_strdup(&a, ""), "");
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	assert_string_equal(arena_strndup(&a, "abcdef", 0), "");
	/* strndup copies exactly n bytes: the source need not be terminated */
	static const char unterminated[4] = { 'w', 'x', 'y', 'z' };
	assert_string_equal(arena_strndup(&a, unterminated, 4), "wxyz");
	s = arena_printf(&a, "%s-%d-%h-%q", "a", 42, "<&>", "it's");
	assert_string_equal(s, "a-42-&lt;&amp;&gt;-it''s");
	s = arena_printf(&a, "%s", "");
	assert_string_equal(s, "");
	arena_free(&a);
}

/* total counts at least the bytes asked for, and arena_free resets it. */
static void test_total(void **state)
{
	struct arena a = ARENA_INIT;
	size_t asked = 0;
	(void)state;
	assert_int_equal(a.total, 0);
	for (size_t i = 1; i <= 100; i++) {
		arena_alloc(&a, i);
		asked += i;
	}
	assert_true(a.total >= asked);
	assert_true(a.total <= asked + 100 * 16);
	arena_free(&a);
	assert_int_equal(a.total, 0);
	assert_null(a.head);
}

/* Many chunks: ten megabytes in small pieces, all intact; then the arena
 * is empty and can be used again. */
static void test_many_chunks(void **state)
{
	enum { N = 100000 };
	struct arena a = ARENA_INIT;
	unsigned **ptrs = xcalloc(N, sizeof(*ptrs));
	(void)state;
	for (unsigned i = 0; i < N; i++) {
		ptrs[i] = arena_alloc(&a, 100);
		for (int k = 0; k < 25; k++)
			ptrs[i][k] = i * 31 + (unsigned)k;
	}
	for (unsigned i = 0; i < N; i++)
		for (int k = 0; k < 25; k++)
			if (ptrs[i][k] != i * 31 + (unsigned)k) {
				print_error("piece %u overwritten\n", i);
				fail();
			}
	arena_free(&a);
	assert_null(a.head);
	assert_string_equal(arena_strdup(&a, "again"), "again");
	arena_free(&a);
	arena_free(&a); /* freeing an empty arena is harmless */
	free(ptrs);
}

/* arena_reset empties the arena but keeps one chunk: the next small
 * allocation reuses its memory; large blocks and further chunks are freed
 * (AddressSanitizer and LeakSanitizer check that in `make sanitize`). */
static void test_reset(void **state)
{
	struct arena a = ARENA_INIT;
	char *first, *again;
	(void)state;
	arena_reset(&a); /* an empty arena stays empty */
	assert_null(a.head);
	first = arena_strdup(&a, "first");
	arena_reset(&a);
	assert_int_equal(a.total, 0);
	again = arena_strdup(&a, "again");
	assert_ptr_equal(again, first); /* the kept chunk, from its start */
	for (int i = 0; i < 5000; i++)
		arena_alloc(&a, 100); /* several chunks */
	arena_alloc(&a, 1024 * 1024); /* and a large block */
	arena_reset(&a);
	assert_int_equal(a.total, 0);
	assert_non_null(a.head);
	assert_string_equal(arena_strdup(&a, "still usable"), "still usable");
	arena_free(&a);
	assert_null(a.head);
}

/* Run the tests of this file, printing cmocka's report (TAP with
 * CMOCKA_MESSAGE_OUTPUT=TAP); the exit status is the number of failures. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_no_overlap),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_zeroed),
		cmocka_unit_test(test_calloc_overflow_aborts),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_total),
		cmocka_unit_test(test_many_chunks),
		cmocka_unit_test(test_reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
