/* SPDX-License-Identifier: MIT */
/* Saving and restoring the interrupt mask (CPSR.I, bit 7). */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <kernel/types.h>

#define PSR_I_BIT (1UL << 7)

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	asm volatile("mrs %0, cpsr; cpsid i" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (!(flags & PSR_I_BIT))
		asm volatile("cpsie i" : : : "memory");
}

static inline bool arch_irqs_disabled(void)
{
	unsigned long flags;

	asm volatile("mrs %0, cpsr" : "=r"(flags));
	return flags & PSR_I_BIT;
}

#endif
