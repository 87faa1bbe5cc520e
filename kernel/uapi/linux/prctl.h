/* SPDX-License-Identifier: MIT */
/*
 * prctl()'s options, Linux's numbers: one header for the kernel
 * (kernel/sys.c) and for user programs (<sys/prctl.h> includes it).
 * Pagoda has the two a thread's name needs; any other option is EINVAL.
 */
#ifndef _UAPI_LINUX_PRCTL_H
#define _UAPI_LINUX_PRCTL_H

#define PR_SET_NAME 15 /* (PR_SET_NAME, const char *name): 15 bytes kept */
#define PR_GET_NAME 16 /* (PR_GET_NAME, char name[16]) */

#endif
