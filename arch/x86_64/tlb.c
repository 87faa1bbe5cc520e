// SPDX-License-Identifier: MIT
/*
 * The TLB of one x86_64 CPU, and the address space it walks (CR3).
 * Writing CR3 drops every translation that is not global (Pagoda uses no
 * PCIDs and no global pages), which is what switch_mm (kernel/smp.c)
 * counts on when it takes a CPU out of an mm's cpu_mask.
 *
 * A range longer than FLUSH_ALL_PAGES is flushed whole, as Linux does
 * past its tlb_single_page_flush_ceiling: one CR3 write costs less than
 * many invlpg.
 */
#include <asm/pgtable.h>
#include <kernel/atomic.h>
#include <kernel/smp.h>
#include <mm/mmap.h>
#include <mm/tlbflush.h>

#define FLUSH_ALL_PAGES 32

static void flush_all_user(void)
{
	asm volatile("mov %%cr3, %%rax; mov %%rax, %%cr3"
		     :
		     :
		     : "rax", "memory");
}

static void invlpg(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

void local_flush_tlb_range(unsigned long start, unsigned long end)
{
	if (!end || end - start > FLUSH_ALL_PAGES * PAGE_SIZE) {
		flush_all_user();
		return;
	}
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE)
		invlpg(addr);
}

/* Kernel mappings are not global (no _PAGE_GLOBAL): CR3 drops them too. */
void local_flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	local_flush_tlb_range(start, end);
}

static void load_cr3(unsigned long pa)
{
	asm volatile("mov %0, %%cr3" : : "r"(pa) : "memory");
}

void arch_switch_mm(struct mm_struct *mm)
{
	load_cr3(mm ? __pa(mm->pgd) : read_kernel_cr3());
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	if (this_cpu()->loaded_mm == mm)
		local_flush_tlb_range(start, end);
	smp_flush_tlb_others(mm->cpu_mask, mm, start, end);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	local_flush_tlb_kernel_range(start, end);
	smp_flush_tlb_others(cpu_online_mask, NULL, start, end);
}
