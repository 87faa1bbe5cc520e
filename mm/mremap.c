// SPDX-License-Identifier: MIT
/*
 * mremap, as Linux's mm/mremap.c: make a mapping smaller (an munmap of its
 * tail), larger in place where the addresses after it are free, or, with
 * MREMAP_MAYMOVE, larger somewhere else; MREMAP_FIXED says where.
 *
 * A move copies no page: it moves the page-table entries (Linux's
 * move_page_tables), so every page keeps its reference, its map count and
 * its PTE's rights.  A copy-on-write page stays write-protected and shared
 * with the other process; a swapped-out page's swap entry moves as it is;
 * a raw frame of a PFN map keeps its place relative to vm_pgoff (seed 000's
 * linear rule).  Secondary MMUs hear of the old range before its PTEs go
 * (seed 004: MMU_NOTIFY_UNMAP), so a mirror drops the old addresses.
 *
 * What Pagoda does not do, with Linux's errors: MREMAP_DONTUNMAP (EINVAL),
 * an old_len of 0, which duplicates a shared mapping on Linux (EINVAL),
 * growing a PFN map or a VM_DONTEXPAND one (EFAULT, as Linux).
 *
 * Locks (chapter 10): mmap_lock for writing throughout; for the move, the
 * file's i_mmap lock (a truncation elsewhere must find each PTE in one of
 * the two VMAs, never in between), then the page-table lock.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/kernel.h>
#include <kernel/sched.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap_lock.h>
#include <mm/mmu_notifier.h>
#include <mm/pagewalk.h>
#include <mm/pgtable.h>
#include <mm/tlbflush.h>
#include <mm/vma.h>

/*
 * One PTE table of the old range: each entry goes to the same offset of
 * the new range (walk->private: the distance, modulo 2^BITS_PER_LONG).
 * The new tables exist already, so nothing here allocates or fails.
 */
static int move_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	unsigned long delta = *(unsigned long *)walk->private, start = addr;
	struct spinlock *ptl;
	pte_t *src = pte_offset_map_lock(walk->mm, pmd, addr, &ptl);
	bool moved = false;

	for (; addr != end; addr += PAGE_SIZE, src++) {
		if (pte_none(*src))
			continue;
		set_pte(follow_pte(walk->mm, addr + delta), *src);
		pte_clear(walk->mm, addr, src);
		moved = true;
	}
	/* No CPU may go on using an old address once mremap returns. */
	if (moved)
		flush_tlb_range(walk->vma, start, end);
	pte_unmap_unlock(src, ptl);
	return 0;
}

static const struct mm_walk_ops move_walk_ops = {
	.pmd_entry = move_pte_range,
};

/* Make every PTE table of [addr, end); the move then cannot fail. */
static int alloc_pte_tables(struct mm_struct *mm, unsigned long addr,
			    unsigned long end)
{
	for (; addr < end; addr = pmd_addr_end(addr, end))
		if (!walk_to_pte(mm, addr))
			return -ENOMEM;
	return 0;
}

/*
 * Move the PTEs of vma's [old_addr, old_addr + len) to new_addr, which a
 * VMA of the same kind already covers (Linux's move_page_tables).
 */
static int move_page_tables(struct mm_struct *mm, struct vm_area_struct *vma,
			    unsigned long old_addr, unsigned long new_addr,
			    unsigned long len)
{
	unsigned long delta = new_addr - old_addr;
	struct mmu_notifier_range range;
	int err = alloc_pte_tables(mm, new_addr, new_addr + len);

	if (err)
		return err;
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, mm, old_addr,
				old_addr + len);
	mmu_notifier_invalidate_range_start(&range);
	i_mmap_lock_vma(vma);
	walk_page_range(mm, vma, old_addr, old_addr + len, &move_walk_ops,
			&delta);
	i_mmap_unlock_vma(vma);
	mmu_notifier_invalidate_range_end(&range);
	return 0;
}

/*
 * Pages for the part a mapping grew by, where nothing else would bring
 * them: shared anonymous memory (see do_mmap) and locked memory.
 */
static int fill_grown(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end)
{
	if (start == end)
		return 0;
	if (!vma->vm_file && (vma->vm_flags & VM_SHARED) &&
	    populate_shared(mm, start, end))
		return -ENOMEM;
	if (vma->vm_flags & VM_LOCKED)
		mm_populate(mm, start, end);
	return 0;
}

/* A VMA for [addr, addr + len) like vma: its flags, file, offset, ops. */
static struct vm_area_struct *copy_vma(struct mm_struct *mm,
				       struct vm_area_struct *vma,
				       unsigned long addr, unsigned long len)
{
	struct vm_area_struct *new;

	/* The old VMA goes soon: count only what the move adds. */
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	new = insert_vma(mm, addr, addr + len, vma->vm_flags);
	mm->total_vm += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	if (IS_ERR(new))
		return new;
	new->vm_pgoff = vma->vm_pgoff;
	new->vm_ops = vma->vm_ops;
	if (vma->vm_file) {
		new->vm_file = get_file(vma->vm_file);
		vma_link_file(new);
	}
	return new;
}

/*
 * Move [old_addr, old_addr + old_len), which vma covers, to new_addr as a
 * mapping of new_len bytes (Linux's move_vma).  new_addr's range is free.
 */
static long move_vma(struct mm_struct *mm, unsigned long old_addr,
		     unsigned long old_len, unsigned long new_addr,
		     unsigned long new_len)
{
	struct vm_area_struct *vma, *new;
	int err;

	/* Two splits and a new VMA, at most: all of them or none. */
	if (mm->map_count + 3 > sysctl_max_map_count)
		return -ENOMEM;
	err = split_at(mm, old_addr, old_addr + old_len);
	if (err)
		return err;
	vma = find_vma(mm, old_addr);
	new = copy_vma(mm, vma, new_addr, new_len);
	if (IS_ERR(new))
		return PTR_ERR(new);
	/* The part it grows by first: a failure leaves the old mapping. */
	err = fill_grown(mm, new, new_addr + old_len, new_addr + new_len);
	if (!err)
		err = move_page_tables(mm, vma, old_addr, new_addr, old_len);
	if (err) {
		do_munmap(mm, new_addr, new_len);
		return err;
	}
	do_munmap(mm, old_addr, old_len); /* a whole VMA: cannot fail */
	vma_merge(mm, new);
	return new_addr;
}

/* The VMA that holds all of [addr, addr + len), or NULL (EFAULT). */
static struct vm_area_struct *
vma_to_resize(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && len <= vma->vm_end - addr ? vma : NULL;
}

static bool may_grow(struct vm_area_struct *vma)
{
	return !(vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP));
}

/* MREMAP_FIXED: the mapping moves to new_addr, whatever was there goes. */
static long mremap_to(struct mm_struct *mm, unsigned long addr,
		      unsigned long old_len, unsigned long new_addr,
		      unsigned long new_len)
{
	struct vm_area_struct *vma;
	int err;

	if (!IS_ALIGNED(new_addr, PAGE_SIZE) || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (new_addr < addr + old_len && addr < new_addr + new_len)
		return -EINVAL; /* the two ranges overlap */
	if (new_addr < MMAP_MIN_ADDR)
		return -EPERM;
	vma = vma_to_resize(mm, addr, old_len);
	if (!vma)
		return -EFAULT;
	if (new_len > old_len && !may_grow(vma))
		return -EFAULT;
	err = do_munmap(mm, new_addr, new_len);
	if (!err && new_len < old_len)
		err = do_munmap(mm, addr + new_len, old_len - new_len);
	if (err)
		return err;
	return move_vma(mm, addr, min(old_len, new_len), new_addr, new_len);
}

long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
	       unsigned long new_len, unsigned long flags,
	       unsigned long new_addr)
{
	struct vm_area_struct *vma;
	long ret;
	int err;

	/* A length that rounds up to 0 is EINVAL too, as Linux. */
	old_len = ALIGN(old_len, PAGE_SIZE);
	new_len = ALIGN(new_len, PAGE_SIZE);
	if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) ||
	    ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE)) ||
	    !IS_ALIGNED(addr, PAGE_SIZE) || !old_len || !new_len)
		return -EINVAL;
	if (old_len > TASK_SIZE || addr > TASK_SIZE - old_len)
		return -EFAULT; /* no VMA holds that */
	if (new_len > TASK_SIZE)
		return -ENOMEM;
	if (flags & MREMAP_FIXED)
		return mremap_to(mm, addr, old_len, new_addr, new_len);
	vma = vma_to_resize(mm, addr, old_len);
	if (!vma)
		return -EFAULT;
	if (new_len <= old_len) {
		err = new_len < old_len
			      ? do_munmap(mm, addr + new_len, old_len - new_len)
			      : 0;
		return err ? err : (long)addr;
	}
	if (!may_grow(vma))
		return -EFAULT;
	/* In place, if the mapping ends the VMA and free space follows. */
	if (addr + old_len == vma->vm_end && new_len <= TASK_SIZE - addr &&
	    range_free(mm, vma->vm_end, addr + new_len)) {
		err = vma_expand(mm, vma, addr + new_len);
		if (err)
			return err;
		if (fill_grown(mm, vma, addr + old_len, addr + new_len)) {
			do_munmap(mm, addr + old_len, new_len - old_len);
			return -ENOMEM;
		}
		vma_merge(mm, vma);
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	ret = get_unmapped_area(mm, new_len);
	if (IS_ERR_VALUE(ret))
		return ret;
	return move_vma(mm, addr, old_len, ret, new_len);
}

long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_write_lock(mm);
	ret = do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	mmap_write_unlock(mm);
	return ret;
}
