/* SPDX-License-Identifier: MIT */
/*
 * Device interrupt lines: none on s390 (no PCI here), so request_irq has
 * nothing to unmask.  Channel devices interrupt through their subchannel
 * instead (arch/s390/cio.c).
 */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#define NR_IRQS 1

static inline void arch_unmask_irq(unsigned int irq)
{
}

#endif
