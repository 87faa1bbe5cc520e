/* SPDX-License-Identifier: MIT */
/*
 * Integer division by zero.  Programs are built for plain ARMv7-A, whose
 * integer division is libgcc's (__aeabi_idiv and friends: the Cortex-A7 and
 * A15 have a divide instruction, but it answers 0 and raises nothing).
 * libgcc's helpers call __aeabi_idiv0 or __aeabi_ldiv0 on a zero divisor;
 * here, as in glibc on ARM Linux, they raise SIGFPE, so that x / 0 ends a
 * program the way x86_64's #DE does.
 */
	.syntax	unified
	.arm
	.text
	.globl	__aeabi_idiv0, __aeabi_ldiv0
	.type	__aeabi_idiv0, %function
	.type	__aeabi_ldiv0, %function
__aeabi_idiv0:
__aeabi_ldiv0:
	mov	r0, #8			/* SIGFPE (pagoda/abi.h) */
	b	raise
	.size	__aeabi_idiv0, . - __aeabi_idiv0

	.section .note.GNU-stack, "", %progbits
