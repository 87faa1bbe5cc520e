// SPDX-License-Identifier: MIT
/*
 * prctl(): Linux's process controls, of which the kernel has the thread's
 * name (kernel/sys.c).  Up to four arguments follow the option, as on
 * Linux; the kernel reads those its option takes.
 */
#include <stdarg.h>
#include <sys/prctl.h>

#include "libc.h"

int prctl(int option, ...)
{
	unsigned long a[4];
	va_list ap;

	va_start(ap, option);
	for (int i = 0; i < 4; i++)
		a[i] = va_arg(ap, unsigned long);
	va_end(ap);
	return __syscall_ret(
		__syscall6(SYS_prctl, option, a[0], a[1], a[2], a[3], 0));
}
