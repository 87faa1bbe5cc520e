/* SPDX-License-Identifier: MIT */
/*
 * struct pt_regs: the registers saved on a trap (arch/arm/entry.S builds
 * it on the SVC stack).  pc and cpsr are the highest words because srsdb
 * stores them first, the rest is stored below.  sp and lr are the
 * interrupted mode's: the user's banked pair after a trap from user mode,
 * the kernel's own otherwise.  panic() fills one too.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#ifndef __ASSEMBLER__
#include <kernel/types.h>
#endif

#define PSR_MODE_MASK 0x1f
#define PSR_USR_MODE 0x10
#define PSR_SVC_MODE 0x13
#define PSR_ABT_MODE 0x17
#define PSR_T_BIT (1 << 5)
#define ARM_TRAP_SVC 2	/* pt_regs.trapno of a system call (entry.S) */
#define ARM_TRAP_DABT 4 /* of a data abort */
/*
 * Each CPU's abort-mode stack (entry.S): a few words for the data-abort
 * entry's check of the kernel stack, then, below them, a stack to panic
 * on when that stack has overflowed.
 */
#define ABORT_STACK_SIZE 4096
#define ABORT_SCRATCH 32

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long r[13];
	unsigned long sp, lr;
	unsigned long orig_r0; /* r0 as the system call got it, to restart */
	unsigned long trapno;  /* which vector: ARM_TRAP_* (arch/arm/traps.c) */
	unsigned long pad;     /* keeps the frame a multiple of 8 bytes */
	unsigned long pc, cpsr;
};

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->pc;
}

/* r11 is the frame pointer in the ARM (not Thumb) instruction set. */
static inline unsigned long frame_pointer(const struct pt_regs *regs)
{
	return regs->r[11];
}

static inline unsigned long user_stack_pointer(const struct pt_regs *regs)
{
	return regs->sp;
}

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cpsr & PSR_MODE_MASK) == PSR_USR_MODE;
}

/* The EABI convention: svc #0, the number in r7, arguments in r0-r5. */
static inline unsigned long syscall_nr(const struct pt_regs *regs)
{
	return regs->r[7];
}

static inline void syscall_args(const struct pt_regs *regs, unsigned long a[6])
{
	for (int i = 0; i < 6; i++)
		a[i] = regs->r[i];
}

static inline void syscall_set_return(struct pt_regs *regs, long ret)
{
	regs->r[0] = ret;
}

static inline unsigned long syscall_get_return(const struct pt_regs *regs)
{
	return regs->r[0];
}

static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->trapno == ARM_TRAP_SVC;
}

static inline void forget_syscall(struct pt_regs *regs)
{
	regs->trapno = ~0UL;
}

/* Run the call again: back over the 4-byte svc, r0 as it came in. */
static inline void syscall_rewind(struct pt_regs *regs)
{
	regs->r[0] = regs->orig_r0;
	regs->pc -= 4;
}
#endif

#endif
