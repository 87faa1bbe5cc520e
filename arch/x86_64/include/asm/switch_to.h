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

/* The control bits x87/SSE need, on each CPU. */
void fpu_setup_cpu(void);

#include <asm-generic/switch_to.h>

#endif
