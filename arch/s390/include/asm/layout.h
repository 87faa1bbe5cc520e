/* SPDX-License-Identifier: MIT */
/*
 * s390x address-space layout, shared by C, assembly and linker.ld.
 *
 * The kernel and user programs live in different address spaces, as in
 * Linux on s390: the kernel runs in the home space (its own table, in
 * control register 13), a program in the primary space (its mm's table,
 * in CR1).  So the two may use the same addresses.
 *
 * Physical: QEMU loads the image at its link addresses, from 64 KiB up
 * (below is the lowcore, the CPU's prefix area).  Kernel virtual: all RAM
 * mapped at its own address (PAGE_OFFSET 0, the direct map; the image is
 * part of it) except the lowcore's two pages, so that a NULL pointer
 * faults; then the kernel stacks, the ioremap area and the lowcore's
 * alias far above RAM.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#include <asm-generic/layout.h>

#define KERNEL_PHYS_BASE _UL(0x10000)
#define KERNEL_VIRT_BASE _UL(0)
#define PAGE_OFFSET _UL(0)

/* Task kernel stacks, each with an unmapped guard page below (sched.c). */
#define KSTACK_AREA _UL(0x0000010000000000)

/* Device memory and kmap_local_pfn's slot (the last page): 1 GiB. */
#define IOREMAP_START _UL(0x0000020000000000)
#define IOREMAP_END _UL(0x0000020040000000)

/* Where the kernel reaches the lowcore (<asm/lowcore.h>): two pages. */
#define LOWCORE_ALIAS _UL(0x0000030000000000)
#define LOWCORE_SIZE (2 * PAGE_SIZE)

/* The kernel's table reaches 4 TiB: everything above must stay below. */
#define KERNEL_VA_END _UL(0x0000040000000000)

/* User space: the same size as on x86_64, less a guard page at the top. */
#define TASK_SIZE _UL(0x00007ffffffff000)

/* Linker script parameters (see linker.ld); not C, so clang-format keeps off. */
/* clang-format off */
#define LINK_FORMAT elf64-s390
#define LINK_ARCH s390:64-bit
/* clang-format on */

#endif
