/* SPDX-License-Identifier: MIT */
/* <sys/unistd.h>: the same as <unistd.h> (newlib's files include either). */
#include <unistd.h>
