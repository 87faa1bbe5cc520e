// SPDX-License-Identifier: MIT
/*
 * The Raspberry Pi 2's interrupt controllers.  The BCM2836 adds, at
 * 0x40000000, a small "local" controller per core: it raises the core's
 * IRQ for that core's timers and for the GPU's controller, and says which
 * in the core's IRQ source register.  The GPU's controller (the BCM2835's,
 * at 0x3f00b200) has 64 lines in two banks with a pending and an enable
 * register each; the PL011 is line 57.  Lines are level-triggered and
 * need no acknowledgement here: the device's own handler quiets them.
 */
#include <asm/board.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/serial.h>
#include <asm/traps.h>
#include <kernel/irq.h>
#include <kernel/panic.h>

#define LOCAL_TIMER_CTL0 0x40 /* core 0's timer interrupt control */
#define LOCAL_IRQ_SOURCE0 0x60
#define LOCAL_CNTV (1U << 3) /* the virtual timer (both registers) */
#define LOCAL_GPU (1U << 8)  /* the GPU's controller (IRQ source) */
#define IC_PENDING1 0x04
#define IC_ENABLE1 0x10
#define GPU_IRQS 64

static void __iomem *local, *ic;

void arch_unmask_irq(unsigned int irq)
{
	if (irq < GPU_IRQS)
		writel(1U << (irq % 32), ic + IC_ENABLE1 + 4 * (irq / 32));
}

void irqchip_init(void)
{
	local = ioremap(BCM2836_LOCAL_PHYS, 0x100);
	ic = ioremap(BCM2835_IC_PHYS, 0x100);
	if (!local || !ic)
		panic("cannot map the interrupt controllers");
}

void irqchip_enable_timer(void)
{
	writel(LOCAL_CNTV, local + LOCAL_TIMER_CTL0);
}

void arm_irq(bool user_mode)
{
	u32 source = readl(local + LOCAL_IRQ_SOURCE0);

	if (source & LOCAL_CNTV)
		arm_timer_interrupt(user_mode);
	if (!(source & LOCAL_GPU))
		return;
	for (unsigned int bank = 0; bank < GPU_IRQS / 32; bank++) {
		u32 pending = readl(ic + IC_PENDING1 + 4 * bank);

		while (pending) {
			unsigned int irq = bank * 32 + __builtin_ctz(pending);

			pending &= pending - 1;
			if (irq == UART_IRQ)
				serial_interrupt();
			else
				handle_irq(irq);
		}
	}
}
