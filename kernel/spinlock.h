/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks that are safe against interrupts.  Pagoda runs on one CPU, so
 * taking a lock is disabling interrupts (nothing else can run until they are
 * back on: neither an interrupt handler nor, since preemption comes from the
 * timer interrupt, another task).  The lock word is kept anyway: it catches
 * a recursive acquisition, and it is where an SMP port would spin.
 */
#ifndef _KERNEL_SPINLOCK_H
#define _KERNEL_SPINLOCK_H

#include <asm/irqflags.h>
#include <kernel/panic.h>

struct spinlock {
	bool locked;
};

#define SPINLOCK_INIT                                                          \
	{                                                                      \
		false                                                          \
	}

static inline unsigned long spin_lock_irqsave(struct spinlock *lock)
{
	unsigned long flags = arch_local_irq_save();

	BUG_ON(lock->locked); /* would deadlock on SMP: a bug here too */
	lock->locked = true;
	return flags;
}

static inline void spin_unlock_irqrestore(struct spinlock *lock,
					  unsigned long flags)
{
	lock->locked = false;
	arch_local_irq_restore(flags);
}

#endif
