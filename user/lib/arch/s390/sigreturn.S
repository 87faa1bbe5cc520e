/* SPDX-License-Identifier: MIT */
/*
 * The signal restorer: the return address (%r14) sigaction() gives every
 * handler (SA_RESTORER).  A handler's return lands here with %r15 back at
 * the frame, where the kernel looks for it (arch/s390/signal.c); sigreturn
 * then resumes the interrupted code and never returns.
 */
#include <pagoda/syscall.h>

	.text
	.globl	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	lghi	%r1, SYS_sigreturn
	svc	0
	.long	0		/* not reached: sigreturn does not return */
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
