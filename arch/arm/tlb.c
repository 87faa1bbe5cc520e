// SPDX-License-Identifier: MIT
/*
 * TLB flushes on ARM, for one CPU (<asm/smp.h>): a flush is this CPU's
 * alone, by address (TLBIMVAA) for a short range, else all of it (TLBIALL);
 * the kernel's entries come back from the tables.
 */
#include <asm/pgtable.h>
#include <kernel/smp.h>
#include <mm/tlbflush.h>

#define FLUSH_ALL_PAGES 32

void local_flush_tlb_range(unsigned long start, unsigned long end)
{
	if (!end || end - start > FLUSH_ALL_PAGES * PAGE_SIZE) {
		__flush_tlb_all();
		return;
	}
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE)
		__flush_tlb_one(addr);
}

void local_flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	local_flush_tlb_range(start, end);
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	local_flush_tlb_range(start, end);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	local_flush_tlb_range(start, end);
}
