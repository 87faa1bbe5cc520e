// SPDX-License-Identifier: MIT
/*
 * The tick on a PC: the 8254 PIT's channel 0 interrupts HZ times a second on
 * IRQ 0, delivered through the two cascaded 8259 PICs.  The PICs are
 * reprogrammed so that IRQs 0-15 arrive at vectors 32-47, clear of the CPU
 * exceptions (the BIOS leaves IRQ 0 on vector 8, the double fault).
 */
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/traps.h>
#include <kernel/time.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20

#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_HZ 1193182 /* the PIT's input clock */

#define IRQ_TIMER 0

static void pic_init(void)
{
	outb(0x11, PIC1_CMD); /* ICW1: edge triggered, cascade, ICW4 follows */
	outb(0x11, PIC2_CMD);
	outb(FIRST_IRQ_VECTOR, PIC1_DATA); /* ICW2: vector base */
	outb(FIRST_IRQ_VECTOR + 8, PIC2_DATA);
	outb(0x04, PIC1_DATA); /* ICW3: the slave is on IRQ 2 */
	outb(0x02, PIC2_DATA);
	outb(0x01, PIC1_DATA); /* ICW4: 8086 mode */
	outb(0x01, PIC2_DATA);
	outb(~(1 << IRQ_TIMER) & 0xff, PIC1_DATA); /* mask all but the timer */
	outb(0xff, PIC2_DATA);
}

void arch_timer_init(void)
{
	unsigned int divisor = PIT_HZ / HZ;

	pic_init();
	outb(0x34, PIT_CMD); /* channel 0, low then high byte, mode 2 (rate) */
	outb(divisor & 0xff, PIT_CH0);
	outb(divisor >> 8, PIT_CH0);
}

void x86_irq(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
	if (irq == IRQ_TIMER)
		timer_tick();
}
