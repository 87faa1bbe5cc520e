/* SPDX-License-Identifier: MIT */
/*
 * Zeroing and copying a whole page: sixteen 256-byte storage-to-storage
 * instructions (XC of a block with itself clears it).
 */
	.text
	.globl	clear_page
clear_page:
	.rept	16
	xc	0(256, %r2), 0(%r2)
	la	%r2, 256(%r2)
	.endr
	br	%r14

	.globl	copy_page
copy_page:
	.rept	16
	mvc	0(256, %r2), 0(%r3)
	la	%r2, 256(%r2)
	la	%r3, 256(%r3)
	.endr
	br	%r14

	.section .note.GNU-stack, "", @progbits
