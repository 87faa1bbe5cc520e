/* SPDX-License-Identifier: MIT */
/*
 * Memory barriers for memory shared with a device that reads it by DMA
 * (a virtio ring).  x86 keeps stores in order with stores and loads with
 * loads (TSO) for ordinary write-back memory, so only the compiler must be
 * stopped from reordering; a store followed by a load of another location
 * may pass it, which virt_mb forbids.  Linux's names (asm/barrier.h).
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define barrier() asm volatile("" : : : "memory")
#define virt_wmb() barrier()
#define virt_rmb() barrier()
#define virt_mb() asm volatile("mfence" : : : "memory")

#endif
