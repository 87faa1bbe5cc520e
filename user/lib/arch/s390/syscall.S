/* SPDX-License-Identifier: MIT */
/*
 * The s390x system-call primitive:
 *
 *	long __syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
 *
 * The C calling convention brings nr, a1 ... a4 in %r2..%r6 and a5, a6 on
 * the stack (160 and 168 bytes above %r15); Pagoda's svc 0 (as Linux's for
 * numbers above 255) wants the number in %r1 and the arguments in %r2..%r7.
 * %r6 and %r7 belong to the caller, so they are saved around the call.
 * The result comes back in %r2, where C wants it.
 */
	.text
	.globl	__syscall6
	.type	__syscall6, @function
__syscall6:
	stmg	%r6, %r7, 48(%r15)
	lgr	%r1, %r2		/* nr */
	lgr	%r2, %r3		/* a1 */
	lgr	%r3, %r4		/* a2 */
	lgr	%r4, %r5		/* a3 */
	lgr	%r5, %r6		/* a4 */
	lg	%r6, 160(%r15)		/* a5 */
	lg	%r7, 168(%r15)		/* a6 */
	svc	0
	lmg	%r6, %r7, 48(%r15)
	br	%r14
	.size	__syscall6, . - __syscall6

	.section .note.GNU-stack, "", @progbits
