// SPDX-License-Identifier: MIT
/*
 * MMU notifiers (see mm/mmu_notifier.h), after seed 004: the primary MMU's
 * code (mm/memory.c, mm/mmap.c, mm/mprotect.c, mm/madvise.c) calls the
 * hooks around every change that removes or write-protects a user PTE;
 * each registered secondary MMU hears of it before the change, and so may
 * map pages without holding them.
 *
 * Ordering, the promise a listener relies on:
 *	invalidate_range_start(range)	the old PTEs are still there
 *	    ... PTEs cleared or write-protected, TLB flushed, pages freed ...
 *	invalidate_range_end(range)
 * A listener must not map anything of the range from start to end: it
 * drops its entries in start, and its next device fault asks the page
 * tables again (which a sequence count in the listener checks).
 *
 * Locking: the kernel lock keeps other CPUs out; on this one, a walker
 * may be preempted (a fault runs with interrupts on, chapter 10, section
 * 10.6) or sleep inside a callback, and another task may then walk,
 * register or unregister.  So each change of the list and of the counts is
 * made whole with interrupts off, and a walk is counted (struct
 * mmu_notifier_mm): unregister waits for the walkers to be gone.
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <mm/mmap_lock.h>
#include <mm/mmu_notifier.h>
#include <mm/slab.h>

static struct mmu_notifier_mm *walk_begin(struct mm_struct *mm)
{
	struct mmu_notifier_mm *nm = mm->mmu_notifier_mm;
	unsigned long flags = arch_local_irq_save();

	nm->walkers++;
	arch_local_irq_restore(flags);
	return nm;
}

/* The last walker out wakes an unregister waiting for it, if one is. */
static void walk_end(struct mmu_notifier_mm *nm)
{
	unsigned long flags = arch_local_irq_save();

	if (--nm->walkers == 0 && waitqueue_active(&nm->walkers_done))
		wake_up(&nm->walkers_done);
	arch_local_irq_restore(flags);
}

/*
 * Callers hold the list steady by walk_begin; an entry unhooked meanwhile
 * keeps its next pointer (unhook, below), so the walk can go on past it.
 */
#define for_each_notifier(mn, nm) list_for_each_entry (mn, &(nm)->list, list)

static void unhook(struct mmu_notifier_mm *nm, struct mmu_notifier *mn)
{
	unsigned long flags = arch_local_irq_save();

	mn->list.prev->next = mn->list.next;
	mn->list.next->prev = mn->list.prev;
	mn->list.prev = NULL; /* "not on the list"; next stays for walkers */
	if (mn->ops->invalidate_range_end)
		nm->range_ends--;
	arch_local_irq_restore(flags);
}

static void hook(struct mmu_notifier_mm *nm, struct mmu_notifier *mn)
{
	unsigned long flags = arch_local_irq_save();

	list_add_tail(&mn->list, &nm->list);
	if (mn->ops->invalidate_range_end)
		nm->range_ends++;
	arch_local_irq_restore(flags);
}

static bool hooked(struct mmu_notifier *mn)
{
	return mn->list.prev != NULL;
}

/*
 * Under mmap_lock for writing, as in Linux: two threads registering at
 * once must not both find no list and both make one (the allocation may
 * sleep or be preempted between the test and the store).
 */
int mmu_notifier_register(struct mmu_notifier *mn, struct mm_struct *mm)
{
	mmap_write_lock(mm);
	if (!mm->mmu_notifier_mm) {
		struct mmu_notifier_mm *nm = kzalloc(sizeof(*nm));

		if (!nm) {
			mmap_write_unlock(mm);
			return -ENOMEM;
		}
		INIT_LIST_HEAD(&nm->list);
		init_wait_queue(&nm->walkers_done);
		mm->mmu_notifier_mm = nm;
	}
	mmgrab(mm);
	mn->mm = mm;
	hook(mm->mmu_notifier_mm, mn);
	mmap_write_unlock(mm);
	return 0;
}

/*
 * As in the seed, a listener still hooked is released first: whatever DMA
 * it has going into the mm's pages stops before unregister returns.
 */
void mmu_notifier_unregister(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct mmu_notifier_mm *nm = mm->mmu_notifier_mm;

	if (hooked(mn)) {
		unhook(nm, mn);
		if (mn->ops->release)
			mn->ops->release(mn, mm);
	}
	wait_event_uninterruptible(&nm->walkers_done, nm->walkers == 0);
	mn->mm = NULL;
	mmdrop(mm);
}

void mmu_notifier_mm_destroy(struct mm_struct *mm)
{
	kfree(mm->mmu_notifier_mm);
	mm->mmu_notifier_mm = NULL;
}

/*
 * Each listener is unhooked before its ->release, so it hears nothing more
 * of this mm -- not the unmapping of every VMA that exit does next.
 */
void __mmu_notifier_release(struct mm_struct *mm)
{
	struct mmu_notifier_mm *nm = walk_begin(mm);

	while (!list_empty(&nm->list)) {
		struct mmu_notifier *mn =
			list_first_entry(&nm->list, struct mmu_notifier, list);

		unhook(nm, mn);
		if (mn->ops->release)
			mn->ops->release(mn, mm);
	}
	walk_end(nm);
}

void __mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)
{
	struct mmu_notifier_mm *nm = walk_begin(range->mm);
	struct mmu_notifier *mn;

	for_each_notifier(mn, nm) if (mn->ops->invalidate_range_start)
		mn->ops->invalidate_range_start(mn, range);
	walk_end(nm);
}

void __mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range)
{
	struct mmu_notifier_mm *nm = walk_begin(range->mm);
	struct mmu_notifier *mn;

	for_each_notifier(mn, nm) if (mn->ops->invalidate_range_end)
		mn->ops->invalidate_range_end(mn, range);
	walk_end(nm);
}

/* Every listener is asked (each must forget), not only up to the first yes. */
bool __mmu_notifier_clear_flush_young(struct mm_struct *mm, unsigned long start,
				      unsigned long end)
{
	struct mmu_notifier_mm *nm = walk_begin(mm);
	struct mmu_notifier *mn;
	bool young = false;

	for_each_notifier(mn, nm) if (mn->ops->clear_flush_young) young |=
		mn->ops->clear_flush_young(mn, mm, start, end);
	walk_end(nm);
	return young;
}

bool __mmu_notifier_test_young(struct mm_struct *mm, unsigned long addr)
{
	struct mmu_notifier_mm *nm = walk_begin(mm);
	struct mmu_notifier *mn;
	bool young = false;

	for_each_notifier(mn, nm) if (mn->ops->test_young &&
				      mn->ops->test_young(mn, mm, addr))
	{
		young = true;
		break;
	}
	walk_end(nm);
	return young;
}
