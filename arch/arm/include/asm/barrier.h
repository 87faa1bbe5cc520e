/* SPDX-License-Identifier: MIT */
/*
 * Memory barriers for memory shared with a device that reads it by DMA
 * (a virtio ring).  ARM's memory is weakly ordered: loads and stores to
 * normal memory may be observed out of program order by another observer,
 * a device included, so each barrier is a real instruction: dmb ish for
 * the ordering among stores (st), among loads and stores (full).
 * Linux's names (asm/barrier.h).
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define barrier() asm volatile("" : : : "memory")
#define virt_wmb() asm volatile("dmb ishst" : : : "memory")
#define virt_rmb() asm volatile("dmb ish" : : : "memory")
#define virt_mb() asm volatile("dmb ish" : : : "memory")

#endif
