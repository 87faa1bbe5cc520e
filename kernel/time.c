// SPDX-License-Identifier: MIT
/*
 * The tick: count it, charge it to the running task, wake the sleepers.
 *
 * The monotonic clock (clock_gettime) is the tick count plus the time
 * since the last tick, read from the arch's free-running counter: each
 * tick records the counter (tick_stamp), and a reader adds the counts
 * since then, converted to nanoseconds and capped below one tick.  So the
 * clock keeps the tick's long-run rate (it never drifts from jiffies, and
 * timeouts in ticks agree with it) and between ticks it is as fine as the
 * counter; the cap keeps it monotonic when a tick comes late.  The
 * counter's rate is the arch's, or else measured here against the tick
 * (x86_64's TSC, whose rate no register tells; calibrate); until the first
 * measurement the clock has the tick's resolution.
 *
 * Readers run on any CPU, the tick on one: clock_seq is odd while the tick
 * changes jiffies, tick_stamp and the rate, and a reader that saw it change retries
 * (Linux's seqcount).
 */
#include <kernel/atomic.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/sys.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <pagoda/abi.h>

#define CALIBRATE_FIRST 16  /* ticks of the first measurement */
#define CALIBRATE_TICKS 128 /* ticks of each later one */
#define MAX_WAIT_TICKS (~0UL >> 2)

volatile unsigned long jiffies;
static volatile unsigned long clock_seq;
static volatile u64 tick_stamp;
static u64 cycles_per_tick;
static u64 window_start;	  /* the counter at the window's first tick */
static unsigned long window_from; /* jiffies then; 0: not started */

/*
 * The counter's rate: the arch's, or measured against the tick -- first
 * over CALIBRATE_FIRST ticks, then again over every CALIBRATE_TICKS, so
 * that a measurement spoiled by late ticks (a busy host under QEMU) is
 * soon replaced.
 */
static void calibrate(u64 now)
{
	unsigned long ticks = jiffies - window_from;

	if (arch_clock_cycles_per_tick()) {
		cycles_per_tick = arch_clock_cycles_per_tick();
		return;
	}
	if (!window_from) {
		window_from = jiffies;
		window_start = now;
		return;
	}
	if (ticks < (cycles_per_tick ? CALIBRATE_TICKS : CALIBRATE_FIRST))
		return;
	cycles_per_tick = (now - window_start) / ticks;
	window_from = jiffies;
	window_start = now;
}

void timer_tick(bool user_mode)
{
	u64 now = arch_clock_cycles();

	clock_seq++;
	smp_mb();
	calibrate(now);
	tick_stamp = now;
	jiffies++;
	smp_mb();
	clock_seq++;
	scheduler_tick(user_mode);
	wake_sleepers();
}

u64 ktime_get_ns(void)
{
	unsigned long seq, ticks;
	u64 since, per_tick;

	do {
		seq = clock_seq;
		smp_mb();
		ticks = jiffies;
		since = arch_clock_cycles() - tick_stamp;
		per_tick = cycles_per_tick;
		smp_mb();
	} while ((seq & 1) || seq != clock_seq);
	if (!per_tick)
		return (u64)ticks * NSEC_PER_TICK;
	if (since >= per_tick)
		since = per_tick - 1;
	return (u64)ticks * NSEC_PER_TICK + since * NSEC_PER_TICK / per_tick;
}

bool timespec_valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 &&
	       ts->tv_nsec < NSEC_PER_SEC;
}

int get_user_timespec(struct timespec *ts, const struct timespec __user *uts)
{
	if (copy_from_user(ts, uts, sizeof(*ts)))
		return -EFAULT;
	return timespec_valid(ts) ? 0 : -EINVAL;
}

unsigned long timespec_to_jiffies(const struct timespec *ts)
{
	if ((unsigned long)ts->tv_sec >= MAX_WAIT_TICKS / HZ)
		return MAX_WAIT_TICKS;
	return ts->tv_sec * HZ +
	       (ts->tv_nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK + 1;
}

struct timespec jiffies_to_timespec(unsigned long ticks)
{
	return (struct timespec){ ticks / HZ, (ticks % HZ) * NSEC_PER_TICK };
}
