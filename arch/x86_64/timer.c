// SPDX-License-Identifier: MIT
/*
 * The tick on a PC: the 8254 PIT's channel 0 interrupts HZ times a second
 * on IRQ 0 (dispatched in i8259.c).
 */
#include <asm/i8259.h>
#include <asm/io.h>
#include <kernel/time.h>

#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_HZ 1193182 /* the PIT's input clock */

void arch_timer_init(void)
{
	unsigned int divisor = PIT_HZ / HZ;

	pic_init();
	outb(0x34, PIT_CMD); /* channel 0, low then high byte, mode 2 (rate) */
	outb(divisor & 0xff, PIT_CH0);
	outb(divisor >> 8, PIT_CH0);
	pic_unmask(IRQ_TIMER);
}
