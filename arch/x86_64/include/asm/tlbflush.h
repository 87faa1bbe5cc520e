/* SPDX-License-Identifier: MIT */
/*
 * This CPU's TLB (arch/x86_64/tlb.c), the arch's half of a TLB shootdown:
 * kernel/smp.c sends the IPIs, and each CPU flushes itself with these.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

struct mm_struct;

/* Flush user addresses [start, end) here; end 0 means all of them. */
void local_flush_tlb_range(unsigned long start, unsigned long end);
/* Flush kernel addresses [start, end) here; end 0 means all of them. */
void local_flush_tlb_kernel_range(unsigned long start, unsigned long end);
/* The physical address of the kernel's own top table (for CR3). */
unsigned long read_kernel_cr3(void);

#endif
