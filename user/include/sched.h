/* SPDX-License-Identifier: MIT */
/*
 * <sched.h>: scheduling policies (SCHED_OTHER, SCHED_FIFO, SCHED_RR, with
 * Linux's numbers and priorities 1..99 for the real-time two), yielding,
 * and Linux's CPU affinity (cpu_set_t and its CPU_* macros).
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

/* The CPUs a thread may run on: a bit each, as glibc's 1024. */
#define CPU_SETSIZE 1024
#define __NCPUBITS (8 * sizeof(unsigned long))
typedef struct {
	unsigned long __bits[CPU_SETSIZE / __NCPUBITS];
} cpu_set_t;

#define CPU_ZERO(set) __builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set)                                                      \
	((set)->__bits[(cpu) / __NCPUBITS] |= 1UL << ((cpu) % __NCPUBITS))
#define CPU_CLR(cpu, set)                                                      \
	((set)->__bits[(cpu) / __NCPUBITS] &= ~(1UL << ((cpu) % __NCPUBITS)))
#define CPU_ISSET(cpu, set)                                                    \
	(((set)->__bits[(cpu) / __NCPUBITS] >> ((cpu) % __NCPUBITS)) & 1)
#define CPU_COUNT(set) __sched_cpucount(sizeof(cpu_set_t), (set))
int __sched_cpucount(size_t size, const cpu_set_t *set);

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);

#endif
