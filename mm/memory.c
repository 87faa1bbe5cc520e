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
 * and the walks over a range of PTEs, level by level (mm/pagewalk.c):
 * copy_page_range (fork: share every page, write-protecting both sides of
 * a COW mapping) and zap_page_range (munmap, exit).  Each asks vm_normal_page() (mm/vm_normal_page.c) before
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
#include <mm/pagewalk.h>
#include <mm/pgtable.h>

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
	pte = walk_to_pte(mm, addr);
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

/* A zeroed page to hang below an empty entry; populate() links it. */
static void *new_table(void)
{
	return get_zeroed_page();
}

static pmd_t *walk_to_pmd(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud, *new_pud;
	pmd_t *new_pmd;

	if (pgd_none(*pgd)) {
		new_pud = new_table();
		if (!new_pud)
			return NULL;
		pgd_populate(pgd, new_pud);
	}
	pud = pud_offset(pgd, addr);
	if (pud_none(*pud)) {
		new_pmd = new_table();
		if (!new_pmd)
			return NULL;
		pud_populate(pud, new_pmd);
	}
	return pmd_offset(pud, addr);
}

/* The PTE table under pmd, made if missing; NULL if out of memory. */
static pte_t *pte_alloc_map(pmd_t *pmd, unsigned long addr)
{
	pte_t *new;

	if (pmd_none(*pmd)) {
		new = new_table();
		if (!new)
			return NULL;
		pmd_populate(pmd, new);
	}
	return pte_offset_map(pmd, addr);
}

pte_t *walk_to_pte(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = walk_to_pmd(mm, addr);

	return pmd ? pte_alloc_map(pmd, addr) : NULL;
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
	bool cow = is_cow_mapping(walk->vma->vm_flags);
	pmd_t *dst_pmd = walk_to_pmd(dst, addr);
	pte_t *src_pte = pte_offset_map(src_pmd, addr), *dst_pte;
	struct page *page;

	dst_pte = dst_pmd ? pte_alloc_map(dst_pmd, addr) : NULL;
	if (!dst_pte)
		return -ENOMEM;
	for (; addr != end; addr += PAGE_SIZE, src_pte++, dst_pte++) {
		if (pte_none(*src_pte))
			continue;
		if (cow && pte_write(*src_pte)) {
			set_pte(src_pte, pte_wrprotect(*src_pte));
			flush_tlb_page(addr);
		}
		page = vm_normal_page(walk->vma, addr, *src_pte);
		if (page) {
			get_page(page);
			page->_mapcount++;
			dst->rss++;
		}
		set_pte(dst_pte, *src_pte);
	}
	return 0;
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
 * munmap, exit, MADV_DONTNEED, one PTE table: clear each PTE and flush it
 * from the TLB before the page loses this mapping's reference, so the CPU
 * can never reach a page that has been freed.
 */
static int zap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			 struct mm_walk *walk)
{
	pte_t *pte = pte_offset_map(pmd, addr);
	struct page *page;

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		if (pte_none(*pte))
			continue;
		page = vm_normal_page(walk->vma, addr, *pte);
		set_pte(pte, 0);
		flush_tlb_page(addr);
		if (page)
			unmap_page(walk->mm, page);
	}
	return 0;
}

static const struct mm_walk_ops zap_walk_ops = {
	.pmd_entry = zap_pte_range,
};

void zap_page_range(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long start, unsigned long end)
{
	walk_page_range(mm, vma, start, end, &zap_walk_ops, NULL);
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

struct free_range {
	unsigned long floor, ceiling;
	struct list_head tables; /* freed tables, linked through their page */
};

/* Unhook a table; its page goes to fr->tables until the TLB flush. */
static void free_table_later(struct free_range *fr, void *table)
{
	list_add(&virt_to_page(table)->lru, &fr->tables);
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
		free_table_later(fr, pte_offset_map(pmd, 0));
		pmd_clear(pmd);
	} while (pmd++, addr = next, addr != end);
	if (span_in_hole(start, PUD_SIZE, fr->floor, fr->ceiling)) {
		free_table_later(fr, pmd_offset(pud, 0));
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
	if (span_in_hole(start, PGDIR_SIZE, fr->floor, fr->ceiling)) {
		free_table_later(fr, pud_offset(pgd, 0));
		pgd_clear(pgd);
	}
}

void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling)
{
	struct free_range fr = { .floor = floor, .ceiling = ceiling };
	pgd_t *pgd = pgd_offset(mm, addr);
	struct page *page;
	unsigned long next;

	if (addr >= end)
		return;
	INIT_LIST_HEAD(&fr.tables);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			free_pud_range(pgd, addr, next, &fr);
	} while (pgd++, addr = next, addr != end);
	if (list_empty(&fr.tables))
		return;
	flush_tlb_mm(mm);
	while (!list_empty(&fr.tables)) {
		page = list_first_entry(&fr.tables, struct page, lru);
		list_del(&page->lru);
		free_page(page_address(page));
	}
}
