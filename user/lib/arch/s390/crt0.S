/* SPDX-License-Identifier: MIT */
/*
 * crt0: where every program starts (_start, the ELF entry point).
 *
 * The kernel enters with the System V layout on the stack:
 *
 *	%r15 ->	argc (8 bytes)
 *		argv[0] ... argv[argc - 1], NULL
 *		envp[0] ... NULL
 *
 * crt0 sets environ, makes the first frame (the ABI's 160-byte save area,
 * back chain 0 to end a backtrace), runs the program's constructors
 * (__libc_start_init, user/lib/init.c), calls main(argc, argv, envp) and
 * passes its return value to exit(), which flushes stdio and runs the
 * destructors.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	lgr	%r6, %r15			/* the entry stack: callee-saved */
	lg	%r2, 0(%r6)
	sllg	%r4, %r2, 3
	la	%r4, 16(%r4, %r6)		/* envp = argv + argc + 1 */
	larl	%r1, environ
	stg	%r4, 0(%r1)
	aghi	%r15, -160
	nill	%r15, 0xfff8			/* 8-byte aligned */
	xc	0(8, %r15), 0(%r15)
	la	%r2, 8(%r6)			/* argv */
	brasl	%r14, __libc_start_init
	lg	%r2, 0(%r6)			/* argc */
	la	%r3, 8(%r6)			/* argv */
	sllg	%r4, %r2, 3
	la	%r4, 16(%r4, %r6)		/* envp */
	brasl	%r14, main
	brasl	%r14, exit			/* with main's result in %r2 */
	.long	0				/* not reached: an invalid opcode */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
