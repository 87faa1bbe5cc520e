// SPDX-License-Identifier: MIT
/*
 * pgrp_test: process groups, the job control the shell uses so that ^C
 * kills the foreground job and not the shell (setpgid, kill of a group,
 * the console's foreground group).  The ^C itself is typed in
 * tests/pc/screen_test.py.
 */
#include <errno.h>
#include <signal.h>
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

static const struct ktap_case cases[] = {
	KTAP_CASE(kill_a_group),
	KTAP_CASE(bad_arguments),
	KTAP_CASE(foreground_group),
};

int main(void)
{
	return ktap_main("pgrp_test", cases, KTAP_NCASES(cases));
}
