/* SPDX-License-Identifier: MIT */
/* Error numbers: kernel functions return -E...; the values are the user ABI's. */
#ifndef _KERNEL_ERRNO_H
#define _KERNEL_ERRNO_H

#include <pagoda/errno.h>

#endif
