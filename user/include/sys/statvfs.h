/* SPDX-License-Identifier: MIT */
/*
 * <sys/statvfs.h>: POSIX's statvfs() and fstatvfs(), the same figures as
 * statfs() in POSIX's structure (user/lib/statvfs.c).
 */
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H

#include <sys/types.h>
#include <pagoda/abi.h> /* ST_RDONLY */

#define ST_NOSUID 2

struct statvfs {
	unsigned long f_bsize;
	unsigned long f_frsize; /* the unit of f_blocks, f_bfree, f_bavail */
	fsblkcnt_t f_blocks;
	fsblkcnt_t f_bfree;
	fsblkcnt_t f_bavail;
	fsfilcnt_t f_files;
	fsfilcnt_t f_ffree;
	fsfilcnt_t f_favail;
	unsigned long f_fsid;
	unsigned long f_flag; /* ST_RDONLY, ST_NOSUID */
	unsigned long f_namemax;
};

int statvfs(const char *path, struct statvfs *buf);
int fstatvfs(int fd, struct statvfs *buf);

#endif
