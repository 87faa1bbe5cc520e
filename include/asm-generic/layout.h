/* SPDX-License-Identifier: MIT */
/*
 * What every port's address-space layout (<asm/layout.h>) has in common,
 * for C, assembly and linker.ld alike: 4 KiB pages, the user stack below
 * TASK_SIZE, and kmap_local_pfn's slot in the last page of the ioremap
 * area.  The port defines the addresses themselves; these macros name
 * them, so they may come before or after.
 */
#ifndef _ASM_GENERIC_LAYOUT_H
#define _ASM_GENERIC_LAYOUT_H

#ifdef __ASSEMBLER__
#define _UL(x) x
#else
#define _UL(x) x##UL
#endif

#define PAGE_SHIFT 12
#define PAGE_SIZE (_UL(1) << PAGE_SHIFT)

#define KMAP_LOCAL_ADDR (IOREMAP_END - PAGE_SIZE)

#define USER_STACK_TOP TASK_SIZE
#define USER_STACK_SIZE (_UL(256) << 10)

#endif
