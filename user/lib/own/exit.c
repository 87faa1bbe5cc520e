// SPDX-License-Identifier: MIT
/*
 * Ending a process: exit() with its atexit() handlers, _Exit().  The
 * system call itself is _exit() (syscalls.c), abort() is in signal.c.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "../libc.h"

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

int raise(int sig)
{
	return kill(getpid(), sig);
}
