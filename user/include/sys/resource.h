/* SPDX-License-Identifier: MIT */
/*
 * <sys/resource.h>: getrusage(), a process's CPU time and page faults, and
 * the resource limits (getrlimit, setrlimit, prlimit; RLIMIT_* are Linux's,
 * pagoda/resource.h).  struct rusage (pagoda/abi.h) has only ru_utime,
 * ru_stime, ru_minflt and ru_majflt; Pagoda keeps no other figures.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <pagoda/abi.h>
#include <pagoda/resource.h>

/* who: RUSAGE_SELF, or RUSAGE_CHILDREN (the children already waited for). */
int getrusage(int who, struct rusage *usage);

typedef unsigned long rlim_t;
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
/* Both at once, for process pid (0: the caller); either may be NULL. */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
	    struct rlimit *old_limit);

#endif
