// SPDX-License-Identifier: MIT
/*
 * The mmu_gather: one TLB flush per batch of cleared PTEs, and only then
 * the pages go back (mm/mmu_gather.h says why).  The range grows to cover
 * every cleared PTE; the flush is the arch's flush_tlb_mm_range, which
 * reaches every CPU in the mm's cpu_mask.
 */
#include <asm/pgtable.h>
#include <mm/mm.h>
#include <mm/mmu_gather.h>
#include <mm/tlbflush.h>

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	tlb->start = tlb->end = 0;
	tlb->nr = 0;
}

void tlb_flush_mmu(struct mmu_gather *tlb)
{
	if (tlb->end)
		flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end);
	for (unsigned int i = 0; i < tlb->nr; i++)
		put_page(tlb->pages[i]);
	tlb->start = tlb->end = 0;
	tlb->nr = 0;
}

void tlb_remove_page(struct mmu_gather *tlb, unsigned long addr,
		     struct page *page)
{
	if (!tlb->end || addr < tlb->start)
		tlb->start = addr;
	if (addr + PAGE_SIZE > tlb->end)
		tlb->end = addr + PAGE_SIZE;
	if (!page)
		return;
	tlb->pages[tlb->nr++] = page;
	if (tlb->nr == MMU_GATHER_PAGES)
		tlb_flush_mmu(tlb);
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
}
