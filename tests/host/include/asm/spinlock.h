/* SPDX-License-Identifier: MIT */
/* Host stand-in: one thread, so the lock is a flag that catches misuse. */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <assert.h>
#include <stdbool.h>

struct arch_spinlock {
	bool locked;
};

static inline void arch_spin_lock(struct arch_spinlock *lock)
{
	assert(!lock->locked);
	lock->locked = true;
}

static inline void arch_spin_unlock(struct arch_spinlock *lock)
{
	lock->locked = false;
}

#endif
