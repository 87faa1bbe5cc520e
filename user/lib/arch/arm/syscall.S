/* SPDX-License-Identifier: MIT */
/*
 * The ARM system-call primitive:
 *
 *	long __syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
 *
 * The AAPCS brings nr, a1, a2, a3 in r0-r3 and a4-a6 on the stack; the
 * EABI system call (Linux's, and Pagoda's) wants the number in r7 and the
 * arguments in r0-r5, then svc #0.  r4, r5 and r7 belong to the caller,
 * so they are saved around the call.  The result comes back in r0.
 */
	.syntax	unified
	.arm
	.text
	.globl	__syscall6
	.type	__syscall6, %function
__syscall6:
	push	{r4, r5, r7, lr}
	mov	r7, r0			/* nr */
	mov	r0, r1			/* a1 */
	mov	r1, r2			/* a2 */
	mov	r2, r3			/* a3 */
	ldr	r3, [sp, #16]		/* a4, above the four saved registers */
	ldr	r4, [sp, #20]		/* a5 */
	ldr	r5, [sp, #24]		/* a6 */
	svc	#0
	pop	{r4, r5, r7, pc}
	.size	__syscall6, . - __syscall6

	.section .note.GNU-stack, "", %progbits
