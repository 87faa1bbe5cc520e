// SPDX-License-Identifier: MIT
/*
 * flock_test: POSIX record locks, fcntl(F_GETLK, F_SETLK, F_SETLKW) and
 * lockf (kernel/fs/locks.c).  A lock belongs to a process, so each case
 * looks at the parent's locks from a forked child, which owns none of them
 * (fork does not inherit locks) and sees them as any other process would.
 *
 * Each case makes and removes its own file; a child's locks go when it
 * exits.  Nothing here measures time: where a case waits for a child to go
 * to sleep in F_SETLKW, the result is right whether or not it got there.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define PATH "/tmp/flock_test.f"

static int open_file(int flags)
{
	return open(PATH, flags | O_CREAT, 0644);
}

static int setlk(int fd, int cmd, int type, off_t start, off_t len)
{
	struct flock fl = { .l_type = type,
			    .l_whence = SEEK_SET,
			    .l_start = start,
			    .l_len = len };

	return fcntl(fd, cmd, &fl);
}

/* A child's F_GETLK on fd for a write lock on [start, start + len). */
static struct flock child_getlk(int fd, off_t start, off_t len)
{
	struct flock fl = { .l_type = -1 };
	int p[2], status;
	pid_t pid;

	if (pipe(p))
		return fl;
	pid = fork();
	if (pid == 0) {
		struct flock q = { .l_type = F_WRLCK,
				   .l_whence = SEEK_SET,
				   .l_start = start,
				   .l_len = len };

		if (fcntl(fd, F_GETLK, &q))
			q.l_type = -2;
		write(p[1], &q, sizeof(q));
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &fl, sizeof(fl)) != sizeof(fl))
		fl.l_type = -3;
	close(p[0]);
	waitpid(pid, &status, 0);
	return fl;
}

/* A child sees a lock of type on [start, start + len) over [at, at + n). */
#define EXPECT_HOLDER(fd, at, n, type, start, len)                             \
	do {                                                                   \
		struct flock _fl = child_getlk(fd, at, n);                     \
		EXPECT_EQ(_fl.l_type, type);                                   \
		EXPECT_EQ(_fl.l_start, start);                                 \
		EXPECT_EQ(_fl.l_len, len);                                     \
	} while (0)

/* A child's F_SETLK of type on [start, start + len): 0 or its errno. */
static int child_setlk(int fd, int type, off_t start, off_t len)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(setlk(fd, F_SETLK, type, start, len) ? errno : 0);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* The parent holds a on [0, 10); a child asks for b on [5, 15). */
static void conflict_matrix(void)
{
	static const int types[] = { F_RDLCK, F_WRLCK };

	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			int fd = open_file(O_RDWR);
			bool both_read = i == 0 && j == 0;

			ASSERT_GE(fd, 0);
			EXPECT_EQ(setlk(fd, F_SETLK, types[i], 0, 10), 0);
			EXPECT_EQ(child_setlk(fd, types[j], 5, 10),
				  both_read ? 0 : EAGAIN);
			/* Beside the lock, never a conflict. */
			EXPECT_EQ(child_setlk(fd, F_WRLCK, 10, 5), 0);
			close(fd);
		}
	unlink(PATH);
}

/* F_GETLK names the holder: its pid, type and range, from SEEK_SET. */
static void getlk_reports_holder(void)
{
	int fd = open_file(O_RDWR);
	struct flock fl;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_RDLCK, 100, 50), 0);
	fl = child_getlk(fd, 120, 1);
	EXPECT_EQ(fl.l_type, F_RDLCK);
	EXPECT_EQ(fl.l_whence, SEEK_SET);
	EXPECT_EQ(fl.l_start, 100);
	EXPECT_EQ(fl.l_len, 50);
	EXPECT_EQ(fl.l_pid, getpid());
	/* No conflict: F_UNLCK, the rest as asked. */
	fl = child_getlk(fd, 150, 10);
	EXPECT_EQ(fl.l_type, F_UNLCK);
	EXPECT_EQ(fl.l_start, 150);
	/* The holder itself never conflicts with its own locks. */
	fl = (struct flock){ .l_type = F_WRLCK, .l_start = 100, .l_len = 1 };
	EXPECT_EQ(fcntl(fd, F_GETLK, &fl), 0);
	EXPECT_EQ(fl.l_type, F_UNLCK);
	close(fd);
	unlink(PATH);
}

/* A read lock inside a write lock splits it in three. */
static void split_on_type_change(void)
{
	int fd = open_file(O_RDWR);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 0, 100), 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_RDLCK, 40, 20), 0);
	EXPECT_HOLDER(fd, 0, 1, F_WRLCK, 0, 40);
	EXPECT_HOLDER(fd, 50, 1, F_RDLCK, 40, 20);
	EXPECT_HOLDER(fd, 99, 1, F_WRLCK, 60, 40);
	/* Read locks in the middle are shared; the ends are not. */
	EXPECT_EQ(child_setlk(fd, F_RDLCK, 40, 20), 0);
	EXPECT_EQ(child_setlk(fd, F_RDLCK, 39, 2), EAGAIN);
	close(fd);
	unlink(PATH);
}

/* Unlocking the middle leaves two pieces; the hole is free. */
static void unlock_splits(void)
{
	int fd = open_file(O_RDWR);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 0, 100), 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_UNLCK, 40, 20), 0);
	EXPECT_EQ(child_setlk(fd, F_WRLCK, 40, 20), 0);
	EXPECT_HOLDER(fd, 30, 20, F_WRLCK, 0, 40);
	EXPECT_HOLDER(fd, 45, 20, F_WRLCK, 60, 40);
	/* Unlocking what is not locked is no error. */
	EXPECT_EQ(setlk(fd, F_SETLK, F_UNLCK, 1000, 10), 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_UNLCK, 0, 0), 0);
	EXPECT_EQ(child_getlk(fd, 0, 0).l_type, F_UNLCK);
	close(fd);
	unlink(PATH);
}

/* Locks of one type that touch become one; other types stay apart. */
static void merge_adjacent(void)
{
	int fd = open_file(O_RDWR);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_RDLCK, 0, 10), 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_RDLCK, 20, 10), 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_RDLCK, 10, 10), 0);
	EXPECT_HOLDER(fd, 5, 1, F_RDLCK, 0, 30);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 30, 10), 0);
	EXPECT_HOLDER(fd, 35, 1, F_WRLCK, 30, 10);
	close(fd);
	unlink(PATH);
}

/* l_len 0 runs to the end of file and past it; negative counts back. */
static void ranges(void)
{
	int fd = open_file(O_RDWR);
	struct flock fl;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 1000, 0), 0);
	EXPECT_HOLDER(fd, (off_t)1 << 40, 1, F_WRLCK, 1000, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_UNLCK, 0, 0), 0);

	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 100, -10), 0);
	EXPECT_HOLDER(fd, 0, 0, F_WRLCK, 90, 10);
	EXPECT_EQ(setlk(fd, F_SETLK, F_UNLCK, 0, 0), 0);

	/* SEEK_CUR from the position, SEEK_END from the size. */
	ASSERT_EQ(write(fd, "0123456789", 10), 10);
	ASSERT_EQ(lseek(fd, 4, SEEK_SET), 4);
	fl = (struct flock){ .l_type = F_WRLCK,
			     .l_whence = SEEK_CUR,
			     .l_start = 1,
			     .l_len = 2 };
	EXPECT_EQ(fcntl(fd, F_SETLK, &fl), 0);
	EXPECT_HOLDER(fd, 0, 0, F_WRLCK, 5, 2);
	fl = (struct flock){ .l_type = F_WRLCK,
			     .l_whence = SEEK_END,
			     .l_start = -1,
			     .l_len = 1 };
	EXPECT_EQ(fcntl(fd, F_SETLK, &fl), 0);
	EXPECT_HOLDER(fd, 8, 0, F_WRLCK, 9, 1);
	close(fd);
	unlink(PATH);
}

/* A child blocked in F_SETLKW gets the lock once the parent lets go. */
static void setlkw_waits(void)
{
	int fd = open_file(O_RDWR), p[2], status;
	char c = 0;
	pid_t pid;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(pipe(p), 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 0, 1), 0);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		if (setlk(fd, F_SETLKW, F_WRLCK, 0, 1) == 0)
			write(p[1], "k", 1);
		_exit(0);
	}
	close(p[1]);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	usleep(20000); /* most likely asleep by now; right either way */
	EXPECT_ERRNO(read(p[0], &c, 1), EAGAIN); /* still waiting */
	EXPECT_EQ(setlk(fd, F_SETLK, F_UNLCK, 0, 1), 0);
	fcntl(p[0], F_SETFL, 0);
	EXPECT_EQ(read(p[0], &c, 1), 1);
	EXPECT_EQ(c, 'k');
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	close(p[0]);
	close(fd);
	unlink(PATH);
}

static void on_usr1(int sig)
{
}

/* A signal ends F_SETLKW's sleep with EINTR (no SA_RESTART). */
static void setlkw_eintr(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 }, old;
	int fd = open_file(O_RDWR), status;
	pid_t pid;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 0, 1), 0);
	/* The child inherits the handler: no signal finds it without one. */
	ASSERT_EQ(sigaction(SIGUSR1, &sa, &old), 0);
	pid = fork();
	if (pid == 0) {
		_exit(setlk(fd, F_SETLKW, F_WRLCK, 0, 1) == -1 && errno == EINTR
			      ? 0
			      : 1);
	}
	/* Signal until it ends: one that lands before the sleep is lost. */
	while (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGUSR1);
		usleep(5000);
	}
	sigaction(SIGUSR1, &old, NULL);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
	/* The parent's lock is untouched. */
	EXPECT_EQ(child_setlk(fd, F_WRLCK, 0, 1), EAGAIN);
	close(fd);
	unlink(PATH);
}

/*
 * Parent holds byte 0 and wants byte 1; the child holds byte 1 and wants
 * byte 0.  Whichever asks second closes the cycle and gets EDEADLK; the
 * other then gets its lock once the loser lets go.
 */
static void deadlock_detected(void)
{
	int fd = open_file(O_RDWR), p[2], status, r, child_err;
	char c;
	pid_t pid;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(pipe(p), 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 0, 1), 0);
	pid = fork();
	if (pid == 0) {
		int err = 0;

		if (setlk(fd, F_SETLK, F_WRLCK, 1, 1))
			_exit(100);
		write(p[1], "1", 1);
		if (setlk(fd, F_SETLKW, F_WRLCK, 0, 1))
			err = errno;
		setlk(fd, F_SETLK, F_UNLCK, 0, 0);
		_exit(err);
	}
	ASSERT_EQ(read(p[0], &c, 1), 1);
	usleep(20000); /* let the child block first, most likely */
	r = setlk(fd, F_SETLKW, F_WRLCK, 1, 1) ? errno : 0;
	setlk(fd, F_SETLK, F_UNLCK, 0, 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	ASSERT_TRUE(WIFEXITED(status));
	child_err = WEXITSTATUS(status);
	/* Exactly one of the two saw the deadlock. */
	if (r)
		EXPECT_EQ(r, EDEADLK);
	EXPECT_EQ(r ? child_err : EDEADLK, r ? 0 : child_err);
	close(p[0]);
	close(p[1]);
	close(fd);
	unlink(PATH);
}

/* Closing any fd of the file drops the process's locks on it. */
static void close_releases(void)
{
	int fd = open_file(O_RDWR), fd2 = open(PATH, O_RDONLY);

	ASSERT_GE(fd, 0);
	ASSERT_GE(fd2, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 0, 10), 0);
	EXPECT_EQ(child_setlk(fd, F_WRLCK, 0, 10), EAGAIN);
	EXPECT_EQ(close(fd2), 0);
	EXPECT_EQ(child_setlk(fd, F_WRLCK, 0, 10), 0);
	EXPECT_EQ(child_getlk(fd, 0, 0).l_type, F_UNLCK);
	close(fd);
	unlink(PATH);
}

/* A process's exit drops its locks. */
static void exit_releases(void)
{
	int fd = open_file(O_RDWR), p[2], status;
	char c;
	pid_t pid;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(pipe(p), 0);
	pid = fork();
	if (pid == 0) {
		setlk(fd, F_SETLK, F_WRLCK, 0, 0);
		write(p[1], "l", 1);
		pause(); /* until killed, its lock held */
		_exit(1);
	}
	ASSERT_EQ(read(p[0], &c, 1), 1);
	EXPECT_ERRNO(setlk(fd, F_SETLK, F_WRLCK, 0, 0), EAGAIN);
	kill(pid, SIGKILL);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 0, 0), 0);
	close(p[0]);
	close(p[1]);
	close(fd);
	unlink(PATH);
}

/* A forked child holds none of its parent's locks, and cannot free them. */
static void fork_not_inherited(void)
{
	int fd = open_file(O_RDWR), status;
	pid_t pid;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(setlk(fd, F_SETLK, F_WRLCK, 0, 10), 0);
	pid = fork();
	if (pid == 0) {
		struct flock fl = { .l_type = F_WRLCK, .l_len = 10 };
		int bad = fcntl(fd, F_GETLK, &fl) || fl.l_pid != getppid();

		/* Its unlock is of its own (absent) locks. */
		bad |= setlk(fd, F_SETLK, F_UNLCK, 0, 0) != 0;
		_exit(bad);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(child_getlk(fd, 0, 10).l_pid, getpid());
	close(fd);
	unlink(PATH);
}

static void lockf_calls(void)
{
	int fd = open_file(O_RDWR), status;
	pid_t pid;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(lseek(fd, 10, SEEK_SET), 10);
	EXPECT_EQ(lockf(fd, F_TLOCK, 5), 0);
	EXPECT_EQ(lockf(fd, F_TEST, 5), 0); /* our own lock */
	pid = fork();
	if (pid == 0) {
		int bad = !(lockf(fd, F_TEST, 5) == -1 && errno == EACCES);

		bad |= !(lockf(fd, F_TLOCK, 5) == -1 && errno == EAGAIN);
		bad |= lseek(fd, 15, SEEK_SET) != 15 || lockf(fd, F_TEST, 0);
		_exit(bad);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	ASSERT_EQ(lseek(fd, 10, SEEK_SET), 10);
	EXPECT_EQ(lockf(fd, F_ULOCK, 5), 0);
	EXPECT_EQ(child_getlk(fd, 0, 0).l_type, F_UNLCK);
	EXPECT_ERRNO(lockf(fd, 99, 5), EINVAL);
	close(fd);
	unlink(PATH);
}

static void bad_requests(void)
{
	int rd = open_file(O_RDONLY), wr = open(PATH, O_WRONLY);
	struct flock fl = { .l_type = F_RDLCK };

	ASSERT_GE(rd, 0);
	ASSERT_GE(wr, 0);
	EXPECT_ERRNO(setlk(rd, F_SETLK, F_WRLCK, 0, 1), EBADF);
	EXPECT_ERRNO(setlk(wr, F_SETLK, F_RDLCK, 0, 1), EBADF);
	EXPECT_ERRNO(setlk(99, F_SETLK, F_RDLCK, 0, 1), EBADF);
	EXPECT_ERRNO(setlk(rd, F_SETLK, 7, 0, 1), EINVAL);
	EXPECT_ERRNO(setlk(rd, F_SETLK, F_RDLCK, -1, 1), EINVAL);
	EXPECT_ERRNO(setlk(rd, F_SETLK, F_RDLCK, 5, -10), EINVAL);
	EXPECT_ERRNO(setlk(rd, F_GETLK, F_UNLCK, 0, 1), EINVAL);
	fl.l_whence = 3;
	EXPECT_ERRNO(fcntl(rd, F_SETLK, &fl), EINVAL);
	EXPECT_ERRNO(fcntl(rd, F_SETLK, (struct flock *)8), EFAULT);
	EXPECT_ERRNO(fcntl(rd, F_GETLK, (struct flock *)8), EFAULT);
	close(rd);
	close(wr);
	unlink(PATH);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(conflict_matrix),	 KTAP_CASE(getlk_reports_holder),
	KTAP_CASE(split_on_type_change), KTAP_CASE(unlock_splits),
	KTAP_CASE(merge_adjacent),	 KTAP_CASE(ranges),
	KTAP_CASE(setlkw_waits),	 KTAP_CASE(setlkw_eintr),
	KTAP_CASE(deadlock_detected),	 KTAP_CASE(close_releases),
	KTAP_CASE(exit_releases),	 KTAP_CASE(fork_not_inherited),
	KTAP_CASE(lockf_calls),		 KTAP_CASE(bad_requests),
};

int main(void)
{
	int r = ktap_main("flock_test", cases, KTAP_NCASES(cases));

	unlink(PATH);
	return r;
}
