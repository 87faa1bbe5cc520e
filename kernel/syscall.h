/* SPDX-License-Identifier: MIT */
#ifndef _KERNEL_SYSCALL_H
#define _KERNEL_SYSCALL_H

/* Run system call nr with its six argument words; the result or -errno. */
long syscall_dispatch(unsigned long nr, const unsigned long a[6]);

#endif
