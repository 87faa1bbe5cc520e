/* SPDX-License-Identifier: MIT */
/*
 * <asm/unistd.h>: the system-call numbers, __NR_<name>.  Pagoda has one
 * table for every port, <linux/unistd.h>, made from <pagoda/syscall.h>.
 */
#include <linux/unistd.h>
