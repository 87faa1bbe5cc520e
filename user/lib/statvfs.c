// SPDX-License-Identifier: MIT
/*
 * The file system a file is on: statfs and fstatfs (Linux's, the system
 * calls), and POSIX's statvfs and fstatvfs, the same figures in POSIX's
 * structure.
 */
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include "libc.h"

int statfs(const char *path, struct statfs *buf)
{
	return __syscall_ret(__syscall2(SYS_statfs, path, buf));
}

int fstatfs(int fd, struct statfs *buf)
{
	return __syscall_ret(__syscall2(SYS_fstatfs, fd, buf));
}

static void statfs_to_statvfs(const struct statfs *f, struct statvfs *v)
{
	*v = (struct statvfs){
		.f_bsize = f->f_bsize,
		.f_frsize = f->f_frsize ? f->f_frsize : f->f_bsize,
		.f_blocks = f->f_blocks,
		.f_bfree = f->f_bfree,
		.f_bavail = f->f_bavail,
		.f_files = f->f_files,
		.f_ffree = f->f_ffree,
		.f_favail = f->f_ffree,
		.f_fsid = (unsigned int)f->f_fsid.__val[0],
		.f_flag = f->f_flags & ST_RDONLY,
		.f_namemax = f->f_namelen,
	};
}

int statvfs(const char *path, struct statvfs *buf)
{
	struct statfs f;

	if (statfs(path, &f))
		return -1;
	statfs_to_statvfs(&f, buf);
	return 0;
}

int fstatvfs(int fd, struct statvfs *buf)
{
	struct statfs f;

	if (fstatfs(fd, &f))
		return -1;
	statfs_to_statvfs(&f, buf);
	return 0;
}
