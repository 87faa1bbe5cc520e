// SPDX-License-Identifier: MIT
/*
 * The timer interrupt arrives: jiffies advance while the task waits.  It
 * sleeps rather than halting the CPU: the tick comes on the boot CPU
 * (arch/x86_64/apic.c), and a CPU that halts in kernel code keeps the
 * kernel lock, which the tick's handler needs (kernel/smp.h).
 */
#include <kernel/ktest.h>
#include <kernel/time.h>
#include <kernel/wait.h>

static void jiffies_advance(struct ktest *t)
{
	struct wait_queue wq = WAIT_QUEUE_INIT(wq);
	unsigned long start = jiffies;

	KTEST_EXPECT_FALSE(t, wait_event_timeout(&wq, false, 3));
	KTEST_EXPECT_GE(t, jiffies - start, 3);
}

KTEST_SUITE(timer, KTEST_CASE(jiffies_advance));
