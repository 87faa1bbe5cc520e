/* SPDX-License-Identifier: MIT */
/*
 * mm->mmap_lock, with Linux's wrappers (include/linux/mmap_lock.h): a
 * reader-writer semaphore (kernel/rwsem.h) per address space.
 *
 *   read   page faults (the arch's fault entry, through handle_user_fault),
 *          the walks that look at VMAs and PTEs without changing the VMAs:
 *          reclaim (trylock: it skips an mm it cannot have at once, as
 *          Linux's swap_out did), swapoff, a device mirroring the mm,
 *          /proc/PID/maps and pmap, a signal's look at the faulting VMA
 *          (segv_code, describe_user_fault), a shared futex's key
 *          (get_futex_key);
 *   write  every change of the VMAs, or of PTEs over a range: mmap, munmap,
 *          mprotect, madvise, brk, mlock and its kin, fork (the parent:
 *          its PTEs become write-protected), exec and exit (the mm that
 *          goes, once nobody else can use it but reclaim and /proc),
 *          mmu_notifier_register (the mm's first listener makes its list).
 *
 * A fault holds it for reading across a sleep (swap-in waits for the
 * disk): a sibling thread's munmap then waits, and the page table the
 * fault holds a pointer into cannot be freed under it.  Chapter 10 gives
 * the lock order; kernel/lockdep.h writes it down and checks it.
 */
#ifndef _MM_MMAP_LOCK_H
#define _MM_MMAP_LOCK_H

#include <kernel/lockdep.h>
#include <kernel/rwsem.h>
#include <kernel/sched.h>
#include <mm/mmap.h>

static inline void mmap_read_lock(struct mm_struct *mm)
{
	lockdep_acquire(LOCK_MMAP, false);
	down_read(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	if (!down_read_trylock(&mm->mmap_lock))
		return false;
	lockdep_acquire(LOCK_MMAP, true);
	return true;
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
	lockdep_release(LOCK_MMAP);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	lockdep_acquire(LOCK_MMAP, false);
	down_write(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
	lockdep_release(LOCK_MMAP);
}

#endif
