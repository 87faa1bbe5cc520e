// SPDX-License-Identifier: MIT
/*
 * The fault path: pages come into an address space only when it touches
 * them.  Follows Linux's mm/memory.c, with its names:
 *
 *	handle_mm_fault          which VMA, may this access happen?
 *	  do_anonymous_page      first touch of anonymous memory: a read maps
 *	                         the shared zero page, a write a fresh page
 *	  do_fault               first touch of a file (or driver) mapping:
 *	    do_read_fault        ->fault finds the page; map it read-only,
 *	      do_fault_around    with its neighbours (seed 002, ->map_pages)
 *	    do_cow_fault         a private write: map a copy
 *	    do_shared_fault      a shared write: map it writable, dirty
 *	    do_pfn_fault         a raw frame from a driver (seed 000)
 *	  do_wp_page             write to a present read-only PTE in a COW
 *	                         mapping: reuse the page if this mapping is its
 *	                         only user, else copy it
 *	  do_swap_page           a swap entry in the PTE: bring the page back
 *	                         from the swap cache or the disk (mm/swap.h)
 *
 * then the walks over a range of PTEs, level by level (mm/pagewalk.c):
 * copy_page_range (fork: share every page, write-protecting both sides of
 * a COW mapping) and zap_page_range (munmap, exit), and free_pgd_range,
 * which frees the page tables munmap leaves empty.  Each asks
 * vm_normal_page() (mm/vm_normal_page.c) before it touches a struct page --
 * the rule seeds 000 and 003 are about.  Last, how drivers put frames into
 * a VMA (seed 000): vm_insert_page, vm_insert_pfn, vm_insert_mixed and
 * remap_pfn_range.
 *
 * Counting: page->_refcount is references (a mapping holds one),
 * page->_mapcount is PTEs pointing at the page.  A page is safe to write in
 * place only when both are 1.
 *
 * Locking (chapter 10, section 10.6; the order in kernel/lockdep.h): the
 * caller of handle_mm_fault holds mm->mmap_lock, for reading at least, so
 * the VMA stays, and so does the page table the fault holds a pointer
 * into, across a sleep (swap-in); only munmap and exit free page tables,
 * under the write lock.  Every test of a PTE that leads to a change of it
 * is made under the page-table lock (pte_offset_map_lock), which is
 * dropped around a sleep, after which the PTE is looked at again.  Faults
 * run with interrupts on (each port's fault entry, as Linux's
 * do_page_fault), so the tick may preempt one anywhere outside that lock
 * and run another thread of the mm: a missing page table is hooked in
 * under the lock too (table_alloc), a file's fault holds its i_mmap lock
 * against truncation, and the counters are atomic (count_vm_event).  The
 * kernel lock (kernel/smp.h) still keeps every other CPU out of the
 * fault path.
 * The TLB flushes reach every CPU that may cache the mm (mm/tlbflush.h).
 */
#include <asm/irqflags.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap_lock.h>
#include <mm/mmu_gather.h>
#include <mm/mmu_notifier.h>
#include <mm/pagewalk.h>
#include <mm/pgtable.h>
#include <mm/swap.h>
#include <mm/tlbflush.h>
#include <mm/vma.h>

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
	count_vm_event(cow_copies);
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
	page_mapcount_inc(page);
	mm->rss++;
	set_pte(pte, entry);
}

void pte_lock(struct mm_struct *mm)
{
	lockdep_acquire(LOCK_PAGE_TABLE, false);
	mm->ptl_irqflags = spin_lock_irqsave(&mm->page_table_lock);
}

void pte_unlock(struct mm_struct *mm)
{
	unsigned long flags = mm->ptl_irqflags;

	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	lockdep_release(LOCK_PAGE_TABLE);
}

/*
 * Install a page the fault got while it did not hold the page-table lock
 * (a driver's ->fault, which may sleep): unless another path filled the
 * PTE meanwhile, whose page then stays and this one's reference goes.
 */
static void install_page(struct mm_struct *mm, struct vm_area_struct *vma,
			 pte_t *pte, struct page *page, bool writable)
{
	if (pte_none(*pte))
		map_page(mm, vma, pte, page, writable);
	else
		put_page(page);
}

/* Drop a mapping of page: map count, reference, rss. */
static void unmap_page(struct mm_struct *mm, struct page *page)
{
	page_mapcount_dec(page);
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
		count_vm_event(zero_page_maps);
		return 0;
	}
	p = get_zeroed_page();
	if (!p)
		return VM_FAULT_OOM;
	map_page(mm, vma, pte, virt_to_page(p), vma->vm_flags & VM_WRITE);
	count_vm_event(anon_pages);
	return 0;
}

/*
 * The copy a COW fault makes of the frame a PTE maps: a counted page, the
 * zero page, or a raw frame without struct page (device memory in a
 * VM_PFNMAP or VM_MIXEDMAP mapping, seed 000), which has no direct-map
 * address and is reached through kmap_local_pfn.
 */
static void cow_user_page(void *dst, unsigned long pfn)
{
	void *src;

	if (pfn_valid(pfn)) {
		copy_page(dst, page_address(pfn_to_page(pfn)));
		return;
	}
	src = kmap_local_pfn(pfn);
	copy_page(dst, src);
	kunmap_local(src);
}

/*
 * A write fault is about to let a shared mapping write into page: the page
 * is dirty, and the file's data changes (mtime and ctime, which POSIX wants
 * marked between the write and the next msync; Linux's
 * fault_dirty_shared_page).  Only the fault that makes the PTE writable
 * sees it: ramfs has no writeback to write-protect the page again, so
 * later writes through the same PTE leave the times as they are.
 */
static void dirty_shared_page(struct vm_area_struct *vma, struct page *page)
{
	SetPageDirty(page);
	if (vma->vm_file)
		file_update_time(vma->vm_file);
}

/*
 * A write to a present, read-only PTE.  A shared mapping writes its frame
 * in place, whoever else maps it (a counted page is marked dirty; a raw
 * frame is the device's own).  In a COW mapping, if this PTE holds the
 * only reference to a counted page, nobody else can see a write: make it
 * writable in place (the fork's other side has exited, say).  Otherwise
 * copy the frame -- a shared page, the zero page, a raw device frame --
 * and point this PTE, writable, at the copy.
 */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, pte_t *pte)
{
	pte_t orig = *pte;
	struct page *old = vm_normal_page(vma, addr, orig);
	unsigned long pfn = pte_pfn(orig);
	struct mmu_notifier_range range;
	void *copy;

	if (!is_cow_mapping(vma->vm_flags) && old)
		dirty_shared_page(vma, old);
	if (old && PageSwapCache(old))
		try_to_free_swap(
			old); /* no other swap PTE: the cache's ref goes */
	if ((!is_cow_mapping(vma->vm_flags) && !is_zero_pfn(pfn)) ||
	    (old && page_count(old) == 1 && page_mapcount(old) == 1)) {
		set_pte(pte, pte_mkwrite(pte_mkyoung(*pte)));
		flush_tlb_page(vma, addr);
		if (is_cow_mapping(vma->vm_flags))
			count_vm_event(cow_reuses);
		return 0;
	}
	copy = alloc_page_address();
	if (!copy)
		return VM_FAULT_OOM;
	cow_user_page(copy, pfn);
	/*
	 * A secondary MMU still maps the old page: it must let go first.  A
	 * listener may sleep (waiting for DMA in flight), so the page-table
	 * lock goes meanwhile, and whoever ran may have changed the PTE (a
	 * truncation zaps it): then this fault is stale.  Drop the copy; the
	 * access faults again.
	 */
	mmu_notifier_range_init(&range, MMU_NOTIFY_COW_BREAK, mm, addr,
				addr + PAGE_SIZE);
	pte_unlock(mm);
	mmu_notifier_invalidate_range_start(&range);
	pte_lock(mm);
	if (*pte == orig) {
		/*
		 * Clear and flush before the new PTE goes in (Linux:
		 * ptep_clear_flush): a thread on another CPU writing through
		 * a stale TLB entry would write the old page, after the copy
		 * was taken.  Until the new PTE is set it faults, and waits
		 * for this one.
		 */
		pte_clear(mm, addr, pte);
		flush_tlb_page(vma, addr);
		if (old)
			unmap_page(mm, old);
		map_page(mm, vma, pte, virt_to_page(copy), true);
		count_cow(mm);
		copy = NULL;
	}
	pte_unlock(mm);
	mmu_notifier_invalidate_range_end(&range);
	pte_lock(mm);
	if (copy)
		free_page(copy);
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
/* The offset, in pages, of addr's page in what vma maps. */
static unsigned long linear_page_index(struct vm_area_struct *vma,
				       unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

/* ->fault may sleep, or insert the PTE itself: without the lock. */
static int find_backing_page(struct vm_area_struct *vma, unsigned long addr,
			     unsigned int flags, struct vm_fault *vmf)
{
	int ret;

	*vmf = (struct vm_fault){
		.address = addr,
		.pgoff = linear_page_index(vma, addr),
		.flags = flags,
	};
	pte_unlock(vma->vm_mm);
	ret = vma->vm_ops->fault(vma, vmf);
	pte_lock(vma->vm_mm);
	return ret;
}

/*
 * Fault-around (seed 002).  A read fault on a file mapping first asks
 * ->map_pages to map the pages around the address that are already in the
 * page cache: a file read from start to end then traps once per window,
 * not once per page.  The window is fault_around_bytes long, aligned down
 * to its own size, and clipped to the VMA and to the page table holding
 * the faulting PTE, so it is one run of PTEs in one table.  The cost: more
 * PTEs to set up now (and to tear down at munmap) for pages that may never
 * be read.  4096 turns it off.
 */
unsigned long fault_around_bytes = 65536;

int set_fault_around_bytes(unsigned long bytes)
{
	if (bytes < PAGE_SIZE || bytes > PTRS_PER_PTE * PAGE_SIZE ||
	    (bytes & (bytes - 1)))
		return -EINVAL;
	fault_around_bytes = bytes;
	return 0;
}

void fault_around_window(unsigned long addr, unsigned long bytes,
			 unsigned long vm_start, unsigned long vm_end,
			 unsigned long *start, unsigned long *end)
{
	unsigned long first = addr & ~(bytes - 1);
	unsigned long table = addr & ~(PMD_SIZE - 1);

	*start = max(first, max(vm_start, table));
	*end = min(first + bytes, min(vm_end, table + PMD_SIZE));
}

void do_set_pte(struct vm_area_struct *vma, struct page *page, pte_t *pte)
{
	map_page(vma->vm_mm, vma, pte, page, false);
	count_vm_event(fault_around_pages);
}

/*
 * pte is addr's own PTE; the window's PTEs are its neighbours in the same
 * table.  As in the seed, a window whose leading PTEs are all present
 * starts after them, and one with none left is not worth the call.
 */
static void do_fault_around(struct vm_area_struct *vma, unsigned long addr,
			    pte_t *pte, unsigned int flags)
{
	unsigned long start, end;
	struct vm_fault vmf;

	if (fault_around_bytes <= PAGE_SIZE)
		return;
	fault_around_window(addr, fault_around_bytes, vma->vm_start,
			    vma->vm_end, &start, &end);
	pte -= (addr - start) >> PAGE_SHIFT;
	for (; !pte_none(*pte); pte++) {
		start += PAGE_SIZE;
		if (start == end)
			return;
	}
	vmf = (struct vm_fault){
		.address = start,
		.pgoff = linear_page_index(vma, start),
		.max_pgoff = linear_page_index(vma, end - PAGE_SIZE),
		.flags = flags,
		.pte = pte,
	};
	vma->vm_ops->map_pages(vma, &vmf);
}

/*
 * With ->map_pages, fault-around may map addr's own page too; ->fault is
 * the fallback for a page that was not ready (not cached, say).
 */
static int do_read_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long addr, pte_t *pte, unsigned int flags)
{
	struct vm_fault vmf;
	int ret;

	if (vma->vm_ops->map_pages) {
		do_fault_around(vma, addr, pte, flags);
		if (!pte_none(*pte))
			return 0;
	}
	ret = find_backing_page(vma, addr, flags, &vmf);
	if (!ret)
		install_page(mm, vma, pte, vmf.page,
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
		install_page(mm, vma, pte, virt_to_page(copy), true);
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
	dirty_shared_page(vma, vmf.page);
	install_page(mm, vma, pte, vmf.page, true);
	return 0;
}

/*
 * A VM_PFNMAP or VM_MIXEDMAP VMA's ->fault installs the PTE itself
 * (vm_insert_pfn, vm_insert_mixed) and answers VM_FAULT_NOPAGE: there may
 * be no struct page to hand back.  A private write then breaks COW on the
 * frame just mapped read-only, as any write to a read-only PTE does.
 */
static int do_pfn_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, pte_t *pte, unsigned int flags)
{
	struct vm_fault vmf;
	int ret = find_backing_page(vma, addr, flags, &vmf);

	if (ret != VM_FAULT_NOPAGE)
		return ret ? ret : VM_FAULT_SIGBUS; /* no PTE made */
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte))
		return do_wp_page(mm, vma, addr, pte);
	return 0;
}

static int do_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long addr, pte_t *pte, unsigned int flags)
{
	if (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP))
		return do_pfn_fault(mm, vma, addr, pte, flags);
	if (!(flags & FAULT_FLAG_WRITE))
		return do_read_fault(mm, vma, addr, pte, flags);
	if (is_cow_mapping(vma->vm_flags))
		return do_cow_fault(mm, vma, addr, pte, flags);
	return do_shared_fault(mm, vma, addr, pte, flags);
}

/*
 * The page was swapped out: the PTE holds its swap entry.  Another process
 * sharing the slot (fork) may have read it back already, or reclaim may
 * not have written it yet: the swap cache has it then.  Otherwise read it
 * from the disk into a new page that goes into the swap cache first, so
 * that whoever faults on the same slot meanwhile waits for this read
 * instead of starting another (PG_locked).  That is a major fault.
 *
 * The page is mapped with this PTE's reference, and the slot loses this
 * PTE; when no swap PTE is left, the page leaves the swap cache and is an
 * ordinary anonymous page again.  Copy-on-write is kept: a page still in
 * the cache is shared with the processes that still have the swap entry,
 * so it is mapped read-only and a write copies it (do_wp_page), exactly as
 * before it went out.  A read error is SIGBUS for the process; the slot
 * stays, and a later touch tries again.
 */
static int do_swap_page(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, pte_t *pte, unsigned int flags)
{
	pte_t orig = *pte;
	swp_entry_t entry = pte_to_swp_entry(orig);
	bool major = false;
	struct page *page;

	if (!swap_entry_valid(entry))
		return VM_FAULT_SIGBUS; /* a PTE nothing put there: a bug */
	pte_unlock(mm);			/* the read may sleep */
	page = read_swap_cache(entry, &major);
	pte_lock(mm);
	if (IS_ERR(page))
		return 0; /* the PTE changed meanwhile: nothing to do */
	if (!page)
		return VM_FAULT_OOM;
	/*
	 * The read may have slept, mmap_lock held: munmap waited, so pte
	 * still points into mm's own page table, not a freed one.
	 */
	BUG_ON(follow_pte(mm, addr) != pte);
	if (major) {
		count_vm_event(pgmajfault);
		if (current->mm == mm)
			current->maj_flt++;
	}
	if (!PageUptodate(page)) { /* the read failed */
		try_to_free_swap(page);
		put_page(page);
		return VM_FAULT_SIGBUS;
	}
	if (*pte != orig) { /* changed while this task slept: stale */
		try_to_free_swap(page);
		put_page(page);
		return 0;
	}
	map_page(mm, vma, pte, page, false); /* takes the lookup's reference */
	swap_free(entry);
	try_to_free_swap(page);
	if (!PageSwapCache(page) && page_count(page) == 1 &&
	    (vma->vm_flags & VM_WRITE))
		set_pte(pte, pte_mkwrite(*pte));
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte))
		return do_wp_page(mm, vma, addr, pte);
	return 0;
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

/* Called, and returns, with the page-table lock held. */
static int handle_pte_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			    unsigned long addr, pte_t *pte, unsigned int flags)
{
	if (is_swap_pte(*pte))
		return do_swap_page(mm, vma, addr, pte, flags);
	if (pte_none(*pte) && vma->vm_ops)
		return do_fault(mm, vma, addr, pte, flags);
	/* remap_pfn_range filled the VMA; a hole in it has nothing behind. */
	if (pte_none(*pte) && (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)))
		return VM_FAULT_SIGBUS;
	if (pte_none(*pte))
		return do_anonymous_page(mm, vma, addr, pte, flags);
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte)) {
		if (!(vma->vm_flags & VM_WRITE) && !(flags & FAULT_FLAG_FORCE))
			return VM_FAULT_SIGSEGV;
		return do_wp_page(mm, vma, addr, pte);
	}
	/*
	 * Where the CPU keeps no accessed bit in the PTE (s390, ARM), reclaim's
	 * pte_mkold leaves the page unusable so that this access faults:
	 * it is the access, made young again (a transition to valid, which
	 * needs no TLB flush).
	 */
	if (!pte_young(*pte))
		set_pte(pte, pte_mkyoung(*pte));
	return 0; /* else mapped as asked: another path got there first */
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	pte_t *pte;
	int ret;

	if (!vma || !access_permitted(vma, flags))
		return VM_FAULT_SIGSEGV;
	count_vm_event(pgfault);
	/* The arch's fault entry turned them on (chapter 10, section 10.6). */
	if (!arch_irqs_disabled())
		count_vm_event(pgfault_irqs_on);
	if (current->mm == mm)
		current->min_flt++; /* only this task changes its own */
	pte = walk_to_pte(mm, addr);
	if (!pte)
		return VM_FAULT_OOM;
	/*
	 * A file's fault holds its i_mmap lock, as every change of a file
	 * VMA's PTEs does (mm/vma.c).  Truncation sets i_size, then zaps
	 * under that lock (mm/truncate.c): a fault that found its page
	 * within i_size has mapped it before the zap, which removes it.
	 * Without the lock, a fault preempted between ->fault's test of
	 * i_size and the install would map a page the file has dropped.
	 */
	i_mmap_lock_vma(vma);
	pte_lock(mm);
	ret = handle_pte_fault(mm, vma, addr, pte, flags);
	pte_unlock(mm);
	i_mmap_unlock_vma(vma);
	return ret;
}

/*
 * A fault of the CPU's, from user mode or from the kernel's own access to
 * user memory (copy_to_user and its kin, whose faults the exception table
 * lets through).  A task that holds mm's mmap_lock for writing may touch
 * user memory: exec's fill, or a system call copying while it changes
 * VMAs.  Its fault must not wait for the lock it holds (Linux forbids
 * such copies instead, and lockdep catches them); the writer excludes
 * every other user of the mm, so the fault runs under its hold.
 */
int handle_user_fault(struct mm_struct *mm, unsigned long addr,
		      unsigned int flags)
{
	int ret;

	if (rwsem_write_owned(&mm->mmap_lock))
		return handle_mm_fault(mm, addr, flags);
	mmap_read_lock(mm);
	ret = handle_mm_fault(mm, addr, flags);
	mmap_read_unlock(mm);
	return ret;
}

/*
 * For exec, filling an address space nobody runs yet: no page is shared,
 * so a present page is this mm's own and may be written through the
 * kernel's mapping even where the PTE is read-only (program text).
 */
struct page *get_user_page(struct mm_struct *mm, unsigned long addr,
			   unsigned int flags)
{
	pte_t *pte = follow_pte(mm, addr);

	if (!pte || pte_none(*pte)) {
		if (handle_mm_fault(mm, addr, flags))
			return NULL;
		pte = follow_pte(mm, addr);
	}
	return vm_normal_page(find_vma(mm, addr), addr, *pte);
}

/*
 * The walk down to a user address, level by level through the arch's
 * helpers.  follow_pte only looks: NULL where a table is missing.
 * walk_to_pte makes the missing tables (NULL if out of memory): a fault,
 * fork's copy into the child.
 */
pte_t *follow_pte(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(pgd, addr);
	if (pud_none(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd))
		return NULL;
	return pte_offset_map(pmd, addr);
}

/*
 * Hook a new lower table into the empty upper entry at entry (Linux's
 * __pud_alloc, __pmd_alloc, __pte_alloc).  The table is allocated without
 * the page-table lock and hooked in under it, only if the entry is still
 * empty: a fault may be preempted between its test and the hook, and
 * another thread of the mm may hook a table of its own meanwhile (two
 * hooks would leak the first table and the PTEs filled in it).  The
 * loser frees its spare.  False if out of memory.
 */
#define table_alloc(mm, entry, upper, lower)                                   \
	({                                                                     \
		lower##_t *new = lower##_alloc_one();                          \
		if (new) {                                                     \
			pte_lock(mm);                                          \
			if (upper##_none(*(entry))) {                          \
				upper##_populate(entry, new);                  \
				new = NULL;                                    \
			}                                                      \
			pte_unlock(mm);                                        \
			if (new)                                               \
				lower##_free(new);                             \
		}                                                              \
		!upper##_none(*(entry));                                       \
	})

static pmd_t *walk_to_pmd(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;

	if (pgd_none(*pgd) && !table_alloc(mm, pgd, pgd, pud))
		return NULL;
	pud = pud_offset(pgd, addr);
	if (pud_none(*pud) && !table_alloc(mm, pud, pud, pmd))
		return NULL;
	return pmd_offset(pud, addr);
}

/* The PTE table under pmd, made if missing; NULL if out of memory. */
static pte_t *pte_alloc_map(struct mm_struct *mm, pmd_t *pmd,
			    unsigned long addr)
{
	if (pmd_none(*pmd) && !table_alloc(mm, pmd, pmd, pte))
		return NULL;
	return pte_offset_map(pmd, addr);
}

pte_t *walk_to_pte(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = walk_to_pmd(mm, addr);

	return pmd ? pte_alloc_map(mm, pmd, addr) : NULL;
}

/*
 * fork, one PTE table of the parent: the child's PTE is the parent's,
 * write-protected on both sides where the mapping is COW (the first write
 * on either side then copies, in do_wp_page); each normal page gains a
 * reference and a map count for the child.
 */
static int copy_pte_range(pmd_t *src_pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	struct mm_struct *dst = walk->private;
	bool cow = is_cow_mapping(walk->vma->vm_flags), wrprotected = false;
	pmd_t *dst_pmd = walk_to_pmd(dst, addr);
	pte_t *src_pte, *dst_pte;
	unsigned long start = addr;
	struct spinlock *ptl;
	struct page *page;
	int err = 0;

	/* Nobody knows the child yet: only the parent's table is locked. */
	dst_pte = dst_pmd ? pte_alloc_map(dst, dst_pmd, addr) : NULL;
	if (!dst_pte)
		return -ENOMEM;
	src_pte = pte_offset_map_lock(walk->mm, src_pmd, addr, &ptl);
	for (; addr != end; addr += PAGE_SIZE, src_pte++, dst_pte++) {
		if (pte_none(*src_pte))
			continue;
		if (is_swap_pte(*src_pte)) { /* the child shares the slot */
			err = swap_duplicate(pte_to_swp_entry(*src_pte));
			if (err)
				break;
			set_pte(dst_pte, *src_pte);
			continue;
		}
		if (cow && pte_write(*src_pte)) {
			set_pte(src_pte, pte_wrprotect(*src_pte));
			wrprotected = true;
		}
		page = vm_normal_page(walk->vma, addr, *src_pte);
		if (page) {
			get_page(page);
			page_mapcount_inc(page);
			dst->rss++;
		} else if (is_raw_pfn(walk->vma, addr, *src_pte)) {
			vm_events
				.pfn_maps++; /* copied as is: no count to take */
		}
		set_pte(dst_pte, *src_pte);
	}
	/* One flush for the table: the parent's other threads see COW now. */
	if (wrprotected)
		flush_tlb_range(walk->vma, start, addr);
	pte_unmap_unlock(src_pte, ptl);
	return err ? -ENOMEM : 0;
}

static const struct mm_walk_ops copy_walk_ops = {
	.pmd_entry = copy_pte_range,
};

/*
 * A COW mapping's pages become read-only in the parent too: a secondary
 * MMU of the parent that may write them must hear of it first, as Linux
 * does for the whole VMA.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	bool cow = is_cow_mapping(vma->vm_flags);
	struct mmu_notifier_range range;
	int err;

	mmu_notifier_range_init(&range, MMU_NOTIFY_FORK_WRPROTECT, src,
				vma->vm_start, vma->vm_end);
	if (cow)
		mmu_notifier_invalidate_range_start(&range);
	err = walk_page_range(src, vma, vma->vm_start, vma->vm_end,
			      &copy_walk_ops, dst);
	if (cow)
		mmu_notifier_invalidate_range_end(&range);
	return err;
}

/*
 * munmap, exit, MADV_DONTNEED, one PTE table: clear each PTE; the page
 * loses this mapping at once, but its reference waits in the mmu_gather
 * until every TLB has been flushed of it, so no CPU can ever reach a page
 * that has been freed.
 */
static int zap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			 struct mm_walk *walk)
{
	struct spinlock *ptl;
	pte_t *pte = pte_offset_map_lock(walk->mm, pmd, addr, &ptl);
	struct page *page;

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		if (pte_none(*pte))
			continue;
		if (is_swap_pte(*pte)) {
			free_swap_and_cache(pte_to_swp_entry(*pte));
			pte_clear(walk->mm, addr, pte);
			continue;
		}
		page = vm_normal_page(walk->vma, addr, *pte);
		pte_clear(walk->mm, addr, pte);
		if (page) {
			page_mapcount_dec(page);
			walk->mm->rss--;
		}
		tlb_remove_page(walk->private, addr, page);
	}
	pte_unmap_unlock(pte, ptl);
	return 0;
}

static const struct mm_walk_ops zap_walk_ops = {
	.pmd_entry = zap_pte_range,
};

void zap_page_range(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long start, unsigned long end)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, mm);
	walk_page_range(mm, vma, start, end, &zap_walk_ops, &tlb);
	tlb_finish_mmu(&tlb);
}

/*
 * After munmap, the page tables under [addr, end).  Only VMAs have PTEs, so
 * a table whose whole span lies in the hole [floor, ceiling) between the
 * VMAs left on either side maps nothing and can go, without a look inside;
 * one that reaches past the hole may hold a neighbour's PTEs and stays
 * (until the neighbour's own munmap, or exit).  Linux's rule, and its
 * names; ceiling 0 is the top of the address space.  The table pages are
 * freed only after the TLB has let go of them.
 */
static bool span_in_hole(unsigned long addr, unsigned long size,
			 unsigned long floor, unsigned long ceiling)
{
	unsigned long first = addr & ~(size - 1);

	return first >= floor && first + size - 1 <= ceiling - 1;
}

/* The levels of table below the top, each freed by its arch function. */
enum table_level { TABLE_PTE, TABLE_PMD, TABLE_PUD, NR_TABLE_LEVELS };

struct free_range {
	unsigned long floor, ceiling;
	/* freed tables of each level, linked through their (first) page */
	struct list_head tables[NR_TABLE_LEVELS];
};

/* Unhook a table; its page goes to fr->tables until the TLB flush. */
static void free_table_later(struct free_range *fr, enum table_level level,
			     void *table)
{
	list_add(&virt_to_page(table)->lru, &fr->tables[level]);
}

static void free_tables(struct list_head *list, enum table_level level)
{
	while (!list_empty(list)) {
		struct page *page = list_first_entry(list, struct page, lru);
		void *table = page_address(page);

		list_del(&page->lru);
		if (level == TABLE_PTE)
			pte_free(table);
		else if (level == TABLE_PMD)
			pmd_free(table);
		else
			pud_free(table);
	}
}

static void free_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			   struct free_range *fr)
{
	unsigned long start = addr, next;
	pmd_t *pmd = pmd_offset(pud, addr);

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd) ||
		    !span_in_hole(addr, PMD_SIZE, fr->floor, fr->ceiling))
			continue;
		free_table_later(fr, TABLE_PTE, pte_offset_map(pmd, 0));
		pmd_clear(pmd);
	} while (pmd++, addr = next, addr != end);
	if (!pmd_folded() &&
	    span_in_hole(start, PUD_SIZE, fr->floor, fr->ceiling)) {
		free_table_later(fr, TABLE_PMD, pmd_offset(pud, 0));
		pud_clear(pud);
	}
}

static void free_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			   struct free_range *fr)
{
	unsigned long start = addr, next;
	pud_t *pud = pud_offset(pgd, addr);

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			free_pmd_range(pud, addr, next, fr);
	} while (pud++, addr = next, addr != end);
	if (!pud_folded() &&
	    span_in_hole(start, PGDIR_SIZE, fr->floor, fr->ceiling)) {
		free_table_later(fr, TABLE_PUD, pud_offset(pgd, 0));
		pgd_clear(pgd);
	}
}

void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling)
{
	struct free_range fr = { .floor = floor, .ceiling = ceiling };
	pgd_t *pgd = pgd_offset(mm, addr);
	unsigned long next;

	if (addr >= end)
		return;
	for (int level = 0; level < NR_TABLE_LEVELS; level++)
		INIT_LIST_HEAD(&fr.tables[level]);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			free_pud_range(pgd, addr, next, &fr);
	} while (pgd++, addr = next, addr != end);
	if (list_empty(&fr.tables[TABLE_PTE]) &&
	    list_empty(&fr.tables[TABLE_PMD]) &&
	    list_empty(&fr.tables[TABLE_PUD]))
		return;
	flush_tlb_mm(mm);
	for (int level = 0; level < NR_TABLE_LEVELS; level++)
		free_tables(&fr.tables[level], level);
}

/*
 * Drivers put device memory into user space with the four calls below
 * (Linux's names and rules, seed 000):
 *
 *   remap_pfn_range  a whole range of frames, at mmap time, into a
 *                    VM_PFNMAP | VM_IO | VM_DONTEXPAND VMA
 *   vm_insert_pfn    one raw frame, from ->fault, into a VM_PFNMAP or
 *                    VM_MIXEDMAP VMA; never counted
 *   vm_insert_mixed  one frame into a VM_MIXEDMAP VMA: counted if it has
 *                    a struct page (pfn_valid), raw if not
 *   vm_insert_page   one counted page (a driver's own kernel page)
 *
 * A raw PTE is made special where the arch has the bit; where it has
 * not, vm_normal_page recognises it from the VMA, which is why the rules
 * on the VMA below must hold.  Linux BUG()s on a driver breaking them;
 * Pagoda answers -EINVAL, so the tests can show each rule.  Every call
 * answers -EFAULT for an address outside the VMA and -EBUSY where a PTE
 * is already present.
 */

/*
 * The PTE for addr, made if need be, and empty: 0 with the page-table
 * lock held, or -errno if addr cannot take a frame.
 */
static int insert_pte(struct vm_area_struct *vma, unsigned long addr,
		      pte_t **ptep)
{
	pte_t *pte;

	if (addr < vma->vm_start || addr >= vma->vm_end ||
	    !IS_ALIGNED(addr, PAGE_SIZE))
		return -EFAULT;
	pte = walk_to_pte(vma->vm_mm, addr);
	if (!pte)
		return -ENOMEM;
	pte_lock(vma->vm_mm);
	if (!pte_none(*pte)) {
		pte_unlock(vma->vm_mm);
		return -EBUSY;
	}
	*ptep = pte;
	return 0;
}

/*
 * The rights of a frame's PTE: the VMA's, less write in a COW mapping (a
 * write must fault, to copy), as the zero page and fork's sharing do.
 */
static pte_t vma_pte(struct vm_area_struct *vma, unsigned long pfn)
{
	pte_t entry = pfn_pte(pfn, vm_get_page_prot(vma->vm_flags));

	return is_cow_mapping(vma->vm_flags) ? pte_wrprotect(entry) : entry;
}

static int insert_raw_pfn(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long pfn)
{
	pte_t *pte;
	int err = insert_pte(vma, addr, &pte);

	if (err)
		return err;
	set_pte(pte, pte_mkspecial(vma_pte(vma, pfn)));
	pte_unlock(vma->vm_mm);
	count_vm_event(pfn_maps);
	return 0;
}

int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page)
{
	pte_t *pte;
	int err;

	if ((vma->vm_flags & VM_PFNMAP) || !page_count(page))
		return -EINVAL;
	err = insert_pte(vma, addr, &pte);
	if (err)
		return err;
	get_page(page);
	map_page(vma->vm_mm, vma, pte, page, !is_cow_mapping(vma->vm_flags));
	pte_unlock(vma->vm_mm);
	return 0;
}

/*
 * Seed 000's checks: the VMA is one kind or the other; a PFNMAP VMA
 * filled by faults cannot be COW (its frames would break the linearity
 * rule, so nothing could tell a copy from a device frame without the
 * special bit); a MIXEDMAP VMA takes raw frames only where there is no
 * struct page -- one with a struct page must be counted (vm_insert_mixed).
 */
int vm_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
		  unsigned long pfn)
{
	unsigned long kind = vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP);

	if (!kind || kind == (VM_PFNMAP | VM_MIXEDMAP))
		return -EINVAL;
	if ((kind & VM_PFNMAP) && is_cow_mapping(vma->vm_flags))
		return -EINVAL;
	if ((kind & VM_MIXEDMAP) && pfn_valid(pfn))
		return -EINVAL;
	return insert_raw_pfn(vma, addr, pfn);
}

int vm_insert_mixed(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn)
{
	if ((vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) != VM_MIXEDMAP)
		return -EINVAL;
	if (pfn_valid(pfn))
		return vm_insert_page(vma, addr, pfn_to_page(pfn));
	return insert_raw_pfn(vma, addr, pfn);
}

/*
 * Map size bytes of frames from pfn at addr, all at once.  The VMA becomes
 * VM_PFNMAP (raw frames), VM_IO (device memory: never in a core dump, never
 * reclaimed) and VM_DONTEXPAND (it may not grow).  A COW mapping must be
 * mapped whole, and then vm_pgoff becomes the first frame: the linearity
 * rule (pfn == vm_pgoff + page index) by which vm_normal_page, with no
 * special bit, tells the device's frames from the pages COW put there.
 * On failure the frames mapped so far stay; the caller's failed mmap
 * removes the VMA, and them with it.
 */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot)
{
	unsigned long end = addr + ALIGN(size, PAGE_SIZE);
	bool cow = is_cow_mapping(vma->vm_flags);

	if (!IS_ALIGNED(addr, PAGE_SIZE) || end <= addr ||
	    addr < vma->vm_start || end > vma->vm_end)
		return -EINVAL;
	if (cow) {
		if (addr != vma->vm_start || end != vma->vm_end)
			return -EINVAL;
		vma->vm_pgoff = pfn;
	}
	vma->vm_flags |= VM_PFNMAP | VM_IO | VM_DONTEXPAND;
	for (; addr < end; addr += PAGE_SIZE, pfn++) {
		pte_t *pte, entry = pte_mkspecial(pfn_pte(pfn, prot));
		int err = insert_pte(vma, addr, &pte);

		if (err)
			return err;
		set_pte(pte, cow ? pte_wrprotect(entry) : entry);
		pte_unlock(vma->vm_mm);
		count_vm_event(pfn_maps);
	}
	return 0;
}
