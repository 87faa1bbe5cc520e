// SPDX-License-Identifier: MIT
/*
 * clock_getcpuclockid(), which with CLOCK_PROCESS_CPUTIME_ID makes up
 * POSIX's process CPU-time clocks option (_POSIX_CPUTIME).  The caller's
 * own is CLOCK_PROCESS_CPUTIME_ID; another process's is Linux's encoding
 * of its pid (MAKE_PROCESS_CPUCLOCK), which the kernel's clock_gettime
 * reads.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

int clock_getcpuclockid(pid_t pid, clockid_t *clock)
{
	if (!pid || pid == getpid()) {
		*clock = CLOCK_PROCESS_CPUTIME_ID;
		return 0;
	}
	if (getpgid(pid) < 0)
		return ESRCH;
	*clock = MAKE_PROCESS_CPUCLOCK(pid);
	return 0;
}
