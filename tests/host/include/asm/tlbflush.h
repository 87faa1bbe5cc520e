/* SPDX-License-Identifier: MIT */
/* Host stand-in: no TLB here, so nothing to flush (tests/host/vm_host.c). */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

struct mm_struct;

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);

#endif
