// SPDX-License-Identifier: MIT
/*
 * posix_test: the small POSIX calls ordinary programs and memory tests
 * use (issue 13, item 3): sysconf and getpagesize, ffs, mkstemp (O_EXCL),
 * fcntl with FD_CLOEXEC honoured by execve, O_NONBLOCK, fsync, msync's
 * argument checks, /dev/urandom, a monotonic clock finer than the
 * 10 ms tick, shared memory objects (shm_open), and names the POSIX
 * conformance tests use.  select has select_test.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define SELF "/tests/posix_test"

static void sysconf_values(void)
{
	long page = sysconf(_SC_PAGESIZE);

	EXPECT_EQ(page, 4096);
	EXPECT_EQ(sysconf(_SC_PAGE_SIZE), page);
	EXPECT_EQ(getpagesize(), page);
	EXPECT_GE(sysconf(_SC_NPROCESSORS_ONLN), 1);
	EXPECT_EQ(sysconf(_SC_NPROCESSORS_CONF), sysconf(_SC_NPROCESSORS_ONLN));
	EXPECT_EQ(sysconf(_SC_CLK_TCK), 100);
	EXPECT_GT(sysconf(_SC_PHYS_PAGES), sysconf(_SC_AVPHYS_PAGES) - 1);
	EXPECT_EQ(sysconf(_SC_OPEN_MAX), 32);
	EXPECT_EQ(sysconf(_SC_MAPPED_FILES), _POSIX_MAPPED_FILES);
	EXPECT_EQ(sysconf(_SC_MEMLOCK_RANGE), _POSIX_MEMLOCK_RANGE);
	errno = 0;
	EXPECT_EQ(sysconf(_SC_THREADS), -1); /* an option Pagoda lacks */
	EXPECT_EQ(errno, 0);
	EXPECT_EQ(sysconf(_SC_TIMERS), _POSIX_TIMERS);
	EXPECT_EQ(errno, 0);
	EXPECT_ERRNO(sysconf(12345), EINVAL);
}

static void ffs_bits(void)
{
	EXPECT_EQ(ffs(0), 0);
	EXPECT_EQ(ffs(1), 1);
	EXPECT_EQ(ffs(0x50), 5);
	EXPECT_EQ(ffs((int)0x80000000u), 32);
	EXPECT_EQ(ffsl(0), 0);
	EXPECT_EQ(ffsl(1L << (8 * sizeof(long) - 1)), 8 * (int)sizeof(long));
	EXPECT_EQ(ffsll(1LL << 40), 41);
}

/*
 * Two files from one template, each new (newlib's mkstemp, on the
 * kernel's O_EXCL); a taken name is never opened again.
 */
static void mkstemp_creates(void)
{
	char a[] = "/tmp/posixXXXXXX", b[] = "/tmp/posixXXXXXX";
	int fa = mkstemp(a), fb = mkstemp(b);
	struct stat st;

	ASSERT_GE(fa, 0);
	ASSERT_GE(fb, 0);
	EXPECT_NE(strcmp(a, b), 0);
	EXPECT_EQ(strncmp(a, "/tmp/posix", 10), 0);
	EXPECT_EQ(write(fa, "x", 1), 1);
	EXPECT_EQ(fstat(fa, &st), 0);
	EXPECT_EQ(st.st_size, 1);
	EXPECT_ERRNO(open(a, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
	close(fa);
	close(fb);
	EXPECT_EQ(unlink(a), 0);
	EXPECT_EQ(unlink(b), 0);
}

static void fcntl_flags(void)
{
	int fd = open("/tmp/fcntl", O_RDWR | O_CREAT | O_TRUNC, 0600), dup;
	struct stat st;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(fcntl(fd, F_GETFL), O_RDWR);
	EXPECT_EQ(fcntl(fd, F_SETFL, O_APPEND | O_CREAT), 0);
	EXPECT_EQ(fcntl(fd, F_GETFL), O_RDWR | O_APPEND); /* O_CREAT ignored */
	EXPECT_EQ(write(fd, "ab", 2), 2);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(write(fd, "cd", 2), 2); /* appended, not at 0 */
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 4);
	dup = fcntl(fd, F_DUPFD, 20);
	EXPECT_EQ(dup, 20);
	EXPECT_EQ(fcntl(fd, F_DUPFD, 20), 21);
	EXPECT_EQ(fcntl(dup, F_GETFL), O_RDWR | O_APPEND); /* the same file */
	EXPECT_ERRNO(fcntl(fd, F_DUPFD, 32), EINVAL);
	EXPECT_ERRNO(fcntl(fd, 9999), EINVAL);
	EXPECT_ERRNO(fcntl(31, F_GETFD), EBADF);
	close(20);
	close(21);
	close(fd);
	unlink("/tmp/fcntl");
}

/*
 * FD_CLOEXEC is the fd's: set on one of two dups, execve closes that one
 * only.  The program runs itself again as the judge (main's "fds" mode).
 */
static void cloexec_on_exec(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC), ws = -1;
	char name[12];
	pid_t pid;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(dup2(fd, 10), 10);
	EXPECT_EQ(fcntl(10, F_GETFD), 0); /* dup2's copy has it clear */
	EXPECT_EQ(fcntl(10, F_DUPFD_CLOEXEC, 11), 11);
	EXPECT_EQ(fcntl(11, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(fcntl(11, F_SETFD, 0), 0);
	EXPECT_EQ(fcntl(11, F_SETFD, FD_CLOEXEC), 0);
	EXPECT_EQ(dup2(fd, 12), 12);
	pid = fork();
	if (pid == 0) {
		snprintf(name, sizeof(name), "%d", fd);
		execl(SELF, SELF, "fds", name, (char *)NULL);
		_exit(99);
	}
	EXPECT_EQ(waitpid(pid, &ws, 0), pid);
	EXPECT_TRUE(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
	close(fd);
	close(10);
	close(11);
	close(12);
}

/* After cloexec_on_exec's exec: 10 and 12 open, fd and 11 closed. */
static int check_fds(int fd)
{
	if (fcntl(10, F_GETFD) != 0 || fcntl(12, F_GETFD) != 0)
		return 1;
	if (fcntl(11, F_GETFD) != -1 || errno != EBADF)
		return 2;
	return fcntl(fd, F_GETFD) == -1 && errno == EBADF ? 0 : 3;
}

static void nonblocking_pipe(void)
{
	int p[2];
	char c;

	ASSERT_EQ(pipe(p), 0);
	EXPECT_EQ(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
	EXPECT_EQ(fcntl(p[0], F_GETFL), O_RDONLY | O_NONBLOCK);
	EXPECT_ERRNO(read(p[0], &c, 1), EAGAIN);
	EXPECT_EQ(write(p[1], "z", 1), 1);
	EXPECT_EQ(read(p[0], &c, 1), 1);
	EXPECT_EQ(fcntl(p[1], F_SETFL, O_NONBLOCK), 0);
	for (int i = 0; i < 4096; i++)
		ASSERT_EQ(write(p[1], "y", 1), 1);
	EXPECT_ERRNO(write(p[1], "y", 1), EAGAIN); /* full */
	close(p[0]);
	close(p[1]);
}

static void fsync_files(void)
{
	int fd = open("/tmp/fsync", O_RDWR | O_CREAT, 0600), p[2];

	ASSERT_GE(fd, 0);
	EXPECT_EQ(fsync(fd), 0);
	EXPECT_EQ(fdatasync(fd), 0);
	ASSERT_EQ(pipe(p), 0);
	EXPECT_ERRNO(fsync(p[0]), EINVAL);
	EXPECT_ERRNO(fsync(99), EBADF);
	close(p[0]);
	close(p[1]);
	close(fd);
	unlink("/tmp/fsync");
}

static void msync_checks(void)
{
	int fd = open("/tmp/msync", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char *shared, *anon;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(ftruncate(fd, 8192), 0);
	shared = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	anon = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(shared != MAP_FAILED && anon != MAP_FAILED);
	shared[1] = 'm';
	EXPECT_EQ(msync(shared, 8192, MS_SYNC), 0);
	EXPECT_EQ(msync(shared, 100, MS_ASYNC | MS_INVALIDATE), 0);
	EXPECT_EQ(msync(anon, 8192, MS_SYNC), 0);
	EXPECT_EQ(msync(shared, 0, MS_SYNC), 0);
	EXPECT_ERRNO(msync(shared + 1, 10, MS_SYNC), EINVAL);
	EXPECT_ERRNO(msync(shared, 10, 8), EINVAL);
	EXPECT_ERRNO(msync(shared, 10, MS_SYNC | MS_ASYNC), EINVAL);
	EXPECT_EQ(munmap(anon + 4096, 4096), 0);
	EXPECT_ERRNO(msync(anon, 8192, MS_SYNC), ENOMEM); /* a hole */
	EXPECT_EQ(mlock(shared, 4096), 0);
	EXPECT_ERRNO(msync(shared, 4096, MS_INVALIDATE), EBUSY);
	EXPECT_EQ(msync(shared, 4096, MS_SYNC), 0);
	EXPECT_EQ(pread(fd, anon, 2, 0), 2); /* the file is the mapping */
	EXPECT_EQ(anon[1], 'm');
	munmap(shared, 8192);
	munmap(anon, 4096);
	close(fd);
	unlink("/tmp/msync");
}

static void urandom_bytes(void)
{
	unsigned long a[8] = { 0 }, b[8] = { 0 }, zero[8] = { 0 };
	int fd = open("/dev/urandom", O_RDONLY),
	    r = open("/dev/random", O_RDWR);

	ASSERT_GE(fd, 0);
	ASSERT_GE(r, 0);
	EXPECT_EQ(read(fd, a, sizeof(a)), (long)sizeof(a));
	EXPECT_EQ(read(r, b, sizeof(b)), (long)sizeof(b));
	EXPECT_NE(memcmp(a, b, sizeof(a)), 0);
	EXPECT_NE(memcmp(a, zero, sizeof(a)), 0);
	EXPECT_EQ(write(r, "seed", 4), 4);
	EXPECT_ERRNO(read(fd, (void *)16, 8), EFAULT);
	close(fd);
	close(r);
}

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

/*
 * Readings never go back, and some two differ by less than a tick: the
 * clock is finer than jiffies.  Which steps are seen depends on the
 * machine's speed and load (a late tick holds the clock at its cap, the
 * end of the tick, until it comes), so the smallest of 50 is taken, and
 * only "under 10 ms" is asked of it.  A sleep lasts at least as long as
 * asked by this clock too.
 */
static void monotonic_clock(void)
{
	long long prev, step = -1;
	struct timespec t, req = { 0, 20000000 };

	ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &t), 0);
	prev = ns(&t);
	for (int changes = 0; changes < 50;) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		ASSERT_GE(ns(&t), prev);
		if (ns(&t) == prev)
			continue;
		if (step < 0 || ns(&t) - prev < step)
			step = ns(&t) - prev;
		prev = ns(&t);
		changes++;
	}
	EXPECT_LT(step, 10000000);
	EXPECT_EQ(nanosleep(&req, NULL), 0);
	clock_gettime(CLOCK_MONOTONIC, &t);
	EXPECT_GE(ns(&t) - prev, 20000000);
}

/*
 * Names the Open POSIX Test Suite's programs use (docs/02, "Checking
 * against POSIX"): SIGPOLL, the clock options and clock_getcpuclockid,
 * the real-time signals option, a limit Pagoda does not state (-1, errno
 * untouched), cancelability.
 */
static void conformance_names(void)
{
	clockid_t clk = -1;
	struct timespec ts;
	int old = -1;

	EXPECT_EQ(SIGPOLL, SIGIO);
	EXPECT_EQ(sysconf(_SC_MONOTONIC_CLOCK), _POSIX_MONOTONIC_CLOCK);
	EXPECT_EQ(sysconf(_SC_CPUTIME), _POSIX_CPUTIME);
	EXPECT_EQ(sysconf(_SC_REALTIME_SIGNALS), _POSIX_REALTIME_SIGNALS);
	errno = 0;
	EXPECT_EQ(sysconf(_SC_ARG_MAX), -1);
	EXPECT_EQ(errno, 0);
	EXPECT_EQ(clock_getcpuclockid(0, &clk), 0);
	EXPECT_EQ(clk, CLOCK_PROCESS_CPUTIME_ID);
	EXPECT_EQ(clock_gettime(clk, &ts), 0);
	EXPECT_EQ(clock_getcpuclockid(1, &clk), 0); /* init's */
	EXPECT_NE(clk, CLOCK_PROCESS_CPUTIME_ID);
	EXPECT_EQ(clock_gettime(clk, &ts), 0);
	EXPECT_EQ(clock_getcpuclockid(30000, &clk), ESRCH);
	EXPECT_EQ(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old), 0);
	EXPECT_EQ(old, PTHREAD_CANCEL_ENABLE);
	EXPECT_EQ(pthread_setcancelstate(old, &old), 0);
	EXPECT_EQ(old, PTHREAD_CANCEL_DISABLE);
	EXPECT_EQ(pthread_setcancelstate(2, NULL), EINVAL);
	EXPECT_EQ(pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL), 0);
}

/*
 * A shared memory object: one process's writes through its mapping are
 * another's, the object outlives its mappings until shm_unlink, and names
 * are checked as on Linux.
 */
static void shm_objects(void)
{
	const char *name = "/posix_test_shm";
	int fd, status;
	char *p;
	pid_t pid;

	shm_unlink(name);
	fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
	ASSERT_EQ(ftruncate(fd, 4096), 0);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(close(fd), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		int cfd = shm_open(name, O_RDWR, 0);
		char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
			       cfd, 0);

		if (q == MAP_FAILED)
			_exit(1);
		strcpy(q + 100, "from the child");
		_exit(0);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(strcmp(p + 100, "from the child"), 0);
	EXPECT_EQ(munmap(p, 4096), 0);
	EXPECT_EQ(shm_unlink(name), 0);
	EXPECT_ERRNO(shm_open(name, O_RDWR, 0), ENOENT);
	EXPECT_ERRNO(shm_unlink(name), ENOENT);
	EXPECT_ERRNO(shm_open("/", O_RDWR | O_CREAT, 0600), EINVAL);
	EXPECT_ERRNO(shm_open("/a/b", O_RDWR | O_CREAT, 0600), EINVAL);
	EXPECT_EQ(sysconf(_SC_SHARED_MEMORY_OBJECTS),
		  _POSIX_SHARED_MEMORY_OBJECTS);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(sysconf_values),    KTAP_CASE(ffs_bits),
	KTAP_CASE(mkstemp_creates),   KTAP_CASE(fcntl_flags),
	KTAP_CASE(cloexec_on_exec),   KTAP_CASE(nonblocking_pipe),
	KTAP_CASE(fsync_files),	      KTAP_CASE(msync_checks),
	KTAP_CASE(urandom_bytes),     KTAP_CASE(monotonic_clock),
	KTAP_CASE(conformance_names), KTAP_CASE(shm_objects),
};

int main(int argc, char *argv[])
{
	if (argc > 2 && !strcmp(argv[1], "fds"))
		return check_fds(atoi(argv[2]));
	return ktap_main("posix_test", cases, KTAP_NCASES(cases));
}
