/* SPDX-License-Identifier: MIT */
/*
 * The address space as a user program sees it (32-bit ARM, the 3G/1G
 * split), for the programs that probe its edges (user/tests, vmfuzz):
 * where user space ends, kernel addresses a program must never reach, and
 * a free range to play in.
 */
#ifndef _UAPI_ASM_VM_LAYOUT_H
#define _UAPI_ASM_VM_LAYOUT_H

#define USER_TOP 0xbffff000UL	       /* TASK_SIZE: the guard page */
#define BEYOND_USER 0xbffff000UL       /* no hole between the halves here */
#define KERNEL_DIRECT_MAP 0xc0000000UL /* the kernel half: RAM */
#define KERNEL_IMAGE 0xc0018000UL      /* the kernel's text */
#define USER_FREE_WINDOW 0x40000000UL  /* nothing maps here by itself */
#define HUGE_LENGTH 0xc0000000UL       /* more than user space holds */
#define PTE_TABLE_SPAN 0x100000UL      /* what one page of PTEs maps */

#endif
