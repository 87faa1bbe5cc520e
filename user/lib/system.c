// SPDX-License-Identifier: MIT
/*
 * system(): run a command line with /bin/sh -c and wait for it (POSIX).
 * newlib's own runs the shell only where its build defines "unix", which
 * x86_64's does and ARM's does not, so Pagoda has its own, the same on
 * every port (libpagoda.a comes first in the link: a program calling
 * system gets this one, and nothing in newlib calls newlib's).
 *
 * As POSIX asks, the caller ignores SIGINT and SIGQUIT and blocks SIGCHLD
 * while it waits (a ^C is the command's, and a SIGCHLD handler cannot reap
 * the child first); the child runs with the caller's original actions and
 * mask.  system(NULL) says whether there is a shell.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL "/bin/sh"

int system(const char *command)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, old_int, old_quit;
	sigset_t chld, old_mask;
	int status = -1;
	pid_t pid;

	if (!command)
		return access(SHELL, X_OK) == 0;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "sh", "-c", (char *)command, NULL };

		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		execv(SHELL, argv);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return pid > 0 ? status : -1;
}
