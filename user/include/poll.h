/* SPDX-License-Identifier: MIT */
/*
 * <poll.h>: poll() and ppoll(), waiting until files are ready
 * (kernel/fs/select.c).  struct pollfd and the POLL* bits are the kernel's
 * ABI (pagoda/abi.h, Linux's values).
 */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <time.h>
#include <pagoda/abi.h>

typedef unsigned long nfds_t;

/*
 * The number of entries with events (revents set), 0 on timeout, -1 and
 * errno: EFAULT, EINTR, EINVAL (over POLL_MAX_FDS entries).  A negative
 * timeout (milliseconds) waits for ever.
 */
int poll(struct pollfd *fds, nfds_t nfds, int timeout);
/* The same with a timespec (NULL: for ever), and sigmask for the wait. */
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *sigmask);

#endif
