/* SPDX-License-Identifier: MIT */
/*
 * The exception vectors (VBAR points here) and the way into and out of the
 * kernel for every trap: a system call (svc), an interrupt, an abort, an
 * undefined instruction.
 *
 * Whatever mode the exception enters (IRQ, abort, undefined, SVC), the
 * frame goes onto the SVC-mode stack -- the current task's kernel stack:
 * srsdb stores the return address and the interrupted CPSR there, cps
 * moves to SVC mode, and the rest of struct pt_regs (asm/ptrace.h) is
 * stored below.  So the other modes' stack pointers are never used, and
 * an interrupt of the kernel nests on the stack it interrupted.  The
 * return address each exception leaves in lr is adjusted first (ARM ARM
 * B1.8.3, table B1-7): -4 for IRQ, prefetch abort and undefined, -8 for
 * a data abort (the instruction that faulted is re-run), 0 for svc.
 *
 * arm_trap(regs) runs with sp rounded down to 8 bytes, as the AAPCS wants
 * at a call: a trap in the kernel may come in at any word.
 *
 * A kernel stack overflow.  Each task's stack sits above an unmapped guard
 * page (kernel/sched.c), so an overflow is a data abort -- whose frame
 * would go onto the very stack that overflowed, faulting again, forever.
 * So the data-abort entry first checks, from abort mode, that the frame
 * will fit: it reads the frame's lowest word (the probe).  If that faults,
 * the abort taken from abort mode finds the first one's pc and cpsr on
 * this CPU's abort stack (the abort-mode sp, set by trap_init, otherwise
 * unused), builds the frame there, and panics on that stack:
 * arm_kernel_stack_overflow, with the registers and the backtrace.
 */
#include <asm/extable.h>
#include <asm/ptrace.h>

#define S_SP (13 * 4)
#define S_ORIG_R0 (15 * 4)
#define S_TRAPNO (16 * 4)
#define S_PC (18 * 4)
#define S_CPSR (19 * 4)
#define S_FRAME_SIZE (20 * 4)

	.syntax unified
	.arm
	.text
	.balign	32
	.globl	vectors
vectors:
	b	.			/* reset: not taken while running */
	b	undef_entry
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	.			/* unused */
	b	irq_entry
	b	.			/* FIQ: never enabled */

/* The frame below srsdb's two words; r0 = trap number. */
.macro	trap_entry, adjust, trapno
	.if	\adjust
	sub	lr, lr, #\adjust
	.endif
	srsdb	sp!, #PSR_SVC_MODE
	cps	#PSR_SVC_MODE
	sub	sp, sp, #S_PC
	stmia	sp, {r0-r12}
	str	r0, [sp, #S_ORIG_R0]
	mov	r0, #\trapno
	b	trap_common
.endm

undef_entry:
	trap_entry 4, 1
svc_entry:
	trap_entry 0, ARM_TRAP_SVC
pabt_entry:
	trap_entry 4, 3

/*
 * The abort stack while the probe runs: the abort's pc and cpsr at top - 8
 * (srsdb), r0 at top - 20; a second abort, the probe's, puts its own pc
 * and cpsr at top - 16.  The frame for the panic goes below the scratch.
 */
dabt_entry:
	sub	lr, lr, #8
	srsdb	sp!, #PSR_ABT_MODE
	mrs	lr, spsr
	and	lr, lr, #PSR_MODE_MASK
	cmp	lr, #PSR_ABT_MODE
	beq	kernel_stack_overflow	/* the probe faulted */
	str	r0, [sp, #-12]
	cps	#PSR_SVC_MODE
	sub	r0, sp, #S_FRAME_SIZE
	cps	#PSR_ABT_MODE
	ldr	r0, [r0]		/* the probe */
	ldr	r0, [sp, #-12]
	ldr	lr, [sp], #8
	trap_entry 0, ARM_TRAP_DABT

kernel_stack_overflow:
	ldr	r0, [sp, #-4]
	sub	sp, sp, #(ABORT_SCRATCH - 16 + S_FRAME_SIZE)
	stmia	sp, {r0-r12}
	str	r0, [sp, #S_ORIG_R0]
	ldr	r0, [sp, #(S_FRAME_SIZE + ABORT_SCRATCH - 8)]
	str	r0, [sp, #S_PC]
	ldr	r0, [sp, #(S_FRAME_SIZE + ABORT_SCRATCH - 4)]
	str	r0, [sp, #S_CPSR]
	mov	r0, #ARM_TRAP_DABT
	str	r0, [sp, #S_TRAPNO]
	mov	r0, sp
	add	sp, sp, #(ABORT_SCRATCH + S_FRAME_SIZE) /* empty, for what nests */
	cps	#PSR_SVC_MODE
	str	sp, [r0, #S_SP]		/* the kernel's, overflowed */
	str	lr, [r0, #(S_SP + 4)]
	mov	sp, r0
	bic	sp, sp, #7
	bl	arm_kernel_stack_overflow
	udf	#0

irq_entry:
	trap_entry 4, 6

trap_common:
	str	r0, [sp, #S_TRAPNO]
	ldr	r1, [sp, #S_CPSR]
	add	r2, sp, #S_SP
	tst	r1, #0xf		/* user mode is 0x10: low bits clear */
	stmiaeq	r2, {sp, lr}^		/* the user's banked sp and lr */
	addne	r3, sp, #S_FRAME_SIZE	/* the kernel's sp before the trap */
	stmiane	r2, {r3, lr}
	mov	r0, sp
	mov	r4, sp
	bic	sp, sp, #7
	bl	arm_trap
	mov	sp, r4
	.globl	ret_from_trap
ret_from_trap:
	ldr	r1, [sp, #S_CPSR]
	add	r2, sp, #S_SP
	tst	r1, #0xf
	ldmiaeq	r2, {sp, lr}^
	ldrne	lr, [r2, #4]
	ldmia	sp, {r0-r12}
	add	sp, sp, #S_PC
	rfeia	sp!

/*
 * void arch_save_regs(struct pt_regs *regs): the caller's registers, for
 * panic().  pc is the return address into panic() and fp its frame, so a
 * backtrace from them starts in panic() and goes on to its callers.
 */
	.globl	arch_save_regs
arch_save_regs:
	stmia	r0, {r0-r12}
	str	sp, [r0, #S_SP]
	str	lr, [r0, #S_SP + 4]
	str	lr, [r0, #S_PC]
	mrs	r1, cpsr
	str	r1, [r0, #S_CPSR]
	mov	r1, #0
	str	r1, [r0, #S_TRAPNO]
	bx	lr

/*
 * size_t copy_nofault(void *dst, const void *src, size_t n): the bytes NOT
 * copied, 0 if all were.  Byte by byte, each load and store listed in
 * ex_table: a fault on either resumes at 3:, where r2 still counts the
 * bytes left (the faulting byte included).
 */
	.globl	copy_nofault
copy_nofault:
	cmp	r2, #0
	beq	3f
1:	ldrb	r3, [r1]
2:	strb	r3, [r0]
	add	r0, r0, #1
	add	r1, r1, #1
	subs	r2, r2, #1
	bne	1b
3:	mov	r0, r2
	bx	lr
	_ASM_EXTABLE(1b, 3b)
	_ASM_EXTABLE(2b, 3b)

/*
 * The context switch: __switch_stack(save_sp, new_sp) pushes the
 * callee-saved registers (the AAPCS says the caller saved the rest),
 * stores sp, loads the other task's and pops its registers; the pc it
 * pops returns into whatever that task was doing when it last switched
 * away -- or, for a new task, into an entry point copy_thread() put there.
 */
	.globl	__switch_stack
__switch_stack:
	push	{r4-r11, lr}
	str	sp, [r0]
	mov	sp, r1
	pop	{r4-r11, pc}

/* A new kernel thread: r4 = fn, r5 = arg (from its first switch frame). */
	.globl	kthread_trampoline
kthread_trampoline:
	mov	r0, r4
	mov	r1, r5
	bl	kthread_start		/* never returns */
	udf	#0

/* A forked child: its trap frame is just above the switch frame. */
	.globl	ret_from_fork
ret_from_fork:
	bl	unlock_kernel_to_user	/* as every return to user mode */
	b	ret_from_trap

/* void enter_user(struct pt_regs *regs): leave the kernel for user mode. */
	.globl	enter_user
enter_user:
	mov	sp, r0
	bl	unlock_kernel_to_user
	b	ret_from_trap

	.section .note.GNU-stack, "", %progbits
