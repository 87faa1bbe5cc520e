/* SPDX-License-Identifier: MIT */
/*
 * <time.h>: newlib's (time, struct tm, gmtime, localtime, mktime,
 * strftime, clock), and the POSIX clocks, which newlib declares only for
 * systems it knows to have them.  CLOCK_REALTIME (and time()) is the date,
 * read from the hardware clock at boot and advanced with CLOCK_MONOTONIC
 * (kernel/time.c); a board without one (raspi2b) starts at the epoch.
 * Pagoda has no time zones: localtime() is gmtime(), UTC.  The POSIX
 * timers (timer_create ...) run from the tick: clock_getres tells its
 * length, the resolution of every clock's timers.
 */
#ifndef _PAGODA_TIME_H
#define _PAGODA_TIME_H

/*
 * newlib's <time.h> defines CLOCK_REALTIME as 1 and TIMER_ABSTIME as 4,
 * the kernel's are 0 and 1 (pagoda/abi.h): the kernel's stay, whichever
 * header came first.
 */
#pragma push_macro("CLOCK_REALTIME")
#pragma push_macro("TIMER_ABSTIME")
#undef CLOCK_REALTIME
#undef TIMER_ABSTIME
#include_next <time.h>
#undef CLOCK_REALTIME
#undef TIMER_ABSTIME
#pragma pop_macro("TIMER_ABSTIME")
#pragma pop_macro("CLOCK_REALTIME")
/*
 * clock() counts in microseconds, as XSI has it (newlib's CLOCKS_PER_SEC is
 * 1000 on x86_64, 100 on ARM); it is user/lib/newlib.c's, not newlib's.
 */
#undef CLOCKS_PER_SEC
#define CLOCKS_PER_SEC 1000000L
#include <sys/types.h>
#include <sys/timespec.h> /* struct itimerspec */
#include <pagoda/abi.h>	  /* struct timespec, CLOCK_*, struct sigevent */

int clock_gettime(clockid_t clock, struct timespec *ts);
/* The CPU-time clock of process pid (0: the caller); only the caller's. */
int clock_getcpuclockid(pid_t pid, clockid_t *clock);
/* Sleep for *req; if woken early (a signal), the time left goes in *rem. */
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_getres(clockid_t clock, struct timespec *res);

int timer_create(clockid_t clock, struct sigevent *sev, timer_t *timerid);
/* flags: TIMER_ABSTIME, it_value is a time of the timer's clock. */
int timer_settime(timer_t timerid, int flags, const struct itimerspec *value,
		  struct itimerspec *ovalue);
int timer_gettime(timer_t timerid, struct itimerspec *value);
int timer_getoverrun(timer_t timerid);
int timer_delete(timer_t timerid);

#endif
