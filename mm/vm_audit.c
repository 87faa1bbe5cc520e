// SPDX-License-Identifier: MIT
/*
 * vm_audit (see mm/vm_audit.h): the invariants the VM keeps, checked from
 * the outside, as a fuzzer needs after each batch of random calls (issue
 * 16).  Per address space:
 *  - the VMA list is sorted, its VMAs page-aligned and disjoint, and the
 *    red-black tree holds the same VMAs in the same order, each node's
 *    rb_subtree_gap the largest gap below a VMA of its subtree; total_vm
 *    is their size and map_count their number;
 *  - every PTE in use lies inside a VMA; a writable one is allowed by its
 *    VMA, never maps the zero page, and in a private (COW) mapping maps an
 *    anonymous page no one else maps, and never a page in the swap cache;
 *    rss counts the PTEs of normal pages; a swap PTE names a slot in use.
 * Across all of them, page by page: _mapcount is the number of PTEs seen
 * mapping the page, and _refcount covers those and the page cache's; the
 * swap PTEs seen are what the slots' counts add up to; then the buddy
 * allocator's free lists (audit_free_lists).
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/swap.h>
#include <mm/vm_audit.h>

/* Count a problem; print the first few (a broken rule repeats itself). */
#define audit_problem(a, fmt, ...)                                             \
	do {                                                                   \
		if ((a)->problems++ < 8)                                       \
			printk("vm_audit: " fmt "\n", ##__VA_ARGS__);          \
	} while (0)

int vm_audit_begin(struct vm_audit *a)
{
	unsigned long bytes = (max_pfn - ARCH_PFN_OFFSET) * sizeof(*a->maps);
	struct page *page;

	a->order = 0;
	while ((PAGE_SIZE << a->order) < bytes)
		a->order++;
	page = alloc_pages(a->order);
	if (!page)
		return -ENOMEM;
	a->maps = page_address(page);
	memset(a->maps, 0, PAGE_SIZE << a->order);
	a->problems = 0;
	a->swap_ptes = 0;
	return 0;
}

/* The subtree's largest gap, checking every node's rb_subtree_gap. */
static unsigned long audit_gaps(struct vm_audit *a, struct mm_struct *mm,
				struct rb_node *rb)
{
	struct vm_area_struct *vma, *prev;
	unsigned long gap;

	if (!rb)
		return 0;
	vma = rb_entry(rb, struct vm_area_struct, vm_rb);
	prev = vma->vm_list.prev == &mm->mmap
		       ? NULL
		       : list_entry(vma->vm_list.prev, struct vm_area_struct,
				    vm_list);
	gap = vma->vm_start - (prev ? prev->vm_end : 0);
	gap = max(gap, max(audit_gaps(a, mm, rb->rb_left),
			   audit_gaps(a, mm, rb->rb_right)));
	if (gap != vma->rb_subtree_gap)
		audit_problem(
			a, "VMA [%#lx, %#lx): rb_subtree_gap %#lx, not %#lx",
			vma->vm_start, vma->vm_end, vma->rb_subtree_gap, gap);
	return gap;
}

static void audit_vmas(struct vm_audit *a, struct mm_struct *mm)
{
	struct rb_node *node = rb_first(&mm->mm_rb);
	struct vm_area_struct *vma, *prev = NULL;
	unsigned long pages = 0;
	int count = 0;

	list_for_each_entry (vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= vma->vm_end ||
		    !IS_ALIGNED(vma->vm_start | vma->vm_end, PAGE_SIZE) ||
		    vma->vm_end > TASK_SIZE ||
		    (prev && prev->vm_end > vma->vm_start))
			audit_problem(a, "VMA [%#lx, %#lx) after [%#lx, %#lx)",
				      vma->vm_start, vma->vm_end,
				      prev ? prev->vm_start : 0,
				      prev ? prev->vm_end : 0);
		if (!node ||
		    rb_entry(node, struct vm_area_struct, vm_rb) != vma)
			audit_problem(
				a, "VMA [%#lx, %#lx) not in the tree's order",
				vma->vm_start, vma->vm_end);
		node = node ? rb_next(node) : NULL;
		pages += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
		count++;
		prev = vma;
	}
	if (node)
		audit_problem(a, "the VMA tree holds more than the list");
	if (pages != mm->total_vm)
		audit_problem(a, "total_vm %lu, VMAs %lu pages", mm->total_vm,
			      pages);
	if (count != mm->map_count)
		audit_problem(a, "map_count %d, %d VMAs", mm->map_count, count);
	audit_gaps(a, mm, mm->mm_rb.rb_node);
}

struct pte_audit {
	struct vm_audit *a;
	struct mm_struct *mm;
	unsigned long rss;
};

static void audit_pte(unsigned long addr, pte_t pte, void *arg)
{
	struct pte_audit *pa = arg;
	struct vm_area_struct *vma = find_vma(pa->mm, addr);
	struct page *page;

	if (vma && is_swap_pte(pte) &&
	    swap_entry_valid(pte_to_swp_entry(pte))) {
		pa->a->swap_ptes++;
		return;
	}
	if (!vma || !pte_present(pte)) {
		audit_problem(pa->a, "PTE %#lx at %#lx: %s", (unsigned long)pte,
			      addr,
			      vma ? "neither present nor a swap entry in use"
				  : "outside every VMA");
		return;
	}
	page = vm_normal_page(vma, addr, pte);
	if (page) {
		pa->a->maps[page_to_pfn(page) - ARCH_PFN_OFFSET]++;
		pa->rss++;
	}
	if (!pte_write(pte))
		return;
	if (!(vma->vm_flags & VM_WRITE) ||
	    pte_pfn(pte) == page_to_pfn(zero_page))
		audit_problem(pa->a, "writable PTE at %#lx (VMA flags %#lx)",
			      addr, vma->vm_flags);
	else if (is_cow_mapping(vma->vm_flags) &&
		 (!page || page->mapping || page_mapcount(page) != 1 ||
		  PageSwapCache(page)))
		audit_problem(pa->a,
			      "writable private PTE at %#lx maps a shared page",
			      addr);
}

void vm_audit_mm(struct vm_audit *a, struct mm_struct *mm)
{
	struct pte_audit pa = { .a = a, .mm = mm };

	audit_vmas(a, mm);
	walk_user_ptes(mm->pgd, audit_pte, &pa);
	if (pa.rss != mm->rss)
		audit_problem(a, "rss %lu, normal pages mapped %lu", mm->rss,
			      pa.rss);
}

unsigned long vm_audit_end(struct vm_audit *a)
{
	for (unsigned long pfn = ARCH_PFN_OFFSET; pfn < max_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);
		long maps = a->maps[pfn - ARCH_PFN_OFFSET];

		if (page_mapcount(page) != maps ||
		    (maps && page_count(page) < maps + !!page->mapping))
			audit_problem(a,
				      "page %#lx: mapcount %d, count %d, %ld "
				      "PTEs map it%s",
				      pfn, page_mapcount(page),
				      page_count(page), maps,
				      page->mapping ? ", page cache" : "");
	}
	if (a->swap_ptes != nr_swap_ptes())
		audit_problem(a, "%lu swap PTEs, slot counts add up to %lu",
			      a->swap_ptes, nr_swap_ptes());
	a->problems += audit_free_lists();
	free_pages(virt_to_page(a->maps), a->order);
	return a->problems;
}
