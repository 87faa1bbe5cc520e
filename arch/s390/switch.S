/* SPDX-License-Identifier: MIT */
/*
 * The context switch and the first steps of new tasks.
 *
 * __switch_stack(save_sp, new_sp) stores the callee-saved registers %r6..%r15
 * (%r14 is the return address) in the ABI's save area of its own frame,
 * saves the stack pointer, takes the other task's and loads its registers
 * from there: br %r14 then returns into whatever that task was doing when
 * it last switched away -- or, for a new task, into one of the entry
 * points below, which copy_thread() put in its %r14 slot.
 */
	.text
	.globl	__switch_stack
__switch_stack:
	stmg	%r6, %r15, 48(%r15)
	stg	%r15, 0(%r2)
	lgr	%r15, %r3
	lmg	%r6, %r15, 48(%r15)
	br	%r14

/* A new kernel thread: %r6 = fn, %r7 = arg (from its first switch frame). */
	.globl	kthread_trampoline
kthread_trampoline:
	lgr	%r2, %r6
	lgr	%r3, %r7
	brasl	%r14, kthread_start	/* never returns */
	j	.

/*
 * A forked child: its stack holds a copy of the parent's trap frame just
 * above the switch frame; return to user mode through it (%r2 is 0 there).
 */
	.globl	ret_from_fork
ret_from_fork:
	j	ret_from_trap

/* void enter_user(struct pt_regs *regs): leave the kernel for user mode. */
	.globl	enter_user
enter_user:
	lay	%r15, -160(%r2)
	j	ret_from_trap

/*
 * save_fpu_regs(struct fpu_state *fpu), load_fpu_regs(fpu): the
 * floating-point control register (offset 0) and %f0..%f15 (offset 8 on).
 */
	.globl	save_fpu_regs
save_fpu_regs:
	stfpc	0(%r2)
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	std	%f\n, 8 + 8 * \n(%r2)
	.endr
	br	%r14

	.globl	load_fpu_regs
load_fpu_regs:
	lfpc	0(%r2)
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	ld	%f\n, 8 + 8 * \n(%r2)
	.endr
	br	%r14

	.section .note.GNU-stack, "", @progbits
