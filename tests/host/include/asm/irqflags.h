/* SPDX-License-Identifier: MIT */
/* Host stand-in: a test process has no interrupts to disable. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <stdbool.h>

static inline unsigned long arch_local_irq_save(void)
{
	return 0;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	(void)flags;
}

static inline bool arch_irqs_disabled(void)
{
	return false;
}

#endif
