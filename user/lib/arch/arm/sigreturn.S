/* SPDX-License-Identifier: MIT */
/*
 * The signal restorer: the return address sigaction() gives every handler
 * (SA_RESTORER), in lr when the handler starts.  The handler returns here
 * with sp where the kernel left it, on the frame (arch/arm/signal.c);
 * sigreturn then resumes the interrupted code and never returns.
 */
#include <pagoda/syscall.h>

	.syntax	unified
	.arm
	.text
	.globl	__restore_rt
	.type	__restore_rt, %function
__restore_rt:
	mov	r7, #SYS_sigreturn
	svc	#0
	udf	#0		/* not reached: sigreturn does not return */
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", %progbits
