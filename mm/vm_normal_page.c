// SPDX-License-Identifier: MIT
/*
 * Which PTEs map a page the VM may count?  vm_normal_page() answers for
 * every walk over page tables (fork, exit, munmap, the fault path): a
 * "normal" page has a struct page whose reference and map counts the
 * mapping holds; a "special" one -- the shared zero page, raw page frames of
 * device memory (VM_PFNMAP, VM_MIXEDMAP) -- has none to touch.
 *
 * This is the rule of seed 000 (VM_MIXEDMAP) and seed 003 (pte_special):
 * an arch with a spare PTE bit marks special PTEs when it makes them, and
 * the question is one bit test; an arch without one (32-bit ARM) must work
 * it out from the VMA.  Both forms are here; the host tests build this file
 * both ways (tests/host/host.mk).
 */
#include <kernel/panic.h>
#include <mm/memory.h>
#include <mm/mm.h>

struct page *zero_page;

void zero_page_init(void)
{
	void *p = get_zeroed_page();

	/* Its one reference is never dropped: vm_normal_page hides it. */
	BUG_ON(!p);
	zero_page = virt_to_page(p);
}

#ifdef ARCH_HAS_PTE_SPECIAL
/* The arch marks uncounted mappings in the PTE itself: trust the bit. */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte)
{
	if (pte_special(pte))
		return NULL;
	return pfn_to_page(pte_pfn(pte));
}
#else
/*
 * No special bit: decide from the VMA, as seed 000 lays down.
 *  - VM_MIXEDMAP: a frame with a struct page (pfn_valid) is counted, any
 *    other is raw.
 *  - VM_PFNMAP: only a COW mapping can hold a normal page (the copy a
 *    write made), so every frame of any other PFN map is raw.  In a COW
 *    mapping remap_pfn_range has set vm_pgoff to the first frame, so a
 *    frame at exactly its linear place is raw; anything else can only be
 *    a page that a COW fault put there, which is normal.
 * The zero page is raw in every VMA.
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (vma->vm_flags & VM_MIXEDMAP) {
		if (!pfn_valid(pfn))
			return NULL;
	} else if (vma->vm_flags & VM_PFNMAP) {
		unsigned long off = (addr - vma->vm_start) >> PAGE_SHIFT;

		if (!is_cow_mapping(vma->vm_flags) ||
		    pfn == vma->vm_pgoff + off)
			return NULL;
	}
	if (is_zero_pfn(pfn))
		return NULL;
	return pfn_to_page(pfn);
}
#endif

bool is_raw_pfn(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	return pte_present(pte) && !is_zero_pfn(pte_pfn(pte)) &&
	       !vm_normal_page(vma, addr, pte);
}
