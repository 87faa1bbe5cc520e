/* SPDX-License-Identifier: MIT */
/*
 * The address space as a user program sees it (x86_64), for the programs
 * that probe its edges (user/tests, vmfuzz): where user space ends, kernel
 * addresses a program must never reach, and a free range to play in.
 */
#ifndef _UAPI_ASM_VM_LAYOUT_H
#define _UAPI_ASM_VM_LAYOUT_H

#define USER_TOP 0x00007ffffffff000UL	       /* TASK_SIZE: the guard page */
#define BEYOND_USER 0x0000800000000000UL       /* first non-canonical address */
#define KERNEL_DIRECT_MAP 0xffff800000000000UL /* the kernel half: RAM */
#define KERNEL_IMAGE 0xffffffff80100000UL      /* the kernel's text */
#define USER_FREE_WINDOW 0x100000000UL	       /* nothing maps here by itself */
#define HUGE_LENGTH (1UL << 47)		       /* more than user space holds */
#define PTE_TABLE_SPAN 0x200000UL	       /* what one page of PTEs maps */

#endif
