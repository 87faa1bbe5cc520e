/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks that are safe against interrupts: interrupts go off on this
 * CPU first (an interrupt handler here may want the same lock, and would
 * spin forever on it), then the arch's lock (<asm/spinlock.h>) keeps the
 * other CPUs out.  The holder's CPU is noted, so taking a lock twice on
 * one CPU -- a deadlock -- is caught as the bug it is.
 *
 * Most kernel data is under the kernel lock (kernel/smp.h), which these
 * locks nest inside; chapter 10 gives the order of every lock.
 */
#ifndef _KERNEL_SPINLOCK_H
#define _KERNEL_SPINLOCK_H

#include <asm/irqflags.h>
#include <asm/spinlock.h>
#include <kernel/panic.h>
#include <kernel/smp.h>

struct spinlock {
	struct arch_spinlock raw;
	unsigned int owner; /* the holder's CPU + 1; 0 when free */
};

#define SPINLOCK_INIT                                                          \
	{                                                                      \
		.owner = 0                                                     \
	}

static inline void spin_lock(struct spinlock *lock)
{
	unsigned int me = smp_processor_id() + 1;

	BUG_ON(lock->owner == me); /* this CPU holds it: a deadlock */
	arch_spin_lock(&lock->raw);
	lock->owner = me;
}

static inline void spin_unlock(struct spinlock *lock)
{
	BUG_ON(lock->owner != smp_processor_id() + 1);
	lock->owner = 0;
	arch_spin_unlock(&lock->raw);
}

static inline unsigned long spin_lock_irqsave(struct spinlock *lock)
{
	unsigned long flags = arch_local_irq_save();

	spin_lock(lock);
	return flags;
}

static inline void spin_unlock_irqrestore(struct spinlock *lock,
					  unsigned long flags)
{
	spin_unlock(lock);
	arch_local_irq_restore(flags);
}

/* For assertions: this CPU holds lock. */
static inline bool spin_is_held(const struct spinlock *lock)
{
	return lock->owner == smp_processor_id() + 1;
}

#endif
