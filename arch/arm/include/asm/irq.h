/* SPDX-License-Identifier: MIT */
/*
 * Device interrupt lines: the GIC's interrupt IDs on virt (0-15 software,
 * 16-31 per-CPU, 32 and up the shared peripheral lines), the GPU
 * controller's 64 lines on the Pi 2 (gic.c, bcm2836.c).
 */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#define NR_IRQS 128

void arch_unmask_irq(unsigned int irq);

#endif
