/* SPDX-License-Identifier: MIT */
/*
 * <limits.h>: newlib's (the integer ranges, from the compiler's), with
 * Pagoda's file-name limits in place of newlib's generic ones.
 */
#ifndef _PAGODA_LIMITS_H
#define _PAGODA_LIMITS_H

#include_next <limits.h>
#include <pagoda/abi.h> /* PAGODA_NAME_MAX, SIGRTMIN ... */

/* Longest file name (without its NUL), as getdents() returns it. */
#undef NAME_MAX
#define NAME_MAX PAGODA_NAME_MAX
/* A buffer this size holds any path (Linux's value; Pagoda's are shorter). */
#undef PATH_MAX
#define PATH_MAX 4096
/* Real-time signals, and how many a process may have queued (sigqueue). */
#define RTSIG_MAX (SIGRTMAX - SIGRTMIN + 1)
#define SIGQUEUE_MAX PAGODA_SIGQUEUE_MAX

/* POSIX semaphores (<semaphore.h>): the largest count; no limit on how many. */
#define SEM_VALUE_MAX 0x7fffffff
#define _POSIX_SEM_VALUE_MAX 32767
#define _POSIX_SEM_NSEMS_MAX 256

/* POSIX message queues (<mqueue.h>): priorities below MQ_PRIO_MAX (Linux's). */
#define MQ_PRIO_MAX 32768
#define MQ_OPEN_MAX 256 /* open queues in a process */
#define _POSIX_MQ_OPEN_MAX 8
#define _POSIX_MQ_PRIO_MAX 32
/* POSIX's least number of open files (Pagoda's: _SC_OPEN_MAX). */
#define _POSIX_OPEN_MAX 20

#endif
