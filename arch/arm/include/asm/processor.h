/* SPDX-License-Identifier: MIT */
/* The few CPU operations the generic kernel needs: interrupts on/off, idle. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

static inline void local_irq_enable(void)
{
	asm volatile("cpsie i" : : : "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("cpsid i" : : : "memory");
}

/*
 * Sleep until the next interrupt.  wfi wakes on a pending interrupt even
 * while CPSR.I masks it (ARM ARM B1.8.13), so: wfi with interrupts off,
 * then let the interrupt in -- no wakeup is lost between the two.
 */
static inline void arch_wait_for_interrupt(void)
{
	asm volatile("cpsid i; dsb; wfi; cpsie i" : : : "memory");
}

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

/* uname()'s machine: what Linux reports on this CPU. */
#define UTS_MACHINE "armv7l"

#endif
