/* SPDX-License-Identifier: MIT */
/*
 * The local APIC (arch/x86_64/apic.c): each CPU's own interrupt controller,
 * which sends and receives IPIs and has a timer.  Device interrupts stay
 * with the 8259s, wired to the boot CPU's LINT0 as the BIOS left them.
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <kernel/types.h>

#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102 /* swapgs exchanges it with GS base */

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (u64)hi << 32 | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	asm volatile("wrmsr"
		     :
		     : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)));
}

/* Map the boot CPU's local APIC and enable it. */
void lapic_init(void);
/* Enable this CPU's local APIC (every CPU, the boot CPU first). */
void lapic_setup_cpu(void);
unsigned int lapic_id(void);
void lapic_eoi(void);
/* Start a periodic timer at HZ on this CPU (after lapic_calibrate). */
void lapic_timer_start(void);
/* Measure the timer's rate against the tick (interrupts on). */
void lapic_calibrate(void);
/* INIT, then two STARTUPs at the real-mode page vector << 12. */
void lapic_start_cpu(unsigned int apic_id, unsigned int vector);

#endif
