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
 * Each task keeps a stack of the levels it holds.  Taking a lock checks
 * it (a trylock cannot deadlock and is not checked, only noted); a lock
 * at or below a level held is an inversion, or a recursion, and panics
 * on the spot, naming both, rather than deadlocking some day on two CPUs.
 * lock_order_ok() is the verdict alone, for tests.
 */
#ifndef _KERNEL_LOCKDEP_H
#define _KERNEL_LOCKDEP_H

#include <kernel/types.h>

enum lock_level {
	LOCK_MMAP = 1,
	LOCK_I_MMAP,
	LOCK_PAGE_TABLE,
};

#define LOCKDEP_DEPTH 8 /* locks one task may hold at once */

struct held_locks {
	unsigned char level[LOCKDEP_DEPTH]; /* in the order taken */
	unsigned int depth;
};

/* May a task holding h take a lock of this level? */
bool lock_order_ok(const struct held_locks *h, enum lock_level level);

/* The current task takes (after a successful trylock: took) or drops one. */
void lockdep_acquire(enum lock_level level, bool trylock);
void lockdep_release(enum lock_level level);

#endif
