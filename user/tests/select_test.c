// SPDX-License-Identifier: MIT
/*
 * select_test: select, pselect and poll (<sys/select.h>, <poll.h>,
 * kernel/fs/select.c) on pipes and the console: readiness, sleeping until
 * a writer comes, the timeout and the time left, EINTR on a signal,
 * pselect's mask, and the errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static int one_fd(int fd, bool write_set, struct timeval *tv)
{
	fd_set set;

	FD_ZERO(&set);
	FD_SET(fd, &set);
	return select(fd + 1, write_set ? NULL : &set, write_set ? &set : NULL,
		      NULL, tv);
}

/* An empty pipe is writable, not readable; with data, readable; EOF too. */
static void pipe_readiness(void)
{
	struct timeval zero = { 0, 0 };
	fd_set r, w;
	int p[2];

	ASSERT_EQ(pipe(p), 0);
	EXPECT_EQ(one_fd(p[0], false, &zero), 0);
	EXPECT_EQ(one_fd(p[1], true, &zero), 1);
	EXPECT_EQ(write(p[1], "x", 1), 1);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &r); /* a write end is never readable */
	FD_SET(p[1], &w);
	EXPECT_EQ(select(p[1] + 1, &r, &w, NULL, &zero), 2);
	EXPECT_TRUE(FD_ISSET(p[0], &r));
	EXPECT_FALSE(FD_ISSET(p[1], &r));
	EXPECT_TRUE(FD_ISSET(p[1], &w));
	close(p[1]);
	EXPECT_EQ(one_fd(p[0], false, &zero), 1); /* data, then EOF */
	close(p[0]);
}

/* The reader sleeps in select until a child writes, with no timeout. */
static void sleeps_until_written(void)
{
	int p[2], ws = -1;
	pid_t pid;

	ASSERT_EQ(pipe(p), 0);
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		_exit(write(p[1], "y", 1) == 1 ? 0 : 1);
	}
	EXPECT_EQ(one_fd(p[0], false, NULL), 1);
	EXPECT_EQ(waitpid(pid, &ws, 0), pid);
	EXPECT_EQ(ws, 0);
	close(p[0]);
	close(p[1]);
}

/* Nothing comes: 0 after the timeout, with no time left. */
static void times_out(void)
{
	struct timeval tv = { 0, 30000 };
	struct timespec ts = { 0, 30000000 };
	int p[2];

	ASSERT_EQ(pipe(p), 0);
	EXPECT_EQ(one_fd(p[0], false, &tv), 0);
	EXPECT_EQ(tv.tv_sec, 0);
	EXPECT_EQ(tv.tv_usec, 0);
	fd_set r;
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	EXPECT_EQ(pselect(p[0] + 1, &r, NULL, NULL, &ts, NULL), 0);
	EXPECT_EQ(ts.tv_nsec, 30000000); /* pselect leaves it */
	EXPECT_FALSE(FD_ISSET(p[0], &r));
	close(p[0]);
	close(p[1]);
}

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	caught = sig;
}

/* A child signals the parent while it waits: EINTR, the handler ran. */
static pid_t signal_parent_soon(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		usleep(50000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	return pid;
}

static void interrupted_by_signal(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	int p[2];
	pid_t pid;

	ASSERT_EQ(pipe(p), 0);
	ASSERT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	caught = 0;
	pid = signal_parent_soon();
	EXPECT_ERRNO(one_fd(p[0], false, NULL), EINTR); /* never restarted */
	EXPECT_EQ(caught, SIGUSR1);
	waitpid(pid, NULL, 0);
	close(p[0]);
	close(p[1]);
}

/* SIGUSR1 blocked but for pselect's wait: it ends the wait only. */
static void pselect_mask(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t block, during, now;
	fd_set r;
	int p[2];
	pid_t pid;

	ASSERT_EQ(pipe(p), 0);
	ASSERT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	ASSERT_EQ(sigprocmask(SIG_BLOCK, &block, NULL), 0);
	sigemptyset(&during);
	caught = 0;
	pid = signal_parent_soon();
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	EXPECT_ERRNO(pselect(p[0] + 1, &r, NULL, NULL, NULL, &during), EINTR);
	EXPECT_EQ(caught, SIGUSR1);
	EXPECT_EQ(sigprocmask(SIG_BLOCK, NULL, &now), 0);
	EXPECT_TRUE(sigismember(&now, SIGUSR1)); /* blocked again */
	waitpid(pid, NULL, 0);
	close(p[0]);
	close(p[1]);
}

/* Typed input (TIOCSTI) makes the console readable, a whole line. */
static void console_input(void)
{
	struct timeval zero = { 0, 0 };
	char line[8];

	EXPECT_EQ(one_fd(0, false, &zero), 0);
	EXPECT_EQ(one_fd(1, true, &zero), 1);
	ASSERT_EQ(ioctl(0, TIOCSTI, "q"), 0);
	EXPECT_EQ(one_fd(0, false, &zero), 0); /* not a line yet */
	ASSERT_EQ(ioctl(0, TIOCSTI, "\n"), 0);
	EXPECT_EQ(one_fd(0, false, &zero), 1);
	EXPECT_EQ(read(0, line, sizeof(line)), 2);
	EXPECT_EQ(fcntl(0, F_SETFL, O_NONBLOCK), 0);
	EXPECT_ERRNO(read(0, line, sizeof(line)), EAGAIN);
	EXPECT_EQ(fcntl(0, F_SETFL, 0), 0);
}

static void bad_arguments(void)
{
	struct timeval bad = { 0, 1000000 }, zero = { 0, 0 };
	fd_set r;

	FD_ZERO(&r);
	FD_SET(29, &r); /* not open */
	EXPECT_ERRNO(select(30, &r, NULL, NULL, &zero), EBADF);
	EXPECT_ERRNO(select(-1, NULL, NULL, NULL, &zero), EINVAL);
	EXPECT_ERRNO(select(1, NULL, NULL, NULL, &bad), EINVAL);
	EXPECT_ERRNO(select(30, (fd_set *)16, NULL, NULL, &zero), EFAULT);
	EXPECT_EQ(select(0, NULL, NULL, NULL, &zero), 0);
}

/* poll's report per entry: asked events, POLLHUP unasked, POLLNVAL. */
static void poll_pipe(void)
{
	struct pollfd fds[4];
	int p[2];

	ASSERT_EQ(pipe(p), 0);
	fds[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	fds[2] = (struct pollfd){ .fd = 29, .events = POLLIN }; /* not open */
	fds[3] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 9 };
	EXPECT_EQ(poll(fds, 4, 0), 2);
	EXPECT_EQ(fds[0].revents, 0);
	EXPECT_EQ(fds[1].revents, POLLOUT);
	EXPECT_EQ(fds[2].revents, POLLNVAL);
	EXPECT_EQ(fds[3].revents, 0);
	EXPECT_EQ(write(p[1], "x", 1), 1);
	close(p[1]);
	EXPECT_EQ(poll(fds, 1, 0), 1);
	EXPECT_EQ(fds[0].revents, POLLIN | POLLHUP);
	fds[0].events = POLLRDNORM;
	EXPECT_EQ(poll(fds, 1, 0), 1);
	EXPECT_EQ(fds[0].revents, POLLRDNORM | POLLHUP);
	close(p[0]);
}

/* poll sleeps until a child writes; with a timeout and nothing, 0. */
static void poll_sleeps_and_times_out(void)
{
	struct pollfd fd;
	struct timespec ts = { 0, 20000000 };
	int p[2], ws = -1;
	pid_t pid;

	ASSERT_EQ(pipe(p), 0);
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	EXPECT_EQ(poll(&fd, 1, 30), 0);
	EXPECT_EQ(ppoll(&fd, 1, &ts, NULL), 0);
	EXPECT_EQ(ts.tv_nsec, 20000000); /* ppoll leaves it */
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		_exit(write(p[1], "y", 1) == 1 ? 0 : 1);
	}
	EXPECT_EQ(poll(&fd, 1, -1), 1);
	EXPECT_EQ(fd.revents, POLLIN);
	EXPECT_EQ(waitpid(pid, &ws, 0), pid);
	EXPECT_EQ(ws, 0);
	close(p[0]);
	close(p[1]);
}

static void poll_interrupted(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	struct timespec bad = { 0, -1 };
	struct pollfd fd;
	int p[2];
	pid_t pid;

	ASSERT_EQ(pipe(p), 0);
	ASSERT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	caught = 0;
	pid = signal_parent_soon();
	EXPECT_ERRNO(poll(&fd, 1, -1), EINTR);
	EXPECT_EQ(caught, SIGUSR1);
	waitpid(pid, NULL, 0);
	EXPECT_ERRNO(poll((struct pollfd *)16, 1, 0), EFAULT);
	EXPECT_ERRNO(poll(&fd, POLL_MAX_FDS + 1, 0), EINVAL);
	EXPECT_ERRNO(ppoll(&fd, 1, &bad, NULL), EINVAL);
	EXPECT_EQ(poll(NULL, 0, 0), 0);
	close(p[0]);
	close(p[1]);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(pipe_readiness),
	KTAP_CASE(sleeps_until_written),
	KTAP_CASE(times_out),
	KTAP_CASE(interrupted_by_signal),
	KTAP_CASE(pselect_mask),
	KTAP_CASE(console_input),
	KTAP_CASE(bad_arguments),
	KTAP_CASE(poll_pipe),
	KTAP_CASE(poll_sleeps_and_times_out),
	KTAP_CASE(poll_interrupted),
};

int main(void)
{
	return ktap_main("select_test", cases, KTAP_NCASES(cases));
}
