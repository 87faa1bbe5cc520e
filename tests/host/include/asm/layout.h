/* SPDX-License-Identifier: MIT */
/* Host stand-in for the arch layout: 4 KiB pages, as on every Pagoda arch. */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)

/* The user half of a 48-bit address space, as on x86_64. */
#define TASK_SIZE 0x00007ffffffff000UL

#endif
