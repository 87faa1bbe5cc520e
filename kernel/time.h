/* SPDX-License-Identifier: MIT */
/*
 * The periodic tick: HZ timer interrupts a second, counted in jiffies; and
 * the monotonic clock, finer than the tick, read between ticks from the
 * arch's free-running counter (kernel/time.c).
 */
#ifndef _KERNEL_TIME_H
#define _KERNEL_TIME_H

#include <kernel/types.h>
#include <kernel/uaccess.h> /* __user */

#define HZ 100
#define NSEC_PER_SEC 1000000000L
#define NSEC_PER_TICK (NSEC_PER_SEC / HZ)

extern volatile unsigned long jiffies;

/* Called by the arch's timer interrupt handler (on one CPU only). */
void timer_tick(bool user_mode);
/* Arch: start the periodic timer interrupt (interrupts still off). */
void arch_timer_init(void);

/*
 * Arch: a free-running counter that never goes back (x86_64: the TSC;
 * ARM: the generic timer's virtual count; s390: the TOD clock), and how
 * many of its counts a tick lasts, or 0 if the arch does not know: then
 * the kernel measures it over the first ticks (kernel/time.c).
 */
u64 arch_clock_cycles(void);
u64 arch_clock_cycles_per_tick(void);

/* Nanoseconds since boot, monotonic, finer than the tick once calibrated. */
u64 ktime_get_ns(void);

/*
 * Arch: the hardware clock's date and time in *secs, seconds since the
 * epoch (1970-01-01 00:00 UTC); false if the machine has no such clock.
 */
bool arch_read_rtc(u64 *secs);
/* At boot: CLOCK_REALTIME starts from arch_read_rtc(). */
void realtime_init(void);
/* Nanoseconds since the epoch: the boot date advanced by ktime_get_ns. */
u64 ktime_get_real_ns(void);
/* Seconds since the epoch of a date and time (UTC; mon 1-12, day 1-31). */
u64 mktime64(unsigned int year, unsigned int mon, unsigned int day,
	     unsigned int hour, unsigned int min, unsigned int sec);

struct timespec;
/* 0 <= tv_nsec < 10^9 and tv_sec >= 0: a valid duration. */
bool timespec_valid(const struct timespec *ts);
/* A duration from user space: 0, -EFAULT, or -EINVAL if it is not valid. */
int get_user_timespec(struct timespec *ts, const struct timespec __user *uts);
/*
 * Ticks to wait for at least *ts: rounded up, plus one for the partial
 * tick now under way.  A wait longer than a jiffies comparison can express
 * (half the counter's range: some 10^9 years at HZ 100) is that long.
 */
unsigned long timespec_to_jiffies(const struct timespec *ts);
struct timespec jiffies_to_timespec(unsigned long ticks);
/*
 * Timers' arithmetic in ns (kernel/itimer.c, posix_timers.c): a duration of
 * more than KTIME_MAX_SECS (some 270 years, longer than any uptime) counts
 * as that, so that sums of such times cannot overflow.
 */
#define KTIME_MAX_SECS (1ULL << 33)
u64 timespec_to_ns(const struct timespec *ts);
struct timespec ns_to_timespec(u64 ns);
/* CLOCK_REALTIME less CLOCK_MONOTONIC: fixed at boot (realtime_init). */
u64 ktime_real_offset(void);

#endif
