// SPDX-License-Identifier: MIT
/* The timer interrupt arrives: jiffies advance while the CPU waits. */
#include <asm/processor.h>
#include <kernel/ktest.h>
#include <kernel/time.h>

static void jiffies_advance(struct ktest *t)
{
	unsigned long start = jiffies;

	/* Each wait ends at the next interrupt; only the timer is unmasked. */
	for (int i = 0; i < 1000 && jiffies - start < 3; i++)
		arch_wait_for_interrupt();
	KTEST_EXPECT_GE(t, jiffies - start, 3);
}

KTEST_SUITE(timer, KTEST_CASE(jiffies_advance));
