// SPDX-License-Identifier: MIT
/*
 * Device interrupt handlers (see kernel/irq.h): a small fixed table, as
 * few devices raise interrupts here.  The arch unmasks the line at its
 * interrupt controller when the first handler arrives (<asm/irq.h>).
 */
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/irq.h>
#include <kernel/kernel.h>
#include <kernel/printk.h>

#define NR_IRQ_ACTIONS 8

static struct irq_action {
	unsigned int irq;
	bool (*handler)(void *dev);
	void *dev;
} actions[NR_IRQ_ACTIONS];

static unsigned long spurious;

int request_irq(unsigned int irq, bool (*handler)(void *dev), void *dev)
{
	unsigned long flags;
	int err = -EBUSY;

	if (irq >= NR_IRQS)
		return -EINVAL;
	flags = arch_local_irq_save();
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++) {
		if (actions[i].handler)
			continue;
		actions[i] = (struct irq_action){ irq, handler, dev };
		arch_unmask_irq(irq);
		err = 0;
		break;
	}
	arch_local_irq_restore(flags);
	return err;
}

void handle_irq(unsigned int irq)
{
	bool handled = false;

	for (size_t i = 0; i < ARRAY_SIZE(actions); i++)
		if (actions[i].handler && actions[i].irq == irq)
			handled |= actions[i].handler(actions[i].dev);
	if (!handled && spurious++ < 10)
		printk("irq %u: nobody's\n", irq);
}
