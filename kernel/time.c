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
 * counter's rate is the arch's, or else measured here, against the tick,
 * over CALIBRATE_TICKS ticks from tick CALIBRATE_FROM (x86_64's TSC, whose
 * rate no register tells); until then the clock has the tick's resolution.
 *
 * Readers run on any CPU, the tick on one: clock_seq is odd while the tick
 * changes jiffies and tick_stamp, and a reader that saw it change retries
 * (Linux's seqcount).
 */
#include <kernel/atomic.h>
#include <kernel/sched.h>
#include <kernel/sys.h>
#include <kernel/time.h>
#include <pagoda/abi.h>

#define CALIBRATE_FROM 2
#define MAX_WAIT_TICKS (~0UL >> 2)
#define CALIBRATE_TICKS 16

volatile unsigned long jiffies;
static volatile unsigned long clock_seq;
static volatile u64 tick_stamp;
static u64 cycles_per_tick;
static u64 calibrate_start;

/* The counter's rate: the arch's, or measured against the first ticks. */
static void calibrate(u64 now)
{
	if (cycles_per_tick)
		return;
	cycles_per_tick = arch_clock_cycles_per_tick();
	if (jiffies == CALIBRATE_FROM)
		calibrate_start = now;
	else if (jiffies == CALIBRATE_FROM + CALIBRATE_TICKS &&
		 !cycles_per_tick)
		cycles_per_tick = (now - calibrate_start) / CALIBRATE_TICKS;
}

void timer_tick(bool user_mode)
{
	u64 now = arch_clock_cycles();

	calibrate(now);
	clock_seq++;
	smp_mb();
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
