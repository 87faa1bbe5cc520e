/* SPDX-License-Identifier: MIT */
/* Resource limits (kernel/resource.c): getrlimit, setrlimit, prlimit. */
#ifndef _KERNEL_RESOURCE_H
#define _KERNEL_RESOURCE_H

#include <kernel/uaccess.h>
#include <pagoda/resource.h>

/*
 * The caller's soft limit of resource (Linux's rlimit()): what open, mmap,
 * brk, mlock, fork and exec check against.  RLIM_INFINITY: none.
 */
unsigned long rlimit(unsigned int resource);

/* The limits a process starts with (init, kernel threads). */
void init_rlimits(struct rlimit *rlim);

long sys_prlimit(int pid, unsigned int resource,
		 const struct rlimit __user *new_rlim,
		 struct rlimit __user *old_rlim);

#endif
