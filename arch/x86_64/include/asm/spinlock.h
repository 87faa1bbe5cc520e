/* SPDX-License-Identifier: MIT */
/*
 * The arch's spinlock: a ticket lock.  A CPU takes the next ticket (an
 * atomic add on `next`) and waits until `owner` shows its number; unlock
 * serves the next ticket.  CPUs get the lock in the order they asked, so
 * none can starve.  Release needs no lock prefix: x86 never moves a store
 * before earlier loads or stores, so the critical section's accesses are
 * done when the new owner sees its ticket.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <asm/processor.h>
#include <kernel/types.h>

struct arch_spinlock {
	union {
		u32 word; /* both halves, for trylock's compare-and-swap */
		struct {
			u16 owner; /* the ticket being served */
			u16 next;  /* the next ticket to hand out */
		};
	};
};

static inline void arch_spin_lock(struct arch_spinlock *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static inline bool arch_spin_trylock(struct arch_spinlock *lock)
{
	struct arch_spinlock old, new;

	old.word = __atomic_load_n(&lock->word, __ATOMIC_RELAXED);
	if (old.owner != old.next)
		return false;
	new = old;
	new.next++;
	return __atomic_compare_exchange_n(&lock->word, &old.word, new.word,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static inline void arch_spin_unlock(struct arch_spinlock *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
}

static inline bool arch_spin_is_locked(const struct arch_spinlock *lock)
{
	struct arch_spinlock v;

	v.word = __atomic_load_n(&lock->word, __ATOMIC_RELAXED);
	return v.owner != v.next;
}

#endif
