/* SPDX-License-Identifier: MIT */
/*
 * Reclaim's drivers (mm/kswapd.c): the kswapd thread, direct reclaim,
 * and the exclusion of reclaim from address-space changes.
 */
#ifndef _MM_KSWAPD_H
#define _MM_KSWAPD_H

#include <kernel/types.h>

struct mm_struct;

/* Free pages below low wake kswapd, which reclaims up to high. */
extern unsigned long watermark_low, watermark_high;

void kswapd_init(void);
/* The allocator's call when it hands out a page: kswapd if below low. */
void wakeup_kswapd(void);
/* Reclaim up to nr_pages pages now (may sleep); how many were freed. */
unsigned long try_to_free_pages(unsigned long nr_pages);

/* Below the low watermark, reclaim a few batches now (may sleep). */
void throttle_direct_reclaim(void);

/* Around a change of page tables or VMAs that may sleep or be preempted. */
void vm_change_begin(void);
void vm_change_end(void);
/*
 * Before reclaim (or swapoff) touches address spaces: wait a little for
 * changes in progress; true if none is left, with the sequence number
 * vm_unchanged(mm, &seq) checks later (after a sleep).
 */
bool wait_vm_unchanged(unsigned long *seq);
bool vm_unchanged(struct mm_struct *mm, void *arg);

#endif
