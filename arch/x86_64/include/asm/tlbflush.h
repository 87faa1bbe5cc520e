/* SPDX-License-Identifier: MIT */
/*
 * TLB flushes (arch/x86_64/tlb.c): the arch's half of a TLB shootdown.
 * mm/tlbflush.h builds the flushes mm/ calls on flush_tlb_mm_range;
 * kernel/smp.c sends the IPIs, and each CPU flushes itself with the
 * local_ ones.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

struct mm_struct;

/* [start, end) of mm on every CPU that may cache it; end 0: all of mm. */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);
/* Kernel addresses, on every CPU. */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/* This CPU only (the shootdown's receiving end); end 0 means everything. */
void local_flush_tlb_range(unsigned long start, unsigned long end);
void local_flush_tlb_kernel_range(unsigned long start, unsigned long end);
/* The physical address of the kernel's own top table (for CR3). */
unsigned long read_kernel_cr3(void);

#endif
