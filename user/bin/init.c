// SPDX-License-Identifier: MIT
/*
 * init: the first process, pid 1.  The kernel starts it as /bin/init with
 * the console on descriptors 0, 1 and 2, and chooses its job through the
 * environment:
 *
 *   KTEST=1    test mode.  The kernel has run its own suites and printed
 *              the top of the KTAP report; init runs every program in
 *              /tests that KTEST_FILTER selects (all, if unset), prints one
 *              result line for each (results KTEST_FIRST, KTEST_FIRST+1,
 *              ...), then powers off with status 0 if nothing failed
 *              (KTEST_FAILED counts the kernel's failures), 1 otherwise.
 *              The programs inherit KTEST_FILTER, which also selects their
 *              cases, and KTEST_LIST, which makes them list, not run.
 *   RUN=<cmd>  run the command line with /bin/sh -c, then power off with
 *              its exit status (128+N if signal N killed it).
 *   neither    print /etc/motd, then keep a shell on the console: when one
 *              exits, start another.
 * Outside test mode, init first swaps to /dev/vda if it is a swap area
 * (make run attaches one; the tests set up their own).
 *
 * In every mode init is the parent of all orphans and must reap them, and
 * it never exits: the kernel would have no process left to run.
 *
 * init prints with dprintf(), one write() per message, never through a
 * stdio buffer: it forks all the time, and a child must not inherit (and
 * print a second time) half a buffer; and the KTAP lines must reach the
 * console in order with the tests' own output.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pagoda.h>
#include <pagoda/ktest_filter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/swap.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TESTS 128
#define TEST_NAME_MAX 64

extern char **environ;

/* Start path with argv in a child; its pid, or -1. */
static pid_t spawn(const char *path, char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execve(path, argv, environ);
		dprintf(2, "init: cannot run %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		dprintf(2, "init: fork: %s\n", strerror(errno));
	return pid;
}

/*
 * Wait for the child pid and return its wait status.  waitpid(-1), not
 * waitpid(pid): orphans that were re-parented to us are reaped on the way.
 */
static int wait_for(pid_t pid)
{
	int status;

	for (;;) {
		pid_t got = waitpid(-1, &status, 0);

		if (got == pid)
			return status;
		if (got < 0 && errno == ECHILD)
			return -1; /* cannot happen: pid is our child */
	}
}

/* Reap every child until none is left (ECHILD). */
static void reap_all(void)
{
	int status;

	while (waitpid(-1, &status, 0) > 0)
		;
}

/* The shell's convention for a wait status: exit status, or 128+signal. */
static int exit_code(int status)
{
	if (status == -1)
		return 127;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* Power off with this status.  Should that fail, go on reaping orphans. */
static void __attribute__((noreturn)) power_off(int status)
{
	reboot(REBOOT_POWER_OFF, status);
	dprintf(2, "init: reboot: %s\n", strerror(errno));
	for (;;)
		if (waitpid(-1, NULL, 0) < 0)
			sleep(1);
}

/* ---- test mode ------------------------------------------------------- */

static long free_pages(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -1;
	return si.freeram / (si.page_size ? si.page_size : 4096);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/*
 * The names of the programs in /tests that the filter selects, sorted; how
 * many.  The kernel counted them the same way for the plan.
 */
static int list_tests(char names[][TEST_NAME_MAX])
{
	const char *filter = getenv("KTEST_FILTER");
	DIR *dir = opendir("/tests");
	struct dirent *e;
	int n = 0;

	if (!dir) {
		dprintf(1, "# init: cannot open /tests: %s\n", strerror(errno));
		return 0;
	}
	while ((e = readdir(dir)) && n < MAX_TESTS) {
		if (e->d_name[0] == '.') /* ".", "..", hidden files */
			continue;
		if (filter && *filter &&
		    !ktest_filter_match(filter, e->d_name, NULL, 0))
			continue;
		snprintf(names[n++], TEST_NAME_MAX, "%s", e->d_name);
	}
	closedir(dir);
	qsort(names, n, TEST_NAME_MAX, by_name);
	return n;
}

/*
 * Run /tests/<name> as KTAP result number n.  The program prints its own
 * subtest block; we add the result line, and before a "not ok" the reason:
 * how it ended, or how many pages it (and its descendants) failed to free.
 */
static int run_test(const char *name, int n)
{
	char path[16 + TEST_NAME_MAX];
	char *argv[] = { path, NULL };
	long before, after;
	int status, ok;
	pid_t pid;

	snprintf(path, sizeof(path), "/tests/%s", name);
	before = free_pages();
	pid = spawn(path, argv);
	if (pid < 0) {
		dprintf(1, "# %s: fork failed\n", name);
		ok = 0;
	} else {
		status = wait_for(pid);
		reap_all(); /* its orphans must be gone before we count pages */
		after = free_pages();
		ok = 1;
		if (WIFSIGNALED(status)) {
			dprintf(1, "# %s: killed by signal %d\n", name,
				WTERMSIG(status));
			ok = 0;
		} else if (WEXITSTATUS(status) != 0) {
			dprintf(1, "# %s: exit status %d\n", name,
				WEXITSTATUS(status));
			ok = 0;
		}
		if (after < before) {
			dprintf(1, "# %s: %ld pages not freed\n", name,
				before - after);
			ok = 0;
		}
	}
	dprintf(1, "%s %d %s\n", ok ? "ok" : "not ok", n, name);
	return ok;
}

static int env_int(const char *name, int fallback)
{
	const char *s = getenv(name);

	return s && *s ? atoi(s) : fallback;
}

static void __attribute__((noreturn)) run_tests(void)
{
	static char names[MAX_TESTS][TEST_NAME_MAX];
	int first = env_int("KTEST_FIRST", 1);
	int failures = env_int("KTEST_FAILED", 0);
	int n = list_tests(names);

	for (int i = 0; i < n; i++)
		failures += !run_test(names[i], first + i);
	power_off(failures ? 1 : 0);
}

/* ---- RUN= and interactive modes -------------------------------------- */

static void __attribute__((noreturn)) run_command(const char *cmd)
{
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };
	pid_t pid = spawn("/bin/sh", argv);

	power_off(pid < 0 ? 1 : exit_code(wait_for(pid)));
}

/* Copy /etc/motd, if there is one, to the console. */
static void print_motd(void)
{
	char buf[512];
	long n;
	int fd = open("/etc/motd", O_RDONLY);

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
}

static void __attribute__((noreturn)) keep_shell(void)
{
	char *argv[] = { "sh", NULL };

	print_motd();
	for (;;) {
		pid_t pid = spawn("/bin/sh", argv);
		int status;

		if (pid < 0) {
			sleep(1); /* out of tasks: try again soon */
			continue;
		}
		status = wait_for(pid);
		if (status != -1 && WIFSIGNALED(status))
			dprintf(2, "init: the shell was killed by signal %d\n",
				WTERMSIG(status));
		else if (exit_code(status) == 127)
			sleep(1); /* no shell to run: do not spin */
	}
}

/* Swap to the disk make run attaches, if there is one, as swapon -a would. */
static void enable_swap(void)
{
	if (swapon("/dev/vda", 0) && errno != ENOENT)
		dprintf(2, "init: swapon /dev/vda: %s\n", strerror(errno));
}

int main(void)
{
	const char *run = getenv("RUN");

	if (getenv("KTEST"))
		run_tests();
	enable_swap();
	if (run)
		run_command(run);
	keep_shell();
}
