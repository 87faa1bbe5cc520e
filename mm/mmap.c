// SPDX-License-Identifier: MIT
/*
 * Address spaces and their VMAs, populated eagerly (see mm/mmap.h).
 *
 * Invariants: mm->mmap is sorted by address and VMAs do not overlap; every
 * page inside a VMA is mapped, by a PTE with the VMA's rights, to a page
 * this mm holds one reference on; mm->rss counts those pages.  Page tables
 * are freed only with the whole mm (pgd_free), never while it is in use.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/string.h>
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
	pte_t *pte = pte_offset(mm->pgd, addr);

	if (!pte || !pte_present(*pte))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

/* Map page at addr with the VMA's rights; the mm takes over the reference. */
static int install_page(struct mm_struct *mm, unsigned long addr,
			struct page *page, unsigned long vm_flags)
{
	pte_t *pte = pte_offset_alloc(mm->pgd, addr);

	if (!pte)
		return -ENOMEM;
	set_pte(pte, pfn_pte(page_to_pfn(page), vm_get_page_prot(vm_flags)));
	mm->rss++;
	return 0;
}

/* Unmap and free the pages of [start, end), which must be mapped. */
static void zap_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = pte_offset(mm->pgd, addr);

		if (!pte || !pte_present(*pte))
			continue;
		put_page(pfn_to_page(pte_pfn(*pte)));
		set_pte(pte, 0);
		flush_tlb_page(addr);
		mm->rss--;
	}
}

/* Give [start, end) zeroed pages; on failure, nothing stays mapped. */
static int populate_range(struct mm_struct *mm, unsigned long start,
			  unsigned long end, unsigned long vm_flags)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		void *p = get_zeroed_page();

		if (!p || install_page(mm, addr, virt_to_page(p), vm_flags)) {
			if (p)
				free_page(p);
			zap_range(mm, start, addr);
			return -ENOMEM;
		}
	}
	return 0;
}

static struct vm_area_struct *insert_vma(struct mm_struct *mm,
					 unsigned long start, unsigned long end,
					 unsigned long vm_flags)
{
	struct vm_area_struct *vma, *next;
	struct list_head *pos = &mm->mmap;

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
	return vma;
}

static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	zap_range(mm, vma->vm_start, vma->vm_end);
	list_del(&vma->vm_list);
	kfree(vma);
}

int map_anon(struct mm_struct *mm, unsigned long start, unsigned long end,
	     unsigned long vm_flags)
{
	struct vm_area_struct *vma;

	if (!IS_ALIGNED(start | end, PAGE_SIZE) || start >= end ||
	    end > TASK_SIZE)
		return -EINVAL;
	vma = insert_vma(mm, start, end, vm_flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if (populate_range(mm, start, end, vm_flags)) {
		list_del(&vma->vm_list);
		kfree(vma);
		return -ENOMEM;
	}
	return 0;
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
		if (heap &&
		    populate_range(mm, old_end, new_end, heap->vm_flags))
			return mm->brk;
		if (heap)
			heap->vm_end = new_end;
	} else if (new_end < old_end) {
		zap_range(mm, new_end, old_end);
		heap->vm_end = new_end;
		if (new_end == heap->vm_start) {
			list_del(&heap->vm_list);
			kfree(heap);
		}
	}
	mm->brk = new_brk;
	return new_brk;
}

/* Give new_mm its own copy of every page of vma. */
static int copy_vma_pages(struct mm_struct *new_mm, struct mm_struct *old_mm,
			  struct vm_area_struct *vma)
{
	for (unsigned long addr = vma->vm_start; addr < vma->vm_end;
	     addr += PAGE_SIZE) {
		struct page *old = follow_page(old_mm, addr);
		void *copy = get_zeroed_page();

		if (!copy)
			return -ENOMEM;
		if (old)
			memcpy(copy, page_address(old), PAGE_SIZE);
		if (install_page(new_mm, addr, virt_to_page(copy),
				 vma->vm_flags)) {
			free_page(copy);
			return -ENOMEM;
		}
	}
	return 0;
}

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
		struct vm_area_struct *new = insert_vma(
			mm, vma->vm_start, vma->vm_end, vma->vm_flags);

		if (IS_ERR(new) || copy_vma_pages(mm, old_mm, vma)) {
			mmput(mm);
			return NULL;
		}
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
