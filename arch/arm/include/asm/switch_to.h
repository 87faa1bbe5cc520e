/* SPDX-License-Identifier: MIT */
/*
 * What a task keeps of the CPU while it is not running: its kernel stack
 * pointer (the callee-saved registers are on that stack, pushed by
 * __switch_stack) and its thread pointer.  No FPU state: kernel and user programs are built
 * soft-float, and VFP stays off, so a VFP instruction is an undefined one.
 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

#include <kernel/types.h>

struct thread_struct {
	unsigned long sp;
	unsigned long tls; /* the thread pointer: TPIDRURO while it runs */
};

struct task_struct;
struct pt_regs;

void switch_to(struct task_struct *prev, struct task_struct *next);
void fpu_init(void);
void copy_thread_kernel(struct task_struct *t, int (*fn)(void *), void *arg);
void copy_thread_fork(struct task_struct *child, struct task_struct *parent);
void copy_thread_clone(struct task_struct *child, struct task_struct *parent,
		       unsigned long sp);
int arch_set_tls(struct task_struct *t, unsigned long tls);
struct pt_regs *task_pt_regs(struct task_struct *t);
void start_thread(struct pt_regs *regs, unsigned long entry, unsigned long sp);
void enter_user(struct pt_regs *regs) __attribute__((noreturn));

#endif
