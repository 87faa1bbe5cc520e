/* SPDX-License-Identifier: MIT */
/*
 * <sys/_sigset.h>: newlib's sigset_t for <sys/select.h> and <sys/types.h>,
 * made the kernel's 64 bits (pagoda/abi.h) on every port: newlib's is a
 * long, 32 bits on ARM, too short for the real-time signals 32 to 64.
 */
#ifndef _SYS__SIGSET_H_
#define _SYS__SIGSET_H_

typedef unsigned long long __sigset_t;

#endif
