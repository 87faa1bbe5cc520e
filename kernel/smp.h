/* SPDX-License-Identifier: MIT */
/*
 * Several CPUs: what each CPU keeps for itself (struct per_cpu, found
 * through the arch's this_cpu()), the kernel lock, and the calls one CPU
 * makes on the others (IPIs).  Chapter 10 (docs/10-concurrency.md) tells
 * the story; kernel/smp.c implements it.
 *
 * The kernel lock.  Pagoda's kernel was written for one CPU, where turning
 * interrupts off is all the exclusion there is.  On SMP the kernel keeps
 * that rule under one lock, as Linux 2.0 did with its "big kernel lock":
 * a CPU holds the kernel lock whenever it runs kernel code, except in the
 * idle loop's halt and while spinning for the lock.  User programs run on
 * all CPUs at once; kernel code runs on one CPU at a time.  So every
 * kernel structure not named otherwise (the run queue, the file system,
 * the page allocator, the VMA trees...) is under the kernel lock.  The
 * lock belongs to the CPU, not to a task: schedule() switches tasks
 * with it held, and the next task carries on under it.
 *
 * What is NOT under the kernel lock: the TLB shootdown IPI, which a CPU
 * must answer while it runs user code or spins for the lock (the CPU that
 * sends it holds the lock and waits for the answers).
 *
 * The kernel lock is the first lock of the order; the VM's locks come
 * after it, as kernel/lockdep.h writes down and checks: what must stay
 * whole while its task sleeps or is preempted (which lets the kernel
 * lock go with the CPU) has a lock of its own there.
 */
#ifndef _KERNEL_SMP_H
#define _KERNEL_SMP_H

#include <asm/smp.h>
#include <kernel/kernel.h>

#define NR_CPUS 8 /* the SMP=N knob's maximum; a cpumask is one long */

struct mm_struct;
struct task_struct;

struct per_cpu {
	struct per_cpu *self; /* first: the arch's this_cpu() loads it */
	unsigned int cpu;     /* 0 is the boot CPU */
	struct task_struct *current_task;
	struct task_struct *idle_task;
	bool kernel_locked; /* this CPU holds the kernel lock */
	bool need_resched;  /* schedule() before leaving the kernel */
	/* RT throttling (kernel/sched.c): real-time ticks this period. */
	unsigned int rt_ticks, period_ticks;
	bool rt_throttled; /* RT tasks wait behind SCHED_OTHER ones */
	/* The address space the MMU walks here (kept on for kernel threads). */
	struct mm_struct *loaded_mm;
};

extern struct per_cpu per_cpu_data[NR_CPUS];
/* CPUs started and running the scheduler; bit n is CPU n. */
extern unsigned long cpu_online_mask;

static inline unsigned int smp_processor_id(void)
{
	return this_cpu()->cpu;
}

static inline unsigned int num_online_cpus(void)
{
	unsigned int n = 0;

	for (unsigned long m = cpu_online_mask; m; m &= m - 1)
		n++;
	return n;
}

#define for_each_cpu(cpu, mask)                                                \
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)                       \
		if ((mask) & (1UL << cpu))

/* Load mm's page table here (NULL: none), keeping mm->cpu_mask. */
void switch_mm(struct mm_struct *mm);

/* Take and drop the kernel lock (interrupts off). */
void lock_kernel(void);
void unlock_kernel(void);
/* On the way back to user mode: drop the kernel lock if this CPU has it. */
void unlock_kernel_to_user(void);

/* Ask cpu to call schedule() (it is idle, and a task became runnable). */
void smp_send_reschedule(unsigned int cpu);
/* The reschedule IPI arrived. */
void smp_reschedule_interrupt(void);

/*
 * TLB shootdown: flush [start, end) of mm (NULL: kernel addresses; end 0:
 * everything) on every CPU in mask but this one, and wait until each has.
 * The caller holds the kernel lock, so there is one request at a time.
 */
void smp_flush_tlb_others(unsigned long mask, struct mm_struct *mm,
			  unsigned long start, unsigned long end);
/* The shootdown IPI arrived (or this CPU polls for it while it spins). */
void smp_flush_tlb_interrupt(void);

/* Boot: the boot CPU's per-CPU data, then the other CPUs. */
void smp_prepare_boot_cpu(void);
void smp_init(void);
/* Started CPUs end here, with the kernel lock: the idle loop. */
void __noreturn cpu_idle(void);
void cpu_set_online(unsigned int cpu);

#endif
