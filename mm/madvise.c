// SPDX-License-Identifier: MIT
/*
 * madvise, as Linux's mm/madvise.c, with the two pieces of advice Pagoda
 * takes: MADV_DONTNEED, which drops a range's pages (the next touch brings
 * zeroes, or the file's data, back).  Secondary MMUs hear of it first
 * (seed 004); a PFN map (seed 000) is refused, having no ->fault to bring
 * its frames back.  And MADV_PAGEOUT: reclaim the range's anonymous pages
 * now, accessed or not (mm/vmscan.c), as kswapd would under pressure;
 * refused (EINVAL) where reclaim may not go for a reason of the caller's
 * making: VM_LOCKED, VM_PFNMAP (as Linux).
 */
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/sched.h>
#include <mm/memory.h>
#include <mm/mmap_lock.h>
#include <mm/mmu_notifier.h>
#include <mm/vma.h>
#include <mm/vmscan.h>

/*
 * MADV_PAGEOUT, batch by batch.  The caller's own address space, its
 * mmap_lock held for writing: nothing else changes it meanwhile (reclaim
 * skips it, mm/kswapd.c).
 */
static int madvise_pageout(struct mm_struct *mm, unsigned long start,
			   unsigned long end)
{
	struct vm_area_struct *vma;
	struct scan_control sc;

	for_each_vma_range (mm, vma, start, end)
		if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP))
			return -EINVAL;
	while (start < end) {
		sc = (struct scan_control){ .nr_to_reclaim = ~0UL,
					    .force = true };
		start = shrink_mm_range(mm, start, end, &sc);
	}
	return 0;
}

/* MADV_DONTNEED: drop the pages; the next touch finds zeroes. */
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len,
	       int advice)
{
	unsigned long end;
	struct vm_area_struct *vma;

	if (!IS_ALIGNED(start, PAGE_SIZE) ||
	    (advice != MADV_DONTNEED && advice != MADV_PAGEOUT))
		return -EINVAL;
	/* Linux: a range that wraps is EINVAL, an empty one 0 wherever it is. */
	if (__builtin_add_overflow(start, len, &end) ||
	    end > ALIGN_DOWN(~0UL, PAGE_SIZE))
		return -EINVAL;
	end = ALIGN(end, PAGE_SIZE);
	if (end == start)
		return 0;
	if (end > TASK_SIZE || !range_mapped(mm, start, end))
		return -ENOMEM;
	if (advice == MADV_PAGEOUT)
		return madvise_pageout(mm, start, end);
	/* A PFN map has no ->fault to bring its frames back (as Linux). */
	for_each_vma_range (mm, vma, start, end)
		if (vma->vm_flags & VM_PFNMAP)
			return -EINVAL;
	/*
	 * Shared anonymous memory has no file behind its pages: they *are* the
	 * memory, and dropping them would lose it.  Linux keeps such pages in
	 * shmem; here they stay mapped.
	 */
	for_each_vma_range (mm, vma, start, end) {
		struct mmu_notifier_range range;

		if (!vma->vm_file && (vma->vm_flags & VM_SHARED))
			continue;
		mmu_notifier_range_init(&range, MMU_NOTIFY_MADVISE, mm,
					max(start, vma->vm_start),
					min(end, vma->vm_end));
		mmu_notifier_invalidate_range_start(&range);
		i_mmap_lock_vma(vma);
		zap_page_range(mm, vma, range.start, range.end);
		i_mmap_unlock_vma(vma);
		mmu_notifier_invalidate_range_end(&range);
	}
	return 0;
}

long sys_madvise(unsigned long addr, unsigned long len, int advice)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_write_lock(mm);
	ret = do_madvise(mm, addr, len, advice);
	mmap_write_unlock(mm);
	return ret;
}
