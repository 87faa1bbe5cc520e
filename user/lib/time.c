// SPDX-License-Identifier: MIT
/*
 * gettimeofday(), on the clock system call: CLOCK_REALTIME, the date the
 * hardware clock gave at boot advanced by the monotonic clock
 * (kernel/time.c; on a board with no hardware clock, raspi2b, the epoch
 * plus the uptime).  newlib's time() reads it.
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
