// SPDX-License-Identifier: MIT
/*
 * Reclaim by virtual scan: Linux 2.4's design, the one seed 001 speaks
 * of ("the swap_out loop"), with Linux's names where they still exist.
 *
 * The scan walks one address space at a time, VMA by VMA, PTE by PTE
 * (mm/kswapd.c chooses which and how far).  For each PTE of an anonymous
 * page:
 *   - accessed since the last look (the PTE's accessed bit, set by the
 *     MMU, or a secondary MMU's through mmu_notifier_clear_flush_young):
 *     a second chance -- the bit is cleared and the page left alone;
 *   - otherwise the page gets a swap slot (once: it goes into the swap
 *     cache), the PTE becomes the slot's swap entry, and the page loses
 *     this mapping.  When no PTE maps it any more -- a page forked
 *     processes share is unmapped from each in turn -- it is written to
 *     the slot and freed.
 * Today's Linux scans the other way round: LRU lists of pages, oldest
 * first, with reverse mapping (rmap) to find every PTE of a page at once.
 * That costs a reverse map per page but never walks memory that is not
 * worth freeing; the virtual scan needs no reverse map, and walks page
 * tables instead.  docs/09-reclaim-and-swap.md compares them.
 *
 * What is never scanned, by the VMA's flags (vma_reclaimable):
 *   VM_LOCKED    mlock: the program asked for the pages to stay;
 *   VM_RESERVED  seed 001: a driver's memory mapped through ->fault (the
 *                /dev/kmsg log): its pages are the driver's, not the
 *                process's to give up; Andrea's point was that the scan
 *                should skip such a VMA at the cost of one flag test,
 *                instead of looking at each page's PG_reserved;
 *   VM_IO        device memory (remap_pfn_range sets it): reading it may
 *                have side effects, and it is no RAM to free;
 *   VM_PFNMAP, VM_MIXEDMAP  seed 000: raw frames, no struct page to free.
 *   VM_SHARED    a shared mapping's pages are ramfs's page cache, or
 *                shared anonymous memory, which Linux swaps through shmem
 *                (a file of its own), not through the swap cache: here
 *                neither is reclaimed.
 * And by the page: only anonymous pages (page->mapping NULL) go to swap.
 * The page cache here is ramfs's, which has no backing store: its pages
 * are the only copy of the file, so dropping a clean one would lose data.
 * A file system on a disk would drop its clean cached pages here; none
 * exists yet.  The shared zero page and raw frames are not normal pages
 * (vm_normal_page) and are skipped too.
 */
#include <asm/irqflags.h>
#include <kernel/kernel.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/mmu_notifier.h>
#include <mm/pagewalk.h>
#include <mm/swap.h>
#include <mm/tlbflush.h>
#include <mm/vmscan.h>

bool vma_reclaimable(const struct vm_area_struct *vma)
{
	return !(vma->vm_flags & (VM_LOCKED | VM_RESERVED | VM_IO | VM_PFNMAP |
				  VM_MIXEDMAP | VM_SHARED));
}

/* The page's slot: the one it has in the swap cache, or a new one. */
static bool add_to_swap(struct page *page, struct scan_control *sc)
{
	swp_entry_t entry;

	if (PageSwapCache(page)) /* its area may be going: swapoff */
		return swap_entry_writeok(page_swap_entry(page));
	entry = get_swap_page();
	if (!entry.val) {
		sc->no_swap = true;
		return false;
	}
	if (add_to_swap_cache(page, entry)) {
		put_swap_page(entry);
		return false;
	}
	SetPageDirty(page); /* not on the disk yet */
	SetPageUptodate(page);
	return true;
}

/*
 * A secondary MMU's accessed bit, and the end of an invalidation: their
 * listeners may sleep, so without the page-table lock.
 */
static bool clear_young_unlocked(struct mm_struct *mm, unsigned long addr)
{
	bool young;

	pte_unlock(mm);
	young = mmu_notifier_clear_flush_young(mm, addr, addr + PAGE_SIZE);
	pte_lock(mm);
	return young;
}

static void invalidate_unlocked(struct mmu_notifier_range *range, bool start)
{
	pte_unlock(range->mm);
	if (start)
		mmu_notifier_invalidate_range_start(range);
	else
		mmu_notifier_invalidate_range_end(range);
	pte_lock(range->mm);
}

/*
 * One PTE, with the page-table lock held: 1 if the walk must stop (the
 * batch is full, or the PTE changed while a listener slept), else 0.
 */
static int try_to_swap_out(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long addr, pte_t *pte,
			   struct scan_control *sc)
{
	pte_t orig = *pte;
	struct mmu_notifier_range range;
	struct page *page;
	swp_entry_t entry;
	bool young;

	if (!pte_present(orig))
		return 0;
	page = vm_normal_page(vma, addr, orig);
	if (!page || page->mapping || PageReserved(page))
		return 0;
	sc->nr_scanned++;
	count_vm_event(pgscan);
	young = clear_young_unlocked(mm, addr);
	if (*pte != orig)
		return 0; /* changed while unlocked: leave it */
	if ((pte_young(orig) || young) && !sc->force) {
		set_pte(pte, pte_mkold(orig));
		flush_tlb_page(vma, addr);
		count_vm_event(pgactivate);
		return 0;
	}
	if (!add_to_swap(page, sc))
		return 0;
	entry = page_swap_entry(page);
	if (swap_duplicate(entry))
		return 0;
	mmu_notifier_range_init(&range, MMU_NOTIFY_RECLAIM, mm, addr,
				addr + PAGE_SIZE);
	invalidate_unlocked(&range, true);
	/*
	 * A listener may have slept, and the mm's own faults run meanwhile
	 * (mmap_lock, held for reading, keeps the page table itself): check
	 * before trusting pte again.
	 */
	if (*pte != orig) {
		invalidate_unlocked(&range, false);
		swap_free(entry);
		try_to_free_swap(page);
		return 1;
	}
	set_pte(pte, swp_entry_to_pte(entry));
	flush_tlb_page(vma, addr);
	page_mapcount_dec(page);
	mm->rss--;
	invalidate_unlocked(&range, false);
	/* The PTE's reference: kept for the write-out if it was the last. */
	if (page_count(page) == 2 && !page_mapcount(page))
		sc->pageout[sc->nr_pageout++] = page;
	else
		put_page(page);
	return sc->nr_pageout == SWAP_CLUSTER_MAX ||
	       sc->nr_reclaimed + sc->nr_pageout >= sc->nr_to_reclaim;
}

struct swap_out_walk {
	struct scan_control *sc;
	unsigned long next; /* where the walk stopped */
};

static int swap_out_pmd(pmd_t *pmd, unsigned long addr, unsigned long end,
			struct mm_walk *walk)
{
	struct swap_out_walk *w = walk->private;
	struct spinlock *ptl;
	pte_t *pte = pte_offset_map_lock(walk->mm, pmd, addr, &ptl);
	int stop = 0;

	for (; addr != end && !stop; addr += PAGE_SIZE, pte++) {
		stop = try_to_swap_out(walk->mm, walk->vma, addr, pte, w->sc);
		if (stop)
			w->next = addr + PAGE_SIZE;
	}
	pte_unmap_unlock(pte, ptl);
	return stop;
}

static const struct mm_walk_ops swap_out_ops = {
	.pmd_entry = swap_out_pmd,
};

/*
 * Write the batch to swap and free what nobody took back meanwhile (a
 * fault may have found a page in the swap cache while it was written).
 * A write error leaves the page in the swap cache, dirty: in memory, its
 * PTEs' swap entries find it there, nothing is lost.
 */
static void shrink_page_list(struct scan_control *sc)
{
	for (unsigned int i = 0; i < sc->nr_pageout; i++) {
		struct page *page = sc->pageout[i];

		lock_page(page);
		if (PageDirty(page) &&
		    !swap_writepage(page, page_swap_entry(page)))
			ClearPageDirty(page);
		unlock_page(page);
		if (!PageDirty(page) && page_count(page) == 2 &&
		    !page_mapcount(page)) {
			delete_from_swap_cache(page);
			sc->nr_reclaimed++;
			count_vm_event(pgsteal);
		}
		put_page(page);
	}
	sc->nr_pageout = 0;
}

unsigned long shrink_mm_range(struct mm_struct *mm, unsigned long start,
			      unsigned long end, struct scan_control *sc)
{
	struct swap_out_walk w = { .sc = sc, .next = end };
	struct vm_area_struct *vma;

	/*
	 * The caller holds mmap_lock for reading: the VMAs and page tables
	 * stay; each PTE is read and replaced under the page-table lock.
	 */
	for (vma = find_vma_from(mm, start); vma && vma->vm_start < end;
	     vma = find_vma_from(mm, vma->vm_end)) {
		if (vma_reclaimable(vma) &&
		    walk_page_range(mm, vma, max(start, vma->vm_start),
				    min(end, vma->vm_end), &swap_out_ops, &w))
			break;
	}
	shrink_page_list(sc);
	return w.next;
}
