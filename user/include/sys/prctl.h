/* SPDX-License-Identifier: MIT */
/*
 * <sys/prctl.h>: prctl(), Linux's process controls.  Pagoda has the
 * thread's name (PR_SET_NAME, PR_GET_NAME: <linux/prctl.h>); any other
 * option fails with EINVAL.
 */
#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#include <linux/prctl.h>

int prctl(int option, ...);

#endif
