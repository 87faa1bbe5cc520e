/* SPDX-License-Identifier: MIT */
/*
 * struct pt_regs: the registers saved on a trap, in the order entry.S pushes
 * them (the last pushed comes first).  panic() fills one too, so that both
 * paths print registers and a backtrace the same way.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <kernel/types.h>

struct pt_regs {
	u64 r15, r14, r13, r12, r11, r10, r9, r8;
	u64 rbp, rdi, rsi, rdx, rcx, rbx, rax;
	u64 vector, error_code;
	/* Pushed by the CPU. */
	u64 rip, cs, rflags, rsp, ss;
};

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->rip;
}

static inline unsigned long frame_pointer(const struct pt_regs *regs)
{
	return regs->rbp;
}

static inline unsigned long user_stack_pointer(const struct pt_regs *regs)
{
	return regs->rsp;
}

/* Did the trap come from user mode (ring 3)? */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

/* System-call number and arguments, in int $0x80's registers. */
static inline unsigned long syscall_nr(const struct pt_regs *regs)
{
	return regs->rax;
}

static inline void syscall_args(const struct pt_regs *regs, unsigned long a[6])
{
	a[0] = regs->rdi;
	a[1] = regs->rsi;
	a[2] = regs->rdx;
	a[3] = regs->r10;
	a[4] = regs->r8;
	a[5] = regs->r9;
}

static inline void syscall_set_return(struct pt_regs *regs, long ret)
{
	regs->rax = ret;
}

static inline unsigned long syscall_get_return(const struct pt_regs *regs)
{
	return regs->rax;
}

/*
 * For restarting a system call: int $0x80 pushes no error code, so
 * do_syscall keeps the call's number in that slot (Linux's orig_ax), and
 * the vector says the registers are a system call's.
 */
#define SYSCALL_TRAP_VECTOR 0x80

static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == SYSCALL_TRAP_VECTOR;
}

/* Not a system call any more (sigreturn): nothing to restart. */
static inline void forget_syscall(struct pt_regs *regs)
{
	regs->vector = ~0UL;
}

/* Run the call again: back over the 2-byte int $0x80, number in rax. */
static inline void syscall_rewind(struct pt_regs *regs)
{
	regs->rax = regs->error_code;
	regs->rip -= 2;
}

#endif
