/* SPDX-License-Identifier: MIT */
/*
 * ARMv7-A address-space layout, shared by C, assembly and linker.ld.
 *
 * The 3G/1G split: user space below 0xC0000000, the kernel above.  RAM
 * starts at PHYS_OFFSET (1 GiB on QEMU's virt board, 0 on the Raspberry
 * Pi 2) and is mapped linearly at PAGE_OFFSET (the direct map, 1 MiB
 * sections), up to LOWMEM_SIZE of it.  The kernel image is part of that
 * map: it runs at PAGE_OFFSET + (its physical address - PHYS_OFFSET), so
 * KERNEL_VIRT_BASE, the distance between an image symbol's virtual and
 * physical address, is PAGE_OFFSET - PHYS_OFFSET.  Above the direct map:
 * the task stacks, then the ioremap area whose last page is
 * kmap_local_pfn's slot.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#include <asm-generic/layout.h>

#ifdef BOARD_raspi2b
#define PHYS_OFFSET _UL(0x00000000)
#else
#define PHYS_OFFSET _UL(0x40000000)
#endif

/* Where QEMU (and a Linux-style boot loader) puts a raw image. */
#define KERNEL_PHYS_BASE (PHYS_OFFSET + _UL(0x10000))
#define PAGE_OFFSET _UL(0xc0000000)
#define KERNEL_VIRT_BASE (PAGE_OFFSET - PHYS_OFFSET)

/* RAM beyond this has no kernel address, so no struct page (no highmem). */
#define LOWMEM_SIZE _UL(0x30000000)

#define KSTACK_AREA _UL(0xf0000000)
#define IOREMAP_START _UL(0xf1000000)
#define IOREMAP_END _UL(0xff000000)

/* User space: below the kernel, less a guard page at the top. */
#define TASK_SIZE _UL(0xbffff000)

/* Linker script parameters (see linker.ld); not C, so clang-format keeps off. */
/* clang-format off */
#define LINK_FORMAT elf32-littlearm
#define LINK_ARCH arm
/* clang-format on */

#endif
