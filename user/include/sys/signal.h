/* SPDX-License-Identifier: MIT */
/* <sys/signal.h>: the same as <signal.h> (newlib's files include either). */
#include <signal.h>
