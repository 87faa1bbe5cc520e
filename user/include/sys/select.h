/* SPDX-License-Identifier: MIT */
/*
 * <sys/select.h>: select() and pselect(), waiting until files are ready to
 * read or write (kernel/fs/select.c).  fd_set has Linux's layout, room for
 * FD_SETSIZE descriptors; the kernel looks at most at its PAGODA_OPEN_MAX.
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <signal.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>

#define FD_SETSIZE 1024
#define __NFDBITS (8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;

#define FD_ZERO(set) __builtin_memset((set), 0, sizeof(fd_set))
#define FD_SET(fd, set)                                                        \
	((set)->fds_bits[(fd) / __NFDBITS] |= 1UL << ((fd) % __NFDBITS))
#define FD_CLR(fd, set)                                                        \
	((set)->fds_bits[(fd) / __NFDBITS] &= ~(1UL << ((fd) % __NFDBITS)))
#define FD_ISSET(fd, set)                                                      \
	(((set)->fds_bits[(fd) / __NFDBITS] >> ((fd) % __NFDBITS)) & 1)

/*
 * The number of ready fds (the sets then hold only those), 0 on timeout
 * (select also writes the time left back), -1 and errno: EBADF, EINTR,
 * EINVAL.  A NULL timeout waits for ever.
 */
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout);
/* The same, with a timespec, and sigmask in force while it waits. */
int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	    const struct timespec *timeout, const sigset_t *sigmask);

#endif
