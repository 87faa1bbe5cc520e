// SPDX-License-Identifier: MIT
/*
 * clock_getcpuclockid(), which with CLOCK_PROCESS_CPUTIME_ID makes up
 * POSIX's process CPU-time clocks option (_POSIX_CPUTIME).  The kernel's
 * clock_gettime reads the calling process's CPU time only, so another
 * process's clock is refused with EPERM, which POSIX allows (Linux hands
 * out a clock for any process).
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

int clock_getcpuclockid(pid_t pid, clockid_t *clock)
{
	if (pid && pid != getpid())
		return getpgid(pid) < 0 ? ESRCH : EPERM;
	*clock = CLOCK_PROCESS_CPUTIME_ID;
	return 0;
}
