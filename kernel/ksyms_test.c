// SPDX-License-Identifier: MIT
/* Tests of the embedded symbol table (kernel/ksyms.c, tools/ksyms.py). */
#include <kernel/ktest.h>
#include <kernel/ksyms.h>
#include <kernel/setup.h>
#include <kernel/string.h>

static void finds_function_start(struct ktest *t)
{
	unsigned long off = 1;
	const char *name = ksym_lookup((unsigned long)start_kernel, &off);

	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_STREQ(t, name, "start_kernel");
	KTEST_EXPECT_EQ(t, off, 0);
}

static void finds_address_inside(struct ktest *t)
{
	unsigned long off = 0;
	const char *name = ksym_lookup((unsigned long)ksym_lookup + 5, &off);

	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_STREQ(t, name, "ksym_lookup");
	KTEST_EXPECT_EQ(t, off, 5);
}

static void rejects_non_text(struct ktest *t)
{
	static int data;
	unsigned long off;

	KTEST_EXPECT_TRUE(t, ksym_lookup((unsigned long)&data, &off) == NULL);
	KTEST_EXPECT_TRUE(t, ksym_lookup(0, &off) == NULL);
}

KTEST_SUITE(ksyms, KTEST_CASE(finds_function_start),
	    KTEST_CASE(finds_address_inside), KTEST_CASE(rejects_non_text));
