// SPDX-License-Identifier: MIT
/*
 * select() and pselect() (<sys/select.h>): both are the kernel's pselect6
 * (kernel/fs/select.c), which takes a timespec and an optional signal mask;
 * select's timeval becomes a timespec here and is updated afterwards with
 * the time left, as Linux does.
 */
#include <errno.h>
#include <sys/select.h>

#include "libc.h"

int pselect(int nfds, fd_set *rfds, fd_set *wfds, fd_set *efds,
	    const struct timespec *timeout, const sigset_t *sigmask)
{
	struct timespec ts, *tp = NULL;

	if (timeout) {
		ts = *timeout; /* pselect leaves the caller's untouched */
		tp = &ts;
	}
	return __syscall_ret(__syscall6(SYS_pselect6, nfds, (long)rfds,
					(long)wfds, (long)efds, (long)tp,
					(long)sigmask));
}

int select(int nfds, fd_set *rfds, fd_set *wfds, fd_set *efds,
	   struct timeval *timeout)
{
	struct timespec ts, *tp = NULL;
	long r;

	if (timeout) {
		ts.tv_sec = timeout->tv_sec;
		ts.tv_nsec = timeout->tv_usec * 1000;
		tp = &ts;
	}
	r = __syscall6(SYS_pselect6, nfds, (long)rfds, (long)wfds, (long)efds,
		       (long)tp, 0);
	if (timeout && (r >= 0 || r == -EINTR)) {
		timeout->tv_sec = ts.tv_sec;
		timeout->tv_usec = ts.tv_nsec / 1000;
	}
	return __syscall_ret(r);
}
