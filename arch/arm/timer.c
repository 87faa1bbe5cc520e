// SPDX-License-Identifier: MIT
/*
 * The tick: the generic timer's virtual timer (ARM ARM B8).  CNTV_TVAL
 * counts down from CNTFRQ / HZ and raises the timer's interrupt at zero;
 * each tick sets it again.  Which line that is, and how it is unmasked,
 * is the interrupt controller's business (gic.c on virt, bcm2836.c on the
 * Pi 2).
 */
#include <asm/traps.h>
#include <kernel/time.h>

#define CNTV_CTL_ENABLE 1
#define CNTKCTL_PL0VCTEN (1 << 1)

static unsigned long timer_period;

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

	irqchip_init();
	asm volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(freq)); /* CNTFRQ */
	/* User code may read the virtual count (CNTKCTL.PL0VCTEN), as Linux's vDSO does. */
	asm volatile("mcr p15, 0, %0, c14, c1, 0" : : "r"(CNTKCTL_PL0VCTEN));
	timer_period = freq / HZ;
	timer_rearm();
	irqchip_enable_timer();
}

/* The virtual count (CNTVCT), which ticks at CNTFRQ. */
u64 arch_clock_cycles(void)
{
	u64 count;

	asm volatile("isb; mrrc p15, 1, %Q0, %R0, c14" : "=r"(count));
	return count;
}

u64 arch_clock_cycles_per_tick(void)
{
	return timer_period;
}

void arm_timer_interrupt(bool user_mode)
{
	timer_rearm();
	timer_tick(user_mode);
}
