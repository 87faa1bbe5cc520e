/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for <asm/page.h>.  "Physical memory" is an arena that
 * tests/host/main.c allocates; physical address pa lives at host address
 * pa + host_phys_offset, just as the kernel's direct map puts it at
 * pa + PAGE_OFFSET.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <asm/layout.h>
#include <kernel/types.h>

extern unsigned long host_phys_offset;

#define __va(pa) ((void *)((unsigned long)(pa) + host_phys_offset))
#define __pa(va) ((phys_addr_t)((unsigned long)(va)-host_phys_offset))

#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)

#include <string.h>

static inline void clear_page(void *page)
{
	memset(page, 0, PAGE_SIZE);
}

static inline void copy_page(void *to, const void *from)
{
	memcpy(to, from, PAGE_SIZE);
}
#define PHYS_PFN(pa) ((unsigned long)((pa) >> PAGE_SHIFT))

#endif
