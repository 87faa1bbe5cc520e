/* SPDX-License-Identifier: MIT */
/* The scheduling-policy system calls: kernel/sched_syscalls.c. */
#ifndef _KERNEL_SCHED_SYSCALLS_H
#define _KERNEL_SCHED_SYSCALLS_H

#include <kernel/uaccess.h>
#include <pagoda/abi.h>
#include <pagoda/sched.h>

long sys_sched_setscheduler(int pid, int policy,
			    const struct sched_param __user *param);
long sys_sched_getscheduler(int pid);
long sys_sched_getparam(int pid, struct sched_param __user *param);
long sys_sched_rr_get_interval(int pid, struct timespec __user *interval);
long sys_sched_setaffinity(int pid, unsigned int len,
			   const unsigned long __user *user_mask);
long sys_sched_getaffinity(int pid, unsigned int len,
			   unsigned long __user *user_mask);
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node);

#endif
