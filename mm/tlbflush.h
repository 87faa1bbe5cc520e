/* SPDX-License-Identifier: MIT */
/*
 * The TLB flushes mm/ calls whenever it removes a translation or reduces
 * its rights (chapter 10).  Each flushes this CPU and, by IPI, every other
 * CPU that may cache the address space (a TLB shootdown), and returns when
 * all have: only then may the page or page table the translation led to be
 * reused.
 */
#ifndef _MM_TLBFLUSH_H
#define _MM_TLBFLUSH_H

#include <mm/mmap.h>

/*
 * The arch provides these.  [start, end) of mm on every CPU that may cache
 * it (end 0: all of mm), then returns when all have flushed.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);
/* Kernel addresses, on every CPU. */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
/* This CPU only (a shootdown's receiving end); end 0 means everything. */
void local_flush_tlb_range(unsigned long start, unsigned long end);
void local_flush_tlb_kernel_range(unsigned long start, unsigned long end);

static inline void flush_tlb_range(struct vm_area_struct *vma,
				   unsigned long start, unsigned long end)
{
	flush_tlb_mm_range(vma->vm_mm, start, end);
}

static inline void flush_tlb_page(struct vm_area_struct *vma,
				  unsigned long addr)
{
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE);
}

/* Every translation of mm, the cached upper-level entries too. */
static inline void flush_tlb_mm(struct mm_struct *mm)
{
	flush_tlb_mm_range(mm, 0, 0);
}

#endif
