/* SPDX-License-Identifier: MIT */
/*
 * Wait queues: a task that must wait for something (pipe data, a child's
 * exit, console input, time) sleeps on a queue; whoever makes the condition
 * true calls wake_up() on it.
 *
 *	err = wait_event(&pipe->readers_wait, pipe->len > 0);
 *
 * The condition is tested with interrupts off, so a wake-up cannot slip in
 * between the test and going to sleep; it must be quick and must not sleep.
 * wait_event returns 0 when the condition holds, or -ERESTARTSYS if a
 * signal came meanwhile (the caller then unwinds and returns it: the
 * signal code turns it into EINTR or restarts the call, kernel/signal.c).
 */
#ifndef _KERNEL_WAIT_H
#define _KERNEL_WAIT_H

#include <asm/irqflags.h>
#include <kernel/list.h>
#include <kernel/time.h>

struct wait_queue {
	struct list_head sleepers; /* struct task_struct, by wait_link */
};

#define WAIT_QUEUE_INIT(name)                                                  \
	{                                                                      \
		LIST_HEAD_INIT((name).sleepers)                                \
	}

static inline void init_wait_queue(struct wait_queue *wq)
{
	INIT_LIST_HEAD(&wq->sleepers);
}

/* Wake every task sleeping on wq (they retest their conditions). */
void wake_up(struct wait_queue *wq);

/*
 * Is a task sleeping on wq?  A waker that has just made the condition true
 * may skip wake_up when none is: a waiter tests the condition and joins
 * the queue with interrupts off, so (on one CPU) it either saw the
 * condition true or is on the queue by now.
 */
static inline bool waitqueue_active(struct wait_queue *wq)
{
	return !list_empty(&wq->sleepers);
}

/*
 * Sleep on wq once (interrupts must be off; they are off again on return).
 * Returns -ERESTARTSYS if the task has a signal to act on, else 0.
 */
int sleep_on(struct wait_queue *wq);

/* sleep_on, and woken by the tick too once jiffies reaches until (0: no). */
int sleep_on_deadline(struct wait_queue *wq, unsigned long until);

/*
 * Sleep on wq once, deaf to signals (Linux: TASK_UNINTERRUPTIBLE), until
 * woken or, if until is not 0, until jiffies reaches until.  Interrupts
 * must be off; they are off again on return.
 */
void sleep_on_timeout(struct wait_queue *wq, unsigned long until);

#define wait_event(wq, condition)                                              \
	({                                                                     \
		unsigned long __flags = arch_local_irq_save();                 \
		int __err = 0;                                                 \
		while (!(condition) && !__err)                                 \
			__err = sleep_on(wq);                                  \
		arch_local_irq_restore(__flags);                               \
		__err;                                                         \
	})

/*
 * For waits that must not be cut short -- a device finishing DMA into a
 * page before the page may be freed -- even when the task is being killed.
 */
#define wait_event_uninterruptible(wq, condition)                              \
	({                                                                     \
		unsigned long __flags = arch_local_irq_save();                 \
		while (!(condition))                                           \
			sleep_on_timeout(wq, 0);                               \
		arch_local_irq_restore(__flags);                               \
	})

/*
 * The same, giving up after ticks timer ticks: true if the condition
 * holds, false on timeout.  (jiffies is in <kernel/time.h>.)
 */
#define wait_event_timeout(wq, condition, ticks)                               \
	({                                                                     \
		unsigned long __flags = arch_local_irq_save();                 \
		unsigned long __until = jiffies + (ticks);                     \
		bool __ok;                                                     \
		while (!(__ok = (condition)) && (long)(jiffies - __until) < 0) \
			sleep_on_timeout(wq, __until);                         \
		arch_local_irq_restore(__flags);                               \
		__ok;                                                          \
	})

#endif
