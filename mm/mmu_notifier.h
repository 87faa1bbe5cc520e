/* SPDX-License-Identifier: MIT */
/*
 * MMU notifiers (seed 004, Andrea Arcangeli's "mmu-notifiers: core", 2008):
 * how a secondary MMU -- a device with its own page table of a process's
 * addresses, KVM's shadow tables, an RDMA card -- hears about a change to
 * the primary page table *before* it takes effect, so that it can drop its
 * own translations and never needs to pin the pages it maps.
 *
 *	mmu_notifier_register(&dev->mn, mm);	 the device follows mm
 *	  ->invalidate_range_start(range)  PTEs of [start, end) are about to be
 *	                                   removed or write-protected: drop
 *	                                   your entries, finish DMA on them
 *	  ->invalidate_range_end(range)	   the change is done
 *	  ->release(mm)			   the address space is going away
 *	                                   (exit, execve): drop everything
 *	  ->clear_flush_young / test_young reclaim asks whether the device
 *	                                   used the pages lately
 *	mmu_notifier_unregister(&dev->mn, mm);
 *
 * Registration takes a reference on the mm_struct (mmgrab), not on its
 * address space: the process may exit while the device is still open; it
 * is then told by ->release, and unregister stays safe afterwards.
 *
 * Cost when nobody listens: each hook below is an inline test of one
 * pointer, mm->mmu_notifier_mm, which stays NULL until the first register.
 * When someone does, a COW break (do_wp_page) pays for one walk of the
 * listeners in invalidate_range_start, and for a second in
 * invalidate_range_end only if a listener has that callback.
 */
#ifndef _MM_MMU_NOTIFIER_H
#define _MM_MMU_NOTIFIER_H

#include <kernel/list.h>
#include <kernel/wait.h>
#include <mm/mmap.h>

/*
 * Why PTEs change: a secondary MMU may treat reasons differently (a
 * protection change need not lose the data, an unmap does).  Linux's
 * names where it has them; Linux folds the COW break and madvise into
 * MMU_NOTIFY_CLEAR and calls the fork write-protect PROTECTION_PAGE.
 */
enum mmu_notifier_event {
	MMU_NOTIFY_UNMAP,	   /* munmap, mmap over a mapping, brk */
	MMU_NOTIFY_PROTECTION_VMA, /* mprotect */
	MMU_NOTIFY_COW_BREAK,	   /* do_wp_page replaces a page by a copy */
	MMU_NOTIFY_MADVISE,	   /* MADV_DONTNEED drops the pages */
	MMU_NOTIFY_FORK_WRPROTECT, /* fork write-protects the parent */
	MMU_NOTIFY_RECLAIM, /* the page cache is truncated, or a page swapped
			     * out (mm/vmscan.c) */
};

struct mmu_notifier_range {
	struct mm_struct *mm;
	unsigned long start, end; /* page-aligned user addresses, end after */
	enum mmu_notifier_event event;
};

struct mmu_notifier;

/*
 * A secondary MMU's callbacks; any may be NULL.  invalidate_range_start may
 * sleep (to wait for DMA in flight); the primary change waits for it.
 */
struct mmu_notifier_ops {
	void (*release)(struct mmu_notifier *mn, struct mm_struct *mm);
	void (*invalidate_range_start)(struct mmu_notifier *mn,
				       const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range);
	/* Was any page of [start, end) used since the last ask?  Forget it. */
	bool (*clear_flush_young)(struct mmu_notifier *mn, struct mm_struct *mm,
				  unsigned long start, unsigned long end);
	/* Was the page at addr used since the last clear?  (Keeps the bit.) */
	bool (*test_young)(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long addr);
};

struct mmu_notifier {
	struct list_head list; /* on mm->mmu_notifier_mm->list until release */
	const struct mmu_notifier_ops *ops;
	struct mm_struct *mm; /* a reference (mmgrab) while registered */
};

/*
 * The listeners of one mm.  Callbacks may sleep, so walkers are counted:
 * unregister unhooks a notifier at once but returns only when no walk can
 * still be inside it (Linux uses SRCU for the same promise).
 */
struct mmu_notifier_mm {
	struct list_head list;
	int walkers;
	struct wait_queue walkers_done;
	int range_ends; /* listeners on the list with ->invalidate_range_end */
};

static inline bool mm_has_notifiers(struct mm_struct *mm)
{
	return mm->mmu_notifier_mm != NULL;
}

/* 0, or -ENOMEM; mm must have users (a live address space). */
int mmu_notifier_register(struct mmu_notifier *mn, struct mm_struct *mm);
/* Safe before or after the mm's ->release; drops the mm reference. */
void mmu_notifier_unregister(struct mmu_notifier *mn, struct mm_struct *mm);
/* mmdrop: free the listener list with the mm_struct. */
void mmu_notifier_mm_destroy(struct mm_struct *mm);

void __mmu_notifier_release(struct mm_struct *mm);
void __mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range);
void __mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range);
bool __mmu_notifier_clear_flush_young(struct mm_struct *mm, unsigned long start,
				      unsigned long end);
bool __mmu_notifier_test_young(struct mm_struct *mm, unsigned long addr);

static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   enum mmu_notifier_event event,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	*range = (struct mmu_notifier_range){
		.mm = mm, .start = start, .end = end, .event = event
	};
}

/* exit_mmap, before the page tables go: every listener lets go of mm. */
static inline void mmu_notifier_release(struct mm_struct *mm)
{
	if (mm_has_notifiers(mm))
		__mmu_notifier_release(mm);
}

static inline void
mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm))
		__mmu_notifier_invalidate_range_start(range);
}

/*
 * Many listeners need only the start (the mirror device drops its entries
 * there): with none that has an end, the end costs one more test.
 */
static inline void
mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm) &&
	    range->mm->mmu_notifier_mm->range_ends)
		__mmu_notifier_invalidate_range_end(range);
}

static inline bool mmu_notifier_clear_flush_young(struct mm_struct *mm,
						  unsigned long start,
						  unsigned long end)
{
	return mm_has_notifiers(mm) &&
	       __mmu_notifier_clear_flush_young(mm, start, end);
}

static inline bool mmu_notifier_test_young(struct mm_struct *mm,
					   unsigned long addr)
{
	return mm_has_notifiers(mm) && __mmu_notifier_test_young(mm, addr);
}

#endif
