// SPDX-License-Identifier: MIT
/*
 * rlimit_test: resource limits (kernel/resource.c).  getrlimit, setrlimit
 * and prlimit keep a soft and a hard limit per process, inherited by fork;
 * soft above hard is EINVAL, raising a hard limit is root's (EPERM).  Each
 * enforced limit is tried at its call site: RLIMIT_NOFILE (open, dup,
 * pipe, dup2, fcntl), RLIMIT_AS (mmap, brk), RLIMIT_DATA (brk),
 * RLIMIT_STACK (the stack exec makes: this program runs itself again to
 * recurse on it), RLIMIT_MEMLOCK (mlock, mlockall, MAP_LOCKED) and
 * RLIMIT_NPROC (fork).  Each case runs in a child of its own: the limits
 * it sets die with it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define MiB (1024L * 1024)

static const char *self = "/tests/rlimit_test";

static int set_limit(int resource, rlim_t cur, rlim_t max)
{
	struct rlimit r = { cur, max };

	return setrlimit(resource, &r);
}

static rlim_t soft_limit(int resource)
{
	struct rlimit r = { 0, 0 };

	return getrlimit(resource, &r) ? 0 : r.rlim_cur;
}

static void soft_and_hard(void)
{
	struct rlimit r;

	EXPECT_EQ(getrlimit(RLIMIT_CORE, &r), 0);
	EXPECT_EQ(r.rlim_cur, 0); /* no core files */
	EXPECT_EQ(set_limit(RLIMIT_CORE, MiB, RLIM_INFINITY), 0);
	EXPECT_EQ(soft_limit(RLIMIT_CORE), MiB);
	EXPECT_ERRNO(set_limit(RLIMIT_CORE, 2 * MiB, MiB), EINVAL);
	EXPECT_ERRNO(set_limit(RLIM_NLIMITS, 0, 0), EINVAL);
	EXPECT_ERRNO(getrlimit(-1, &r), EINVAL);
	EXPECT_ERRNO(setrlimit(RLIMIT_CORE, (void *)8), EFAULT);
	/* Lowering the hard limit is free; raising it is root's. */
	EXPECT_EQ(set_limit(RLIMIT_FSIZE, MiB, 2 * MiB), 0);
	EXPECT_EQ(set_limit(RLIMIT_FSIZE, MiB, 4 * MiB), 0);
	ASSERT_EQ(setuid(1000), 0);
	EXPECT_EQ(set_limit(RLIMIT_FSIZE, 2 * MiB, 2 * MiB), 0);
	EXPECT_ERRNO(set_limit(RLIMIT_FSIZE, MiB, 3 * MiB), EPERM);
	EXPECT_ERRNO(prlimit(1, RLIMIT_CORE, NULL, &r), EPERM); /* init's */
	EXPECT_ERRNO(prlimit(99999, RLIMIT_CORE, NULL, &r), ESRCH);
}

static void nofile(void)
{
	int fds[2];

	EXPECT_GT(sysconf(_SC_OPEN_MAX), 5);
	ASSERT_EQ(set_limit(RLIMIT_NOFILE, 5, 5), 0);
	EXPECT_EQ(sysconf(_SC_OPEN_MAX), 5);
	for (int i = 0; i < 8; i++) {
		int fd = open("/tmp", O_RDONLY);

		if (fd < 0)
			break;
		EXPECT_LT(fd, 5);
	}
	EXPECT_ERRNO(open("/tmp", O_RDONLY), EMFILE);
	EXPECT_ERRNO(dup(0), EMFILE);
	EXPECT_ERRNO(pipe(fds), EMFILE);
	EXPECT_ERRNO(dup2(0, 5), EBADF);
	EXPECT_EQ(dup2(0, 4), 4);
	EXPECT_ERRNO(fcntl(0, F_DUPFD, 5), EINVAL);
	close(4);
	EXPECT_EQ(dup(0), 4);
	/* No more than an fd table holds, root or not (Linux's nr_open). */
	EXPECT_ERRNO(set_limit(RLIMIT_NOFILE, 5, 100000), EPERM);
}

static void address_space(void)
{
	void *p;

	ASSERT_EQ(set_limit(RLIMIT_AS, 64 * MiB, RLIM_INFINITY), 0);
	EXPECT_ERRNO(mmap(NULL, 128 * MiB, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		     ENOMEM);
	p = mmap(NULL, MiB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE(p != MAP_FAILED);
	/* The same range mapped again replaces it: nothing is counted twice. */
	for (int i = 0; i < 100 && p != MAP_FAILED; i++)
		EXPECT_TRUE(mmap(p, MiB, PROT_READ,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
				 0) == p);
	EXPECT_ERRNO(sbrk(96 * MiB), ENOMEM);
	EXPECT_TRUE(sbrk(4096) != (void *)-1);
}

static void data(void)
{
	ASSERT_EQ(set_limit(RLIMIT_DATA, MiB, RLIM_INFINITY), 0);
	EXPECT_ERRNO(sbrk(2 * MiB), ENOMEM);
	EXPECT_TRUE(sbrk(4096) != (void *)-1);
	/* Mappings are not data, in Pagoda: only the heap counts. */
	EXPECT_TRUE(mmap(NULL, 2 * MiB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0) != MAP_FAILED);
}

/* Use kib KiB of stack, a KiB a frame. */
static int recurse(int kib)
{
	volatile char frame[1024];

	frame[0] = (char)kib;
	if (kib <= 1)
		return frame[0];
	return recurse(kib - 1) + frame[0];
}

/* This program run again to recurse 128 KiB deep: its exit status, or its signal + 128. */
static int run_recursion(void)
{
	pid_t pid = fork();
	int ws;

	if (pid == 0) {
		execl(self, self, "recurse", (char *)NULL);
		_exit(99);
	}
	if (pid < 0 || waitpid(pid, &ws, 0) != pid)
		return -1;
	return WIFSIGNALED(ws) ? 128 + WTERMSIG(ws) : WEXITSTATUS(ws);
}

/*
 * The stack exec makes is RLIMIT_STACK's size (Pagoda's stack is mapped
 * whole and does not grow): 128 KiB of frames fit the default, not 64 KiB.
 */
static void stack(void)
{
	EXPECT_EQ(run_recursion(), 0);
	ASSERT_EQ(set_limit(RLIMIT_STACK, 64 * 1024, RLIM_INFINITY), 0);
	EXPECT_EQ(run_recursion(), 128 + SIGSEGV);
	ASSERT_EQ(set_limit(RLIMIT_STACK, 0, RLIM_INFINITY), 0);
	EXPECT_ERRNO(execl(self, self, "recurse", (char *)NULL), E2BIG);
}

static void memlock(void)
{
	char *p = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_EQ(set_limit(RLIMIT_MEMLOCK, 0, 0), 0);
	EXPECT_EQ(mlock(p, 4096), 0); /* root is exempt */
	EXPECT_EQ(munlock(p, 4096), 0);
	ASSERT_EQ(set_limit(RLIMIT_MEMLOCK, 0, 2 * 4096), 0);
	ASSERT_EQ(seteuid(1000), 0);
	EXPECT_ERRNO(mlock(p, 4096), EPERM); /* a limit of 0: no locking */
	ASSERT_EQ(set_limit(RLIMIT_MEMLOCK, 2 * 4096, 2 * 4096), 0);
	EXPECT_EQ(mlock(p, 4096), 0);
	EXPECT_EQ(mlock(p, 2 * 4096), 0); /* the first page counts once */
	EXPECT_ERRNO(mlock(p + 2 * 4096, 4096), ENOMEM);
	EXPECT_ERRNO(mlockall(MCL_CURRENT), ENOMEM);
	EXPECT_EQ(munlock(p, 4096), 0);
	EXPECT_EQ(mlock(p + 2 * 4096, 4096), 0);
}

/*
 * A mapping made locked (MAP_LOCKED, or any after mlockall(MCL_FUTURE))
 * counts against RLIMIT_MEMLOCK: EAGAIN past it, EPERM when it is 0.
 */
static void map_locked(void)
{
	int anon = MAP_PRIVATE | MAP_ANONYMOUS;
	char *p;

	ASSERT_EQ(set_limit(RLIMIT_MEMLOCK, 0, 4 * 4096), 0);
	ASSERT_EQ(seteuid(1000), 0);
	EXPECT_ERRNO(mmap(NULL, 4096, PROT_READ, anon | MAP_LOCKED, -1, 0),
		     EPERM);
	ASSERT_EQ(set_limit(RLIMIT_MEMLOCK, 4 * 4096, 4 * 4096), 0);
	EXPECT_ERRNO(mmap(NULL, 8 * 4096, PROT_READ, anon | MAP_LOCKED, -1, 0),
		     EAGAIN);
	p = mmap(NULL, 4 * 4096, PROT_READ, anon | MAP_LOCKED, -1, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERRNO(mmap(NULL, 4096, PROT_READ, anon | MAP_LOCKED, -1, 0),
		     EAGAIN);
	EXPECT_EQ(munmap(p, 4 * 4096), 0);
	EXPECT_EQ(mlockall(MCL_FUTURE), 0);
	EXPECT_ERRNO(mmap(NULL, 8 * 4096, PROT_READ, anon, -1, 0), EAGAIN);
	EXPECT_TRUE(mmap(NULL, 4096, PROT_READ, anon, -1, 0) != MAP_FAILED);
}

static void nproc(void)
{
	pid_t pid;
	int ws;

	ASSERT_EQ(set_limit(RLIMIT_NPROC, 1, 1), 0);
	pid = fork(); /* root is exempt */
	if (pid == 0)
		_exit(0);
	ASSERT_GT(pid, 0);
	EXPECT_EQ(waitpid(pid, &ws, 0), pid);
	ASSERT_EQ(setuid(1000), 0);
	EXPECT_ERRNO(fork(), EAGAIN); /* user 1000 has one task: this one */
}

static void fork_inherits_limits(void)
{
	pid_t pid;
	int ws;

	ASSERT_EQ(set_limit(RLIMIT_NOFILE, 10, 20), 0);
	ASSERT_EQ(set_limit(RLIMIT_AS, 512 * MiB, 1024 * MiB), 0);
	pid = fork();
	if (pid == 0) {
		struct rlimit r;

		EXPECT_EQ(getrlimit(RLIMIT_NOFILE, &r), 0);
		EXPECT_EQ(r.rlim_cur, 10);
		EXPECT_EQ(r.rlim_max, 20);
		EXPECT_EQ(soft_limit(RLIMIT_AS), 512 * MiB);
		ktap_child_exit();
	}
	ASSERT_GT(pid, 0);
	EXPECT_EQ(waitpid(pid, &ws, 0), pid);
	EXPECT_EQ(ws, 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(soft_and_hard),
	KTAP_CASE(nofile),
	KTAP_CASE(address_space),
	KTAP_CASE(data),
	KTAP_CASE(stack),
	KTAP_CASE(memlock),
	KTAP_CASE(map_locked),
	KTAP_CASE(nproc),
	KTAP_CASE(fork_inherits_limits),
};

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "recurse"))
		return recurse(128) > 0 ? 0 : 1;
	return ktap_main("rlimit_test", cases, KTAP_NCASES(cases));
}
