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

#include <asm-generic/switch_to.h>

#endif
