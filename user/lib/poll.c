// SPDX-License-Identifier: MIT
/*
 * poll() and ppoll() (<poll.h>): both are the kernel's ppoll
 * (kernel/fs/select.c), which takes a timespec and an optional signal
 * mask; poll's milliseconds become a timespec here.
 */
#include <poll.h>

#include "libc.h"

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *sigmask)
{
	struct timespec ts, *tp = NULL;

	if (timeout) {
		ts = *timeout; /* the kernel writes the time left into it */
		tp = &ts;
	}
	return __syscall_ret(__syscall6(SYS_ppoll, (long)fds, nfds, (long)tp,
					(long)sigmask, 0, 0));
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	struct timespec ts = { timeout / 1000, timeout % 1000 * 1000000L };

	return ppoll(fds, nfds, timeout < 0 ? NULL : &ts, NULL);
}
