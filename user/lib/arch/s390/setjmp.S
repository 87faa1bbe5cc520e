/* SPDX-License-Identifier: MIT */
/*
 * setjmp and longjmp for s390x, which newlib has no machine directory for
 * (its other ports bring their own: libc/machine/<cpu>/setjmp.S).
 *
 *	int setjmp(jmp_buf env);
 *	void longjmp(jmp_buf env, int val);
 *
 * env keeps what the s390x ELF ABI says a call preserves: r6-r13, r14 (the
 * return address) and r15 (the stack pointer), then f8-f15; 18 longs, the
 * _JBLEN of user/user.mk.  longjmp puts them back, so it returns from
 * setjmp's call a second time, with val (1 if val is 0, as C requires).
 */
	.text
	.globl	setjmp
	.type	setjmp, @function
setjmp:
	stmg	%r6, %r15, 0(%r2)
	std	%f8, 80(%r2)
	std	%f9, 88(%r2)
	std	%f10, 96(%r2)
	std	%f11, 104(%r2)
	std	%f12, 112(%r2)
	std	%f13, 120(%r2)
	std	%f14, 128(%r2)
	std	%f15, 136(%r2)
	lghi	%r2, 0
	br	%r14
	.size	setjmp, . - setjmp

	.globl	longjmp
	.type	longjmp, @function
longjmp:
	lmg	%r6, %r15, 0(%r2)
	ld	%f8, 80(%r2)
	ld	%f9, 88(%r2)
	ld	%f10, 96(%r2)
	ld	%f11, 104(%r2)
	ld	%f12, 112(%r2)
	ld	%f13, 120(%r2)
	ld	%f14, 128(%r2)
	ld	%f15, 136(%r2)
	lgfr	%r2, %r3
	ltgr	%r2, %r2
	jnz	1f
	lghi	%r2, 1
1:	br	%r14
	.size	longjmp, . - longjmp

	.section .note.GNU-stack, "", @progbits
