/* SPDX-License-Identifier: MIT */
/*
 * The lock order of the VM, written once, and a small checker of it
 * (Linux's lockdep, reduced to levels): chapter 10, section 10.2 tells
 * the whole order and why.  A task may take a lock only at a level above
 * every lock it holds:
 *
 *   (the kernel lock)   the CPU's, held whenever kernel code runs; a task
 *                       that sleeps lets it go with the CPU (kernel/smp.h)
 *   LOCK_MMAP           mm->mmap_lock, a rwsem (mm/mmap_lock.h); may sleep
 *   LOCK_I_MMAP         a file's i_mmap_lock_write (mm/filemap.c); may sleep
 *   LOCK_PAGE_TABLE     mm->page_table_lock (pte_offset_map_lock,
 *                       mm/pgtable.h); interrupts off, never sleeps
 *   (interrupts off, then a spinlock of kernel/spinlock.h: not tracked)
 *
 * Each task counts the locks it holds at each level, a nibble per level
 * in one word, level n at bits 4n to 4n+3.  So "nothing held at this
 * level or above" is one shift and a test, and the check is a few
 * instructions inline on every lock, cheap enough to stay on in every
 * build.  Taking a lock checks it (a trylock cannot deadlock and is not
 * checked, only counted); a lock at or below a level held is an
 * inversion, or a recursion, and panics on the spot, naming both, rather
 * than deadlocking some day on two CPUs.  lock_order_ok() is the verdict
 * alone, for tests.  Locks may be dropped in any order.
 */
#ifndef _KERNEL_LOCKDEP_H
#define _KERNEL_LOCKDEP_H

#include <kernel/panic.h>
#include <kernel/types.h>

enum lock_level {
	LOCK_MMAP = 1,
	LOCK_I_MMAP,
	LOCK_PAGE_TABLE,
};

#define LOCKDEP_LEVEL_BITS 4 /* a nibble: up to 15 holds of one level */
#define LOCKDEP_LEVEL_MAX ((1U << LOCKDEP_LEVEL_BITS) - 1)

struct held_locks {
	unsigned int counts; /* a nibble per level */
};

/* How many locks of this level h holds. */
static inline unsigned int lockdep_held(const struct held_locks *h,
					enum lock_level level)
{
	return (h->counts >> (LOCKDEP_LEVEL_BITS * level)) & LOCKDEP_LEVEL_MAX;
}

/* May a task holding h take a lock of this level? */
static inline bool lock_order_ok(const struct held_locks *h,
				 enum lock_level level)
{
	return (h->counts >> (LOCKDEP_LEVEL_BITS * level)) == 0;
}

/* kernel/lockdep.c: the panic, naming the locks. */
void __noreturn lockdep_order_violation(const struct held_locks *h,
					enum lock_level level);

static inline void lockdep_acquire_held(struct held_locks *h,
					enum lock_level level, bool trylock)
{
	if (trylock)
		BUG_ON(lockdep_held(h, level) == LOCKDEP_LEVEL_MAX);
	else if (!lock_order_ok(h, level))
		lockdep_order_violation(h, level);
	h->counts += 1U << (LOCKDEP_LEVEL_BITS * level);
}

static inline void lockdep_release_held(struct held_locks *h,
					enum lock_level level)
{
	BUG_ON(lockdep_held(h, level) == 0); /* released a lock not held */
	h->counts -= 1U << (LOCKDEP_LEVEL_BITS * level);
}

/*
 * The current task takes (after a successful trylock: took) or drops one.
 * Macros: current's task_struct is defined by kernel/sched.h, which
 * includes this file, so the caller includes kernel/sched.h.
 */
#define lockdep_acquire(level, trylock)                                        \
	lockdep_acquire_held(&current->held_locks, level, trylock)
#define lockdep_release(level) lockdep_release_held(&current->held_locks, level)

#endif
