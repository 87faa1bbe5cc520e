// SPDX-License-Identifier: MIT
/*
 * proc_test: process life and death -- fork, _exit, waitpid, execve,
 * getpid/getppid, kill -- checked against what POSIX says they do.
 *
 * Children report in two ways: through their exit status, which the parent
 * checks with WIFEXITED/WEXITSTATUS, or by running EXPECTs themselves (they
 * print under the case's name) and ending with ktap_child_exit().
 */
#include <errno.h>
#include <fcntl.h>
#include <pagoda.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

/* argv[0]: how init ran us, so that we can execute ourselves again. */
static const char *self;

/* The argv[1] that makes this program check its arguments instead. */
#define EXEC_CHECK "--exec-check"

extern char **environ;

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* Each exit status a child gives reaches its parent unchanged. */
static void exit_status(void)
{
	static const int codes[] = { 0, 1, 42, 255 };

	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		int status = -1;
		pid_t pid = fork();

		ASSERT_GE(pid, 0);
		if (pid == 0)
			_exit(codes[i]);
		EXPECT_EQ(waitpid(pid, &status, 0), pid);
		EXPECT_TRUE(WIFEXITED(status));
		EXPECT_FALSE(WIFSIGNALED(status));
		EXPECT_EQ(WEXITSTATUS(status), codes[i]);
	}
}

/*
 * waitpid(pid) takes that child even when others have exited first;
 * waitpid(-1) then takes the rest, each exactly once.
 */
static void waitpid_which(void)
{
	pid_t pids[3];
	int status, seen = 0;

	for (int i = 0; i < 3; i++) {
		pids[i] = fork();
		ASSERT_GE(pids[i], 0);
		if (pids[i] == 0)
			_exit(10 + i);
	}
	sleep_ms(20); /* let children 0 and 2 become zombies first */
	EXPECT_EQ(waitpid(pids[1], &status, 0), pids[1]);
	EXPECT_EQ(WEXITSTATUS(status), 11);
	for (int n = 0; n < 2; n++) {
		pid_t pid = waitpid(-1, &status, 0);

		if (pid == pids[0]) {
			EXPECT_EQ(WEXITSTATUS(status), 10);
			seen |= 1;
		} else if (pid == pids[2]) {
			EXPECT_EQ(WEXITSTATUS(status), 12);
			seen |= 4;
		} else {
			ktap_fail(__FILE__, __LINE__,
				  "waitpid(-1) returned %d, errno %d", pid,
				  errno);
		}
	}
	EXPECT_EQ(seen, 5);
	EXPECT_ERRNO(waitpid(-1, &status, 0), ECHILD);
}

/* With no children at all, and for a pid that is not our child: ECHILD. */
static void echild(void)
{
	int status;

	EXPECT_ERRNO(waitpid(-1, &status, 0), ECHILD);
	EXPECT_ERRNO(waitpid(-1, &status, WNOHANG), ECHILD);
	EXPECT_ERRNO(waitpid(1, &status, 0), ECHILD); /* init is no child */
	EXPECT_ERRNO(waitpid(getpid(), &status, 0), ECHILD);
}

/* fork returns the child's pid, and the child's parent is us. */
static void getpid_getppid(void)
{
	pid_t parent = getpid(), pid;
	int status;

	EXPECT_GT(parent, 1);
	EXPECT_GE(getppid(), 1);
	EXPECT_EQ(getpid(), parent); /* stable */
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		EXPECT_EQ(getppid(), parent);
		EXPECT_NE(getpid(), parent);
		ktap_child_exit();
	}
	EXPECT_NE(pid, parent);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

/* WNOHANG on a child that is still running returns 0 and takes nothing. */
static void wnohang(void)
{
	int gate[2], status = -1;
	char c;
	pid_t pid;

	ASSERT_EQ(pipe(gate), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		close(gate[1]);
		read(gate[0], &c, 1); /* blocks until the parent closes */
		_exit(7);
	}
	close(gate[0]);
	EXPECT_EQ(waitpid(pid, &status, WNOHANG), 0);
	EXPECT_EQ(waitpid(-1, &status, WNOHANG), 0);
	close(gate[1]); /* now the child may finish */
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(WEXITSTATUS(status), 7);
}

/*
 * An orphan is adopted by init: once our parent (the case process) has
 * exited, a grandchild's getppid() is 1.
 */
static void orphan_reparented(void)
{
	int report[2], status;
	pid_t ppid = -1, pid;

	ASSERT_EQ(pipe(report), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		if (fork() == 0) {
			sleep_ms(50); /* outlive our parent */
			ppid = getppid();
			write(report[1], &ppid, sizeof(ppid));
			_exit(0);
		}
		_exit(0);
	}
	close(report[1]);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(read(report[0], &ppid, sizeof(ppid)), (long)sizeof(ppid));
	EXPECT_EQ(ppid, 1);
	close(report[0]);
}

/*
 * The second half of execve_args: run as "self --exec-check a 'b c' ''"
 * with a two-variable environment, check what arrived.
 */
static int exec_check(int argc, char **argv)
{
	int n = 0;

	ktap_case_name = "execve_args";
	EXPECT_EQ(argc, 5);
	if (argc == 5) {
		EXPECT_STREQ(argv[2], "a");
		EXPECT_STREQ(argv[3], "b c");
		EXPECT_STREQ(argv[4], "");
	}
	EXPECT_TRUE(argv[argc] == NULL);
	while (environ[n])
		n++;
	EXPECT_EQ(n, 2);
	EXPECT_TRUE(getenv("PAGODA_TEST") != NULL);
	if (getenv("PAGODA_TEST"))
		EXPECT_STREQ(getenv("PAGODA_TEST"), "forty two");
	EXPECT_TRUE(getenv("KTEST") == NULL); /* only what we passed */
	return ktap_case_failed ? 1 : 0;
}

/* execve passes argv and envp intact; the pid stays the same. */
static void execve_args(void)
{
	char *argv[] = { (char *)self, EXEC_CHECK, "a", "b c", "", NULL };
	char *envp[] = { "PAGODA_TEST=forty two", "EMPTY=", NULL };
	int status = -1;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0) {
		execve(self, argv, envp);
		ktap_fail(__FILE__, __LINE__, "execve(%s) failed, errno %d",
			  self, errno);
		_exit(99);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
}

/* /bin/echo's output, read back through a pipe. */
static void execve_echo(void)
{
	char *argv[] = { "echo", "hello,", "pagoda", NULL };
	char buf[64];
	int p[2], status = -1;
	long n = 0, r;
	pid_t pid;

	ASSERT_EQ(pipe(p), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execve("/bin/echo", argv, environ);
		_exit(99);
	}
	close(p[1]);
	while (n < (long)sizeof(buf) - 1 &&
	       (r = read(p[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	close(p[0]);
	EXPECT_STREQ(buf, "hello, pagoda\n");
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

/* A failed execve returns to its caller, which carries on as before. */
static void execve_fails(void)
{
	char *argv[] = { "nothing", NULL };
	const char text[] = "this is not an ELF file\n";
	int fd;

	EXPECT_ERRNO(execve("/no/such/program", argv, environ), ENOENT);
	EXPECT_ERRNO(execve("/bin/no-such-program", argv, environ), ENOENT);
	EXPECT_ERRNO(execve("", argv, environ), ENOENT);
	/* A file that is not a program: ENOEXEC, as POSIX says. */
	fd = open("/tmp/proc_test.txt", O_CREAT | O_WRONLY | O_TRUNC, 0755);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(write(fd, text, sizeof(text) - 1), (long)sizeof(text) - 1);
	close(fd);
	EXPECT_ERRNO(execve("/tmp/proc_test.txt", argv, environ), ENOEXEC);
	unlink("/tmp/proc_test.txt");
	EXPECT_GT(getpid(), 1); /* still here */
}

/* Copy the file at from to a new file at to; the open copy's fd. */
static int copy_file(const char *from, const char *to)
{
	char buf[512];
	int in = open(from, O_RDONLY), out;
	long n;

	if (in < 0)
		return -1;
	out = open(to, O_CREAT | O_RDWR | O_TRUNC, 0755);
	while (out >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			break;
	close(in);
	return out;
}

/* Run path in a child; its exit status, or 100 + errno if execve failed. */
static int run_status(const char *path)
{
	char *argv[] = { (char *)path, NULL };
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		execve(path, argv, environ);
		_exit(100 + errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/*
 * exec maps a program's pages from the page cache, so its file may not
 * change while it runs: opening it to write or truncate is ETXTBSY (this
 * program runs self), and a file open for writing cannot be run.
 */
static void text_busy(void)
{
	const char *copy = "/tmp/proc_test.true";
	int fd;

	EXPECT_ERRNO(open(self, O_WRONLY), ETXTBSY);
	EXPECT_ERRNO(open(self, O_RDONLY | O_TRUNC), ETXTBSY);
	fd = open(self, O_RDONLY);
	EXPECT_GE(fd, 0); /* reading it is fine */
	close(fd);

	fd = copy_file("/bin/true", copy);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(run_status(copy), 100 + ETXTBSY);
	close(fd);
	EXPECT_EQ(run_status(copy), 0);
	unlink(copy);
}

/*
 * SIGKILL ends a child that sleeps in nanosleep, or blocks in read; the
 * parent sees WTERMSIG == 9.  The child says "ready" first so that it is
 * really asleep when the signal comes.
 */
static void kill_sleeping(void)
{
	for (int how = 0; how < 2; how++) {
		int ready[2], block[2], status = -1;
		char c;
		pid_t pid;

		ASSERT_EQ(pipe(ready), 0);
		ASSERT_EQ(pipe(block), 0);
		pid = fork();
		ASSERT_GE(pid, 0);
		if (pid == 0) {
			close(block[1]);
			write(ready[1], "r", 1);
			if (how == 0)
				sleep_ms(30 * 1000);
			else
				read(block[0], &c, 1); /* nobody writes */
			_exit(0);
		}
		close(block[0]);
		EXPECT_EQ(read(ready[0], &c, 1), 1);
		sleep_ms(20); /* let it fall asleep */
		EXPECT_EQ(kill(pid, SIGKILL), 0);
		EXPECT_EQ(waitpid(pid, &status, 0), pid);
		EXPECT_TRUE(WIFSIGNALED(status));
		EXPECT_EQ(WTERMSIG(status), SIGKILL);
		close(ready[0]);
		close(ready[1]);
		close(block[1]);
	}
}

/* kill of a process that does not exist, or with a bad signal number. */
static void kill_errors(void)
{
	int status;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0)
		_exit(0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	/* Reaped: its pid names no process now. */
	EXPECT_ERRNO(kill(pid, SIGKILL), ESRCH);
	EXPECT_ERRNO(kill(99999, SIGKILL), ESRCH);
	EXPECT_ERRNO(kill(1, SIGKILL), EPERM); /* init */
	EXPECT_ERRNO(kill(1, 0), EPERM);
	EXPECT_ERRNO(kill(getpid(), -1), EINVAL);
	EXPECT_ERRNO(kill(getpid(), NSIG + 5), EINVAL);
}

/* procinfo and mapinfo index a list: a negative index is EINVAL. */
static void info_negative_index(void)
{
	struct procinfo pi;
	struct mapinfo mi;

	EXPECT_EQ(procinfo(0, &pi), 0);
	EXPECT_ERRNO(procinfo(-1, &pi), EINVAL);
	EXPECT_ERRNO(procinfo(-2147483647 - 1, &pi), EINVAL);
	EXPECT_EQ(mapinfo(0, 0, &mi), 0);
	EXPECT_ERRNO(mapinfo(0, -1, &mi), EINVAL);
	EXPECT_ERRNO(mapinfo(getpid(), -5, &mi), EINVAL);
}

/*
 * A zombie still exists until it is reaped: kill(zombie, 0) and even
 * kill(zombie, SIGKILL) succeed and change nothing (POSIX's rationale,
 * Linux).  After waitpid its pid names nothing: ESRCH.
 */
static char state_of(pid_t pid)
{
	struct procinfo pi;

	for (int i = 0; procinfo(i, &pi) == 0; i++)
		if (pi.pid == pid)
			return pi.state;
	return 0;
}

static void kill_zombie(void)
{
	int status, tries = 0;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0)
		_exit(7);
	while (state_of(pid) != 'Z' && tries++ < 1000)
		sched_yield();
	ASSERT_EQ(state_of(pid), 'Z');
	EXPECT_EQ(kill(pid, 0), 0);
	EXPECT_EQ(kill(pid, SIGKILL), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 7); /* the SIGKILL changed nothing */
	EXPECT_ERRNO(kill(pid, 0), ESRCH);
}

/*
 * A fork's child is in its parent's process group: waitpid(0) waits for
 * it.  A group with no child in it is ECHILD, even with children about,
 * which are left alone (pgrp_test has groups of several).
 */
static void waitpid_process_group(void)
{
	int status;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0)
		_exit(3);
	EXPECT_ERRNO(waitpid(-99999, &status, 0), ECHILD);
	EXPECT_EQ(waitpid(0, &status, 0), pid);
	EXPECT_EQ(WEXITSTATUS(status), 3);
}

/*
 * procinfo() (what ps shows) and sysinfo() (what free shows) know about
 * us: our pid, parent and name, and at least init and ourselves.
 */
static void procinfo_self(void)
{
	struct procinfo pi;
	struct sysinfo si;
	int found = 0;

	for (int i = 0; i < 4096 && procinfo(i, &pi) == 0; i++) {
		if (pi.pid != getpid())
			continue;
		found = 1;
		EXPECT_EQ(pi.ppid, getppid());
		EXPECT_EQ(pi.state, 'R'); /* we are running */
		EXPECT_STREQ(pi.name, "proc_test");
		EXPECT_GT(pi.rss_pages, 0);
		EXPECT_GT(pi.hz, 0);
	}
	EXPECT_TRUE(found);
	ASSERT_EQ(sysinfo(&si), 0);
	EXPECT_GE(si.procs, 2);
	EXPECT_GT(si.totalram, 0);
	EXPECT_GT(si.freeram, 0);
	EXPECT_LT(si.freeram, si.totalram);
	EXPECT_EQ(si.page_size, 4096);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(exit_status),
	KTAP_CASE(waitpid_which),
	KTAP_CASE(echild),
	KTAP_CASE(getpid_getppid),
	KTAP_CASE(wnohang),
	KTAP_CASE(orphan_reparented),
	KTAP_CASE(execve_args),
	KTAP_CASE(execve_echo),
	KTAP_CASE(execve_fails),
	KTAP_CASE(text_busy),
	KTAP_CASE(kill_sleeping),
	KTAP_CASE(kill_errors),
	KTAP_CASE(kill_zombie),
	KTAP_CASE(info_negative_index),
	KTAP_CASE(waitpid_process_group),
	KTAP_CASE(procinfo_self),
};

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], EXEC_CHECK))
		return exec_check(argc, argv);
	self = argc > 0 ? argv[0] : "/tests/proc_test";
	return ktap_main("proc_test", cases, KTAP_NCASES(cases));
}
