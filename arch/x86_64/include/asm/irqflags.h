/* SPDX-License-Identifier: MIT */
/* Saving and restoring the interrupt flag (RFLAGS.IF, bit 9). */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <kernel/types.h>

#define X86_EFLAGS_IF (1UL << 9)

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		asm volatile("sti" : : : "memory");
}

static inline bool arch_irqs_disabled(void)
{
	unsigned long flags;

	asm volatile("pushfq; popq %0" : "=r"(flags));
	return !(flags & X86_EFLAGS_IF);
}

#endif
