// SPDX-License-Identifier: MIT
/*
 * CPU affinity (kernel/affinity.c): sched_setaffinity, sched_getaffinity
 * and sched_getcpu, as glibc wraps Linux's calls.  The kernel's mask is
 * one word; a cpu_set_t is larger, and getaffinity clears the rest of it.
 */
#include <sched.h>
#include <string.h>

#include "libc.h"

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set)
{
	return __syscall_ret(__syscall3(SYS_sched_setaffinity, pid, size, set));
}

/* The kernel answers with the bytes it wrote; the caller gets 0. */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	long n = __syscall_ret(
		__syscall3(SYS_sched_getaffinity, pid, size, set));

	if (n < 0)
		return -1;
	memset((char *)set + n, 0, size - n);
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
