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

#endif
