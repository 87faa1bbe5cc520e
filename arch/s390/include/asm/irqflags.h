/* SPDX-License-Identifier: MIT */
/*
 * Saving and restoring the interrupt mask: the PSW's I/O and external
 * interruption bits (6 and 7), the classes Pagoda enables (channel I/O;
 * clock comparator, service signal), always together.  stnsm clears bits
 * of the PSW mask's first byte and keeps the old byte; ssm puts a saved
 * byte back.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <kernel/types.h>

#define PSW_BYTE0_EXT 0x01
#define PSW_BYTE0_DAT 0x04
#define PSW_BYTE0_IRQS 0x03 /* I/O and external */

static inline unsigned long arch_local_irq_save(void)
{
	unsigned char mask;

	asm volatile("stnsm %0, %1"
		     : "=Q"(mask)
		     : "i"(~PSW_BYTE0_IRQS & 0xff)
		     : "memory");
	return mask;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	unsigned char mask = flags;

	asm volatile("ssm %0" : : "Q"(mask) : "memory");
}

static inline bool arch_irqs_disabled(void)
{
	unsigned long mask;

	asm volatile("epsw %0, 0" : "=d"(mask));
	return !((mask >> 24) & PSW_BYTE0_EXT);
}

#endif
