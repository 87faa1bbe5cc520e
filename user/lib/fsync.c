// SPDX-License-Identifier: MIT
/*
 * fsync(), fdatasync(): Pagoda's files live in RAM (ramfs) with nothing
 * behind them to write back, so the kernel only checks the descriptor.
 */
#include <unistd.h>

#include "libc.h"

int fsync(int fd)
{
	return __syscall_ret(__syscall1(SYS_fsync, fd));
}

int fdatasync(int fd)
{
	return fsync(fd);
}
