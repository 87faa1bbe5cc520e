/* SPDX-License-Identifier: MIT */
/* Traps and interrupts (arch/arm/traps.c, timer.c, gic.c, bcm2836.c). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <kernel/types.h>

struct pt_regs;

void trap_init(void);
void arm_trap(struct pt_regs *regs);
void arm_kernel_stack_overflow(struct pt_regs *regs);
/* The interrupt controller (gic.c or bcm2836.c, by board). */
void irqchip_init(void);
void irqchip_enable_timer(void);
/* The pending interrupts, handled and acknowledged. */
void arm_irq(bool user_mode);
/* The generic timer's tick (timer.c), from arm_irq. */
void arm_timer_interrupt(bool user_mode);

#endif
