/* SPDX-License-Identifier: MIT */
/* <syscall.h>: glibc's old name for <sys/syscall.h>. */
#include <sys/syscall.h>
