// SPDX-License-Identifier: MIT
/*
 * The fault path: pages come into an address space only when it touches
 * them.  Follows Linux's mm/memory.c, with its names:
 *
 *	handle_mm_fault          which VMA, may this access happen?
 *	  do_anonymous_page      first touch of anonymous memory: a read maps
 *	                         the shared zero page, a write a fresh page
 *	  do_fault               first touch of a file (or driver) mapping:
 *	    do_read_fault        ->fault finds the page; map it read-only
 *	    do_cow_fault         a private write: map a copy
 *	    do_shared_fault      a shared write: map it writable, dirty
 *	  do_wp_page             write to a present read-only PTE in a COW
 *	                         mapping: reuse the page if this mapping is its
 *	                         only user, else copy it
 *
 * and the walks over a range of PTEs: copy_page_range (fork: share every
 * page, write-protecting both sides of a COW mapping) and zap_page_range
 * (munmap, exit).  Each asks vm_normal_page() (mm/vm_normal_page.c) before
 * it touches a struct page -- the rule seeds 000 and 003 are about.
 *
 * Counting: page->_refcount is references (a mapping holds one),
 * page->_mapcount is PTEs pointing at the page.  A page is safe to write in
 * place only when both are 1.
 *
 * Locking: a process has one thread, and only that thread changes its page
 * tables (faults run with interrupts off; system calls are not preempted
 * by anything that touches this mm), so no mm lock is needed yet.
 */
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmu_notifier.h>

struct vm_event_counts vm_events;

/* A page about to be overwritten whole: no need to zero it first. */
static void *alloc_page_address(void)
{
	struct page *page = alloc_page();

	return page ? page_address(page) : NULL;
}

/* A write fault that copied a page: system-wide, and the process's own. */
static void count_cow(struct mm_struct *mm)
{
	vm_events.cow_copies++;
	if (current->mm == mm)
		current->cow_flt++;
}

/* Point pte at page with the VMA's rights; the mapping takes a reference. */
static void map_page(struct mm_struct *mm, struct vm_area_struct *vma,
		     pte_t *pte, struct page *page, bool writable)
{
	pte_t entry =
		pfn_pte(page_to_pfn(page), vm_get_page_prot(vma->vm_flags));

	if (!writable)
		entry = pte_wrprotect(entry);
	page->_mapcount++;
	mm->rss++;
	set_pte(pte, entry);
}

/* Drop a mapping of page: map count, reference, rss. */
static void unmap_page(struct mm_struct *mm, struct page *page)
{
	page->_mapcount--;
	mm->rss--;
	put_page(page);
}

/*
 * The first touch of anonymous memory.  A read needs no memory of its own:
 * it maps the shared zero page, read-only and special.  A write gets a
 * fresh zeroed page; in a COW mapping it is writable only if the VMA is
 * (a FAULT_FLAG_FORCE write into read-only memory fills the page through
 * the kernel's own mapping).
 */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr, pte_t *pte, unsigned int flags)
{
	void *p;

	if (!(flags & FAULT_FLAG_WRITE)) {
		pte_t entry = pfn_pte(page_to_pfn(zero_page),
				      vm_get_page_prot(vma->vm_flags));

		set_pte(pte, pte_mkspecial(pte_wrprotect(entry)));
		vm_events.zero_page_maps++;
		return 0;
	}
	p = get_zeroed_page();
	if (!p)
		return VM_FAULT_OOM;
	map_page(mm, vma, pte, virt_to_page(p), vma->vm_flags & VM_WRITE);
	vm_events.anon_pages++;
	return 0;
}

/*
 * A write to a present, read-only PTE of a COW mapping.  If this PTE holds
 * the only reference to the page, nobody else can see a write: make it
 * writable in place (the fork's other side has exited, say).  Otherwise
 * copy the page and point this PTE, writable, at the copy.  The zero page
 * (no struct page to count) is always copied -- from zeroes.
 */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, pte_t *pte)
{
	struct page *old = vm_normal_page(vma, addr, *pte);
	struct mmu_notifier_range range;
	void *copy;

	/*
	 * A shared mapping writes its page in place, whoever else maps it.
	 * (Never the zero page, old == NULL: that is copied, below.)
	 */
	if (!is_cow_mapping(vma->vm_flags) && old)
		SetPageDirty(old);
	if (old && (!is_cow_mapping(vma->vm_flags) ||
		    (page_count(old) == 1 && page_mapcount(old) == 1))) {
		set_pte(pte, pte_mkwrite(*pte));
		flush_tlb_page(addr);
		if (is_cow_mapping(vma->vm_flags))
			vm_events.cow_reuses++;
		return 0;
	}
	copy = old ? alloc_page_address() : get_zeroed_page();
	if (!copy)
		return VM_FAULT_OOM;
	if (old)
		copy_page(copy, page_address(old));
	/* A secondary MMU still maps the old page: it must let go first. */
	mmu_notifier_range_init(&range, MMU_NOTIFY_COW_BREAK, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	if (old)
		unmap_page(mm, old);
	map_page(mm, vma, pte, virt_to_page(copy), true);
	flush_tlb_page(addr);
	mmu_notifier_invalidate_range_end(&range);
	count_cow(mm);
	return 0;
}

/*
 * First touch of a page of a VMA with ->fault (a file, a driver).  The
 * three cases are Linux's three functions:
 *  - do_read_fault: map the backing page read-only (a shared mapping's first
 *    write then faults again, in do_wp_page, which marks the page dirty);
 *  - do_cow_fault: a write to a private mapping gets a copy of the page;
 *  - do_shared_fault: a write to a shared mapping maps the page itself,
 *    writable, and marks it dirty.
 * Each gets the page, with a reference, from ->fault.
 */
static int find_backing_page(struct vm_area_struct *vma, unsigned long addr,
			     unsigned int flags, struct vm_fault *vmf)
{
	*vmf = (struct vm_fault){
		.address = addr,
		.pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
		.flags = flags,
	};
	return vma->vm_ops->fault(vma, vmf);
}

static int do_read_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long addr, pte_t *pte, unsigned int flags)
{
	struct vm_fault vmf;
	int ret = find_backing_page(vma, addr, flags, &vmf);

	if (!ret)
		map_page(mm, vma, pte, vmf.page,
			 false); /* takes vmf's reference */
	return ret;
}

static int do_cow_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, pte_t *pte, unsigned int flags)
{
	struct vm_fault vmf;
	int ret = find_backing_page(vma, addr, flags, &vmf);
	void *copy;

	if (ret)
		return ret;
	copy = alloc_page_address();
	if (copy) {
		copy_page(copy, page_address(vmf.page));
		map_page(mm, vma, pte, virt_to_page(copy), true);
		count_cow(mm);
	}
	put_page(vmf.page);
	return copy ? 0 : VM_FAULT_OOM;
}

static int do_shared_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long addr, pte_t *pte, unsigned int flags)
{
	struct vm_fault vmf;
	int ret = find_backing_page(vma, addr, flags, &vmf);

	if (ret)
		return ret;
	SetPageDirty(vmf.page);
	map_page(mm, vma, pte, vmf.page, true);
	return 0;
}

static int do_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long addr, pte_t *pte, unsigned int flags)
{
	if (!(flags & FAULT_FLAG_WRITE))
		return do_read_fault(mm, vma, addr, pte, flags);
	if (is_cow_mapping(vma->vm_flags))
		return do_cow_fault(mm, vma, addr, pte, flags);
	return do_shared_fault(mm, vma, addr, pte, flags);
}

/* May this access happen in this VMA at all? */
static bool access_permitted(struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_FORCE)
		return true;
	if (flags & FAULT_FLAG_WRITE)
		return vma->vm_flags & VM_WRITE;
	if (flags & FAULT_FLAG_INSTRUCTION)
		return vma->vm_flags & VM_EXEC;
	return vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	pte_t *pte;

	if (!vma || !access_permitted(vma, flags))
		return VM_FAULT_SIGSEGV;
	vm_events.pgfault++;
	if (current->mm == mm)
		current->min_flt++;
	pte = pte_offset_alloc(mm->pgd, addr);
	if (!pte)
		return VM_FAULT_OOM;
	if (pte_none(*pte) && vma->vm_ops)
		return do_fault(mm, vma, addr, pte, flags);
	if (pte_none(*pte))
		return do_anonymous_page(mm, vma, addr, pte, flags);
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte)) {
		if (!(vma->vm_flags & VM_WRITE) && !(flags & FAULT_FLAG_FORCE))
			return VM_FAULT_SIGSEGV;
		return do_wp_page(mm, vma, addr, pte);
	}
	return 0; /* already mapped as asked: another path got there first */
}

/*
 * For exec, filling an address space nobody runs yet: no page is shared,
 * so a present page is this mm's own and may be written through the
 * kernel's mapping even where the PTE is read-only (program text).
 */
struct page *get_user_page(struct mm_struct *mm, unsigned long addr,
			   unsigned int flags)
{
	pte_t *pte = pte_offset(mm->pgd, addr);

	if (!pte || pte_none(*pte)) {
		if (handle_mm_fault(mm, addr, flags))
			return NULL;
		pte = pte_offset(mm->pgd, addr);
	}
	return vm_normal_page(find_vma(mm, addr), addr, *pte);
}

static int copy_ptes(struct mm_struct *dst, struct mm_struct *src,
		     struct vm_area_struct *vma)
{
	bool cow = is_cow_mapping(vma->vm_flags);

	for (unsigned long addr = vma->vm_start; addr < vma->vm_end;
	     addr += PAGE_SIZE) {
		pte_t *spte = pte_offset(src->pgd, addr), *dpte;
		struct page *page;

		if (!spte || pte_none(*spte))
			continue;
		dpte = pte_offset_alloc(dst->pgd, addr);
		if (!dpte)
			return -ENOMEM;
		if (cow && pte_write(*spte)) {
			set_pte(spte, pte_wrprotect(*spte));
			flush_tlb_page(addr);
		}
		page = vm_normal_page(vma, addr, *spte);
		if (page) {
			get_page(page);
			page->_mapcount++;
			dst->rss++;
		}
		set_pte(dpte, *spte);
	}
	return 0;
}

/*
 * A COW mapping's pages become read-only in the parent too: a secondary
 * MMU of the parent that may write them must hear of it first, as Linux
 * does for the whole VMA.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	struct mmu_notifier_range range;
	int err;

	if (!is_cow_mapping(vma->vm_flags))
		return copy_ptes(dst, src, vma);
	mmu_notifier_range_init(&range, MMU_NOTIFY_FORK_WRPROTECT, src,
				vma->vm_start, vma->vm_end);
	mmu_notifier_invalidate_range_start(&range);
	err = copy_ptes(dst, src, vma);
	mmu_notifier_invalidate_range_end(&range);
	return err;
}

void zap_page_range(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long start, unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = pte_offset(mm->pgd, addr);
		struct page *page;

		if (!pte || pte_none(*pte))
			continue;
		page = vm_normal_page(vma, addr, *pte);
		if (page)
			unmap_page(mm, page);
		set_pte(pte, 0);
		flush_tlb_page(addr);
	}
}
