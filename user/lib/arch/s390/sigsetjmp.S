/* SPDX-License-Identifier: MIT */
/*
 * int sigsetjmp(sigjmp_buf env, int savemask): __sigjmp_save (user/lib/
 * sigsetjmp.c) keeps the mask, then a jump to setjmp, which records our
 * caller's frame: %r14 and %r15 are as they were on entry here.  %r14 and
 * %r15 wait in our caller's register save area meanwhile, as the ABI lets
 * a callee; the call gets a 160-byte frame of its own below.
 */
	.text
	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	stmg	%r14, %r15, 112(%r15)
	lgr	%r1, %r15
	aghi	%r15, -160
	stg	%r1, 0(%r15)		/* the back chain */
	brasl	%r14, __sigjmp_save	/* returns env in %r2 */
	lmg	%r14, %r15, 272(%r15)	/* 160 + 112: what we saved */
	jg	setjmp
	.size	sigsetjmp, . - sigsetjmp

	.section .note.GNU-stack, "", @progbits
