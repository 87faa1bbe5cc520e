// SPDX-License-Identifier: MIT
/*
 * fcntl(): F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD (FD_CLOEXEC),
 * F_GETFL, F_SETFL (O_APPEND, O_NONBLOCK), and the record locks F_GETLK,
 * F_SETLK, F_SETLKW; the kernel checks the rest (kernel/fs/fcntl.c,
 * kernel/fs/locks.c).  The third argument is an int, or for the locks a
 * struct flock pointer.
 *
 * lockf(): the locks again, seen from the file position: a write lock on
 * len bytes from it (0: to the end of file; negative: the bytes before it),
 * as glibc builds it on fcntl.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>

#include "libc.h"

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	if (cmd == F_GETLK || cmd == F_SETLK || cmd == F_SETLKW)
		arg = (long)va_arg(ap, struct flock *);
	else
		arg = va_arg(ap, int);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_fcntl, fd, cmd, arg));
}

int lockf(int fd, int cmd, off_t len)
{
	struct flock fl = { .l_type = F_WRLCK,
			    .l_whence = SEEK_CUR,
			    .l_len = len };

	switch (cmd) {
	case F_TEST:
		if (fcntl(fd, F_GETLK, &fl) < 0)
			return -1;
		if (fl.l_type == F_UNLCK || fl.l_pid == getpid())
			return 0;
		errno = EACCES;
		return -1;
	case F_ULOCK:
		fl.l_type = F_UNLCK;
		return fcntl(fd, F_SETLK, &fl);
	case F_TLOCK:
		return fcntl(fd, F_SETLK, &fl);
	case F_LOCK:
		return fcntl(fd, F_SETLKW, &fl);
	}
	errno = EINVAL;
	return -1;
}
