/* SPDX-License-Identifier: MIT */
/*
 * ktest: in-kernel unit tests, reported in KTAP (the format of Linux's
 * KUnit), so the runner in tools/ -- or KUnit's own parser -- can read them.
 *
 *	static void my_case(struct ktest *t)
 *	{
 *		KTEST_EXPECT_EQ(t, 1 + 1, 2);
 *	}
 *	KTEST_SUITE(my_suite, KTEST_CASE(my_case));
 *
 * EXPECT records a failure and carries on; ASSERT also returns from the case.
 * A comparison converts its second operand to the type of the first, so
 * KTEST_EXPECT_EQ(t, nr_free_pages(), 0) compares unsigned longs.
 * Every case must leave the free-page count where it found it: the runner
 * fails a case that leaks a page.
 */
#ifndef _KERNEL_KTEST_H
#define _KERNEL_KTEST_H

#include <kernel/kernel.h>

struct ktest {
	const char *name;
	bool failed;
	const char *skip_reason;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	size_t nr_cases;
	/* Run only when ktest.filter names it: the demonstrations of failure. */
	bool manual;
};

/* A braced initializer holding a # stringification confuses clang-format. */
/* clang-format off */
#define KTEST_CASE(fn) { #fn, fn }
/* clang-format on */

/* The section holds pointers, so entries are packed with no padding. */
#define __KTEST_SUITE(sname, is_manual, ...)                                   \
	static const struct ktest_case __ktest_cases_##sname[] = {             \
		__VA_ARGS__                                                    \
	};                                                                     \
	static const struct ktest_suite __ktest_suite_##sname = {              \
		#sname, __ktest_cases_##sname,                                 \
		ARRAY_SIZE(__ktest_cases_##sname), is_manual                   \
	};                                                                     \
	static const struct ktest_suite *const __ktest_ptr_##sname __section(  \
		"ktest_suites") __used = &__ktest_suite_##sname

#define KTEST_SUITE(sname, ...) __KTEST_SUITE(sname, false, __VA_ARGS__)
#define KTEST_MANUAL_SUITE(sname, ...) __KTEST_SUITE(sname, true, __VA_ARGS__)

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt,
		...) __printf(4, 5);
void ktest_log(struct ktest *t, const char *fmt, ...) __printf(2, 3);
void ktest_skip(struct ktest *t, const char *reason);

#define __KTEST_CMP(t, a, op, b, on_fail)                                      \
	do {                                                                   \
		__typeof__(a) _a = (a);                                        \
		__typeof__(a) _b = (__typeof__(a))(b);                         \
		if (!(_a op _b)) {                                             \
			ktest_fail(                                            \
				t, __FILE__, __LINE__,                         \
				"expected %s %s %s, but %s = %lld (0x%llx), "  \
				"%s = %lld (0x%llx)",                          \
				#a, #op, #b, #a, (long long)_a,                \
				(unsigned long long)_a, #b, (long long)_b,     \
				(unsigned long long)_b);                       \
			on_fail;                                               \
		}                                                              \
	} while (0)

#define __KTEST_TRUE(t, cond, on_fail)                                         \
	do {                                                                   \
		if (!(cond)) {                                                 \
			ktest_fail(t, __FILE__, __LINE__, "expected %s",       \
				   #cond);                                     \
			on_fail;                                               \
		}                                                              \
	} while (0)

#define KTEST_EXPECT_EQ(t, a, b) __KTEST_CMP(t, a, ==, b, (void)0)
#define KTEST_EXPECT_NE(t, a, b) __KTEST_CMP(t, a, !=, b, (void)0)
#define KTEST_EXPECT_LT(t, a, b) __KTEST_CMP(t, a, <, b, (void)0)
#define KTEST_EXPECT_LE(t, a, b) __KTEST_CMP(t, a, <=, b, (void)0)
#define KTEST_EXPECT_GT(t, a, b) __KTEST_CMP(t, a, >, b, (void)0)
#define KTEST_EXPECT_GE(t, a, b) __KTEST_CMP(t, a, >=, b, (void)0)
#define KTEST_EXPECT_TRUE(t, c) __KTEST_TRUE(t, c, (void)0)
#define KTEST_EXPECT_FALSE(t, c) __KTEST_TRUE(t, !(c), (void)0)

/* clang-format would write "return )" in these. */
/* clang-format off */
#define KTEST_ASSERT_EQ(t, a, b) __KTEST_CMP(t, a, ==, b, return)
#define KTEST_ASSERT_GT(t, a, b) __KTEST_CMP(t, a, >, b, return)
#define KTEST_ASSERT_TRUE(t, c) __KTEST_TRUE(t, c, return)
#define KTEST_ASSERT_NOT_NULL(t, p) __KTEST_TRUE(t, (p) != NULL, return)
/* clang-format on */

#define KTEST_EXPECT_STREQ(t, a, b)                                            \
	do {                                                                   \
		const char *_a = (a), *_b = (b);                               \
		if (strcmp(_a, _b))                                            \
			ktest_fail(t, __FILE__, __LINE__,                      \
				   "expected %s == %s, but \"%s\" != \"%s\"",  \
				   #a, #b, _a, _b);                            \
	} while (0)

enum ktest_mode {
	KTEST_RUN,  /* run the selected suites */
	KTEST_LIST, /* name their cases, each reported skipped */
	KTEST_NONE, /* print only the plan: no kernel suite is wanted */
};

/*
 * Run the suites the filter selects (NULL: all but manual); returns failures.
 * The plan announces extra more results, which someone else prints after
 * (the user-space tests, run by init).
 */
int ktest_run_all(const char *filter, int extra, enum ktest_mode mode);
/*
 * If set, suites outside this filter never run, whatever the selection: a
 * build linking suites it has no business running (the host's second
 * build, without a PTE special bit) narrows every filter with it.
 */
extern const char *ktest_limit;
/* How many suites the filter selects. */
int ktest_count(const char *filter);

#endif
