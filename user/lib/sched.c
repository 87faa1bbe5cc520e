// SPDX-License-Identifier: MIT
/*
 * Scheduling policies and CPU affinity (kernel/sched_syscalls.c).
 * sched_setparam is the kernel's sched_setscheduler with policy -1 (keep
 * it); the priority range is fixed, so sched_get_priority_min/max need no
 * system call.
 */
#include <errno.h>
#include <sched.h>

#include "libc.h"

int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param)
{
	if (policy < 0) {
		errno = EINVAL;
		return -1;
	}
	return __syscall_ret(
		__syscall3(SYS_sched_setscheduler, pid, policy, param));
}

int sched_setparam(pid_t pid, const struct sched_param *param)
{
	return __syscall_ret(
		__syscall3(SYS_sched_setscheduler, pid, -1, param));
}

int sched_getscheduler(pid_t pid)
{
	return __syscall_ret(__syscall1(SYS_sched_getscheduler, pid));
}

int sched_getparam(pid_t pid, struct sched_param *param)
{
	return __syscall_ret(__syscall2(SYS_sched_getparam, pid, param));
}

int sched_rr_get_interval(pid_t pid, struct timespec *interval)
{
	return __syscall_ret(
		__syscall2(SYS_sched_rr_get_interval, pid, interval));
}

/* The range of a policy: 1..99 real time, 0..0 for SCHED_OTHER. */
static int priority_bound(int policy, int rt_bound)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return rt_bound;
	if (policy == SCHED_OTHER)
		return 0;
	errno = EINVAL;
	return -1;
}

int sched_get_priority_min(int policy)
{
	return priority_bound(policy, SCHED_RT_PRIO_MIN);
}

int sched_get_priority_max(int policy)
{
	return priority_bound(policy, SCHED_RT_PRIO_MAX);
}

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set)
{
	return __syscall_ret(__syscall3(SYS_sched_setaffinity, pid, size, set));
}

/* The kernel fills the words it has; the rest of the set is none. */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	long n = __syscall_ret(
		__syscall3(SYS_sched_getaffinity, pid, size, set));

	if (n < 0)
		return -1;
	for (size_t i = n; i < size; i++)
		((unsigned char *)set)[i] = 0;
	return 0;
}

int sched_getcpu(void)
{
	unsigned int cpu;

	if (__syscall_ret(__syscall2(SYS_getcpu, &cpu, 0)) < 0)
		return -1;
	return cpu;
}

int __sched_cpucount(size_t size, const cpu_set_t *set)
{
	int n = 0;

	for (size_t i = 0; i < size / sizeof(set->__bits[0]); i++)
		n += __builtin_popcountl(set->__bits[i]);
	return n;
}
