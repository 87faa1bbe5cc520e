// SPDX-License-Identifier: MIT
/*
 * ioctl: a request to a device, passed to the file's own ioctl operation.
 * Files that have none (regular files, directories, pipes) answer ENOTTY,
 * "not a terminal", the historical error for "no such request here".
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>

long sys_ioctl(int fd, unsigned long cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret = -ENOTTY;

	if (!f)
		return -EBADF;
	if (f->f_op->ioctl)
		ret = f->f_op->ioctl(f, cmd, arg);
	fput(f);
	return ret;
}
