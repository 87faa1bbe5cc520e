/* SPDX-License-Identifier: MIT */
/* Traps and interrupts (arch/arm/traps.c, arch/arm/irq.c). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <kernel/types.h>

struct pt_regs;

void trap_init(void);
void arm_trap(struct pt_regs *regs);
/* The interrupt controller's pending interrupt, handled and acknowledged. */
void arm_irq(bool user_mode);

#endif
