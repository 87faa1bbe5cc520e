/* SPDX-License-Identifier: MIT */
/*
 * <sys/statfs.h> (Linux's): statfs() and fstatfs(), the file system a file
 * is on; struct statfs and RAMFS_MAGIC come from the kernel (pagoda/abi.h).
 */
#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H

#include <pagoda/abi.h>

int statfs(const char *path, struct statfs *buf);
int fstatfs(int fd, struct statfs *buf);

#endif
