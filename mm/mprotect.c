// SPDX-License-Identifier: MIT
/*
 * mprotect, as Linux's mm/mprotect.c: new rights for the VMAs of a range
 * (split at its ends, merged again after) and for the PTEs under them.
 * Rights are taken away at once and granted lazily, by the next fault
 * (do_wp_page), so that a copy-on-write page stays shared (seed 000's
 * rule).  Secondary MMUs hear of each VMA's change (seed 004).
 */
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/sched.h>
#include <mm/memory.h>
#include <mm/mmap_lock.h>
#include <mm/mmu_notifier.h>
#include <mm/pagewalk.h>
#include <mm/vma.h>
#include <mm/tlbflush.h>

/*
 * Give every PTE of vma the VMA's new rights, one PTE table at a time
 * (mm/pagewalk.c skips the spans with no table).  Rights are taken away
 * at once; none is granted here: a PTE that was not writable stays so (its
 * page may be COW-shared, or the zero page), and the next write faults for
 * do_wp_page to decide -- rights are granted lazily.
 */
static int change_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			    struct mm_walk *walk)
{
	pgprot_t prot = vm_get_page_prot(walk->vma->vm_flags);
	unsigned long start = addr;
	bool changed = false;
	struct spinlock *ptl;
	pte_t *pte = pte_offset_map_lock(walk->mm, pmd, addr, &ptl), entry;

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		if (!pte_present(*pte))
			continue;
		entry = pte_modify(*pte, prot); /* the memory type stays */
		if (!pte_write(*pte))
			entry = pte_wrprotect(entry);
		set_pte(pte, entry);
		changed = true;
	}
	/* One shootdown for the table, before mprotect returns. */
	if (changed)
		flush_tlb_range(walk->vma, start, end);
	pte_unmap_unlock(pte, ptl);
	return 0;
}

static const struct mm_walk_ops change_walk_ops = {
	.pmd_entry = change_pte_range,
};

static void change_protection(struct mm_struct *mm, struct vm_area_struct *vma)
{
	i_mmap_lock_vma(vma);
	walk_page_range(mm, vma, vma->vm_start, vma->vm_end, &change_walk_ops,
			NULL);
	i_mmap_unlock_vma(vma);
}

int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot)
{
	unsigned long end, want = prot_to_vm_flags(prot);
	struct mmu_notifier_range range;
	struct vm_area_struct *vma;
	int err;

	if (!IS_ALIGNED(start, PAGE_SIZE) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (len > TASK_SIZE || start > TASK_SIZE - len)
		return -ENOMEM;
	end = ALIGN(start + len, PAGE_SIZE);
	if (start == end)
		return 0;
	if (!range_mapped(mm, start, end))
		return -ENOMEM;
	for_each_vma_range (mm, vma, start, end)
		if (want & ~(vma->vm_flags >> 4)) /* VM_MAYx = VM_x << 4 */
			return -EACCES;
	err = split_at(mm, start, end);
	if (err)
		return err;
	for_each_vma_range (mm, vma, start, end) {
		vma->vm_flags =
			(vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) |
			want;
		mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_VMA, mm,
					vma->vm_start, vma->vm_end);
		mmu_notifier_invalidate_range_start(&range);
		change_protection(mm, vma);
		mmu_notifier_invalidate_range_end(&range);
	}
	/*
	 * Merge from the left.  vma_merge may free the VMA it is given or its
	 * neighbour, so each step looks the address up again instead of
	 * following a pointer that may be gone.
	 */
	for (unsigned long addr = start; addr < end;) {
		vma_merge(mm, find_vma(mm, addr));
		addr = find_vma(mm, addr)->vm_end;
	}
	return 0;
}

long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_write_lock(mm);
	ret = do_mprotect(mm, addr, len, prot);
	mmap_write_unlock(mm);
	return ret;
}
