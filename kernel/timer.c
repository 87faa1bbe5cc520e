// SPDX-License-Identifier: MIT
/*
 * Kernel timers: run a function from the tick once jiffies reaches a given
 * value.  The interval timers (ITIMER_REAL, alarm: kernel/itimer.c) and
 * the POSIX timers (kernel/posix_timers.c) are built on them.
 *
 * The design is Linux's timer_list (kernel/time/timer.c), much reduced:
 * Linux hashes its timers into a wheel of buckets by expiry, so that a tick
 * looks only at those that may be due, among many thousands.  Pagoda keeps
 * one list sorted by expiry, so that a tick looks at its head only; arming
 * a timer walks the list, which holds a few dozen timers at most (each
 * process's ITIMER_REAL and its POSIX timers).
 *
 * The resolution is the tick (HZ): a timer due at jiffies J runs in the
 * tick that makes jiffies J, never before.  The list is changed with
 * interrupts off (the tick's handler walks it) and, on SMP, under the
 * kernel lock (kernel/smp.h), which the tick's CPU holds as it runs them.
 */
#include <asm/irqflags.h>
#include <kernel/time.h>
#include <kernel/timer.h>

static LIST_HEAD(timer_list_head);

/* Does a expire before b?  Compared as a difference, across a wrap. */
static bool time_before(unsigned long a, unsigned long b)
{
	return (long)(a - b) < 0;
}

static void detach_timer(struct timer_list *timer)
{
	list_del(&timer->entry);
	timer->entry.next = NULL;
}

void mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags = arch_local_irq_save();
	struct timer_list *next;

	if (timer_pending(timer))
		detach_timer(timer);
	timer->expires = expires;
	/* After the timers due no later: equal expiries run in arming order. */
	list_for_each_entry (next, &timer_list_head, entry)
		if (time_before(expires, next->expires))
			break;
	list_add_tail(&timer->entry, &next->entry);
	arch_local_irq_restore(flags);
}

/* The tick's time: the monotonic clock as the tick that made jiffies. */
static u64 tick_time(void)
{
	return (u64)jiffies * NSEC_PER_TICK;
}

void mod_timer_ns(struct timer_list *timer, u64 ns)
{
	u64 ticks = (ns + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
	u64 limit = (u64)jiffies + (~0UL >> 2);

	mod_timer(timer, ticks < limit ? ticks : limit);
}

bool time_reached(u64 ns)
{
	return tick_time() >= ns;
}

void del_timer(struct timer_list *timer)
{
	unsigned long flags = arch_local_irq_save();

	if (timer_pending(timer))
		detach_timer(timer);
	arch_local_irq_restore(flags);
}

void run_timers(void)
{
	while (!list_empty(&timer_list_head)) {
		struct timer_list *timer = list_first_entry(
			&timer_list_head, struct timer_list, entry);

		if (time_before(jiffies, timer->expires))
			return;
		detach_timer(timer);
		timer->function(timer);
	}
}
