// SPDX-License-Identifier: MIT
/*
 * A file's access and modification times: utimensat and futimens (the
 * system call, kernel/fs/utimes.c), and the older utimes, futimes
 * (microseconds) and utime (seconds) on top of it.  NULL times mean now.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>

#include "libc.h"

int utimensat(int dirfd, const char *path, const struct timespec times[2],
	      int flags)
{
	if (!path) { /* the system call's futimens form, not POSIX's */
		errno = EINVAL;
		return -1;
	}
	return __syscall_ret(__syscall6(SYS_utimensat, dirfd, (long)path,
					(long)times, flags, 0, 0));
}

int futimens(int fd, const struct timespec times[2])
{
	return __syscall_ret(
		__syscall6(SYS_utimensat, fd, 0, (long)times, 0, 0, 0));
}

/* tv as timespecs (a bad tv_usec stays bad: the kernel says EINVAL). */
static const struct timespec *from_timeval(const struct timeval *tv,
					   struct timespec ts[2])
{
	if (!tv)
		return NULL;
	for (int i = 0; i < 2; i++) {
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec >= 0 && tv[i].tv_usec < 1000000
					? tv[i].tv_usec * 1000
					: -1;
	}
	return ts;
}

int utimes(const char *path, const struct timeval *tv)
{
	struct timespec ts[2];

	return utimensat(AT_FDCWD, path, from_timeval(tv, ts), 0);
}

int futimes(int fd, const struct timeval *tv)
{
	struct timespec ts[2];

	return futimens(fd, from_timeval(tv, ts));
}

int utime(const char *path, const struct utimbuf *buf)
{
	struct timespec ts[2];

	if (!buf)
		return utimensat(AT_FDCWD, path, NULL, 0);
	ts[0] = (struct timespec){ .tv_sec = buf->actime };
	ts[1] = (struct timespec){ .tv_sec = buf->modtime };
	return utimensat(AT_FDCWD, path, ts, 0);
}
