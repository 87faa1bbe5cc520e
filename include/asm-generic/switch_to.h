/* SPDX-License-Identifier: MIT */
/*
 * The task functions every port implements (its process.c and entry code),
 * declared once for all of them (chapter 7.1).  A port's <asm/switch_to.h>
 * defines struct thread_struct, what a task keeps of its CPU, then
 * includes this.
 */
#ifndef _ASM_GENERIC_SWITCH_TO_H
#define _ASM_GENERIC_SWITCH_TO_H

struct task_struct;
struct pt_regs;

/* Save prev's callee-saved registers and stack, resume next's. */
void switch_to(struct task_struct *prev, struct task_struct *next);
/* At boot: the floating-point unit as user programs expect it. */
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
