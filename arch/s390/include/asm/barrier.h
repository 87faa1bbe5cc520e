/* SPDX-License-Identifier: MIT */
/*
 * Memory barriers for memory shared with a device (a virtio ring).  s390
 * keeps stores in order with stores and loads with loads, as x86 does, so
 * only the compiler must be stopped; a full barrier is the serializing
 * BRANCH ON CONDITION 15,0 (Linux's mb()).  Linux's names.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define barrier() asm volatile("" : : : "memory")
#define virt_wmb() barrier()
#define virt_rmb() barrier()
#define virt_mb() asm volatile("bcr 15, 0" : : : "memory")

#endif
