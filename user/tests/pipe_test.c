// SPDX-License-Identifier: MIT
/*
 * pipe_test: pipes and descriptor plumbing -- data between processes, end
 * of file, EPIPE, dup/dup2, and a two-program pipeline like the shell's.
 *
 * A write with no reader left sends SIGPIPE, which ends the writer by
 * default; one that ignores SIGPIPE sees EPIPE (signal_test checks the
 * default action).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

extern char **environ;

/* Read until end of file or n bytes; the count read. */
static long read_all(int fd, char *buf, long n)
{
	long got = 0, r;

	while (got < n && (r = read(fd, buf + got, n - got)) > 0)
		got += r;
	return got;
}

/* pipe() gives the two lowest free descriptors: a FIFO, read end first. */
static void pipe_fds(void)
{
	struct stat st;
	char c;
	int p[2];

	ASSERT_EQ(pipe(p), 0);
	EXPECT_EQ(p[0], 3); /* 0, 1, 2 are the console */
	EXPECT_EQ(p[1], 4);
	ASSERT_EQ(fstat(p[0], &st), 0);
	EXPECT_TRUE(S_ISFIFO(st.st_mode));
	EXPECT_ERRNO(lseek(p[0], 0, SEEK_SET), ESPIPE);
	/* Each end works one way only. */
	EXPECT_ERRNO(write(p[0], "x", 1), EBADF);
	EXPECT_EQ(write(p[1], "x", 1), 1);
	EXPECT_ERRNO(read(p[1], &c, 1), EBADF);
	EXPECT_EQ(close(p[0]), 0);
	EXPECT_EQ(close(p[1]), 0);
}

/* A message to a child and its answer back, over two pipes. */
static void ping_pong(void)
{
	int down[2], up[2], status = -1;
	char buf[16] = "";
	pid_t pid;

	ASSERT_EQ(pipe(down), 0);
	ASSERT_EQ(pipe(up), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		EXPECT_EQ(read(down[0], buf, sizeof(buf)), 4);
		EXPECT_MEMEQ(buf, "ping", 4);
		EXPECT_EQ(write(up[1], "pong", 4), 4);
		ktap_child_exit();
	}
	close(down[0]);
	close(up[1]);
	EXPECT_EQ(write(down[1], "ping", 4), 4);
	EXPECT_EQ(read(up[0], buf, sizeof(buf)), 4);
	EXPECT_MEMEQ(buf, "pong", 4);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	close(down[1]);
	close(up[0]);
}

/*
 * read returns 0 (end of file) once every write end is closed and the
 * data is drained -- but not before: buffered data comes out first.
 */
static void eof_on_close(void)
{
	char buf[8];
	int p[2], status;
	pid_t pid;

	ASSERT_EQ(pipe(p), 0);
	EXPECT_EQ(write(p[1], "abc", 3), 3);
	close(p[1]);
	EXPECT_EQ(read(p[0], buf, sizeof(buf)), 3);
	EXPECT_EQ(read(p[0], buf, sizeof(buf)), 0);
	EXPECT_EQ(read(p[0], buf, sizeof(buf)), 0); /* and stays there */
	close(p[0]);

	/* The writer is a child that exits: its exit closes its end. */
	ASSERT_EQ(pipe(p), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		close(p[0]);
		write(p[1], "bye", 3);
		_exit(0);
	}
	close(p[1]);
	EXPECT_EQ(read_all(p[0], buf, sizeof(buf)), 3);
	EXPECT_EQ(read(p[0], buf, sizeof(buf)), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	close(p[0]);
}

/* Writing with no reader left fails with EPIPE when SIGPIPE is ignored. */
static void epipe(void)
{
	int p[2], status;
	pid_t pid;

	ASSERT_TRUE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	ASSERT_EQ(pipe(p), 0);
	close(p[0]);
	EXPECT_ERRNO(write(p[1], "x", 1), EPIPE);
	close(p[1]);

	/* The reader was a child that has exited. */
	ASSERT_EQ(pipe(p), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0)
		_exit(0);
	close(p[0]);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_ERRNO(write(p[1], "x", 1), EPIPE);
	close(p[1]);
}

/*
 * 64 KiB -- many times what a pipe holds -- from a child: the writer
 * blocks when the pipe is full and the reader wakes it; every byte
 * arrives, in order.
 */
static void large_transfer(void)
{
	enum { TOTAL = 64 * 1024 };
	static char buf[TOTAL], want[TOTAL];
	int p[2], status = -1;
	pid_t pid;

	for (int i = 0; i < TOTAL; i++)
		want[i] = (char)(i * 7 + i / 251);
	ASSERT_EQ(pipe(p), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		close(p[0]);
		/* Odd-sized writes, so they straddle the pipe's pages. */
		for (long off = 0; off < TOTAL; off += 1000) {
			long n = TOTAL - off < 1000 ? TOTAL - off : 1000;

			EXPECT_EQ(write(p[1], want + off, n), n);
		}
		ktap_child_exit();
	}
	close(p[1]);
	EXPECT_EQ(read_all(p[0], buf, TOTAL), TOTAL);
	EXPECT_MEMEQ(buf, want, TOTAL);
	EXPECT_EQ(read(p[0], buf, 1), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	close(p[0]);
}

/* dup2 points stdout at a pipe, as the shell does for "a | b". */
static void dup2_stdout(void)
{
	char buf[32] = "";
	int p[2], saved;

	ASSERT_EQ(pipe(p), 0);
	saved = dup(1);
	ASSERT_GE(saved, 0);
	EXPECT_EQ(saved, 5); /* the lowest free descriptor */
	EXPECT_EQ(dup2(p[1], 1), 1);
	EXPECT_EQ(write(1, "via stdout", 10), 10);
	EXPECT_EQ(dup2(saved, 1), 1); /* restore, before any diagnostic */
	close(saved);
	close(p[1]);
	EXPECT_EQ(read_all(p[0], buf, sizeof(buf) - 1), 10);
	EXPECT_STREQ(buf, "via stdout");
	close(p[0]);

	/* dup2 onto itself does nothing; onto a bad number fails. */
	EXPECT_EQ(dup2(1, 1), 1);
	EXPECT_ERRNO(dup2(1, -1), EBADF);
	EXPECT_ERRNO(dup2(1, 1000), EBADF);
	EXPECT_ERRNO(dup2(99, 3), EBADF);
	EXPECT_ERRNO(dup(99), EBADF);
}

/* "echo hello pipeline | cat", run as the shell would run it. */
static void exec_pipeline(void)
{
	char *echo_argv[] = { "echo", "hello", "pipeline", NULL };
	char *cat_argv[] = { "cat", NULL };
	char buf[64] = "";
	int ab[2], out[2], status;
	pid_t a, b;

	ASSERT_EQ(pipe(ab), 0);
	ASSERT_EQ(pipe(out), 0);
	a = fork();
	ASSERT_GE(a, 0);
	if (a == 0) {
		dup2(ab[1], 1);
		close(ab[0]);
		close(ab[1]);
		close(out[0]);
		close(out[1]);
		execve("/bin/echo", echo_argv, environ);
		_exit(127);
	}
	b = fork();
	ASSERT_GE(b, 0);
	if (b == 0) {
		dup2(ab[0], 0);
		dup2(out[1], 1);
		close(ab[0]);
		close(ab[1]);
		close(out[0]);
		close(out[1]);
		execve("/bin/cat", cat_argv, environ);
		_exit(127);
	}
	/* Our copies must go, or cat would never see end of file. */
	close(ab[0]);
	close(ab[1]);
	close(out[1]);
	EXPECT_GT(read_all(out[0], buf, sizeof(buf) - 1), 0);
	EXPECT_STREQ(buf, "hello pipeline\n");
	close(out[0]);
	EXPECT_EQ(waitpid(a, &status, 0), a);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(waitpid(b, &status, 0), b);
	EXPECT_EQ(status, 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(pipe_fds),	   KTAP_CASE(ping_pong),
	KTAP_CASE(eof_on_close),   KTAP_CASE(epipe),
	KTAP_CASE(large_transfer), KTAP_CASE(dup2_stdout),
	KTAP_CASE(exec_pipeline),
};

int main(void)
{
	return ktap_main("pipe_test", cases, KTAP_NCASES(cases));
}
