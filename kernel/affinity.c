// SPDX-License-Identifier: MIT
/*
 * CPU affinity: the CPUs a task may run on (task_struct.cpus_allowed), set
 * and read by sched_setaffinity and sched_getaffinity with Linux's
 * arguments (pid, length in bytes, mask); getcpu says where the caller
 * runs, so a program can see the mask obeyed.  The scheduler (kernel/sched.c)
 * honours it at its two choices of CPU: pick_next takes the first queued
 * task allowed on the CPU that asks, and kick_idle_cpu wakes only an idle
 * CPU the task may use.  A new task may run anywhere; fork and clone copy
 * the caller's mask.
 *
 * A mask is one unsigned long, bit n for CPU n (NR_CPUS fits): the first
 * word of a user's cpu_set_t, whose other words name CPUs that do not
 * exist.  A task barred from the CPU it runs on leaves it at its next
 * schedule(): the caller at once, a task running elsewhere when a
 * reschedule IPI reaches its CPU.
 */
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/sys.h>

/* pid 0 is the calling thread; a thread id names one thread, as on Linux. */
static struct task_struct *affinity_task(int pid)
{
	return pid ? find_task_by_pid(pid) : current;
}

/* Make t leave a CPU it may no longer use. */
static void move_off_barred_cpu(struct task_struct *t)
{
	struct per_cpu *c = &per_cpu_data[t->cpu];

	if (t->cpus_allowed & (1UL << t->cpu))
		return;
	if (t == current) {
		schedule();
	} else if (c->current_task == t) {
		c->need_resched = true;
		smp_send_reschedule(t->cpu);
	}
}

long sys_sched_setaffinity(int pid, unsigned int len,
			   const unsigned long __user *user_mask)
{
	unsigned long mask = 0;
	struct task_struct *t;

	if (pid < 0)
		return -EINVAL;
	/* A shorter mask leaves the higher CPUs out, as on Linux. */
	if (copy_from_user(&mask, user_mask,
			   len < sizeof(mask) ? len : sizeof(mask)))
		return -EFAULT;
	t = affinity_task(pid);
	if (!t)
		return -ESRCH;
	mask &= cpu_online_mask;
	if (!mask)
		return -EINVAL;
	t->cpus_allowed = mask;
	move_off_barred_cpu(t);
	return 0;
}

/*
 * The mask's bytes copied, as Linux's call returns (the C library's
 * wrapper returns 0).  len must be whole words: NR_CPUS fit in one.
 */
long sys_sched_getaffinity(int pid, unsigned int len,
			   unsigned long __user *user_mask)
{
	struct task_struct *t;
	unsigned long mask;

	if (pid < 0 || !len || len % sizeof(mask))
		return -EINVAL;
	t = affinity_task(pid);
	if (!t)
		return -ESRCH;
	mask = t->cpus_allowed & cpu_online_mask;
	if (copy_to_user(user_mask, &mask, sizeof(mask)))
		return -EFAULT;
	return sizeof(mask);
}

/* The CPU the caller runs on (it may move right after); one node, 0. */
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node)
{
	unsigned int here = smp_processor_id(), zero = 0;

	if (cpu && copy_to_user(cpu, &here, sizeof(here)))
		return -EFAULT;
	if (node && copy_to_user(node, &zero, sizeof(zero)))
		return -EFAULT;
	return 0;
}
