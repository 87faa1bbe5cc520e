/* SPDX-License-Identifier: MIT */
/*
 * What a task keeps of the CPU while it is not running: its kernel stack
 * pointer (everything else is on that stack, pushed by switch_to) and its
 * x87/SSE state, saved eagerly with fxsave on every switch, since user
 * programs compiled for x86_64 use the SSE registers.
 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

#include <kernel/types.h>

struct thread_struct {
	unsigned long sp;
	unsigned long fsbase; /* the user's TLS pointer (MSR_FS_BASE) */
	u8 fpu[512] __attribute__((aligned(16)));
};

struct task_struct;
struct pt_regs;

/* Save prev's callee-saved registers and stack, resume next's. */
void switch_to(struct task_struct *prev, struct task_struct *next);

void fpu_init(void);
/* Prepare a new task's stack: to run fn(arg), or to return from fork. */
void copy_thread_kernel(struct task_struct *t, int (*fn)(void *), void *arg);
void copy_thread_fork(struct task_struct *child, struct task_struct *parent);
/* The same for a new thread, whose user stack pointer is sp. */
void copy_thread_clone(struct task_struct *child, struct task_struct *parent,
		       unsigned long sp);
/* Set t's thread pointer (TLS); -EPERM if tls is not a user address. */
int arch_set_tls(struct task_struct *t, unsigned long tls);
/* The user registers saved at the top of t's kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *t);
/* Set user registers to start a program at entry with stack sp. */
void start_thread(struct pt_regs *regs, unsigned long entry, unsigned long sp);
/* Leave the kernel for user mode with these registers; never returns. */
void enter_user(struct pt_regs *regs) __attribute__((noreturn));

#endif
