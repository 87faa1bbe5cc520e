// SPDX-License-Identifier: MIT
/*
 * date: print the date and time, in UTC (Pagoda has no time zones), from
 * the real-time clock: the hardware clock's date at boot, advanced since
 * (kernel/time.c).  On a board without one it is 1970-01-01 plus the uptime.
 */
#include <stdio.h>
#include <time.h>

int main(void)
{
	time_t now = time(NULL);
	char buf[64];

	if (!strftime(buf, sizeof(buf), "%a %b %e %H:%M:%S UTC %Y",
		      gmtime(&now)))
		return 1;
	puts(buf);
	return 0;
}
