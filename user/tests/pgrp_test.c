// SPDX-License-Identifier: MIT
/*
 * pgrp_test: process groups, the job control the shell uses so that ^C
 * kills the foreground job and not the shell (setpgid, kill of a group,
 * the console's foreground group), kill(0) and kill(-1), sessions
 * (setsid, getsid, getpgid), orphaned groups, and waitpid(0) and
 * waitpid(-pgid), which wait for a child of one group.  The ^C itself is typed
 * in tests/pc/screen_test.py.
 */
#include <errno.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

/* A child that waits to be killed; its pid. */
static pid_t sleeper(pid_t pgid)
{
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, pgid);
		for (;;)
			sleep(1);
	}
	return pid;
}

static volatile sig_atomic_t urg_seen;
static int report_fd = -1;

static void note_urg(int sig)
{
	urg_seen = sig;
}

static void _exit_on_urg(int sig)
{
	_exit(7);
}

static void report_hup(int sig)
{
	write(report_fd, "H", 1);
	_exit(0);
}

static int wait_status(pid_t pid)
{
	int ws = -1;

	return waitpid(pid, &ws, 0) == pid ? ws : -1;
}

/* A group of two, killed at once by kill(-pgid); others are untouched. */
static void kill_a_group(void)
{
	pid_t first = sleeper(0), second, outsider = sleeper(0);
	int ws;

	ASSERT_GT(first, 0);
	ASSERT_GT(outsider, 0);
	EXPECT_EQ(setpgid(first, first), 0); /* the parent's half, as sh */
	second = sleeper(first);
	ASSERT_GT(second, 0);
	EXPECT_EQ(setpgid(second, first), 0);
	EXPECT_EQ(kill(-first, 0), 0);
	EXPECT_EQ(kill(-first, SIGKILL), 0);
	ws = wait_status(first);
	EXPECT_TRUE(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL);
	ws = wait_status(second);
	EXPECT_TRUE(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL);
	EXPECT_ERRNO(kill(-first, 0), ESRCH); /* nobody left */
	EXPECT_EQ(kill(outsider, 0), 0);      /* still there */
	kill(outsider, SIGKILL);
	wait_status(outsider);
}

static void bad_arguments(void)
{
	EXPECT_ERRNO(setpgid(-1, 0), EINVAL);
	EXPECT_ERRNO(setpgid(0, -5), EINVAL);
	EXPECT_ERRNO(setpgid(1, 1), ESRCH);	/* init is not our child */
	EXPECT_ERRNO(setpgid(0, 99999), EPERM); /* no such group */
	EXPECT_ERRNO(kill(-99999, SIGKILL), ESRCH);
	EXPECT_ERRNO(kill(-2147483647 - 1, 0), ESRCH);
}

/* The console's foreground group: set, read back, cleared. */
static void foreground_group(void)
{
	pid_t old = tcgetpgrp(0);

	ASSERT_GE(old, 0);
	EXPECT_EQ(tcsetpgrp(0, getpid()), 0);
	EXPECT_EQ(tcgetpgrp(0), getpid());
	EXPECT_EQ(tcsetpgrp(0, old), 0);
	EXPECT_ERRNO(tcsetpgrp(0, -3), EINVAL);
}

/* A child that ends with status 7 when SIGURG comes; its pid. */
static pid_t urg_catcher(pid_t pgid)
{
	int ready[2];
	pid_t pid;
	char c;

	if (pipe(ready))
		return -1;
	pid = fork();
	if (pid == 0) {
		signal(SIGURG, _exit_on_urg);
		setpgid(0, pgid);
		write(ready[1], "r", 1);
		for (;;)
			pause();
	}
	/*
	 * Wait until it catches SIGURG: sent before, the signal would be
	 * ignored (its default) and the child would pause for ever.
	 */
	if (pid > 0 && read(ready[0], &c, 1) != 1)
		pid = -1;
	close(ready[0]);
	close(ready[1]);
	return pid;
}

/*
 * kill(0) reaches the caller's group, itself included; kill(-1) every
 * process but init and the caller, whatever their group.  SIGURG, whose
 * default is to be ignored, so that the test program's own parent (also
 * reached by kill(-1)) is not hurt.
 */
static void kill_own_group_and_everyone(void)
{
	pid_t same, other;
	int ws;

	ASSERT_EQ(setpgid(0, 0), 0);
	same = urg_catcher(getpid());
	other = urg_catcher(0);
	ASSERT_GT(same, 0);
	ASSERT_GT(other, 0);
	EXPECT_EQ(setpgid(same, getpid()), 0);
	EXPECT_EQ(setpgid(other, other), 0);
	urg_seen = 0;
	signal(SIGURG, note_urg);
	EXPECT_EQ(kill(0, SIGURG), 0);
	EXPECT_EQ(urg_seen, SIGURG); /* the caller is in its group */
	ws = wait_status(same);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 7);
	EXPECT_EQ(kill(other, 0), 0); /* another group: untouched */
	urg_seen = 0;
	EXPECT_EQ(kill(-1, SIGURG), 0);
	EXPECT_EQ(urg_seen, 0); /* not the caller */
	ws = wait_status(other);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 7);
}

/* A child that exits with status code once the pipe's writers are gone. */
static pid_t exit_on_eof(int p[2], pid_t pgid, int code)
{
	pid_t pid = fork();
	char c;

	if (pid == 0) {
		setpgid(0, pgid);
		close(p[1]);
		while (read(p[0], &c, 1) > 0)
			;
		_exit(code);
	}
	return pid;
}

/*
 * waitpid(0) waits for a child in the caller's group, waitpid(-pgid) for
 * one in group pgid; ECHILD when no child is in the group, even if others
 * are left.
 */
static void wait_for_a_group(void)
{
	pid_t mine, other;
	int p[2], ws = -1;

	ASSERT_EQ(setpgid(0, 0), 0);
	ASSERT_EQ(pipe(p), 0);
	other = exit_on_eof(p, 0, 2);
	ASSERT_GT(other, 0);
	EXPECT_EQ(setpgid(other, other), 0); /* the parent's half, as sh */
	mine = exit_on_eof(p, getpid(), 1);
	ASSERT_GT(mine, 0);
	EXPECT_EQ(waitpid(0, &ws, WNOHANG), 0);
	EXPECT_EQ(waitpid(-other, &ws, WNOHANG), 0);
	EXPECT_ERRNO(waitpid(-99999, &ws, WNOHANG), ECHILD);
	close(p[1]);
	close(p[0]);
	EXPECT_EQ(waitpid(0, &ws, 0), mine);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 1);
	EXPECT_ERRNO(waitpid(0, &ws, 0), ECHILD); /* other is not in it */
	EXPECT_EQ(waitpid(-other, &ws, 0), other);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 2);
	EXPECT_ERRNO(waitpid(-1, &ws, WNOHANG), ECHILD);
}

/* The child of a fork: its own session, leading it and its group. */
static void new_session(void)
{
	pid_t pid = fork();
	int ws;

	if (pid == 0) {
		pid_t sid = getsid(0), me = getpid();
		int ok = setsid() == me && getsid(0) == me && getpgrp() == me &&
			 getpgid(0) == me && sid != me;

		ok = ok && setsid() == -1 && errno == EPERM; /* leads a group */
		ok = ok && setpgid(0, getppid()) == -1 && errno == EPERM;
		_exit(ok ? 0 : 1);
	}
	ASSERT_GT(pid, 0);
	ws = wait_status(pid);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
	EXPECT_EQ(getsid(0), getsid(getpid()));
	EXPECT_EQ(getpgid(0), getpgrp());
	EXPECT_ERRNO(getsid(99999), ESRCH);
	/* A group leader may not start a session. */
	ASSERT_EQ(setpgrp(), 0);
	EXPECT_EQ(getpgrp(), getpid());
	EXPECT_ERRNO(setsid(), EPERM);
}

/*
 * A stopped job whose shell goes away: the middle process M puts its
 * child J in a group of J's own and sees it stop, then exits.  J's group
 * is then orphaned (J's parent is init), so the kernel sends it SIGHUP
 * and SIGCONT: J's SIGHUP handler reports on the pipe.  Without that, J
 * would stay stopped, and the select below times out.
 */
static void orphaned_stopped_group(void)
{
	struct timeval tv = { 10, 0 };
	int p[2], ws;
	pid_t mid, job = 0;
	char c = 0;
	fd_set r;

	ASSERT_EQ(pipe(p), 0);
	mid = fork();
	if (mid == 0) {
		pid_t j = fork();

		if (j == 0) {
			pid_t me = getpid();

			close(p[0]);
			report_fd = p[1];
			signal(SIGHUP, report_hup);
			setpgid(0, 0);
			write(p[1], &me, sizeof(me));
			raise(SIGSTOP);
			_exit(3); /* continued without SIGHUP */
		}
		setpgid(j, j);
		waitpid(j, &ws, WUNTRACED);
		_exit(WIFSTOPPED(ws) ? 0 : 1);
	}
	close(p[1]);
	ASSERT_GT(mid, 0);
	EXPECT_EQ(read(p[0], &job, sizeof(job)), (long)sizeof(job));
	ws = wait_status(mid);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	EXPECT_EQ(select(p[0] + 1, &r, NULL, NULL, &tv), 1);
	EXPECT_EQ(read(p[0], &c, 1), 1);
	EXPECT_EQ(c, 'H');
	if (!c && job > 0)
		kill(job, SIGKILL);
	close(p[0]);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(kill_a_group),     KTAP_CASE(bad_arguments),
	KTAP_CASE(foreground_group), KTAP_CASE(kill_own_group_and_everyone),
	KTAP_CASE(new_session),	     KTAP_CASE(orphaned_stopped_group),
	KTAP_CASE(wait_for_a_group),
};

int main(void)
{
	return ktap_main("pgrp_test", cases, KTAP_NCASES(cases));
}
