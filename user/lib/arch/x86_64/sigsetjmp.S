/* SPDX-License-Identifier: MIT */
/*
 * int sigsetjmp(sigjmp_buf env, int savemask): __sigjmp_save (user/lib/
 * sigsetjmp.c) keeps the mask, then a jump to setjmp, which records our
 * caller's frame: the stack is as it was on entry here.
 */
	.text
	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	push	%rdi			/* also aligns rsp to 16 for the call */
	call	__sigjmp_save
	pop	%rdi
	mov	%rax, %rdi
	jmp	setjmp
	.size	sigsetjmp, . - sigsetjmp

	.section .note.GNU-stack, "", @progbits
