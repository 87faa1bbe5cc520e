// SPDX-License-Identifier: MIT
/*
 * TLB flushes on s390, for one CPU (<asm/smp.h>): a flush is this CPU's
 * alone.  Where one page changed, INVALIDATE PAGE TABLE ENTRY drops that
 * page's translations only (flush_tlb_pte, <asm/pgtable.h>): it needs the
 * entry's address, which these callers, given an address range, do not
 * pass, so it is looked up.  Anything larger is PURGE TLB, which drops
 * every translation of every space.
 */
#include <asm/pgtable.h>
#include <kernel/smp.h>
#include <mm/memory.h>
#include <mm/tlbflush.h>

static bool one_page(unsigned long start, unsigned long end)
{
	return end == start + PAGE_SIZE;
}

void local_flush_tlb_range(unsigned long start, unsigned long end)
{
	__tlb_flush_local();
}

void local_flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	__tlb_flush_local();
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	pte_t *pte = mm && one_page(start, end) ? follow_pte(mm, start) : NULL;

	if (pte)
		flush_tlb_pte(start, pte);
	else
		__tlb_flush_local();
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	pte_t *pte = one_page(start, end) ? lookup_kernel_address(start) : NULL;

	if (pte)
		flush_tlb_pte(start, pte);
	else
		__tlb_flush_local();
}
