// SPDX-License-Identifier: MIT
/*
 * Ending a process: exit() with its atexit() handlers, _Exit(), abort().
 * The system call itself is _exit() (syscalls.c).
 */
#include <stdlib.h>
#include <unistd.h>

#include "libc.h"

#define ATEXIT_MAX 32 /* POSIX's minimum */

static void (*handlers[ATEXIT_MAX])(void);
static int nr_handlers;

int atexit(void (*fn)(void))
{
	if (nr_handlers == ATEXIT_MAX)
		return -1;
	handlers[nr_handlers++] = fn;
	return 0;
}

void exit(int status)
{
	/*
	 * Last registered, first run.  Taking each handler off the list
	 * before calling it means a handler that calls exit() does not run
	 * itself again.
	 */
	while (nr_handlers > 0)
		handlers[--nr_handlers]();
	__stdio_flush_all();
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}

void abort(void)
{
	/*
	 * Pagoda has no SIGABRT to deliver, so end as a shell reports a
	 * process killed by it: status 128 + 6.  No stdio flushing: abort()
	 * is called when the program's state may be broken.
	 */
	static const char msg[] = "abort\n";

	write(STDERR_FILENO, msg, sizeof(msg) - 1);
	_exit(134);
}
