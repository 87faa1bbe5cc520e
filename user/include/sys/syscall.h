/* SPDX-License-Identifier: MIT */
/*
 * <sys/syscall.h>: the numbers of Pagoda's system calls for syscall(),
 * as SYS_<name> (<pagoda/syscall.h>) and __NR_<name> (<linux/unistd.h>).
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <linux/unistd.h>

#endif
