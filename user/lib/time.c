// SPDX-License-Identifier: MIT
/*
 * Time functions built on the clock system calls: time(), clock() and
 * gettimeofday().  Pagoda has no real-time clock, so CLOCK_REALTIME is the
 * same clock as CLOCK_MONOTONIC, and both start at 0 at boot: the "time of
 * day" is the time since boot.
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

time_t time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return (time_t)-1;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

int gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}

/* The CPU time getrusage() reports, user plus system, in microseconds. */
clock_t clock(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) < 0)
		return (clock_t)-1;
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * CLOCKS_PER_SEC +
	       ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}
