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
 *
 * The real-time clock (CLOCK_REALTIME, time(), gettimeofday) is the
 * monotonic clock plus a constant: the date the hardware clock gave at
 * boot (arch_read_rtc: the PC's CMOS clock, ARM virt's PL031, s390's TOD
 * clock) less the monotonic time then.  Nothing sets it afterwards (no
 * settimeofday, no NTP), so it runs at the tick's rate and never jumps.
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

static u64 boot_real_ns; /* CLOCK_REALTIME - CLOCK_MONOTONIC; set once */

/* Without a hardware clock, real time starts at the epoch. */
void realtime_init(void)
{
	u64 secs = 0, now = ktime_get_ns();

	arch_read_rtc(&secs);
	if (secs * NSEC_PER_SEC > now)
		boot_real_ns = secs * NSEC_PER_SEC - now;
}

u64 ktime_get_real_ns(void)
{
	return boot_real_ns + ktime_get_ns();
}

u64 ktime_real_offset(void)
{
	return boot_real_ns;
}

/*
 * Days are counted in years that begin on 1 March, so that a leap day is
 * the last day of its year and each month's first day is a fixed
 * (153 * m + 2) / 5 days into the year (m = 0 for March); 719468 is the
 * count for 1970-01-01 from the year 0's 1 March.
 */
u64 mktime64(unsigned int year, unsigned int mon, unsigned int day,
	     unsigned int hour, unsigned int min, unsigned int sec)
{
	u64 days;

	if (mon <= 2) {
		mon += 12;
		year--;
	}
	days = (u64)year * 365 + year / 4 - year / 100 + year / 400 +
	       (153 * (mon - 3) + 2) / 5 + day - 1 - 719468;
	return ((days * 24 + hour) * 60 + min) * 60 + sec;
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

u64 timespec_to_ns(const struct timespec *ts)
{
	u64 secs = min((u64)ts->tv_sec, KTIME_MAX_SECS);

	return secs * NSEC_PER_SEC + ts->tv_nsec;
}

struct timespec ns_to_timespec(u64 ns)
{
	return (struct timespec){ ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };
}
