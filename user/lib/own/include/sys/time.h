/* SPDX-License-Identifier: MIT */
/*
 * <sys/time.h>: gettimeofday().  Pagoda has no real-time clock:
 * CLOCK_REALTIME is the same clock as CLOCK_MONOTONIC, which starts at 0 at
 * boot, so this is the time since boot.
 */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <pagoda/abi.h> /* struct timeval */

/* tz must be NULL (time zones do not exist here). */
int gettimeofday(struct timeval *tv, void *tz);

#endif
