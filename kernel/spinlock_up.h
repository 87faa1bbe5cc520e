/* SPDX-License-Identifier: MIT */
/*
 * The arch's spinlock (<asm/spinlock.h>) for a port that runs on one CPU
 * (s390 and ARM today): with interrupts off nobody else can want the lock,
 * so it is a flag, and finding it taken is a bug (a deadlock on any number
 * of CPUs).  Several CPUs need an atomic instruction here, as x86_64's
 * ticket lock has.
 */
#ifndef _KERNEL_SPINLOCK_UP_H
#define _KERNEL_SPINLOCK_UP_H

#include <kernel/panic.h>

struct arch_spinlock {
	bool taken;
};

static inline bool arch_spin_trylock(struct arch_spinlock *lock)
{
	if (lock->taken)
		return false;
	lock->taken = true;
	return true;
}

static inline void arch_spin_lock(struct arch_spinlock *lock)
{
	BUG_ON(!arch_spin_trylock(lock));
}

static inline void arch_spin_unlock(struct arch_spinlock *lock)
{
	lock->taken = false;
}

static inline bool arch_spin_is_locked(const struct arch_spinlock *lock)
{
	return lock->taken;
}

#endif
