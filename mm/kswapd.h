/* SPDX-License-Identifier: MIT */
/*
 * Reclaim's drivers (mm/kswapd.c): the kswapd thread and direct reclaim.
 */
#ifndef _MM_KSWAPD_H
#define _MM_KSWAPD_H

#include <kernel/types.h>

/* Free pages below low wake kswapd, which reclaims up to high. */
extern unsigned long watermark_low, watermark_high;

void kswapd_init(void);
/* The allocator's call when it hands out a page: kswapd if below low. */
void wakeup_kswapd(void);
/* Reclaim up to nr_pages pages now (may sleep); how many were freed. */
unsigned long try_to_free_pages(unsigned long nr_pages);

/* Below the low watermark, reclaim a few batches now (may sleep). */
void throttle_direct_reclaim(void);

#endif
