/* SPDX-License-Identifier: MIT */
/*
 * <sched.h>: scheduling policies (SCHED_OTHER, SCHED_FIFO, SCHED_RR, with
 * Linux's numbers and priorities 1..99 for the real-time two), yielding,
 * and Linux's CPU affinity: the CPUs a thread may run on, as a cpu_set_t
 * with its CPU_* macros, and the one it runs on now.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/types.h>
#include <time.h>
#include <pagoda/sched.h>

int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
int sched_getscheduler(pid_t pid);
int sched_setparam(pid_t pid, const struct sched_param *param);
int sched_getparam(pid_t pid, struct sched_param *param);
int sched_get_priority_min(int policy);
int sched_get_priority_max(int policy);
/* SCHED_RR's quantum (also SCHED_OTHER's slice); 0 for SCHED_FIFO. */
int sched_rr_get_interval(pid_t pid, struct timespec *interval);
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
