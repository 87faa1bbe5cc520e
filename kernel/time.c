// SPDX-License-Identifier: MIT
/* The tick: count it, charge it to the running task, wake the sleepers. */
#include <kernel/sched.h>
#include <kernel/sys.h>
#include <kernel/time.h>

volatile unsigned long jiffies;

void timer_tick(bool user_mode)
{
	jiffies++;
	scheduler_tick(user_mode);
	wake_sleepers();
}
