/* SPDX-License-Identifier: MIT */
/*
 * crt0: where every program starts (_start, the ELF entry point).
 *
 * The kernel enters with the System V layout on the stack:
 *
 *	rsp ->	argc
 *		argv[0] ... argv[argc - 1], NULL
 *		envp[0] ... NULL
 *		(the strings they point to, higher up)
 *
 * crt0 sets environ, runs the program's constructors (__libc_start_init,
 * user/lib/init.c), calls main(argc, argv, envp) and passes its return
 * value to exit(), which flushes stdio and runs the destructors.  main may also be declared with
 * fewer parameters; the extra registers are then simply ignored.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	/* No caller: a zero frame pointer ends a backtrace here. */
	xor	%ebp, %ebp
	mov	%rsp, %rbx			/* the entry stack: callee-saved */
	mov	(%rbx), %edi
	lea	16(%rbx, %rdi, 8), %rdx		/* envp = argv + argc + 1 */
	mov	%rdx, environ(%rip)
	/* The ABI wants rsp 16-byte aligned at a call; do not trust the entry. */
	and	$-16, %rsp
	lea	8(%rbx), %rdi			/* argv */
	call	__libc_start_init
	mov	(%rbx), %edi			/* argc */
	lea	8(%rbx), %rsi			/* argv */
	lea	16(%rbx, %rdi, 8), %rdx		/* envp */
	call	main
	mov	%eax, %edi
	call	exit
	ud2					/* exit() does not return */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
