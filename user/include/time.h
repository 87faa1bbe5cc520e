/* SPDX-License-Identifier: MIT */
/*
 * <time.h>: newlib's (time, struct tm, gmtime, localtime, mktime,
 * strftime, clock), and the POSIX clocks, which newlib declares only for
 * systems it knows to have them.  Pagoda has no real-time clock and no time
 * zones: CLOCK_REALTIME is the same clock as CLOCK_MONOTONIC, counting from
 * 0 at boot, so time() is the seconds since boot and localtime() is
 * gmtime() (UTC, the date 1970-01-01 plus the uptime).
 */
#ifndef _PAGODA_TIME_H
#define _PAGODA_TIME_H

/*
 * newlib's <time.h> defines CLOCK_REALTIME as 1, the kernel's is 0
 * (pagoda/abi.h): the kernel's stays, whichever header came first.
 */
#pragma push_macro("CLOCK_REALTIME")
#undef CLOCK_REALTIME
#include_next <time.h>
#undef CLOCK_REALTIME
#pragma pop_macro("CLOCK_REALTIME")
#include <sys/types.h>
#include <pagoda/abi.h> /* struct timespec, CLOCK_* */

int clock_gettime(clockid_t clock, struct timespec *ts);
/* The CPU-time clock of process pid (0: the caller); only the caller's. */
int clock_getcpuclockid(pid_t pid, clockid_t *clock);
/* Sleep for *req; if woken early (a signal), the time left goes in *rem. */
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
