// SPDX-License-Identifier: MIT
/*
 * jobctl_test: job control on the console (kernel/drivers/console.c,
 * kernel/signal.c).  The keys are typed with TIOCSTI, as if from the
 * keyboard: ^Z stops the foreground group, ^C and ^\ end it; a process
 * outside the foreground group that reads the console stops with SIGTTIN,
 * one that sets its foreground group with SIGTTOU (or gets EIO, or its way,
 * if it ignores the signal); the parent hears of each stop and continue
 * through waitpid and SIGCHLD.  Each case makes itself a group and takes
 * the console's foreground, and gives it back (0) at the end, echo on.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define CTRL(c) ((c)&0x1f)

static void type(const char *s)
{
	while (*s)
		ioctl(0, TIOCSTI, s++);
}

/* The case in a group of its own, owning the console, echo off. */
static void take_console(void)
{
	setpgid(0, 0);
	tcsetpgrp(0, getpid());
	ioctl(0, TCSETECHO, 0);
}

static void give_back_console(void)
{
	tcsetpgrp(0, 0);
	ioctl(0, TCSETECHO, 1);
}

/* A child in a group of its own that runs fn, its status the exit code. */
static pid_t job(int (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		_exit(fn());
	}
	if (pid > 0)
		setpgid(pid, pid); /* as the shell: the group exists now */
	return pid;
}

/* Wait for a report of pid (with WUNTRACED, WCONTINUED); its status. */
static int report(pid_t pid, int options)
{
	int ws = -1;

	return waitpid(pid, &ws, options) == pid ? ws : -1;
}

/* A background job running fn, which must stop with sig; its pid. */
static pid_t stopped_job(int (*fn)(void), int sig)
{
	pid_t pid = job(fn);
	int ws = report(pid, WUNTRACED);

	EXPECT_TRUE(WIFSTOPPED(ws));
	EXPECT_EQ(WSTOPSIG(ws), sig);
	return pid;
}

/* Read a line from the console: 10 * its length + 1 if it is "ok\n". */
static int read_console(void)
{
	char buf[8];
	long n = read(0, buf, sizeof(buf));

	if (n < 0)
		return errno == EIO ? 100 : 101;
	return 10 * n + (n == 3 && !memcmp(buf, "ok\n", 3));
}

/* The same in the foreground, once the parent has put it there. */
static int read_console_fg(void)
{
	while (tcgetpgrp(0) != getpid())
		sched_yield();
	return read_console();
}

/* Let the console's reader fall asleep in its read (for ^Z to stop). */
static void let_child_run(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

/* ^Z stops the foreground job; it continues in its read on SIGCONT. */
static void ctrl_z_stops(void)
{
	pid_t pid;
	int ws;

	take_console();
	pid = job(read_console_fg);
	ASSERT_GT(pid, 0);
	EXPECT_EQ(tcsetpgrp(0, pid), 0);
	let_child_run();
	type("no\x1a"); /* discarded with the ^Z */
	ws = report(pid, WUNTRACED);
	EXPECT_TRUE(WIFSTOPPED(ws));
	EXPECT_EQ(WSTOPSIG(ws), SIGTSTP);
	EXPECT_EQ(kill(pid, SIGCONT), 0);
	EXPECT_TRUE(WIFCONTINUED(report(pid, WCONTINUED)));
	type("ok\n");
	ws = report(pid, 0);
	EXPECT_TRUE(WIFEXITED(ws));
	EXPECT_EQ(WEXITSTATUS(ws), 31);
	give_back_console();
}

/* pause() returns only after a handler ran: never, here. */
static int sleep_forever(void)
{
	pause();
	return 1;
}

/* ^C and ^\ end the foreground job with SIGINT and SIGQUIT. */
static void ctrl_c_and_backslash(void)
{
	static const struct {
		const char *key;
		int sig;
	} keys[] = { { "\x03", SIGINT }, { "\x1c", SIGQUIT } };

	take_console();
	for (int i = 0; i < 2; i++) {
		pid_t pid = job(sleep_forever);
		int ws;

		ASSERT_GT(pid, 0);
		EXPECT_EQ(tcsetpgrp(0, pid), 0);
		type(keys[i].key);
		ws = report(pid, 0);
		EXPECT_TRUE(WIFSIGNALED(ws));
		EXPECT_EQ(WTERMSIG(ws), keys[i].sig);
	}
	give_back_console();
}

/* A background read stops with SIGTTIN, and reads once in the foreground. */
static void background_read_stops(void)
{
	pid_t pid;
	int ws;

	take_console();
	pid = stopped_job(read_console, SIGTTIN);
	ASSERT_GT(pid, 0);
	type("ok\n");
	EXPECT_EQ(tcsetpgrp(0, pid), 0); /* fg, as the shell does */
	EXPECT_EQ(kill(-pid, SIGCONT), 0);
	ws = report(pid, 0);
	EXPECT_TRUE(WIFEXITED(ws));
	EXPECT_EQ(WEXITSTATUS(ws), 31);
	give_back_console();
}

static int read_ignoring_ttin(void)
{
	signal(SIGTTIN, SIG_IGN);
	return read_console();
}

static int read_blocking_ttin(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTTIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	return read_console();
}

/* A background reader that ignores or blocks SIGTTIN gets EIO. */
static void background_read_eio(void)
{
	int (*readers[])(void) = { read_ignoring_ttin, read_blocking_ttin };

	take_console();
	for (int i = 0; i < 2; i++) {
		pid_t pid = job(readers[i]);
		int ws;

		ASSERT_GT(pid, 0);
		ws = report(pid, WUNTRACED);
		EXPECT_TRUE(WIFEXITED(ws));
		EXPECT_EQ(WEXITSTATUS(ws), 100);
	}
	give_back_console();
}

/* An empty line: nothing that could mix with the test's KTAP lines. */
static int write_console(void)
{
	return write(1, "\n", 1) == 1 ? 0 : 10 + errno;
}

static int write_console_ignoring_ttou(void)
{
	signal(SIGTTOU, SIG_IGN);
	return write_console();
}

/*
 * TOSTOP: a background job's write stops it with SIGTTOU, and goes through
 * once the job is continued in the foreground; a job ignoring SIGTTOU
 * writes at once; without TOSTOP background writes are free.
 */
static void background_write_tostop(void)
{
	pid_t pid;
	int ws;

	take_console();
	ASSERT_EQ(ioctl(0, TCSETTOSTOP, 1), 0);
	EXPECT_EQ(ioctl(0, TCGETTOSTOP, 0), 1);
	pid = stopped_job(write_console, SIGTTOU);
	ASSERT_GT(pid, 0);
	EXPECT_EQ(tcsetpgrp(0, pid), 0);
	EXPECT_EQ(kill(pid, SIGCONT), 0);
	ws = report(pid, 0);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
	EXPECT_EQ(tcsetpgrp(0, getpid()), 0);
	pid = job(write_console_ignoring_ttou);
	ws = report(pid, WUNTRACED);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
	EXPECT_EQ(ioctl(0, TCSETTOSTOP, 0), 0);
	pid = job(write_console);
	ws = report(pid, WUNTRACED);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
	give_back_console();
}

static int take_foreground(void)
{
	return tcsetpgrp(0, getpid()) == 0 ? 0 : 10 + errno;
}

static int take_foreground_ignoring_ttou(void)
{
	signal(SIGTTOU, SIG_IGN);
	return take_foreground();
}

/*
 * Setting the foreground group from the background stops with SIGTTOU,
 * and succeeds on SIGCONT; with SIGTTOU ignored (the shell) it succeeds.
 */
static void background_tcsetpgrp(void)
{
	pid_t pid;
	int ws;

	take_console();
	pid = stopped_job(take_foreground, SIGTTOU);
	ASSERT_GT(pid, 0);
	EXPECT_EQ(tcgetpgrp(0), getpid());
	EXPECT_EQ(tcsetpgrp(0, pid), 0);
	EXPECT_EQ(kill(pid, SIGCONT), 0);
	ws = report(pid, 0);
	EXPECT_TRUE(WIFEXITED(ws));
	EXPECT_EQ(WEXITSTATUS(ws), 0);

	EXPECT_EQ(tcsetpgrp(0, getpid()), 0); /* the group is gone: allowed */
	pid = job(take_foreground_ignoring_ttou);
	ASSERT_GT(pid, 0);
	ws = report(pid, WUNTRACED);
	EXPECT_TRUE(WIFEXITED(ws));
	EXPECT_EQ(WEXITSTATUS(ws), 0);
	EXPECT_EQ(tcgetpgrp(0), pid);
	give_back_console();
}

static int stop_self(void)
{
	raise(SIGSTOP);
	return 7;
}

/* SIGCHLD says CLD_STOPPED and CLD_CONTINUED, unless SA_NOCLDSTOP. */
static void sigchld_on_stop(void)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };
	sigset_t set;
	siginfo_t si;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid = job(stop_self);
	ASSERT_GT(pid, 0);
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGCHLD);
	EXPECT_EQ(si.si_code, CLD_STOPPED);
	EXPECT_EQ(si.si_pid, pid);
	EXPECT_EQ(si.si_status, SIGSTOP);
	EXPECT_EQ(kill(pid, SIGCONT), 0);
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGCHLD);
	EXPECT_EQ(si.si_code, CLD_CONTINUED);
	EXPECT_EQ(si.si_status, SIGCONT);
	EXPECT_EQ(report(pid, 0), 7 << 8);

	/*
	 * Its exit's SIGCHLD may have merged with CLD_CONTINUED's (standard
	 * signals do not queue); SIG_DFL, ignoring SIGCHLD, discards it.
	 */
	sa.sa_flags = SA_NOCLDSTOP;
	ASSERT_EQ(sigaction(SIGCHLD, &sa, NULL), 0);
	pid = job(stop_self);
	ASSERT_GT(pid, 0);
	EXPECT_TRUE(WIFSTOPPED(report(pid, WUNTRACED)));
	EXPECT_EQ(kill(pid, SIGCONT), 0);
	EXPECT_EQ(report(pid, 0), 7 << 8);
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGCHLD);
	EXPECT_EQ(si.si_code, CLD_EXITED); /* the stop and continue: none */
	EXPECT_EQ(si.si_pid, pid);
}

/* ---- the shell's job control, typed as a user would ----------------- */

static pid_t sh_pid, job_pgid;

/* The shell waits for a line: it owns the console, raw, without echo. */
static bool shell_reads(void)
{
	return tcgetpgrp(0) == sh_pid && ioctl(0, TCGETCANON, 0) == 0 &&
	       ioctl(0, TCGETECHO, 0) == 0;
}

/* A job of the shell's owns the console. */
static bool job_in_fg(void)
{
	pid_t pgrp = tcgetpgrp(0);

	if (pgrp <= 0 || pgrp == sh_pid)
		return false;
	job_pgid = pgrp;
	return true;
}

/* Poll until cond() holds, for 30 s at most (a loaded host is slow). */
static bool wait_until(bool (*cond)(void))
{
	struct timespec ts = { 0, 10 * 1000 * 1000 }, now, end;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += 30;
	do {
		if (cond())
			return true;
		nanosleep(&ts, NULL);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec < end.tv_sec);
	return false;
}

/*
 * Type without echo, to keep the log clean: the shell turns echo on
 * between lines, so it is turned off before each byte.
 */
static void type_quietly(const char *s)
{
	for (; *s; s++) {
		ioctl(0, TCSETECHO, 0);
		ioctl(0, TIOCSTI, s);
	}
}

static void wake(int sig)
{
}

/*
 * The shell's output (its stdout and stderr) once it has exited; if a
 * process it left holds the pipe, the alarm ends the read (EINTR).
 */
static void shell_output(int fd, char *buf, size_t size)
{
	struct sigaction sa = { .sa_handler = wake };
	size_t n = 0;
	long got;

	sigaction(SIGALRM, &sa, NULL);
	alarm(5);
	while (n < size - 1 && (got = read(fd, buf + n, size - 1 - n)) > 0)
		n += got;
	alarm(0);
	buf[n] = '\0';
}

static pid_t start_shell(int out)
{
	pid_t pid = fork();

	if (pid == 0) {
		dup2(out, 1);
		dup2(out, 2);
		close(out);
		execl("/bin/sh", "sh", (char *)NULL);
		_exit(127);
	}
	return pid;
}

/*
 * In the interactive shell: cat, ^Z stops it, jobs lists it, bg continues
 * it behind (where its read of the console stops it again: SIGTTIN), fg
 * brings it back, and it reads what is typed next.
 */
static void shell_fg_bg(void)
{
	static char out[2048];
	bool ok;
	int fds[2], ws = -1;

	ASSERT_EQ(pipe(fds), 0);
	signal(SIGTTOU, SIG_IGN); /* echo off from the background */
	sh_pid = start_shell(fds[1]);
	ASSERT_GT(sh_pid, 0);
	close(fds[1]);
	ok = wait_until(shell_reads);
	EXPECT_TRUE(ok);
	type_quietly("cat\n");
	ok = ok && wait_until(job_in_fg);
	EXPECT_TRUE(ok);
	let_child_run();
	type_quietly("\x1a");
	ok = ok && wait_until(shell_reads);
	EXPECT_TRUE(ok);
	type_quietly("jobs\nbg\nfg\n");
	ok = ok && wait_until(job_in_fg);
	EXPECT_TRUE(ok);
	type_quietly("hi\n\x04");
	ok = ok && wait_until(shell_reads);
	EXPECT_TRUE(ok);
	if (ok) {
		type_quietly("exit\n");
	} else {
		kill(sh_pid, SIGKILL);
		if (job_pgid > 0)
			kill(-job_pgid, SIGKILL);
	}
	EXPECT_EQ(waitpid(sh_pid, &ws, 0), sh_pid);
	EXPECT_EQ(ws, 0);
	shell_output(fds[0], out, sizeof(out));
	EXPECT_TRUE(strstr(out, "[1]+ Stopped\tcat\n") != NULL);
	EXPECT_TRUE(strstr(out, "jobs\n[1]+ Stopped\tcat\n") != NULL);
	EXPECT_TRUE(strstr(out, "bg\n[1] cat &\n") != NULL);
	EXPECT_TRUE(strstr(out, "fg\ncat\nhi\n") != NULL);
	if (ktap_case_failed)
		ktap_log("the shell wrote: %s", out);
	give_back_console();
}

static void bad_input(void)
{
	EXPECT_ERRNO(ioctl(0, TIOCSTI, (void *)1), EFAULT);
	EXPECT_ERRNO(ioctl(0, TIOCSTI, (void *)-4096L), EFAULT);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(ctrl_z_stops),
	KTAP_CASE(ctrl_c_and_backslash),
	KTAP_CASE(background_read_stops),
	KTAP_CASE(background_read_eio),
	KTAP_CASE(background_tcsetpgrp),
	KTAP_CASE(background_write_tostop),
	KTAP_CASE(sigchld_on_stop),
	KTAP_CASE(shell_fg_bg),
	KTAP_CASE(bad_input),
};

int main(void)
{
	return ktap_main("jobctl_test", cases, KTAP_NCASES(cases));
}
