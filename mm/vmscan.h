/* SPDX-License-Identifier: MIT */
/*
 * Reclaim (mm/vmscan.c, and mm/kswapd.c for who runs it and when).
 */
#ifndef _MM_VMSCAN_H
#define _MM_VMSCAN_H

#include <kernel/types.h>

struct mm_struct;
struct page;
struct vm_area_struct;

#define SWAP_CLUSTER_MAX 32 /* pages written out per batch */

struct scan_control {
	unsigned long nr_to_reclaim; /* stop once this many are freed */
	unsigned long nr_reclaimed;  /* pages freed */
	unsigned long nr_scanned;    /* PTEs of anonymous pages looked at */
	bool force;   /* MADV_PAGEOUT: no second chance for accessed pages */
	bool no_swap; /* a page needed a slot and none was free */
	struct page *pageout[SWAP_CLUSTER_MAX]; /* unmapped, to write */
	unsigned int nr_pageout;
};

/* Seed 001's rule, and its successors': may reclaim look in this VMA? */
bool vma_reclaimable(const struct vm_area_struct *vma);

/*
 * One batch of the virtual scan over [start, end) of mm, whose mmap_lock
 * the caller holds (for reading at least): swap PTEs in for
 * present ones of anonymous pages, then write out and free the pages that
 * no PTE maps any more.  Returns where the next batch starts (end: done).
 */
unsigned long shrink_mm_range(struct mm_struct *mm, unsigned long start,
			      unsigned long end, struct scan_control *sc);

#endif
