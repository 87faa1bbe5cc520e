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
 * seeing 0 from clone, pops them and calls fn(arg).  If fn returns, its
 * value ends the thread (SYS_exit: this thread only).  The parent gets the
 * thread id, or -errno; only the parent returns.
 */
#include <pagoda/syscall.h>

	.text
	.globl	__clone
	.type	__clone, @function
__clone:
	and	$-16, %rsi		/* the ABI's alignment, then room */
	sub	$16, %rsi		/* for fn and arg */
	mov	%rdi, (%rsi)
	mov	%rcx, 8(%rsi)
	mov	%rdx, %rdi		/* flags */
	mov	%r8, %rdx		/* parent_tid (rsi: the stack) */
	mov	8(%rsp), %r10		/* child_tid */
	mov	%r9, %r8		/* tls */
	mov	$SYS_clone, %eax
	int	$0x80
	test	%rax, %rax
	jz	1f
	ret
1:	xor	%ebp, %ebp		/* the end of a backtrace */
	pop	%rax			/* fn */
	pop	%rdi			/* arg */
	call	*%rax
	mov	%eax, %edi
	mov	$SYS_exit, %eax
	int	$0x80
	ud2
	.size	__clone, . - __clone

/* The thread pointer (set_tls, CLONE_SETTLS): a thread's struct pthread. */
	.globl	__thread_pointer
	.type	__thread_pointer, @function
__thread_pointer:
	mov	%fs:0, %rax
	ret
	.size	__thread_pointer, . - __thread_pointer

	.section .note.GNU-stack, "", @progbits
