/* SPDX-License-Identifier: MIT */
/*
 * Batched unmapping (mm/mmu_gather.c, Linux's struct mmu_gather): munmap,
 * exit, MADV_DONTNEED and truncation clear PTEs, gather the pages those
 * PTEs held and the range they covered, and flush the TLBs once for the
 * range -- one shootdown, not one per page -- before the pages' references
 * are dropped.  A page that another CPU can still reach through a stale
 * TLB entry must not be freed: the batch is flushed before it is emptied.
 *
 *	struct mmu_gather tlb;
 *
 *	tlb_gather_mmu(&tlb, mm);
 *	... set_pte(pte, 0); tlb_remove_page(&tlb, addr, page); ...
 *	tlb_finish_mmu(&tlb);
 */
#ifndef _MM_MMU_GATHER_H
#define _MM_MMU_GATHER_H

#include <kernel/types.h>

#define MMU_GATHER_PAGES 32 /* pages held back per flush */

struct mm_struct;
struct page;

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end; /* the PTEs cleared since the last flush */
	unsigned int nr;
	struct page *pages[MMU_GATHER_PAGES]; /* references to drop after it */
};

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
/* The PTE at addr was cleared; page (NULL: none counted) loses its reference. */
void tlb_remove_page(struct mmu_gather *tlb, unsigned long addr,
		     struct page *page);
/* Flush the range gathered so far, then drop the pages' references. */
void tlb_flush_mmu(struct mmu_gather *tlb);
void tlb_finish_mmu(struct mmu_gather *tlb);

#endif
