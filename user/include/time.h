/* SPDX-License-Identifier: MIT */
/*
 * <time.h>: newlib's (time, struct tm, gmtime, localtime, mktime,
 * strftime, clock), and the POSIX clocks, which newlib declares only for
 * systems it knows to have them.  CLOCK_REALTIME (and time()) is the date,
 * read from the hardware clock at boot and advanced with CLOCK_MONOTONIC
 * (kernel/time.c); a board without one (raspi2b) starts at the epoch.
 * Pagoda has no time zones: localtime() is gmtime(), UTC.
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
/* Sleep for *req; if woken early (a signal), the time left goes in *rem. */
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
