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

#include <asm-generic/switch_to.h>

#endif
