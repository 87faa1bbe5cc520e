/* SPDX-License-Identifier: MIT */
/* The few CPU operations the generic kernel needs: interrupts on/off, idle. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

static inline void local_irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

/* Sleep until the next interrupt; "sti; hlt" cannot lose a wakeup between them. */
static inline void arch_wait_for_interrupt(void)
{
	asm volatile("sti; hlt" : : : "memory");
}

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

/* uname()'s machine: what Linux reports on this CPU. */
#define UTS_MACHINE "x86_64"

#endif
