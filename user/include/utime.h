/* SPDX-License-Identifier: MIT */
/*
 * <utime.h>: utime(), the old way to set a file's access and modification
 * times (whole seconds; NULL: now), over utimensat (user/lib/utime.c).
 * newlib's own header declares the structure only.
 */
#ifndef _UTIME_H
#define _UTIME_H

#include <sys/types.h>

struct utimbuf {
	time_t actime;
	time_t modtime;
};

int utime(const char *path, const struct utimbuf *times);

#endif
