// SPDX-License-Identifier: MIT
/*
 * SMP on s390, for one CPU (<asm/smp.h> says what several would need):
 * no other CPU is started, no IPI is sent, and a TLB flush is this CPU's
 * alone.  PURGE TLB (ptlb) drops every translation of every space: IPTE
 * would drop one page's, but it takes the page table's address, which
 * these callers (given an address range) do not have; under QEMU the full
 * purge is cheap.
 */
#include <asm/pgtable.h>
#include <kernel/panic.h>
#include <kernel/smp.h>
#include <mm/tlbflush.h>

void arch_set_this_cpu(struct per_cpu *p)
{
	BUG_ON(p != &per_cpu_data[0]);
}

unsigned int arch_smp_boot_cpus(unsigned int max)
{
	return 1;
}

void arch_send_reschedule(unsigned int cpu)
{
	panic("IPI to CPU %u, which was never started", cpu);
}

void arch_send_tlb_flush(unsigned int cpu)
{
	panic("IPI to CPU %u, which was never started", cpu);
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
	__tlb_flush_local();
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	__tlb_flush_local();
}
