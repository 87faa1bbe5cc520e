// SPDX-License-Identifier: MIT
/*
 * TLB flushes on s390, for one CPU (<asm/smp.h>): a flush is this CPU's
 * alone.  PURGE TLB (ptlb) drops every translation of every space: IPTE
 * would drop one page's, but it takes the page table's address, which
 * these callers (given an address range) do not have; under QEMU the full
 * purge is cheap.
 */
#include <asm/pgtable.h>
#include <kernel/smp.h>
#include <mm/tlbflush.h>

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
	__tlb_flush_local();
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	__tlb_flush_local();
}
