// SPDX-License-Identifier: MIT
/*
 * Interrupts and the tick.
 *
 * virt: an ARM Generic Interrupt Controller v2.  The distributor routes
 * each line to a CPU and enables it; the CPU interface hands the highest
 * pending one over (reading GICC_IAR acknowledges it) and is told when it
 * has been handled (GICC_EOIR), after the handler: a level-triggered PCI
 * line stays up until its device has been told.  IDs 16-31 are each
 * core's own (PPIs), 32 and up the shared peripheral lines (SPIs).
 *
 * The tick is the generic timer's virtual timer (PPI 27): CNTV_TVAL counts
 * down from CNTFRQ / HZ and raises its line at zero; the handler sets it
 * again.
 */
#include <asm/board.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/serial.h>
#include <asm/traps.h>
#include <kernel/irq.h>
#include <kernel/panic.h>
#include <kernel/time.h>

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
#define CNTV_CTL_ENABLE 1

static void __iomem *gicd, *gicc;
static unsigned long timer_period;

void arch_unmask_irq(unsigned int irq)
{
	if (irq >= NR_IRQS)
		return;
	writeb(0xa0, gicd + GICD_IPRIORITYR + irq);
	if (irq >= 32)
		writeb(1, gicd + GICD_ITARGETSR + irq); /* to core 0 */
	writel(1U << (irq % 32), gicd + GICD_ISENABLER + 4 * (irq / 32));
}

static void timer_rearm(void)
{
	asm volatile("mcr p15, 0, %0, c14, c3, 0" : : "r"(timer_period));
	asm volatile("mcr p15, 0, %0, c14, c3, 1; isb"
		     :
		     : "r"(CNTV_CTL_ENABLE));
}

void arch_timer_init(void)
{
	unsigned long freq;

	gicd = ioremap(GIC_DIST_PHYS, 0x1000);
	gicc = ioremap(GIC_CPU_PHYS, 0x2000);
	if (!gicd || !gicc)
		panic("cannot map the GIC");
	writel(1, gicd + GICD_CTLR);
	writel(0xf0, gicc + GICC_PMR); /* let every priority through */
	writel(1, gicc + GICC_CTLR);
	asm volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(freq)); /* CNTFRQ */
	timer_period = freq / HZ;
	timer_rearm();
	arch_unmask_irq(TIMER_IRQ);
}

void arm_irq(bool user_mode)
{
	u32 iar = readl(gicc + GICC_IAR);
	unsigned int irq = iar & 0x3ff;

	if (irq == GIC_SPURIOUS)
		return;
	if (irq == TIMER_IRQ) {
		timer_rearm();
		timer_tick(user_mode);
	} else if (irq == UART_IRQ) {
		serial_interrupt();
	} else {
		handle_irq(irq);
	}
	writel(iar, gicc + GICC_EOIR);
}
