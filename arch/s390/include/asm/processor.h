/* SPDX-License-Identifier: MIT */
/* The few CPU operations the generic kernel needs: interrupts on/off, idle. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <asm/irqflags.h>

/* I/O and external interruptions (PSW bits 6 and 7), together. */
static inline void local_irq_enable(void)
{
	unsigned char old;

	asm volatile("stosm %0, %1"
		     : "=Q"(old)
		     : "i"(PSW_BYTE0_IRQS)
		     : "memory");
}

static inline void local_irq_disable(void)
{
	unsigned char old;

	asm volatile("stnsm %0, %1"
		     : "=Q"(old)
		     : "i"(~PSW_BYTE0_IRQS & 0xff)
		     : "memory");
}

/*
 * Sleep until the next interrupt: one lpswe loads the enabled wait state,
 * so no interrupt can slip in between enabling and waiting.  The interrupt
 * resumes after the wait (arch/s390/entry.S: enabled_wait).
 */
void arch_wait_for_interrupt(void);

static inline void cpu_relax(void)
{
	asm volatile("" : : : "memory");
}

/* uname()'s machine: what Linux reports on this CPU. */
#define UTS_MACHINE "s390x"

#endif
