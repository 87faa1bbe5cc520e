/* SPDX-License-Identifier: MIT */
/*
 * The s390 side of SMP (kernel/smp.h is the generic side), for one CPU:
 * this port starts no other CPU (arch_smp_boot_cpus, arch/s390/smp.c), so
 * the per-CPU data is CPU 0's and no IPI is ever sent.  Starting the others
 * would be SIGP's work: SET PREFIX gives each its own lowcore, RESTART
 * starts it, and the lowcore would then hold the per-CPU pointer.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

struct per_cpu;

/* A macro: per_cpu_data is declared by kernel/smp.h, after this file. */
#define this_cpu() (&per_cpu_data[0])

/* Never called on one CPU; kernel/smp.c sends IPIs only to other CPUs. */
void arch_send_reschedule(unsigned int cpu);
void arch_send_tlb_flush(unsigned int cpu);
void arch_set_this_cpu(struct per_cpu *p);
unsigned int arch_smp_boot_cpus(unsigned int max);

#endif
