/* SPDX-License-Identifier: MIT */
/*
 * Device interrupt lines: none on s390 (no PCI here; channel I/O is not
 * used), so request_irq has nothing to unmask.
 */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#define NR_IRQS 1

static inline void arch_unmask_irq(unsigned int irq)
{
}

#endif
