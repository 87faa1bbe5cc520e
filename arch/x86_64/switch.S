/* SPDX-License-Identifier: MIT */
/*
 * The context switch and the first steps of new tasks.
 *
 * __switch_stack(save_sp, new_sp) pushes the callee-saved registers (the C
 * ABI says the caller has saved the rest), stores the stack pointer, loads
 * the other task's and pops its registers: its `ret` then returns into
 * whatever that task was doing when it last switched away -- or, for a new
 * task, into one of the entry points below, which copy_thread() put there.
 */
	.text
	.globl	__switch_stack
__switch_stack:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	mov	%rsp, (%rdi)
	mov	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

/* A new kernel thread: r12 = fn, r13 = arg (from its first switch frame). */
	.globl	kthread_trampoline
kthread_trampoline:
	mov	%r12, %rdi
	mov	%r13, %rsi
	call	kthread_start		/* never returns */
	ud2

/*
 * A forked child: its stack holds a copy of the parent's trap frame, just
 * above the switch frame; return to user mode through it (rax is 0 there).
 */
	.globl	ret_from_fork
ret_from_fork:
	jmp	ret_from_trap

/* void enter_user(struct pt_regs *regs): leave the kernel for user mode. */
	.globl	enter_user
enter_user:
	mov	%rdi, %rsp
	jmp	ret_from_trap

	.section .note.GNU-stack, "", @progbits
