// SPDX-License-Identifier: MIT
/*
 * The timers: setitimer and getitimer (kernel/itimer.c), the POSIX timers
 * timer_create ... timer_delete and clock_getres (kernel/posix_timers.c).
 * newlib's struct itimerval and struct itimerspec are the kernel's
 * struct kernel_itimerval and kernel_itimerspec, under its own names; a
 * timer_t holds the kernel's timer id.
 */
#include <errno.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>

#include "libc.h"

_Static_assert(sizeof(struct itimerval) == sizeof(struct kernel_itimerval),
	       "newlib's struct itimerval is the kernel's");
_Static_assert(sizeof(struct itimerspec) == sizeof(struct kernel_itimerspec),
	       "newlib's struct itimerspec is the kernel's");

int setitimer(int which, const struct itimerval *value,
	      struct itimerval *ovalue)
{
	return __syscall_ret(__syscall3(SYS_setitimer, which, value, ovalue));
}

int getitimer(int which, struct itimerval *value)
{
	return __syscall_ret(__syscall2(SYS_getitimer, which, value));
}

int timer_create(clockid_t clock, struct sigevent *sev, timer_t *timerid)
{
	int id;
	long r = __syscall3(SYS_timer_create, clock, sev, &id);

	if (r < 0)
		return __syscall_ret(r);
	*timerid = id;
	return 0;
}

int timer_settime(timer_t timerid, int flags, const struct itimerspec *value,
		  struct itimerspec *ovalue)
{
	return __syscall_ret(__syscall6(SYS_timer_settime, timerid, flags,
					(long)value, (long)ovalue, 0, 0));
}

int timer_gettime(timer_t timerid, struct itimerspec *value)
{
	return __syscall_ret(__syscall2(SYS_timer_gettime, timerid, value));
}

int timer_getoverrun(timer_t timerid)
{
	return __syscall_ret(__syscall1(SYS_timer_getoverrun, timerid));
}

int timer_delete(timer_t timerid)
{
	return __syscall_ret(__syscall1(SYS_timer_delete, timerid));
}

int clock_getres(clockid_t clock, struct timespec *res)
{
	return __syscall_ret(__syscall2(SYS_clock_getres, clock, res));
}
