/* SPDX-License-Identifier: MIT */
/*
 * crt0: where every program starts (_start, the ELF entry point).
 *
 * The kernel enters with the System V layout on the stack:
 *
 *	sp ->	argc
 *		argv[0] ... argv[argc - 1], NULL
 *		envp[0] ... NULL
 *		(the strings they point to, higher up)
 *
 * crt0 sets environ, runs the program's constructors (__libc_start_init,
 * user/lib/init.c), calls main(argc, argv, envp) and passes its return
 * value to exit(), which flushes stdio and runs the destructors.
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
	.type	_start, %function
_start:
	/* No caller: a zero frame pointer and lr end a backtrace here. */
	mov	fp, #0
	mov	lr, #0
	mov	r4, sp				/* the entry stack: callee-saved */
	ldr	r0, [r4]
	add	r2, r4, r0, lsl #2
	add	r2, r2, #8			/* envp = argv + argc + 1 */
	ldr	r3, =environ
	str	r2, [r3]
	/* The AAPCS wants sp 8-byte aligned at a call; do not trust the entry. */
	bic	sp, sp, #7
	add	r0, r4, #4			/* argv */
	bl	__libc_start_init
	ldr	r0, [r4]			/* argc */
	add	r1, r4, #4			/* argv */
	add	r2, r1, r0, lsl #2
	add	r2, r2, #4			/* envp */
	bl	main
	bl	exit
	udf	#0				/* exit() does not return */
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits
