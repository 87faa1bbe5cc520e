/* SPDX-License-Identifier: MIT */
/*
 * Copying between the kernel (home space) and a program (primary space)
 * with MOVE WITH OPTIONAL SPECIFICATIONS: %r0 holds an operand-access
 * control for each operand, and the one naming the user operand says
 * "primary space"; the other operand stays in the PSW's space, home.
 *
 * The copy goes one user page at a time, so a fault (an ex_table entry
 * resumes at the fixup) means that whole page is out of reach and every
 * byte before it was copied: the count returned (bytes NOT copied) is
 * exact, as copy_nofault's is.  A fault the VM can resolve (a page not yet
 * there, a copy-on-write page) is resolved by the program-check handler
 * and the mvcos runs again.
 */
#include <asm/extable.h>
#include <asm/layout.h>

#define OAC_PRIMARY 0x0001	/* A bit, address space 00 */

	.text
/* size_t raw_copy_from_user(void *dst, const void __user *src, size_t n) */
	.globl	raw_copy_from_user
raw_copy_from_user:
	lghi	%r0, OAC_PRIMARY	/* OAC2: the source */
	lgr	%r1, %r3
	j	copy_user

/* size_t raw_copy_to_user(void __user *dst, const void *src, size_t n) */
	.globl	raw_copy_to_user
raw_copy_to_user:
	llilh	%r0, OAC_PRIMARY	/* OAC1: the destination */
	lgr	%r1, %r2

/* %r1: the user address, which decides where a chunk ends. */
copy_user:
	ltgr	%r4, %r4
	jz	3f
	lghi	%r5, PAGE_SIZE - 1
	ngr	%r5, %r1
	lcgr	%r5, %r5
	aghi	%r5, PAGE_SIZE		/* bytes to the user page's end */
	clgr	%r5, %r4
	jle	1f
	lgr	%r5, %r4
1:	mvcos	0(%r2), 0(%r3), %r5
2:	agr	%r1, %r5
	agr	%r2, %r5
	agr	%r3, %r5
	sgr	%r4, %r5
	j	copy_user
3:	lgr	%r2, %r4
	br	%r14
	_ASM_EXTABLE(1b, 3b)

	.section .note.GNU-stack, "", @progbits
