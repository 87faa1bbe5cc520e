/* SPDX-License-Identifier: MIT */
/*
 * The signal restorer: the return address sigaction() gives every handler
 * (SA_RESTORER).  A handler's ret lands here with rsp just above the frame's
 * return-address slot, where the kernel looks for the frame (arch/x86_64/
 * signal.c); sigreturn then resumes the interrupted code and never returns.
 */
#include <pagoda/syscall.h>

	.text
	.globl	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	mov	$SYS_sigreturn, %eax
	int	$0x80
	ud2			/* not reached: sigreturn does not return */
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
