// SPDX-License-Identifier: MIT
/*
 * What failure looks like.  These cases fail on purpose, so they are in a
 * manual suite: they run only when named, e.g.
 *
 *	make test KTEST_FILTER=ktest_demo.fail
 *
 * and the runner must then report the failure, the leak, the panic (with
 * registers and backtrace), the hang (by its timeout) or the stack overflow
 * (a double fault, caught on its own stack).
 * tests/tools/test_kernel_failures.py checks that it does.
 */
#include <asm/processor.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <mm/mm.h>

static void fail(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, 1 + 1, 3);
}

static void leak(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, alloc_page() != NULL); /* and never freed */
}

static void panic_now(struct ktest *t)
{
	panic("ktest_demo: panic on request");
}

static void hang(struct ktest *t)
{
	for (;;)
		arch_wait_for_interrupt();
}

/* Each frame holds a buffer, so the stack runs into its guard page quickly. */
static int recurse(volatile char *prev, unsigned long depth)
{
	volatile char buf[512];

	buf[0] = prev ? prev[0] + 1 : 0;
	if (depth > (1UL << 30))
		return buf[0];
	return recurse(buf, depth + 1) + buf[1];
}

static void stack_overflow(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, recurse(NULL, 0), 0);
}

static void null_dereference(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, *(volatile int *)NULL, 0);
}

KTEST_MANUAL_SUITE(ktest_demo, KTEST_CASE(fail), KTEST_CASE(leak),
		   KTEST_CASE(panic_now), KTEST_CASE(hang),
		   KTEST_CASE(stack_overflow), KTEST_CASE(null_dereference));
