/* SPDX-License-Identifier: MIT */
/*
 * <fcntl.h>: open() and its flags (O_RDONLY, O_CREAT ... from pagoda/abi.h,
 * with Linux's values), and fcntl(): F_DUPFD, F_DUPFD_CLOEXEC,
 * F_GETFD/F_SETFD (FD_CLOEXEC), F_GETFL/F_SETFL (O_APPEND, O_NONBLOCK),
 * and record locks: F_GETLK, F_SETLK, F_SETLKW with a struct flock.
 */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <pagoda/abi.h>

/* mode is read only with O_CREAT. */
int open(const char *path, int flags, ...);
/* open(path, O_WRONLY | O_CREAT | O_TRUNC, mode) */
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ... /* int arg, or struct flock * */);

#endif
