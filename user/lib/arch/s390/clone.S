/* SPDX-License-Identifier: MIT */
/*
 * Starting a thread (see the x86_64 version for the contract):
 *
 *	long __clone(int (*fn)(void *), void *stack, unsigned long flags,
 *		     void *arg, int *parent_tid, unsigned long tls,
 *		     int *child_tid);
 *
 * fn, stack, flags, arg and parent_tid come in %r2..%r6, tls and
 * child_tid on the stack (160 and 168 above %r15).  The child's stack gets
 * the ABI's 160-byte frame (back chain 0) with fn and arg above it; the
 * child, seeing 0 from clone, calls fn(arg) and ends the thread with its
 * value (SYS_exit: this thread only).
 */
#include <pagoda/syscall.h>

	.text
	.globl	__clone
	.type	__clone, @function
__clone:
	stmg	%r6, %r7, 48(%r15)
	nill	%r3, 0xfff8		/* the ABI's 8-byte alignment */
	aghi	%r3, -176		/* a frame, then fn and arg */
	xc	0(8,%r3), 0(%r3)	/* back chain 0: the end of a backtrace */
	stg	%r2, 160(%r3)
	stg	%r5, 168(%r3)
	lgr	%r7, %r3
	lgr	%r2, %r4		/* flags */
	lgr	%r3, %r7		/* the child's stack */
	lgr	%r4, %r6		/* parent_tid */
	lg	%r5, 168(%r15)		/* child_tid */
	lg	%r6, 160(%r15)		/* tls */
	lghi	%r1, SYS_clone
	svc	0
	ltgr	%r2, %r2
	jz	1f
	lmg	%r6, %r7, 48(%r15)
	br	%r14
1:	lg	%r1, 160(%r15)		/* fn */
	lg	%r2, 168(%r15)		/* arg */
	basr	%r14, %r1
	lghi	%r1, SYS_exit
	svc	0
	.long	0			/* not reached */
	.size	__clone, . - __clone

/* The thread pointer (set_tls, CLONE_SETTLS): a thread's struct pthread. */
	.globl	__thread_pointer
	.type	__thread_pointer, @function
__thread_pointer:
	ear	%r2, %a0
	sllg	%r2, %r2, 32
	ear	%r2, %a1
	br	%r14
	.size	__thread_pointer, . - __thread_pointer

	.section .note.GNU-stack, "", @progbits
