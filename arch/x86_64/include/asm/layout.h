/* SPDX-License-Identifier: MIT */
/*
 * x86_64 address-space layout, shared by C, assembly and linker.ld.
 *
 * Physical: GRUB loads the image at 1 MiB.  Virtual: the kernel image runs in
 * the top 2 GiB (so -mcmodel=kernel addressing works), and all RAM is mapped
 * once more, linearly, at PAGE_OFFSET (the "direct map"), where __va() and
 * __pa() convert.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#include <asm-generic/layout.h>

#define KERNEL_PHYS_BASE _UL(0x100000)
#define KERNEL_VIRT_BASE _UL(0xffffffff80000000)
#define PAGE_OFFSET _UL(0xffff800000000000)

/*
 * Task kernel stacks, each in its own slot with an unmapped guard page
 * below it (kernel/sched.c), in the last GiB of the address space.
 */
#define KSTACK_AREA _UL(0xffffffffc0000000)

/*
 * Device memory mapped for the kernel by ioremap (PCI BARs), handed out
 * upwards from here: 512 GiB, one top-level entry made at boot (so every
 * address space, which copies the kernel's top level, sees later
 * mappings), far from the direct map's RAM.  Its last page is
 * kmap_local_pfn's slot.
 */
#define IOREMAP_START _UL(0xffffc90000000000)
#define IOREMAP_END _UL(0xffffc98000000000)

/* User space: the lower half, less a guard page at the top. */
#define TASK_SIZE _UL(0x00007ffffffff000)

/* Linker script parameters (see linker.ld); not C, so clang-format keeps off. */
/* clang-format off */
#define LINK_FORMAT elf64-x86-64
#define LINK_ARCH i386:x86-64
/* clang-format on */

#endif
