/* SPDX-License-Identifier: MIT */
/*
 * Converting between physical addresses, direct-map virtual addresses and
 * page frame numbers.  mm/ uses only these names, never the constants.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <asm/layout.h>

#ifndef __ASSEMBLER__
#include <kernel/types.h>

#define __va(pa) ((void *)((unsigned long)(pa)-PHYS_OFFSET + PAGE_OFFSET))
#define __pa(va) ((phys_addr_t)((unsigned long)(va)-PAGE_OFFSET + PHYS_OFFSET))

/* The image is inside the direct map: the same conversion. */
#define __pa_symbol(sym) ((phys_addr_t)((unsigned long)(sym)-KERNEL_VIRT_BASE))

#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)
/* mem_map starts at RAM's first frame (mm/mm.h). */
#define ARCH_PFN_OFFSET (PHYS_OFFSET >> PAGE_SHIFT)
#define PHYS_PFN(pa) ((unsigned long)((pa) >> PAGE_SHIFT))

/* Zero, or copy, one whole page (page-aligned addresses): arch/arm/page.S. */
void clear_page(void *page);
void copy_page(void *to, const void *from);
#endif

#endif
