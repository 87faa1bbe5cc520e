// SPDX-License-Identifier: MIT
/*
 * The tick on a PC: the 8254 PIT's channel 0 interrupts HZ times a second
 * on IRQ 0 (dispatched in i8259.c).  The clock between ticks is the TSC,
 * whose rate kernel/time.c measures against this tick.
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

/* The TSC; its rate is measured against the PIT's tick (kernel/time.c). */
u64 arch_clock_cycles(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (u64)hi << 32 | lo;
}

u64 arch_clock_cycles_per_tick(void)
{
	return 0;
}
