/* SPDX-License-Identifier: MIT */
/*
 * The address space as a user program sees it (s390x), for the programs
 * that probe its edges (user/tests, vmfuzz).  User space ends where x86_64's
 * does (TASK_SIZE); the kernel has an address space of its own, so the
 * "kernel" addresses here are simply ones no user mapping can reach.
 */
#ifndef _UAPI_ASM_VM_LAYOUT_H
#define _UAPI_ASM_VM_LAYOUT_H

#define USER_TOP 0x00007ffffffff000UL	 /* TASK_SIZE: the guard page */
#define BEYOND_USER 0x0000800000000000UL /* past TASK_SIZE's table reach */
#define KERNEL_DIRECT_MAP 0xffff800000000000UL /* above user space */
#define KERNEL_IMAGE 0xffffffff80100000UL      /* above user space */
#define USER_FREE_WINDOW 0x100000000UL	       /* nothing maps here by itself */
#define HUGE_LENGTH (1UL << 47)		       /* more than user space holds */
#define PTE_TABLE_SPAN 0x200000UL	       /* what one page of PTEs maps */

#endif
