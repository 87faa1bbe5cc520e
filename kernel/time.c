// SPDX-License-Identifier: MIT
/* Counting ticks.  The scheduler issue will preempt from timer_tick(). */
#include <kernel/time.h>

volatile unsigned long jiffies;

void timer_tick(void)
{
	jiffies++;
}
