/* SPDX-License-Identifier: MIT */
/* <sys/fcntl.h>: the same as <fcntl.h> (newlib's files include either). */
#include <fcntl.h>
