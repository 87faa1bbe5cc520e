// SPDX-License-Identifier: MIT
/*
 * virt's interrupt controller: an ARM Generic Interrupt Controller v2.
 * The distributor routes each line to a CPU and enables it; the CPU
 * interface hands the highest pending one over (reading GICC_IAR
 * acknowledges it) and is told when it has been handled (GICC_EOIR),
 * after the handler: a level-triggered PCI line stays up until its device
 * has been told.  IDs 16-31 are each core's own (PPIs: the timer is 27),
 * 32 and up the shared peripheral lines (SPIs).
 */
#include <asm/board.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/serial.h>
#include <asm/traps.h>
#include <kernel/irq.h>
#include <kernel/panic.h>

#define GICD_CTLR 0x000
#define GICD_ISENABLER 0x100
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICC_CTLR 0x000
#define GICC_PMR 0x004
#define GICC_IAR 0x00c
#define GICC_EOIR 0x010
#define GIC_SPURIOUS 1023

#define TIMER_IRQ 27 /* the virtual timer's PPI */

static void __iomem *gicd, *gicc;

void arch_unmask_irq(unsigned int irq)
{
	if (irq >= NR_IRQS)
		return;
	writeb(0xa0, gicd + GICD_IPRIORITYR + irq);
	if (irq >= 32)
		writeb(1, gicd + GICD_ITARGETSR + irq); /* to core 0 */
	writel(1U << (irq % 32), gicd + GICD_ISENABLER + 4 * (irq / 32));
}

void irqchip_init(void)
{
	gicd = ioremap(GIC_DIST_PHYS, 0x1000);
	gicc = ioremap(GIC_CPU_PHYS, 0x2000);
	if (!gicd || !gicc)
		panic("cannot map the GIC");
	writel(1, gicd + GICD_CTLR);
	writel(0xf0, gicc + GICC_PMR); /* let every priority through */
	writel(1, gicc + GICC_CTLR);
}

void irqchip_enable_timer(void)
{
	arch_unmask_irq(TIMER_IRQ);
}

void arm_irq(bool user_mode)
{
	u32 iar = readl(gicc + GICC_IAR);
	unsigned int irq = iar & 0x3ff;

	if (irq == GIC_SPURIOUS)
		return;
	if (irq == TIMER_IRQ)
		arm_timer_interrupt(user_mode);
	else if (irq == UART_IRQ)
		serial_interrupt();
	else
		handle_irq(irq);
	writel(iar, gicc + GICC_EOIR);
}
