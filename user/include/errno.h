/* SPDX-License-Identifier: MIT */
/*
 * <errno.h>: errno and the error numbers.  The numbers are the kernel's
 * (pagoda/errno.h): a system call returns -ENOENT, the library stores ENOENT
 * in errno and returns -1.  errno is a plain variable, since a process has
 * exactly one thread.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <pagoda/errno.h>

extern int errno;

#endif
