/* SPDX-License-Identifier: MIT */
/*
 * int sigsetjmp(sigjmp_buf env, int savemask): __sigjmp_save (user/lib/
 * sigsetjmp.c) keeps the mask, then a branch to setjmp, which records our
 * caller's frame: sp and lr are as they were on entry here.
 */
	.syntax	unified
	.arm
	.text
	.globl	sigsetjmp
	.type	sigsetjmp, %function
sigsetjmp:
	push	{r4, lr}		/* r4: keeps sp 8-byte aligned */
	bl	__sigjmp_save		/* returns env in r0 */
	pop	{r4, lr}
	b	setjmp
	.size	sigsetjmp, . - sigsetjmp

	.section .note.GNU-stack, "", %progbits
