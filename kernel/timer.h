/* SPDX-License-Identifier: MIT */
/*
 * Kernel timers (kernel/timer.c): a function the tick calls once jiffies
 * reaches a given value.  Linux's struct timer_list and its calls.
 */
#ifndef _KERNEL_TIMER_H
#define _KERNEL_TIMER_H

#include <kernel/list.h>
#include <kernel/types.h>

/*
 * A zeroed timer_list is a valid idle one: entry.next is NULL while the
 * timer is not pending.  function runs from the tick, interrupts off, and
 * may arm its timer again (mod_timer).
 */
struct timer_list {
	struct list_head entry; /* on the list of pending timers */
	unsigned long expires;	/* jiffies */
	void (*function)(struct timer_list *timer);
};

static inline bool timer_pending(const struct timer_list *timer)
{
	return timer->entry.next != NULL;
}

/* (Re)arm timer for jiffies expires: one already due runs on the next tick. */
void mod_timer(struct timer_list *timer, unsigned long expires);
/*
 * Arm timer for the tick that reaches monotonic time ns.  One further than
 * the list can express (half the range of jiffies) runs early, at that
 * limit: its function sees that time_reached(ns) is false, and arms again.
 */
void mod_timer_ns(struct timer_list *timer, u64 ns);
bool time_reached(u64 ns);
/* Disarm it, if it is pending. */
void del_timer(struct timer_list *timer);
/* From the tick (the boot CPU's): run the timers that are due. */
void run_timers(void);

#endif
