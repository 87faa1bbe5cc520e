/* SPDX-License-Identifier: MIT */
/*
 * <sched.h>: sched_yield(), give the CPU to another runnable process; and
 * Linux's CPU affinity (kernel/affinity.c): the CPUs a thread may run on,
 * as a cpu_set_t, and the one it runs on now.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <stddef.h>
#include <sys/types.h>

int sched_yield(void);

/* A set of CPUs, glibc's size and layout: bit n of the words is CPU n. */
#define CPU_SETSIZE 1024
#define __NCPUBITS (8 * sizeof(unsigned long))
typedef struct {
	unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))];
} cpu_set_t;

#define __CPU_WORD(cpu, set) ((set)->__bits[(cpu) / __NCPUBITS])
#define __CPU_MASK(cpu) (1UL << ((cpu) % __NCPUBITS))
#define __CPU_OP(cpu, set, op)                                                 \
	((size_t)(cpu) < CPU_SETSIZE                                           \
		 ? (__CPU_WORD(cpu, set) op __CPU_MASK(cpu))                   \
		 : 0)
#define CPU_ZERO(set) __builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set) __CPU_OP(cpu, set, |=)
#define CPU_CLR(cpu, set) __CPU_OP(cpu, set, &= ~)
#define CPU_ISSET(cpu, set) (__CPU_OP(cpu, set, &) != 0)
#define CPU_COUNT(set) __sched_cpucount(sizeof(cpu_set_t), (set))
#define CPU_EQUAL(a, b) (__builtin_memcmp((a), (b), sizeof(cpu_set_t)) == 0)
int __sched_cpucount(size_t size, const cpu_set_t *set);

/* pid 0: the calling thread.  0, or -1 and errno (EINVAL, ESRCH, EFAULT). */
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);
/* The CPU the caller runs on now. */
int sched_getcpu(void);

#endif
