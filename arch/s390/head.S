/* SPDX-License-Identifier: MIT */
/*
 * The image's first bytes and its entry point.
 *
 * QEMU loads the ELF at its addresses and starts it at _start with DAT
 * off, in 64-bit mode, all interruptions disabled.  The image begins at
 * 64 KiB with Linux's parameter area, whose fields QEMU fills when it is
 * given an initrd (its address and size, at 0x10408 and 0x10410);
 * tools/mks390img.py writes the kernel command line at 0x10480.  (QEMU
 * would also copy its own -append there, but only for an image entered at
 * 0x10000; _start lies beyond the area, so the image keeps its own line.)
 */
#include <asm/layout.h>

#define COMMAND_LINE_SIZE 896

	.section .boot.header, "ax"
	.org	0x400
	.globl	ipl_parameter_flags, initrd_start_parm, initrd_size_parm
ipl_parameter_flags:
	.quad	0
initrd_start_parm:			/* 0x10408 */
	.quad	0
initrd_size_parm:			/* 0x10410 */
	.quad	0
	.org	0x480
	.globl	parm_area
parm_area:				/* 0x10480: the command line */
	.fill	COMMAND_LINE_SIZE, 1, 0

	.section .boot.text, "ax"
	.globl	_start
_start:
	larl	%r15, boot_stack_top
	aghi	%r15, -160		/* the ABI's register save area */
	xc	0(8,%r15), 0(%r15)	/* back chain: the first frame */
	brasl	%r14, s390_start_kernel	/* never returns */
0:	j	0b

/*
 * The boot stack, which becomes the idle task's, with a guard page below
 * it that paging_init leaves out of the direct map.
 */
	.section .bss.page_aligned, "aw", @nobits
	.balign	PAGE_SIZE
	.globl	boot_stack_guard, boot_stack_top
boot_stack_guard:
	.skip	PAGE_SIZE
boot_stack:
	.skip	4 * PAGE_SIZE
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
