/* SPDX-License-Identifier: MIT */
/* Device interrupt lines on a PC: the 16 of the two cascaded 8259s. */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#include <asm/i8259.h>

#define NR_IRQS 16

static inline void arch_unmask_irq(unsigned int irq)
{
	pic_unmask(irq);
}

#endif
