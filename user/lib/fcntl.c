// SPDX-License-Identifier: MIT
/*
 * fcntl(): F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD (FD_CLOEXEC),
 * F_GETFL, F_SETFL (O_APPEND, O_NONBLOCK); the kernel checks the rest
 * (kernel/fs/fcntl.c).  The third argument is an int for every command
 * Pagoda has.
 */
#include <fcntl.h>
#include <stdarg.h>

#include "libc.h"

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, int);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_fcntl, fd, cmd, arg));
}
