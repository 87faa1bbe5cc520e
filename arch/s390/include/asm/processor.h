/* SPDX-License-Identifier: MIT */
/* The few CPU operations the generic kernel needs: interrupts on/off, idle. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

/* Only external interrupts (PSW bit 7) are ever enabled: no I/O devices. */
static inline void local_irq_enable(void)
{
	unsigned char old;

	asm volatile("stosm %0, 0x01" : "=Q"(old) : : "memory");
}

static inline void local_irq_disable(void)
{
	unsigned char old;

	asm volatile("stnsm %0, 0xfe" : "=Q"(old) : : "memory");
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

#endif
