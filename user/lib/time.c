// SPDX-License-Identifier: MIT
/*
 * gettimeofday(), on the clock system call.  Pagoda has no real-time
 * clock, so CLOCK_REALTIME is the same clock as CLOCK_MONOTONIC, and both
 * start at 0 at boot: the "time of day" is the time since boot.  newlib's
 * time() reads it.
 */
#include <sys/time.h>
#include <time.h>

int gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}
