// SPDX-License-Identifier: MIT
/*
 * The scheduling-policy system calls (POSIX's <sched.h>, Linux's numbers
 * and errors): sched_setscheduler, sched_getscheduler, sched_getparam,
 * sched_rr_get_interval, sched_setaffinity, sched_getaffinity, getcpu;
 * sched_setparam is sched_setscheduler keeping the policy (-1), as
 * inside Linux.  The scheduler that honours the policies is
 * kernel/sched.c.
 *
 * A pid names a thread, as in Linux (0: the caller); the policy is each
 * thread's own, and fork and clone pass it on.
 *
 * Who may do what (Linux's rules, with root for CAP_SYS_NICE): a process
 * may change only tasks of its own user (its effective id is their real
 * or effective id); only root may give a task a real-time policy or raise
 * its real-time priority -- unless RLIMIT_RTPRIO allows that priority,
 * which by default (0) it does not.  Lowering is free.
 */
#include <asm/irqflags.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/sched_syscalls.h>
#include <kernel/smp.h>
#include <kernel/time.h>
#include <pagoda/sched.h>

#define KEEP_POLICY (-1) /* sched_setparam */

static bool rt_policy(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

/* pid 0 is the caller; a negative pid is EINVAL, an unknown one NULL. */
static struct task_struct *find_sched_task(int pid)
{
	return pid ? find_task_by_pid(pid) : current;
}

/* Linux's check_same_owner: the caller's effective id is t's real or effective one. */
static bool same_owner(const struct task_struct *t)
{
	const struct cred *c = current_cred(), *tc = task_cred(t);

	return c->euid == tc->uid || c->euid == tc->euid;
}

static int sched_permission(struct task_struct *t, int policy, int prio)
{
	unsigned long rtprio = t->group_leader->rlim[RLIMIT_RTPRIO].rlim_cur;

	if (capable(CAP_SYS_NICE))
		return 0;
	if (!same_owner(t))
		return -EPERM;
	if (!rt_policy(policy))
		return 0;
	if (policy != t->policy && !rtprio)
		return -EPERM;
	if (prio > t->rt_priority && (unsigned long)prio > rtprio)
		return -EPERM;
	return 0;
}

/* FIFO and RR take priorities 1..99, OTHER only 0. */
static bool valid_param(int policy, int prio)
{
	if (rt_policy(policy))
		return prio >= SCHED_RT_PRIO_MIN && prio <= SCHED_RT_PRIO_MAX;
	return policy == SCHED_OTHER && prio == 0;
}

long sys_sched_setscheduler(int pid, int policy,
			    const struct sched_param __user *param)
{
	struct sched_param p;
	struct task_struct *t;
	int err;

	if (pid < 0 || !param || policy < KEEP_POLICY)
		return -EINVAL;
	if (copy_from_user(&p, param, sizeof(p)))
		return -EFAULT;
	t = find_sched_task(pid);
	if (!t)
		return -ESRCH;
	if (policy == KEEP_POLICY)
		policy = t->policy;
	if (!valid_param(policy, p.sched_priority))
		return -EINVAL;
	err = sched_permission(t, policy, p.sched_priority);
	if (err)
		return err;
	sched_set_policy(t, policy, p.sched_priority);
	return 0;
}

long sys_sched_getscheduler(int pid)
{
	struct task_struct *t;

	if (pid < 0)
		return -EINVAL;
	t = find_sched_task(pid);
	return t ? t->policy : -ESRCH;
}

long sys_sched_getparam(int pid, struct sched_param __user *param)
{
	struct sched_param p = { 0 };
	struct task_struct *t;

	if (pid < 0 || !param)
		return -EINVAL;
	t = find_sched_task(pid);
	if (!t)
		return -ESRCH;
	p.sched_priority = t->rt_priority;
	return copy_to_user(param, &p, sizeof(p)) ? -EFAULT : 0;
}

/* A FIFO task has no quantum: 0, as Linux says. */
long sys_sched_rr_get_interval(int pid, struct timespec __user *interval)
{
	struct task_struct *t;
	struct timespec ts = { 0, 0 };

	if (pid < 0)
		return -EINVAL;
	t = find_sched_task(pid);
	if (!t)
		return -ESRCH;
	if (t->policy != SCHED_FIFO)
		ts = jiffies_to_timespec(TIME_SLICE);
	return copy_to_user(interval, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/*
 * A mask shorter than a word is padded with zeros, a longer one cut to a
 * word (NR_CPUS fits one); the online CPUs of it must not be none.
 */
long sys_sched_setaffinity(int pid, unsigned int len,
			   const unsigned long __user *user_mask)
{
	unsigned long mask = 0;
	struct task_struct *t;

	if (copy_from_user(&mask, user_mask, min(len, sizeof(mask))))
		return -EFAULT;
	t = pid < 0 ? NULL : find_sched_task(pid);
	if (!t)
		return -ESRCH;
	if (!same_owner(t) && !capable(CAP_SYS_NICE))
		return -EPERM;
	mask &= cpu_online_mask;
	if (!mask)
		return -EINVAL;
	sched_set_affinity(t, mask);
	return 0;
}

/* The bytes stored (a word); len must be whole words, enough for NR_CPUS. */
long sys_sched_getaffinity(int pid, unsigned int len,
			   unsigned long __user *user_mask)
{
	struct task_struct *t;
	unsigned long mask;

	if (len * 8 < NR_CPUS || len % sizeof(long))
		return -EINVAL;
	t = pid < 0 ? NULL : find_sched_task(pid);
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
