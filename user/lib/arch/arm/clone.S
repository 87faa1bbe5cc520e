/* SPDX-License-Identifier: MIT */
/*
 * Starting a thread:
 *
 *	long __clone(int (*fn)(void *), void *stack, unsigned long flags,
 *		     void *arg, int *parent_tid, unsigned long tls,
 *		     int *child_tid);
 *
 * The new thread begins as a copy of the caller returning from the system
 * call, but on its own stack, where it finds nothing of the caller's
 * frames: so fn and arg are stored on that stack first, and the child,
 * seeing 0 from clone, takes them back and calls fn(arg).  If fn returns,
 * its value ends the thread (SYS_exit: this thread only).  The parent gets
 * the thread id, or -errno; only the parent returns.  The call's
 * arguments: flags, stack, parent_tid, child_tid, tls in r0-r4.
 */
#include <pagoda/syscall.h>

	.syntax	unified
	.arm
	.text
	.globl	__clone
	.type	__clone, %function
__clone:
	push	{r4, r5, r7, lr}
	bic	r1, r1, #7		/* the AAPCS's alignment, then room */
	sub	r1, r1, #8		/* for fn and arg */
	str	r0, [r1]
	str	r3, [r1, #4]
	mov	r0, r2			/* flags (r1: the stack) */
	ldr	r2, [sp, #16]		/* parent_tid, above the saved registers */
	ldr	r4, [sp, #20]		/* tls */
	ldr	r3, [sp, #24]		/* child_tid */
	mov	r7, #SYS_clone
	svc	#0
	cmp	r0, #0
	popne	{r4, r5, r7, pc}
	mov	fp, #0			/* the end of a backtrace */
	mov	lr, #0
	pop	{r1, r2}		/* fn, arg */
	mov	r0, r2
	blx	r1
	mov	r7, #SYS_exit
	svc	#0
	udf	#0
	.size	__clone, . - __clone

/*
 * The thread pointer (set_tls, CLONE_SETTLS): a thread's struct pthread,
 * whose first word points at itself, as x86_64's %fs:0 reads it.  The
 * kernel keeps it in TPIDRURO, which user code may read.
 */
	.globl	__thread_pointer
	.type	__thread_pointer, %function
__thread_pointer:
	mrc	p15, 0, r0, c13, c0, 3
	ldr	r0, [r0]
	bx	lr
	.size	__thread_pointer, . - __thread_pointer

	.section .note.GNU-stack, "", %progbits
