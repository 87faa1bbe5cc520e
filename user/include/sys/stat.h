/* SPDX-License-Identifier: MIT */
/*
 * <sys/stat.h>: stat(), fstat(), mkdir(), chmod(), the file times
 * (utimensat, futimens) and the st_mode bits.  struct stat and the file
 * types come from the kernel (pagoda/abi.h).  Pagoda has no
 * users and no permission checks: the permission bits are kept for
 * programs that pass them, and no file is ever a symbolic link.
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <pagoda/abi.h>

/* Types Pagoda never reports, for programs that test for them. */
#define S_IFLNK 0120000
#define S_IFSOCK 0140000
#define S_ISLNK(m) (((m)&S_IFMT) == S_IFLNK)
#define S_ISSOCK(m) (((m)&S_IFMT) == S_IFSOCK)

#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001

int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
/* No symbolic links: lstat() is stat(). */
int lstat(const char *path, struct stat *st);
int mkdir(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
/*
 * Set a file's access and modification times (times[0], times[1]; NULL:
 * both now; a tv_nsec of UTIME_NOW or UTIME_OMIT: now, or unchanged).
 * dirfd is AT_FDCWD or a directory a relative path starts from.
 */
int utimensat(int dirfd, const char *path, const struct timespec times[2],
	      int flags);
int futimens(int fd, const struct timespec times[2]);

#endif
