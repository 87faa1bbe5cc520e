/* SPDX-License-Identifier: MIT */
/*
 * What a task keeps of the CPU while it is not running: its kernel stack
 * pointer (the general registers are on that stack: __switch_stack saves
 * the callee-saved ones there) and its floating-point registers and
 * control register, which only programs use (the kernel is built
 * -msoft-float), saved and loaded on every switch; and access registers 0
 * and 1, which the kernel does not use either: the ABI's thread pointer
 * (TLS), its high half in %a0 and its low half in %a1.
 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

#include <kernel/types.h>

struct fpu_state {
	u32 fpc;
	u64 fprs[16];
};

struct thread_struct {
	unsigned long sp;
	struct fpu_state fpu;
	u32 acrs[2]; /* %a0, %a1 */
};

void save_fpu_regs(struct fpu_state *fpu);
void load_fpu_regs(const struct fpu_state *fpu);

struct task_struct;
struct pt_regs;

void switch_to(struct task_struct *prev, struct task_struct *next);
void fpu_init(void);
void copy_thread_kernel(struct task_struct *t, int (*fn)(void *), void *arg);
void copy_thread_fork(struct task_struct *child, struct task_struct *parent);
/* The same for a new thread, whose user stack pointer is sp. */
void copy_thread_clone(struct task_struct *child, struct task_struct *parent,
		       unsigned long sp);
/* Set t's thread pointer (TLS); -EPERM if tls is not a user address. */
int arch_set_tls(struct task_struct *t, unsigned long tls);
struct pt_regs *task_pt_regs(struct task_struct *t);
void start_thread(struct pt_regs *regs, unsigned long entry, unsigned long sp);
void enter_user(struct pt_regs *regs) __attribute__((noreturn));

#endif
