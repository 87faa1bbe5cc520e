/* SPDX-License-Identifier: MIT */
/*
 * Returning an error through a pointer, as Linux does: the top 4095 values
 * of the address space are never valid pointers, so -errno fits there.
 */
#ifndef _KERNEL_ERR_H
#define _KERNEL_ERR_H

#include <kernel/kernel.h>

#define MAX_ERRNO 4095

/*
 * A user address or an error in one long (mmap's answer): the errors are
 * the last MAX_ERRNO values.  Not "< 0": on a 32-bit machine an address
 * above 2 GiB is negative as a long.
 */
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}

#endif
