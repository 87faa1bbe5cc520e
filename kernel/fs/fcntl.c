// SPDX-License-Identifier: MIT
/*
 * fcntl and fsync: the small calls on an open file (Linux's fs/fcntl.c and
 * fs/sync.c, reduced).
 *
 *   F_DUPFD, F_DUPFD_CLOEXEC  dup onto the lowest free fd >= arg (EINVAL
 *                             past the table), the second with FD_CLOEXEC
 *   F_GETFD, F_SETFD          the fd's flag FD_CLOEXEC, which execve
 *                             honours (do_close_on_exec, file.c); it is the
 *                             fd's, not the file's: dup and fork copies
 *                             of one file each have their own
 *   F_GETFL                   the access mode and status flags of the file
 *                             (shared by every fd and process using it)
 *   F_SETFL                   changes O_APPEND and O_NONBLOCK; other bits
 *                             are ignored, as Linux ignores them
 *   F_GETLK, F_SETLK, F_SETLKW
 *                             record locks (locks.c)
 *
 * fsync: ramfs keeps files in RAM and has no disk behind them, so there is
 * nothing to write back: a directory answers 0 at once; a pipe or device
 * has no storage at all, EINVAL (as Linux's without an fsync operation).
 * A regular file gets the one thing writeback would change in memory: the
 * bytes past the end of file in its last page are zeroed, as Linux's
 * block_write_full_page zeroes them before writing the page.  A shared
 * mapping may have written there (the page is mapped whole); from then on
 * they are not file data, and a file that grows later reads zeros there.
 * msync(MS_SYNC) does the same (mm/msync.c).
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/resource.h>
#include <mm/mm.h>

#define SETFL_MASK (O_APPEND | O_NONBLOCK)
#define GETFL_MASK (O_ACCMODE | SETFL_MASK)

static long dupfd(struct file *f, unsigned long from, bool cloexec)
{
	int fd;

	if (from >= rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	fd = get_unused_fd_from(from);
	if (fd < 0)
		return fd;
	fd_install(fd, get_file(f));
	if (cloexec)
		set_close_on_exec(fd, true);
	return fd;
}

long sys_fcntl(int fd, int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret = 0;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		ret = dupfd(f, arg, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		ret = get_close_on_exec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		ret = f->f_flags & GETFL_MASK;
		break;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		break;
	case F_GETLK:
		ret = fcntl_getlk(f, (struct flock __user *)arg);
		break;
	case F_SETLK:
	case F_SETLKW:
		ret = fcntl_setlk(f, cmd, (struct flock __user *)arg);
		break;
	default:
		ret = -EINVAL;
	}
	fput(f);
	return ret;
}

int vfs_fsync(struct file *file)
{
	struct inode *inode = file->f_inode;
	size_t tail;
	int err;

	if (!S_ISREG(inode->i_mode))
		return S_ISDIR(inode->i_mode) ? 0 : -EINVAL;
	err = inode_lock_killable(inode); /* i_size holds still */
	if (err)
		return err;
	tail = inode->i_size & (PAGE_SIZE - 1);
	if (tail)
		zero_page_tail(&inode->i_data, inode->i_size >> PAGE_SHIFT,
			       tail);
	inode_unlock(inode);
	return 0;
}

long sys_fsync(int fd)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = vfs_fsync(f);
	fput(f);
	return ret;
}
