// SPDX-License-Identifier: MIT
/*
 * time_test: clocks, sleeping and CPU accounting -- clock_gettime,
 * nanosleep, getrusage.  Only what POSIX promises is checked (a clock never
 * goes back, a sleep lasts at least as long as asked); how fast anything
 * runs is for benchmarks, not tests.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NSEC_PER_SEC 1000000000L

/*
 * In long long: on 32-bit ARM a long holds two seconds of nanoseconds, and
 * CLOCK_REALTIME counts from 1970.  Comparisons go through differences,
 * as the EXPECT macros compare longs.
 */
static long long ns(const struct timespec *t)
{
	return t->tv_sec * (long long)NSEC_PER_SEC + t->tv_nsec;
}

static long long now_ns(void)
{
	struct timespec t = { -1, -1 };

	clock_gettime(CLOCK_MONOTONIC, &t);
	return ns(&t);
}

/* CPU time used, in microseconds (user + system). */
static long cpu_us(const struct rusage *ru)
{
	return (ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1000000L +
	       ru->ru_utime.tv_usec + ru->ru_stime.tv_usec;
}

/*
 * Keep the CPU busy for ms milliseconds of monotonic time -- or give up
 * after a while, so that a clock that stands still fails the test rather
 * than hanging it.
 */
static void spin_ms(long ms)
{
	long long end = now_ns() + ms * 1000000L;
	volatile unsigned long sink = 0;

	for (long n = 0; n < 100000 && now_ns() < end; n++)
		for (int i = 0; i < 10000; i++)
			sink += i;
}

/* Every field of a struct rusage in range. */
#define EXPECT_SANE_RUSAGE(ru)                                                 \
	do {                                                                   \
		EXPECT_GE((ru).ru_utime.tv_sec, 0);                            \
		EXPECT_GE((ru).ru_utime.tv_usec, 0);                           \
		EXPECT_LT((ru).ru_utime.tv_usec, 1000000);                     \
		EXPECT_GE((ru).ru_stime.tv_sec, 0);                            \
		EXPECT_GE((ru).ru_stime.tv_usec, 0);                           \
		EXPECT_LT((ru).ru_stime.tv_usec, 1000000);                     \
		EXPECT_GE((ru).ru_minflt, 0);                                  \
		EXPECT_GE((ru).ru_majflt, 0);                                  \
	} while (0)

/* CLOCK_MONOTONIC never goes back; its fields are in range. */
static void clock_monotonic(void)
{
	struct timespec prev, t;
	int backwards = 0, bad_nsec = 0;

	ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &prev), 0);
	EXPECT_GE(prev.tv_sec, 0);
	for (int i = 0; i < 1000; i++) {
		ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &t), 0);
		backwards += ns(&t) < ns(&prev);
		bad_nsec += t.tv_nsec < 0 || t.tv_nsec >= NSEC_PER_SEC;
		prev = t;
	}
	EXPECT_EQ(backwards, 0);
	EXPECT_EQ(bad_nsec, 0);
	/* It moves: a 2 ms spin later it is later. */
	spin_ms(2);
	ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &t), 0);
	EXPECT_GT(ns(&t) - ns(&prev), 0);
}

/* The other clock, and one that does not exist. */
static void clock_others(void)
{
	struct timespec t = { -1, -1 };

	EXPECT_EQ(clock_gettime(CLOCK_REALTIME, &t), 0);
	EXPECT_GE(t.tv_sec, 0);
	EXPECT_GE(t.tv_nsec, 0);
	EXPECT_LT(t.tv_nsec, NSEC_PER_SEC);
	EXPECT_ERRNO(clock_gettime(99, &t), EINVAL);
	EXPECT_ERRNO(clock_gettime(-1, &t), EINVAL);
}

/*
 * CLOCK_REALTIME advances with CLOCK_MONOTONIC: a real-time interval
 * holds the monotonic one read inside it, and lies inside the monotonic
 * one read around it.
 */
static void realtime_follows_monotonic(void)
{
	struct timespec r1, m1, m2, r2;

	ASSERT_EQ(clock_gettime(CLOCK_REALTIME, &r1), 0);
	ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &m1), 0);
	spin_ms(5);
	ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &m2), 0);
	ASSERT_EQ(clock_gettime(CLOCK_REALTIME, &r2), 0);
	EXPECT_GT(ns(&m2) - ns(&m1), 0);
	EXPECT_GE(ns(&r2) - ns(&r1), ns(&m2) - ns(&m1));
	ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &m1), 0);
	ASSERT_EQ(clock_gettime(CLOCK_REALTIME, &r1), 0);
	spin_ms(5);
	ASSERT_EQ(clock_gettime(CLOCK_REALTIME, &r2), 0);
	ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &m2), 0);
	EXPECT_GT(ns(&r2) - ns(&r1), 0);
	EXPECT_LE(ns(&r2) - ns(&r1), ns(&m2) - ns(&m1));
}

/*
 * CLOCK_REALTIME, time() and gettimeofday() tell the date: the hardware
 * clock's at boot (QEMU's follows the host's).  A board with none
 * (raspi2b) starts at the epoch, and the case skips there; the kernel's
 * timer.realtime_is_a_date knows which boards have one.
 */
static void realtime_is_the_date(void)
{
	struct timespec r, m;
	struct timeval tv;
	struct tm tm;
	time_t now;

	ASSERT_EQ(clock_gettime(CLOCK_MONOTONIC, &m), 0);
	ASSERT_EQ(clock_gettime(CLOCK_REALTIME, &r), 0);
	if (r.tv_sec - m.tv_sec < 86400)
		ktap_skip("no hardware clock: real time began at the epoch");
	now = time(NULL);
	EXPECT_GE(now, r.tv_sec);
	ASSERT_TRUE(gmtime_r(&now, &tm) != NULL);
	EXPECT_GE(tm.tm_year + 1900, 2024);
	ASSERT_EQ(gettimeofday(&tv, NULL), 0);
	EXPECT_GE(tv.tv_sec, now);
	EXPECT_LE(tv.tv_sec, time(NULL));
}

static long clock_ns(clockid_t clock)
{
	struct timespec t = { -1, -1 };

	if (clock_gettime(clock, &t) || t.tv_nsec < 0 ||
	    t.tv_nsec >= NSEC_PER_SEC)
		return -1;
	return ns(&t);
}

/*
 * The CPU-time clocks: in range, never back, moving while the thread
 * spins and (mostly) not while it sleeps; one thread's process is that
 * thread, so the process clock read after the thread clock is not less.
 */
static void clock_cputime(void)
{
	struct timespec nap = { 0, 50 * 1000000L };
	long thread = clock_ns(CLOCK_THREAD_CPUTIME_ID), t, before;
	int backwards = 0;

	ASSERT_GE(thread, 0);
	EXPECT_GE(clock_ns(CLOCK_PROCESS_CPUTIME_ID), thread);
	for (int i = 0; i < 1000; i++) {
		t = clock_ns(CLOCK_THREAD_CPUTIME_ID);
		backwards += t < thread;
		thread = t;
	}
	EXPECT_EQ(backwards, 0);
	spin_ms(20);
	EXPECT_GT(clock_ns(CLOCK_THREAD_CPUTIME_ID), thread);
	before = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	EXPECT_EQ(nanosleep(&nap, NULL), 0);
	/*
	 * Less than the nap: the sleep itself is not counted.  Only that
	 * bound holds on an emulator whose host is busy, where the system
	 * call's own way in and out can take tens of milliseconds.
	 */
	EXPECT_LT(clock_ns(CLOCK_THREAD_CPUTIME_ID) - before, 50 * 1000000L);
}

static void *spin_and_report(void *arg)
{
	spin_ms(20);
	*(long *)arg = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	return NULL;
}

/* A thread that has exited still counts in its process's CPU time. */
static void clock_cputime_exited_thread(void)
{
	long ran = -1, mine, process;
	pthread_t t;

	ASSERT_EQ(pthread_create(&t, NULL, spin_and_report, &ran), 0);
	ASSERT_EQ(pthread_join(t, NULL), 0);
	ASSERT_GT(ran, 0);
	mine = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	process = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	EXPECT_GE(process - mine, ran);
}

/* nanosleep of 20 ms lasts at least 20 ms. */
static void nanosleep_20ms(void)
{
	struct timespec req = { 0, 20 * 1000000L };
	long long before = now_ns();
	long slept;

	EXPECT_EQ(nanosleep(&req, NULL), 0);
	slept = now_ns() - before;
	EXPECT_GE(slept, 20 * 1000000L);

	/* Across a whole second, through tv_sec. */
	req.tv_sec = 1;
	req.tv_nsec = 0;
	before = now_ns();
	EXPECT_EQ(nanosleep(&req, NULL), 0);
	EXPECT_GE(now_ns() - before, NSEC_PER_SEC);
}

/* Zero sleeps return at once; malformed ones are EINVAL. */
static void nanosleep_args(void)
{
	struct timespec zero = { 0, 0 }, bad1 = { 0, NSEC_PER_SEC },
			bad2 = { 0, -1 }, bad3 = { -1, 0 };

	EXPECT_EQ(nanosleep(&zero, NULL), 0);
	EXPECT_ERRNO(nanosleep(&bad1, NULL), EINVAL);
	EXPECT_ERRNO(nanosleep(&bad2, NULL), EINVAL);
	EXPECT_ERRNO(nanosleep(&bad3, NULL), EINVAL);
}

/*
 * A sleep too long to count in ticks (LONG_MAX seconds) still sleeps: it
 * must not overflow into a deadline in the past and return at once.
 */
static void nanosleep_huge(void)
{
	static const struct timespec huge[] = {
		{ LONG_MAX, NSEC_PER_SEC - 1 },
		{ LONG_MAX / 100 + 1, 0 }, /* overflows tv_sec * HZ */
	};

	for (unsigned int i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
		struct timespec pause = { 0, 50 * 1000 * 1000 };
		int status;
		pid_t r, pid = fork();

		ASSERT_GE(pid, 0);
		if (pid == 0)
			_exit(nanosleep(&huge[i], NULL) == 0 ? 0 : 1);
		nanosleep(&pause, NULL);
		r = waitpid(pid, &status, WNOHANG);
		EXPECT_EQ(r, 0); /* still asleep */
		if (r)
			continue;
		EXPECT_EQ(kill(pid, SIGKILL), 0);
		EXPECT_EQ(waitpid(pid, &status, 0), pid);
		EXPECT_TRUE(WIFSIGNALED(status));
	}
}

/*
 * getrusage(RUSAGE_SELF): sane values, and a process that has spun for
 * 100 ms has been charged some CPU time.  Time asleep is not CPU time, but
 * that is a measurement, left to benchmarks.
 */
static void rusage_self(void)
{
	struct rusage a, b;

	ASSERT_EQ(getrusage(RUSAGE_SELF, &a), 0);
	EXPECT_SANE_RUSAGE(a);
	spin_ms(100);
	ASSERT_EQ(getrusage(RUSAGE_SELF, &b), 0);
	EXPECT_SANE_RUSAGE(b);
	EXPECT_GT(cpu_us(&b), cpu_us(&a));
	EXPECT_GE(b.ru_minflt, a.ru_minflt);
	EXPECT_ERRNO(getrusage(99, &a), EINVAL);
}

/*
 * getrusage(RUSAGE_CHILDREN) counts the children we have waited for: none
 * in a fresh process, then one that spun for 100 ms.
 */
static void rusage_children(void)
{
	struct rusage ru;
	int status;
	pid_t pid;

	ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &ru), 0);
	EXPECT_SANE_RUSAGE(ru);
	EXPECT_EQ(cpu_us(&ru), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		spin_ms(100);
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &ru), 0);
	EXPECT_SANE_RUSAGE(ru);
	EXPECT_GT(cpu_us(&ru), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(clock_monotonic),
	KTAP_CASE(clock_others),
	KTAP_CASE(realtime_follows_monotonic),
	KTAP_CASE(realtime_is_the_date),
	KTAP_CASE(clock_cputime),
	KTAP_CASE(clock_cputime_exited_thread),
	KTAP_CASE(nanosleep_20ms),
	KTAP_CASE(nanosleep_args),
	KTAP_CASE(nanosleep_huge),
	KTAP_CASE(rusage_self),
	KTAP_CASE(rusage_children),
};

int main(void)
{
	return ktap_main("time_test", cases, KTAP_NCASES(cases));
}
