/* SPDX-License-Identifier: MIT */
/*
 * The x86_64 side of SMP (kernel/smp.h is the generic side).
 *
 * Per-CPU data: the GS segment base of each CPU points at its struct
 * per_cpu, whose first field points at itself, so this_cpu() is one load,
 * %gs:0.  User programs may load GS too: entry.S swaps the user's base and
 * the kernel's (swapgs) on every crossing, so in the kernel GS is always
 * the kernel's.  The asm is volatile so that the compiler reads it afresh
 * each time: a task preempted in the kernel may resume on another CPU.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

/* Interrupt vectors of the local APIC, above the 8259s' 32-47. */
#define LOCAL_TIMER_VECTOR 0xf0
#define RESCHEDULE_VECTOR 0xf1
#define TLB_FLUSH_VECTOR 0xf2
#define SPURIOUS_APIC_VECTOR 0xff
#define FIRST_APIC_VECTOR 0xf0
#define NR_APIC_STUBS 16

#ifndef __ASSEMBLER__
struct per_cpu;

static inline struct per_cpu *this_cpu(void)
{
	struct per_cpu *p;

	asm volatile("mov %%gs:0, %0" : "=r"(p));
	return p;
}

/* Send an IPI to a CPU, by number, through the local APIC. */
void arch_send_ipi(unsigned int cpu, unsigned int vector);

static inline void arch_send_reschedule(unsigned int cpu)
{
	arch_send_ipi(cpu, RESCHEDULE_VECTOR);
}

static inline void arch_send_tlb_flush(unsigned int cpu)
{
	arch_send_ipi(cpu, TLB_FLUSH_VECTOR);
}

/* Point this CPU's per-CPU register (GS base) at p. */
void arch_set_this_cpu(struct per_cpu *p);
/* Find the other CPUs and start each in start_secondary(); how many run. */
unsigned int arch_smp_boot_cpus(unsigned int max);
#endif

#endif
