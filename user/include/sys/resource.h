/* SPDX-License-Identifier: MIT */
/*
 * <sys/resource.h>: getrusage(), a process's CPU time and page faults.
 * struct rusage (pagoda/abi.h) has only ru_utime, ru_stime, ru_minflt and
 * ru_majflt; Pagoda keeps no other figures.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <pagoda/abi.h>

/* who: RUSAGE_SELF, or RUSAGE_CHILDREN (the children already waited for). */
int getrusage(int who, struct rusage *usage);

#endif
