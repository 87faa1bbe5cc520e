// SPDX-License-Identifier: MIT
/*
 * Address spaces and their VMAs (see mm/mmap.h).  A VMA only says what may
 * be mapped where, with which rights; pages arrive when they are touched
 * (mm/memory.c, handle_mm_fault).
 *
 * Invariants: mm->mmap is sorted by address and VMAs do not overlap; every
 * present PTE lies inside a VMA; mm->rss counts the PTEs that map a normal
 * (counted) page.  Page tables are freed only with the whole mm (pgd_free).
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/slab.h>

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	return mm;
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry (vma, &mm->mmap, vm_list)
		if (addr < vma->vm_end)
			return addr >= vma->vm_start ? vma : NULL;
	return NULL;
}

struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	pte_t *pte = pte_offset(mm->pgd, addr);

	if (!vma || !pte || pte_none(*pte))
		return NULL;
	return vm_normal_page(vma, addr, *pte);
}

/*
 * Pages come only when touched, so an address space could promise more
 * than the machine has.  As Linux's heuristic overcommit does, refuse to
 * let one grow larger than all of RAM: it could never be backed.
 */
static bool may_expand_vm(struct mm_struct *mm, unsigned long bytes)
{
	return mm->total_vm + (bytes >> PAGE_SHIFT) <= nr_managed_pages();
}

/*
 * A new VMA [start, end), linked in order; ERR_PTR(-EINVAL) on overlap,
 * ERR_PTR(-ENOMEM) if it would make the address space too large.
 */
static struct vm_area_struct *insert_vma(struct mm_struct *mm,
					 unsigned long start, unsigned long end,
					 unsigned long vm_flags)
{
	struct vm_area_struct *vma, *next;
	struct list_head *pos = &mm->mmap;

	if (!may_expand_vm(mm, end - start))
		return ERR_PTR(-ENOMEM);
	list_for_each_entry (next, &mm->mmap, vm_list) {
		if (next->vm_start >= end)
			break;
		if (next->vm_end > start)
			return ERR_PTR(-EINVAL); /* overlap */
		pos = &next->vm_list;
	}
	vma = kzalloc(sizeof(*vma));
	if (!vma)
		return ERR_PTR(-ENOMEM);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	list_add(&vma->vm_list, pos);
	mm->total_vm += (end - start) >> PAGE_SHIFT;
	return vma;
}

static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	zap_page_range(mm, vma, vma->vm_start, vma->vm_end);
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	list_del(&vma->vm_list);
	kfree(vma);
}

/* The rights mprotect may grant later follow the rights given now. */
static unsigned long may_flags(unsigned long vm_flags)
{
	return vm_flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
}

int map_anon(struct mm_struct *mm, unsigned long start, unsigned long end,
	     unsigned long vm_flags)
{
	struct vm_area_struct *vma;

	if (!IS_ALIGNED(start | end, PAGE_SIZE) || start >= end ||
	    end > TASK_SIZE)
		return -EINVAL;
	vma = insert_vma(mm, start, end, may_flags(vm_flags));
	return IS_ERR(vma) ? PTR_ERR(vma) : 0;
}

/* Is [start, end) free of VMAs other than skip? */
static bool range_free(struct mm_struct *mm, unsigned long start,
		       unsigned long end, struct vm_area_struct *skip)
{
	struct vm_area_struct *vma;

	list_for_each_entry (vma, &mm->mmap, vm_list)
		if (vma != skip && vma->vm_start < end && vma->vm_end > start)
			return false;
	return true;
}

/*
 * The heap is one VMA, [start_brk, PAGE_ALIGN(brk)), absent while empty;
 * start_brk is page-aligned (exec puts it after the program's last page).
 * Growing it only moves the VMA's end: the pages come at first touch.
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long new_brk)
{
	unsigned long old_end = ALIGN(mm->brk, PAGE_SIZE);
	unsigned long new_end = ALIGN(new_brk, PAGE_SIZE);
	struct vm_area_struct *heap =
		old_end > mm->start_brk ? find_vma(mm, mm->start_brk) : NULL;

	if (new_brk < mm->start_brk || new_brk > mm->stack_start)
		return mm->brk;
	if (new_end > old_end) {
		if (!range_free(mm, old_end, new_end, heap))
			return mm->brk;
		if (!heap && map_anon(mm, old_end, new_end, VM_READ | VM_WRITE))
			return mm->brk;
		if (heap && !may_expand_vm(mm, new_end - old_end))
			return mm->brk;
		if (heap) {
			heap->vm_end = new_end;
			mm->total_vm += (new_end - old_end) >> PAGE_SHIFT;
		}
	} else if (new_end < old_end) {
		zap_page_range(mm, heap, new_end, old_end);
		heap->vm_end = new_end;
		mm->total_vm -= (old_end - new_end) >> PAGE_SHIFT;
		if (new_end == heap->vm_start) {
			list_del(&heap->vm_list);
			kfree(heap);
		}
	}
	mm->brk = new_brk;
	return new_brk;
}

/*
 * fork: the child gets the same VMAs and shares every page; private
 * writable pages become copy-on-write in both (copy_page_range).
 */
struct mm_struct *dup_mm(struct mm_struct *old_mm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm)
		return NULL;
	mm->start_brk = old_mm->start_brk;
	mm->brk = old_mm->brk;
	mm->stack_start = old_mm->stack_start;
	list_for_each_entry (vma, &old_mm->mmap, vm_list) {
		struct vm_area_struct *new;

		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		new = insert_vma(mm, vma->vm_start, vma->vm_end, vma->vm_flags);
		if (IS_ERR(new) || copy_page_range(mm, old_mm, vma)) {
			mmput(mm);
			return NULL;
		}
		new->vm_pgoff = vma->vm_pgoff;
	}
	return mm;
}

void mmput(struct mm_struct *mm)
{
	while (!list_empty(&mm->mmap))
		remove_vma(mm,
			   list_first_entry(&mm->mmap, struct vm_area_struct,
					    vm_list));
	pgd_free(mm->pgd);
	kfree(mm);
}
