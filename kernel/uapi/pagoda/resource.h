/* SPDX-License-Identifier: MIT */
/*
 * Resource limits (getrlimit, setrlimit, prlimit): Linux's numbers and its
 * struct rlimit, a soft limit (the one enforced) and a hard limit (the
 * ceiling the soft one may be raised to), in words.
 */
#ifndef _UAPI_PAGODA_RESOURCE_H
#define _UAPI_PAGODA_RESOURCE_H

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2  /* bytes of heap (brk) */
#define RLIMIT_STACK 3 /* bytes of stack, fixed at exec */
#define RLIMIT_CORE 4  /* kept, unused: Pagoda writes no core files */
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6	 /* tasks of the real user id: fork's EAGAIN */
#define RLIMIT_NOFILE 7	 /* the first fd number open may not give */
#define RLIMIT_MEMLOCK 8 /* bytes mlock may lock */
#define RLIMIT_AS 9	 /* bytes of address space mapped */
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIM_NLIMITS 16

#define RLIM_INFINITY (~0UL)

struct rlimit {
	unsigned long rlim_cur; /* soft */
	unsigned long rlim_max; /* hard */
};

#endif
