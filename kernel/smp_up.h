/* SPDX-License-Identifier: MIT */
/*
 * The arch's SMP hooks (<asm/smp.h>) for a port that runs on one CPU and
 * starts no other (s390 and ARM today): the per-CPU data is CPU 0's and no
 * IPI is ever sent, since kernel/smp.c sends them only to other CPUs.  A
 * port that starts its other CPUs writes its own, as x86_64 does.
 */
#ifndef _KERNEL_SMP_UP_H
#define _KERNEL_SMP_UP_H

#include <kernel/panic.h>

struct per_cpu;

/* A macro: per_cpu_data is declared by kernel/smp.h, after this file. */
#define this_cpu() (&per_cpu_data[0])

static inline void arch_set_this_cpu(struct per_cpu *p)
{
	(void)p;
}

static inline unsigned int arch_smp_boot_cpus(unsigned int max)
{
	(void)max;
	return 1;
}

static inline void arch_send_reschedule(unsigned int cpu)
{
	panic("IPI to CPU %u, which was never started", cpu);
}

static inline void arch_send_tlb_flush(unsigned int cpu)
{
	panic("IPI to CPU %u, which was never started", cpu);
}

#endif
