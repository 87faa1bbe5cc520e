// SPDX-License-Identifier: MIT
/*
 * posix_runner: the guest half of tools/posix_suite.py, which compiles it
 * (as a user's EXTRA program) into the initrd beside the conformance tests
 * it runs.  It is what the suite's own run script and its t0 timeout tool
 * do on Linux, in one small program, because Pagoda's shell has no loops:
 *
 *   posix_runner SECONDS DIR [FIRST]
 *
 * runs every program in DIR in name order (from FIRST, if given: the tool
 * boots again after a test that brought the kernel down), each in a
 * process group of its own with /tmp as its working directory, and prints
 * around each one's output
 *
 *   @@posix-run begin NAME
 *   @@posix-run end NAME exit N | signal N | timeout
 *
 * on lines of their own.  A test still running after SECONDS is killed
 * with its whole group (SIGKILL); so is whatever a finished test left in
 * its group.  The markers are written with write(2), never through stdio:
 * a forked child must not inherit, and print again, a buffer of ours.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TESTS 1024
#define NAME_MAX_LEN 64

extern char **environ;

static void on_alarm(int sig)
{
	/* Only here to make waitpid() return EINTR. */
}

/* Start DIR/NAME in a process group of its own; its pid, or -1. */
static pid_t start(const char *dir, const char *name)
{
	char path[256];
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { path, NULL };

		setpgid(0, 0);
		signal(SIGALRM, SIG_DFL);
		if (chdir("/tmp") < 0)
			dprintf(1, "posix_runner: chdir /tmp: %s\n",
				strerror(errno));
		execve(path, argv, environ);
		dprintf(1, "posix_runner: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (pid > 0)
		setpgid(pid, pid); /* also here: whichever runs first */
	return pid;
}

/*
 * Wait at most SECONDS for pid; print how it ended.  Its group is killed
 * either way, so that nothing it started outlives it into the next test.
 */
static void finish(pid_t pid, const char *name, unsigned int seconds)
{
	int status, timed_out = 0;

	alarm(seconds);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			dprintf(1, "\n@@posix-run end %s lost\n", name);
			return;
		}
		timed_out = 1;
		kill(-pid, SIGKILL);
	}
	alarm(0);
	kill(-pid, SIGKILL);
	if (timed_out)
		dprintf(1, "\n@@posix-run end %s timeout\n", name);
	else if (WIFSIGNALED(status))
		dprintf(1, "\n@@posix-run end %s signal %d\n", name,
			WTERMSIG(status));
	else
		dprintf(1, "\n@@posix-run end %s exit %d\n", name,
			WEXITSTATUS(status));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The programs in dir, sorted, from first on; how many. */
static int list_tests(const char *dir, const char *first,
		      char names[][NAME_MAX_LEN])
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d) {
		dprintf(1, "posix_runner: %s: %s\n", dir, strerror(errno));
		return 0;
	}
	while ((e = readdir(d)) && n < MAX_TESTS) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, first) < 0)
			continue;
		snprintf(names[n++], NAME_MAX_LEN, "%s", e->d_name);
	}
	closedir(d);
	qsort(names, n, NAME_MAX_LEN, by_name);
	return n;
}

int main(int argc, char **argv)
{
	static char names[MAX_TESTS][NAME_MAX_LEN];
	struct sigaction sa = { .sa_handler = on_alarm }; /* no SA_RESTART */
	unsigned int seconds;
	int n;

	if (argc < 3) {
		dprintf(2, "usage: posix_runner SECONDS DIR [FIRST]\n");
		return 2;
	}
	seconds = strtoul(argv[1], NULL, 10);
	sigaction(SIGALRM, &sa, NULL);
	n = list_tests(argv[2], argc > 3 ? argv[3] : "", names);
	for (int i = 0; i < n; i++) {
		pid_t pid;

		dprintf(1, "@@posix-run begin %s\n", names[i]);
		pid = start(argv[2], names[i]);
		if (pid < 0)
			dprintf(1, "\n@@posix-run end %s lost\n", names[i]);
		else
			finish(pid, names[i], seconds);
	}
	dprintf(1, "@@posix-run done\n");
	return 0;
}
