/* SPDX-License-Identifier: MIT */
/*
 * <asm-generic/unistd.h>: Linux's table of system-call numbers for its
 * newer ports.  Pagoda has one table for every port: <linux/unistd.h>.
 */
#include <linux/unistd.h>
