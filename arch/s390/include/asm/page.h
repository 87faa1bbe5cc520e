/* SPDX-License-Identifier: MIT */
/*
 * Converting between physical addresses, direct-map virtual addresses and
 * page frame numbers.  On s390 the direct map is the identity (PAGE_OFFSET
 * is 0), so the conversions are casts; mm/ uses only these names.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <asm/layout.h>

#ifndef __ASSEMBLER__
#include <kernel/types.h>

#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define __pa(va) ((phys_addr_t)((unsigned long)(va)-PAGE_OFFSET))
#define __pa_symbol(sym) ((phys_addr_t)((unsigned long)(sym)-KERNEL_VIRT_BASE))

#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(pa) ((unsigned long)((pa) >> PAGE_SHIFT))

/* Zero, or copy, one whole page (page-aligned addresses): arch/s390/page.S. */
void clear_page(void *page);
void copy_page(void *to, const void *from);
#endif

#endif
