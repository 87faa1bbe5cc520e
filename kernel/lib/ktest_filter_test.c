// SPDX-License-Identifier: MIT
/*
 * Tests of the test selection (kernel/lib/ktest_filter.c), the matcher
 * behind `make test T=...` in the kernel, on the host and in user space.
 */
#include <kernel/ktest.h>
#include <pagoda/ktest_filter.h>

static void suites(struct ktest *t)
{
	KTEST_EXPECT_TRUE(
		t, ktest_filter_match("page_alloc", "page_alloc", NULL, 0));
	KTEST_EXPECT_FALSE(
		t, ktest_filter_match("page_alloc", "page_alloc_x", NULL, 0));
	KTEST_EXPECT_FALSE(t,
			   ktest_filter_match("page", "page_alloc", NULL, 0));
	KTEST_EXPECT_TRUE(t,
			  ktest_filter_match("page*", "page_alloc", NULL, 0));
	KTEST_EXPECT_TRUE(t,
			  ktest_filter_match("*alloc", "page_alloc", NULL, 0));
	KTEST_EXPECT_TRUE(t,
			  ktest_filter_match("p?ge_*", "page_alloc", NULL, 0));
	KTEST_EXPECT_FALSE(t, ktest_filter_match("p?ge", "pge", NULL, 0));
	KTEST_EXPECT_TRUE(t, ktest_filter_match("*", "anything", NULL, 0));
	KTEST_EXPECT_FALSE(t, ktest_filter_match("", "anything", NULL, 0));
}

static void cases(struct ktest *t)
{
	/* A suite pattern takes every case; "suite.case" only its cases. */
	KTEST_EXPECT_TRUE(t, ktest_filter_match("mmap", "mmap", "split", 0));
	KTEST_EXPECT_TRUE(t, ktest_filter_match("mmap.split", "mmap", NULL, 0));
	KTEST_EXPECT_TRUE(t,
			  ktest_filter_match("mmap.sp*", "mmap", "split", 0));
	KTEST_EXPECT_FALSE(t,
			   ktest_filter_match("mmap.sp*", "mmap", "merge", 0));
	KTEST_EXPECT_FALSE(t,
			   ktest_filter_match("mmap.split", "cow", "split", 0));
}

static void lists(struct ktest *t)
{
	const char *f = "cow_test,mmap.merge*,pipe?_test";

	KTEST_EXPECT_TRUE(t, ktest_filter_match(f, "cow_test", "fork", 0));
	KTEST_EXPECT_TRUE(t, ktest_filter_match(f, "mmap", "merge_next", 0));
	KTEST_EXPECT_FALSE(t, ktest_filter_match(f, "mmap", "split", 0));
	KTEST_EXPECT_TRUE(t, ktest_filter_match(f, "pipe2_test", NULL, 0));
	KTEST_EXPECT_FALSE(t, ktest_filter_match(f, "pipe_test", NULL, 0));
	KTEST_EXPECT_TRUE(t, ktest_filter_match("a,,b", "b", NULL, 0));
}

static void exact_suites(struct ktest *t)
{
	/* The crash demonstrations run only when named. */
	KTEST_EXPECT_FALSE(t, ktest_filter_match("*", "ktest_demo", "fail", 1));
	KTEST_EXPECT_FALSE(
		t, ktest_filter_match("ktest_*", "ktest_demo", NULL, 1));
	KTEST_EXPECT_TRUE(t, ktest_filter_match("ktest_demo.fail", "ktest_demo",
						"fail", 1));
	KTEST_EXPECT_TRUE(
		t, ktest_filter_match("ktest_demo.*", "ktest_demo", "leak", 1));
}

KTEST_SUITE(ktest_filter, KTEST_CASE(suites), KTEST_CASE(cases),
	    KTEST_CASE(lists), KTEST_CASE(exact_suites));
