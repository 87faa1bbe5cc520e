// SPDX-License-Identifier: MIT
/*
 * limits_test: running into the kernel's limits -- memory (sbrk until
 * ENOMEM), tasks (a bounded fork bomb until EAGAIN; Pagoda has 64) and
 * descriptors (open until EMFILE; 32 per process).  Each time the process
 * must get a clean error, survive it, and leave the system as it found it:
 * init checks afterwards that every page came back.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_OPEN 32 /* descriptors per process (kernel/sched.h) */

static long nr_procs(void)
{
	struct sysinfo si;

	return sysinfo(&si) == 0 ? (long)si.procs : -1;
}

/*
 * Grow the heap a MiB at a time until the kernel says ENOMEM; the memory
 * we got is usable, we can still print, and it all goes back.
 */
static void sbrk_enomem(void)
{
	enum { STEP = 1 << 20, MAX_STEPS = 4096 }; /* 4 GiB: more than RAM */
	char *start, *top;
	long steps;
	int err = 0;

	/*
	 * Print through stdio once first: if its buffer comes from malloc,
	 * it is taken now, below the part of the heap we give back later.
	 */
	printf("    # sbrk_enomem: growing the heap\n");
	fflush(stdout);
	start = sbrk(0);
	ASSERT_NE((long)start, -1);
	for (steps = 0; steps < MAX_STEPS; steps++) {
		errno = 0;
		if (sbrk(STEP) == (void *)-1) {
			err = errno;
			break;
		}
	}
	EXPECT_LT(steps, MAX_STEPS);
	EXPECT_EQ(err, ENOMEM);
	ASSERT_GT(steps, 0);
	top = sbrk(0);
	EXPECT_EQ(top - start,
		  steps * STEP); /* the failed call moved nothing */

	/* The memory is there: touch both ends of it. */
	start[0] = 1;
	top[-1] = 2;
	EXPECT_EQ(start[0] + top[-1], 3);

	/* Still alive, and printing both ways. */
	ktap_log("ENOMEM after %ld MiB", steps);
	EXPECT_GT(printf("    # sbrk_enomem: printf at the limit\n"), 0);
	EXPECT_EQ(fflush(stdout), 0);

	/* Give it back: sbrk returns the old break, and memory is free again. */
	EXPECT_EQ((long)sbrk(-steps * STEP), (long)top);
	EXPECT_EQ((long)sbrk(0), (long)start);
	EXPECT_EQ((long)sbrk(STEP), (long)start);
	EXPECT_EQ((long)sbrk(-STEP), (long)start + STEP);
}

/*
 * The fork bomb.  Every member forks children (members one level deeper)
 * until fork fails, FANOUT times at most, DEPTH levels at most; then it
 * writes its verdict to the report pipe and waits at the gate -- a pipe
 * only the case process can write to -- so that no task slot is freed
 * before the case process has seen the table full.  Once it closes the
 * gate, every member reads end of file, reaps its children and exits.
 * The bounds make the bomb finite even if slots free up early.
 */
enum { ROOT_FORKS = 100, FANOUT = 3, DEPTH = 3 };
static int gate[2], report[2];

static void __attribute__((noreturn)) bomb_member(int depth)
{
	char verdict = '.', c; /* '.' bounds reached, 'A' EAGAIN, 'X' other */

	for (int i = 0; depth < DEPTH && i < FANOUT; i++) {
		pid_t pid = fork();

		if (pid == 0)
			bomb_member(depth + 1);
		if (pid < 0) {
			verdict = errno == EAGAIN ? 'A' : 'X';
			break;
		}
	}
	write(report[1], &verdict, 1);
	read(gate[0], &c, 1); /* returns 0 when the gate opens */
	while (wait(NULL) > 0)
		;
	_exit(0);
}

static void fork_bomb(void)
{
	long before = nr_procs();
	int n, err = 0, eagain = 0, other = 0, status;
	char verdict;
	pid_t pid;

	ASSERT_EQ(pipe(gate), 0);
	ASSERT_EQ(pipe(report), 0);
	for (n = 0; n < ROOT_FORKS; n++) {
		pid = fork();
		if (pid == 0) {
			close(gate[1]); /* the gate must open when we close it */
			close(report[0]);
			bomb_member(1);
		}
		if (pid < 0) {
			err = errno;
			break;
		}
	}
	ktap_log("fork failed after %d children, with %ld processes", n,
		 nr_procs());
	EXPECT_LT(n, ROOT_FORKS);
	EXPECT_EQ(err, EAGAIN);

	close(gate[1]);
	while (wait(NULL) > 0)
		;
	EXPECT_EQ(errno, ECHILD);
	/* Every member has exited, so the report pipe holds all verdicts. */
	close(report[1]);
	while (read(report[0], &verdict, 1) == 1) {
		eagain += verdict == 'A';
		other += verdict == 'X';
	}
	close(report[0]);
	EXPECT_EQ(other, 0); /* no fork failed for another reason */
	ktap_log("%d members saw EAGAIN", eagain);

	/* Recovered: the table has room again. */
	EXPECT_EQ(nr_procs(), before);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0)
		_exit(3);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(WEXITSTATUS(status), 3);
}

/*
 * Open until EMFILE: descriptors 3..31 (0, 1, 2 are the console); then
 * every call that makes a descriptor fails, and a pipe needing two fails
 * without taking the one that is free.
 */
static void emfile(void)
{
	int fds[NR_OPEN + 8], p[2], n = 0, fd, err;

	for (;;) {
		errno = 0;
		fd = open("/dev/null", O_RDONLY);
		err = errno;
		if (fd < 0 || n == NR_OPEN + 8)
			break;
		fds[n++] = fd;
	}
	EXPECT_EQ(fd, -1);
	EXPECT_EQ(err, EMFILE);
	ASSERT_EQ(n, NR_OPEN - 3);
	EXPECT_EQ(fds[0], 3);
	EXPECT_EQ(fds[n - 1], NR_OPEN - 1);
	EXPECT_ERRNO(open("/dev/null", O_RDONLY), EMFILE);
	EXPECT_ERRNO(dup(0), EMFILE);
	EXPECT_ERRNO(pipe(p), EMFILE);

	close(fds[--n]);
	EXPECT_ERRNO(pipe(p), EMFILE);
	fd = dup(0);
	EXPECT_EQ(fd, NR_OPEN - 1);
	close(fd);

	while (n > 0)
		EXPECT_EQ(close(fds[--n]), 0);
	fd = open("/dev/null", O_RDONLY);
	EXPECT_EQ(fd, 3);
	close(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(sbrk_enomem),
	KTAP_CASE(fork_bomb),
	KTAP_CASE(emfile),
};

int main(void)
{
	return ktap_main("limits_test", cases, KTAP_NCASES(cases));
}
