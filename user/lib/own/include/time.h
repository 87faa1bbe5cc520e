/* SPDX-License-Identifier: MIT */
/*
 * <time.h>: clocks and sleeping.  Pagoda has no real-time clock: both
 * CLOCK_REALTIME and CLOCK_MONOTONIC count from 0 at boot, so time() is the
 * number of seconds since boot.  There is no calendar (no struct tm,
 * localtime, strftime).
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <pagoda/abi.h> /* struct timespec, CLOCK_* */

/* clock() counts in microseconds, as POSIX requires. */
#define CLOCKS_PER_SEC 1000000L

int clock_gettime(clockid_t clock, struct timespec *ts);
/* Sleep for *req; if woken early (a signal), the time left goes in *rem. */
int nanosleep(const struct timespec *req, struct timespec *rem);
/* Seconds since boot; also stored in *t unless t is NULL. */
time_t time(time_t *t);
/* CPU time used by this process (user + system), in CLOCKS_PER_SEC. */
clock_t clock(void);

#endif
