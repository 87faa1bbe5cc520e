// SPDX-License-Identifier: MIT
/*
 * Commands through the shell: system(), popen() and pclose(), each running
 * /bin/sh -c COMMAND in a child, as POSIX describes them.  newlib's
 * system() runs the shell only where the compiler says "unix" and returns
 * the exit code rather than the wait status; it has no popen.
 *
 * system() waits for its own child only: SIGCHLD is blocked meanwhile (a
 * handler of the caller's must not reap it first), and SIGINT and SIGQUIT
 * are ignored in the caller, for the command alone to answer a ^C.
 * popen()'s children are remembered with their streams, and each child
 * closes the streams of the earlier ones (POSIX), so that a reader still
 * sees the end of a pipe when its writer's pclose() closes it.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL "/bin/sh"

/* The child's status, waiting through signals; -1 if it cannot be had. */
static int wait_child(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

static void __attribute__((noreturn)) exec_shell(const char *command)
{
	execl(SHELL, "sh", "-c", command, (char *)NULL);
	_exit(127);
}

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
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		exec_shell(command);
	}
	if (pid > 0)
		status = wait_child(pid);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return status;
}

struct popen_child {
	FILE *stream;
	pid_t pid;
	struct popen_child *next;
};

static struct popen_child *popen_children;
static pthread_mutex_t popen_lock;

/* In the child: the command's end of the pipe as its stdin or stdout. */
static void __attribute__((noreturn))
popen_exec(const char *command, int fds[2], int reading)
{
	int mine = reading ? 1 : 0;

	for (struct popen_child *c = popen_children; c; c = c->next)
		close(fileno(c->stream));
	if (fds[mine] != mine) {
		dup2(fds[mine], mine);
		close(fds[mine]);
	}
	close(fds[!mine]);
	exec_shell(command);
}

FILE *popen(const char *command, const char *mode)
{
	int reading = mode[0] == 'r', fds[2];
	struct popen_child *c;
	pid_t pid;

	if ((mode[0] != 'r' && mode[0] != 'w') ||
	    (mode[1] && strcmp(mode + 1, "e"))) {
		errno = EINVAL;
		return NULL;
	}
	c = malloc(sizeof(*c));
	if (!c)
		return NULL;
	if (pipe(fds) < 0) {
		free(c);
		return NULL;
	}
	pthread_mutex_lock(&popen_lock);
	pid = fork();
	if (pid == 0)
		popen_exec(command, fds, reading);
	close(fds[reading ? 1 : 0]);
	if (mode[1]) /* "re", "we": not inherited across execve */
		fcntl(fds[reading ? 0 : 1], F_SETFD, FD_CLOEXEC);
	c->stream = pid < 0 ? NULL
			    : fdopen(fds[reading ? 0 : 1], reading ? "r" : "w");
	if (!c->stream) {
		close(fds[reading ? 0 : 1]);
		if (pid > 0)
			wait_child(pid);
		pthread_mutex_unlock(&popen_lock);
		free(c);
		return NULL;
	}
	c->pid = pid;
	c->next = popen_children;
	popen_children = c;
	pthread_mutex_unlock(&popen_lock);
	return c->stream;
}

/* The command's wait status; -1 and ECHILD for a stream popen did not make. */
int pclose(FILE *stream)
{
	struct popen_child **p, *c = NULL;
	pid_t pid;

	pthread_mutex_lock(&popen_lock);
	for (p = &popen_children; *p; p = &(*p)->next) {
		if ((*p)->stream == stream) {
			c = *p;
			*p = c->next;
			break;
		}
	}
	pthread_mutex_unlock(&popen_lock);
	if (!c) {
		errno = ECHILD;
		return -1;
	}
	pid = c->pid;
	free(c);
	fclose(stream);
	return wait_child(pid);
}
