/* SPDX-License-Identifier: MIT */
/*
 * TLB flushes (arch/x86_64/tlb.c).  mm/ calls the first group whenever it
 * removes a translation or reduces its rights: each flushes this CPU and,
 * by IPI, every other CPU that may cache the address space (a TLB
 * shootdown, kernel/smp.c), and returns when all have.  Only then may the
 * page or page table the translation led to be reused.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

struct mm_struct;
struct vm_area_struct;

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
/* Every translation of mm, the cached upper-level entries too. */
void flush_tlb_mm(struct mm_struct *mm);
/* Kernel addresses, on every CPU. */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/* This CPU only (the shootdown's receiving end); end 0 means everything. */
void local_flush_tlb_range(unsigned long start, unsigned long end);
void local_flush_tlb_kernel_range(unsigned long start, unsigned long end);
/* The physical address of the kernel's own top table (for CR3). */
unsigned long read_kernel_cr3(void);

#endif
