// SPDX-License-Identifier: MIT
/*
 * Ending a process: exit() with its atexit() handlers, _Exit(), abort().
 * The system call itself is _exit() (syscalls.c).
 */
#include <signal.h>
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
	 * SIGABRT, even if blocked; a handler that returns does not stop it
	 * (POSIX), so the second time it is the default action.  No stdio
	 * flushing: abort() is called when the program's state may be broken.
	 */
	static const char msg[] = "abort\n";
	sigset_t set = 0;

	write(STDERR_FILENO, msg, sizeof(msg) - 1);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(134); /* not reached */
}
