/* SPDX-License-Identifier: MIT */
/* <sys/vfs.h>: the same as <sys/statfs.h>, as on Linux. */
#include <sys/statfs.h>
