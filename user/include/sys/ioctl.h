/* SPDX-License-Identifier: MIT */
/*
 * <sys/ioctl.h>: ioctl(), device-specific requests on an open device file.
 * The requests of /dev/console (TCGETECHO, TCSETECHO) are in pagoda/abi.h.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <pagoda/abi.h>

/* The optional third argument is an integer or a pointer. */
int ioctl(int fd, unsigned long request, ...);

#endif
