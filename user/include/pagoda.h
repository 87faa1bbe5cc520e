/* SPDX-License-Identifier: MIT */
/*
 * <pagoda.h>: Pagoda's own system calls, which POSIX has no name for:
 * per-process figures for ps, and switching the machine off.
 */
#ifndef _PAGODA_H
#define _PAGODA_H

#include <pagoda/abi.h> /* struct procinfo */

/*
 * Fill *info for the index-th process (0, 1, 2 ...); -1 with errno ESRCH when
 * there is no index-th process, which ends a listing.
 */
int procinfo(int index, struct procinfo *info);

/*
 * Switch the machine off.  Under QEMU, status becomes QEMU's exit status
 * (how test runs report their result).  Returns only on failure.
 * reboot() is the bare system call; poweroff() first flushes stdio.
 */
int reboot(int status);
int poweroff(int status);

#endif
