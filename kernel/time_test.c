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

/* Dates to seconds since the epoch, across leap days and centuries. */
static void mktime64_dates(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, mktime64(1970, 1, 1, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, mktime64(1970, 1, 2, 0, 0, 1), 86401);
	KTEST_EXPECT_EQ(t, mktime64(2000, 2, 29, 0, 0, 0), 951782400);
	KTEST_EXPECT_EQ(t, mktime64(2000, 3, 1, 0, 0, 0), 951868800);
	KTEST_EXPECT_EQ(t, mktime64(2024, 2, 29, 12, 0, 0), 1709208000);
	KTEST_EXPECT_EQ(t, mktime64(2100, 3, 1, 0, 0, 0), 4107542400ULL);
	KTEST_EXPECT_EQ(t, mktime64(2038, 1, 19, 3, 14, 8), 2147483648ULL);
}

/* The real-time clock came from the hardware's (QEMU's: the host's date). */
static void realtime_is_a_date(struct ktest *t)
{
	u64 real = ktime_get_real_ns(), secs = 0;

	if (!arch_read_rtc(&secs)) {
		ktest_skip(t, "no hardware clock on this board");
		return;
	}
	KTEST_EXPECT_GE(t, secs, mktime64(2024, 1, 1, 0, 0, 0));
	KTEST_EXPECT_GE(t, real / NSEC_PER_SEC, mktime64(2024, 1, 1, 0, 0, 0));
}

KTEST_SUITE(timer, KTEST_CASE(jiffies_advance), KTEST_CASE(mktime64_dates),
	    KTEST_CASE(realtime_is_a_date));
