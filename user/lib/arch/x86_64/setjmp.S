/* SPDX-License-Identifier: MIT */
/*
 * setjmp and longjmp for x86_64, in place of newlib's, whose longjmp(env, 0)
 * makes setjmp return 0 where C requires 1 (libc_test checks it).
 *
 *	int setjmp(jmp_buf env);
 *	void longjmp(jmp_buf env, int val);
 *
 * env keeps what the System V ABI says a call preserves, in newlib's
 * layout (its jmp_buf is 8 longs): rbx, rbp, r12-r15, the stack pointer
 * as it is after setjmp returns, and the return address.  longjmp puts
 * them back and jumps there: setjmp's call returns a second time, with val.
 */
	.text
	.globl	setjmp
	.type	setjmp, @function
setjmp:
	mov	%rbx, 0(%rdi)
	mov	%rbp, 8(%rdi)
	mov	%r12, 16(%rdi)
	mov	%r13, 24(%rdi)
	mov	%r14, 32(%rdi)
	mov	%r15, 40(%rdi)
	lea	8(%rsp), %rax		/* the caller's rsp, past our return address */
	mov	%rax, 48(%rdi)
	mov	(%rsp), %rax
	mov	%rax, 56(%rdi)
	xor	%eax, %eax
	ret
	.size	setjmp, . - setjmp

	.globl	longjmp
	.type	longjmp, @function
longjmp:
	mov	%esi, %eax
	test	%eax, %eax
	jnz	1f
	inc	%eax			/* longjmp(env, 0) returns 1 */
1:	mov	0(%rdi), %rbx
	mov	8(%rdi), %rbp
	mov	16(%rdi), %r12
	mov	24(%rdi), %r13
	mov	32(%rdi), %r14
	mov	40(%rdi), %r15
	mov	48(%rdi), %rsp
	jmp	*56(%rdi)
	.size	longjmp, . - longjmp

	.section .note.GNU-stack, "", @progbits
