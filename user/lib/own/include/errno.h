/* SPDX-License-Identifier: MIT */
/*
 * <errno.h>: errno and the error numbers.  The numbers are the kernel's
 * (pagoda/errno.h): a system call returns -ENOENT, the library stores ENOENT
 * in errno and returns -1.  Each thread has its own errno, a field of its
 * struct pthread (user/lib/pthread.c).
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <pagoda/errno.h>

int *__errno_location(void);
#define errno (*__errno_location())

#endif
