// SPDX-License-Identifier: MIT
/*
 * time() and clock() (newlib has its own, on gettimeofday() and times()).
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

/* The CPU time getrusage() reports, user plus system, in microseconds. */
clock_t clock(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) < 0)
		return (clock_t)-1;
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * CLOCKS_PER_SEC +
	       ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}
