// SPDX-License-Identifier: MIT
/*
 * timer_test: the interval timers (setitimer, getitimer, alarm:
 * kernel/itimer.c), the POSIX timers (timer_create ... timer_delete,
 * kernel/posix_timers.c), times() and the CPU-time clocks of threads and
 * processes.
 *
 * Only what POSIX promises is checked: a timer never expires early, a
 * periodic one reloads, a timer counts down, a blocked signal gathers
 * overruns, fork's child has no timers, bad input is an errno.  How late a
 * timer is allowed to be is not checked (that is the host's load, under
 * TCG); each wait gives up after a few seconds, so that a timer that never
 * fires fails its case rather than hanging it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <signal.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define SELF "/tests/timer_test"
#define NSEC_PER_SEC 1000000000LL
#define MS (1000000L) /* ns */
#define BAD_PTR ((void *)8)

static volatile int hits, last_sig, last_code, last_value, last_timerid,
	last_overrun, first_overrun, last_getoverrun;
static timer_t handler_timer; /* the handler asks timer_getoverrun of it */

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	hits++;
	last_sig = sig;
	last_code = si->si_code;
	if (si->si_code == SI_TIMER) {
		last_value = si->si_value.sival_int;
		last_timerid = si->si_timerid;
		last_overrun = si->si_overrun;
		last_getoverrun = timer_getoverrun(handler_timer);
		if (hits == 1)
			first_overrun = si->si_overrun;
	}
}

static void catch_signal(int sig)
{
	struct sigaction sa = { .sa_sigaction = on_signal,
				.sa_flags = SA_SIGINFO };

	hits = 0;
	last_sig = last_code = last_value = last_timerid = last_overrun = -1;
	sigaction(sig, &sa, NULL);
}

static long long ns(const struct timespec *t)
{
	return t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
}

static long long clock_ns(clockid_t clock)
{
	struct timespec t = { 0, 0 };

	clock_gettime(clock, &t);
	return ns(&t);
}

/* Sleep in 5 ms steps until n signals were caught; false after 5 s. */
static bool wait_hits(int n)
{
	struct timespec step = { 0, 5 * MS };
	long long end = clock_ns(CLOCK_MONOTONIC) + 5 * NSEC_PER_SEC;

	while (hits < n && clock_ns(CLOCK_MONOTONIC) < end)
		nanosleep(&step, NULL);
	return hits >= n;
}

/* Spin (CPU time) until n signals were caught; false after 5 s. */
static bool spin_hits(int n)
{
	long long end = clock_ns(CLOCK_MONOTONIC) + 5 * NSEC_PER_SEC;
	volatile unsigned long sink = 0;

	while (hits < n && clock_ns(CLOCK_MONOTONIC) < end)
		for (int i = 0; i < 10000; i++)
			sink += i;
	return hits >= n;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * MS };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static long tv_us(const struct timeval *tv)
{
	return tv->tv_sec * 1000000L + tv->tv_usec;
}

static struct itimerval itv(long value_us, long interval_us)
{
	return (struct itimerval){
		.it_interval = { interval_us / 1000000, interval_us % 1000000 },
		.it_value = { value_us / 1000000, value_us % 1000000 },
	};
}

static struct itimerspec its(long long value_ns, long long interval_ns)
{
	return (struct itimerspec){
		.it_interval = { interval_ns / NSEC_PER_SEC,
				 interval_ns % NSEC_PER_SEC },
		.it_value = { value_ns / NSEC_PER_SEC,
			      value_ns % NSEC_PER_SEC },
	};
}

/* ITIMER_REAL with an interval: SIGALRM again and again, then disarmed. */
static void itimer_real_periodic(void)
{
	struct itimerval v = itv(20000, 20000), old;

	catch_signal(SIGALRM);
	ASSERT_EQ(setitimer(ITIMER_REAL, &v, NULL), 0);
	EXPECT_TRUE(wait_hits(3));
	EXPECT_EQ(last_sig, SIGALRM);
	v = itv(0, 0);
	ASSERT_EQ(setitimer(ITIMER_REAL, &v, &old), 0);
	EXPECT_EQ(tv_us(&old.it_interval), 20000);
	EXPECT_GT(tv_us(&old.it_value), 0);
	EXPECT_LE(tv_us(&old.it_value), 20000);
	hits = 0;
	sleep_ms(60);
	EXPECT_EQ(hits, 0);
}

/* getitimer counts down, from at most the value set, and never reaches 0. */
static void itimer_counts_down(void)
{
	struct itimerval v = itv(2000000, 0), a, b;

	catch_signal(SIGALRM);
	ASSERT_EQ(setitimer(ITIMER_REAL, &v, NULL), 0);
	ASSERT_EQ(getitimer(ITIMER_REAL, &a), 0);
	sleep_ms(30);
	ASSERT_EQ(getitimer(ITIMER_REAL, &b), 0);
	EXPECT_LE(tv_us(&a.it_value), 2000000);
	EXPECT_GT(tv_us(&b.it_value), 0);
	EXPECT_LE(tv_us(&b.it_value), tv_us(&a.it_value) - 30000);
	EXPECT_EQ(tv_us(&b.it_interval), 0);
	v = itv(0, 0);
	EXPECT_EQ(setitimer(ITIMER_REAL, &v, NULL), 0);
	EXPECT_EQ(getitimer(ITIMER_REAL, &b), 0);
	EXPECT_EQ(tv_us(&b.it_value), 0);
	EXPECT_EQ(hits, 0);
}

/* alarm is ITIMER_REAL: each sees and replaces the other's setting. */
static void alarm_is_itimer_real(void)
{
	struct itimerval v = itv(3000000, 0), old;

	catch_signal(SIGALRM);
	EXPECT_EQ(alarm(5), 0);
	ASSERT_EQ(getitimer(ITIMER_REAL, &old), 0);
	EXPECT_GT(tv_us(&old.it_value), 4000000);
	EXPECT_LE(tv_us(&old.it_value), 5000000);
	ASSERT_EQ(setitimer(ITIMER_REAL, &v, &old), 0);
	EXPECT_GT(tv_us(&old.it_value), 4000000);
	EXPECT_EQ(alarm(0), 3); /* rounded up */
	ASSERT_EQ(getitimer(ITIMER_REAL, &old), 0);
	EXPECT_EQ(tv_us(&old.it_value), 0);
	/* A setitimer value below a second reads as 1 second left. */
	v = itv(500000, 0);
	ASSERT_EQ(setitimer(ITIMER_REAL, &v, NULL), 0);
	EXPECT_EQ(alarm(0), 1);
	EXPECT_EQ(hits, 0);
}

/*
 * ITIMER_VIRTUAL counts user CPU time: not while the process sleeps, and
 * it expires while it spins.  ITIMER_PROF likewise, with system time.
 */
static void cpu_itimer(int which, int sig)
{
	struct itimerval v = itv(30000, 0), left;

	catch_signal(sig);
	ASSERT_EQ(setitimer(which, &v, NULL), 0);
	sleep_ms(100);
	ASSERT_EQ(getitimer(which, &left), 0);
	EXPECT_EQ(hits, 0);
	EXPECT_GT(tv_us(&left.it_value), 0);
	EXPECT_TRUE(spin_hits(1));
	EXPECT_EQ(last_sig, sig);
	ASSERT_EQ(getitimer(which, &left), 0);
	EXPECT_EQ(tv_us(&left.it_value), 0); /* no interval: disarmed */
}

static void itimer_virtual(void)
{
	cpu_itimer(ITIMER_VIRTUAL, SIGVTALRM);
}

static void itimer_prof(void)
{
	struct itimerval v = itv(10000, 10000);

	cpu_itimer(ITIMER_PROF, SIGPROF);
	/* With an interval it goes on. */
	hits = 0;
	ASSERT_EQ(setitimer(ITIMER_PROF, &v, NULL), 0);
	EXPECT_TRUE(spin_hits(3));
	v = itv(0, 0);
	EXPECT_EQ(setitimer(ITIMER_PROF, &v, NULL), 0);
}

/* fork's child has no interval timers; the parent keeps its own. */
static void itimer_not_inherited(void)
{
	struct itimerval v = itv(5000000, 1000000), got;
	int status;
	pid_t pid;

	ASSERT_EQ(setitimer(ITIMER_REAL, &v, NULL), 0);
	ASSERT_EQ(setitimer(ITIMER_VIRTUAL, &v, NULL), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		int armed = 0;

		for (int w = ITIMER_REAL; w <= ITIMER_PROF; w++) {
			getitimer(w, &got);
			armed +=
				tv_us(&got.it_value) || tv_us(&got.it_interval);
		}
		_exit(armed);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
	ASSERT_EQ(getitimer(ITIMER_REAL, &got), 0);
	EXPECT_GT(tv_us(&got.it_value), 0);
	EXPECT_EQ(tv_us(&got.it_interval), 1000000);
	v = itv(0, 0);
	EXPECT_EQ(setitimer(ITIMER_REAL, &v, NULL), 0);
	EXPECT_EQ(setitimer(ITIMER_VIRTUAL, &v, NULL), 0);
}

/*
 * After exec (SELF "exec"): ITIMER_REAL is still armed with its interval
 * (POSIX keeps interval timers), timer 0 is gone (exec deletes the POSIX
 * timers).  The exit status says which is wrong.
 */
static int check_after_exec(void)
{
	struct itimerspec cur;
	struct itimerval v;

	if (getitimer(ITIMER_REAL, &v) < 0 || !tv_us(&v.it_value) ||
	    tv_us(&v.it_interval) != 1000000)
		return 1;
	if (timer_gettime(0, &cur) == 0 || errno != EINVAL)
		return 2;
	return 0;
}

static void itimer_kept_across_exec(void)
{
	struct itimerval v = itv(5000000, 1000000);
	struct sigevent ev = { .sigev_notify = SIGEV_NONE };
	int status;
	timer_t t;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0) {
		if (setitimer(ITIMER_REAL, &v, NULL) < 0 ||
		    timer_create(CLOCK_MONOTONIC, &ev, &t) < 0 || t != 0)
			_exit(3);
		execl(SELF, SELF, "exec", (char *)NULL);
		_exit(4);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
}

static void itimer_errors(void)
{
	struct itimerval v = itv(1000, 0);

	EXPECT_ERRNO(setitimer(3, &v, NULL), EINVAL);
	EXPECT_ERRNO(setitimer(-1, &v, NULL), EINVAL);
	EXPECT_ERRNO(getitimer(3, &v), EINVAL);
	v.it_value.tv_usec = 1000000;
	EXPECT_ERRNO(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	v = itv(1000, 0);
	v.it_interval.tv_usec = -1;
	EXPECT_ERRNO(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	v = itv(0, 0);
	v.it_value.tv_sec = -1;
	EXPECT_ERRNO(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	EXPECT_ERRNO(setitimer(ITIMER_REAL, BAD_PTR, NULL), EFAULT);
	EXPECT_ERRNO(getitimer(ITIMER_REAL, BAD_PTR), EFAULT);
	v = itv(0, 0);
	EXPECT_ERRNO(setitimer(ITIMER_REAL, &v, BAD_PTR), EFAULT);
}

/*
 * A 20 ms timer on clock, SIGEV_SIGNAL: the signal comes (wait: sleeping
 * or spinning for it), never early, with SI_TIMER, the value and the timer.
 */
static void one_shot(clockid_t clock, bool (*wait)(int))
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
			       .sigev_signo = SIGUSR1,
			       .sigev_value.sival_int = 42 };
	struct itimerspec v = its(20 * MS, 0), cur;
	long long start;
	timer_t t;

	catch_signal(SIGUSR1);
	ASSERT_EQ(timer_create(clock, &ev, &t), 0);
	start = clock_ns(clock);
	ASSERT_EQ(timer_settime(t, 0, &v, NULL), 0);
	EXPECT_TRUE(wait(1));
	EXPECT_GE(clock_ns(clock) - start, 20 * MS);
	EXPECT_EQ(last_sig, SIGUSR1);
	EXPECT_EQ(last_code, SI_TIMER);
	EXPECT_EQ(last_value, 42);
	EXPECT_EQ(last_timerid, (long)t);
	EXPECT_EQ(last_overrun, 0);
	ASSERT_EQ(timer_gettime(t, &cur), 0);
	EXPECT_EQ(ns(&cur.it_value), 0); /* one shot: disarmed */
	EXPECT_EQ(timer_delete(t), 0);
}

static void timer_signal(void)
{
	one_shot(CLOCK_MONOTONIC, wait_hits);
}

/* The process's CPU-time clock: a timer on it expires as the process spins. */
static void timer_cputime(void)
{
	one_shot(CLOCK_PROCESS_CPUTIME_ID, spin_hits);
}

/* A periodic timer reloads; timer_delete stops it. */
static void timer_periodic_delete(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
			       .sigev_signo = SIGUSR2 };
	struct itimerspec v = its(10 * MS, 10 * MS), cur;
	timer_t t;

	catch_signal(SIGUSR2);
	ASSERT_EQ(timer_create(CLOCK_REALTIME, &ev, &t), 0);
	ASSERT_EQ(timer_settime(t, 0, &v, NULL), 0);
	EXPECT_TRUE(wait_hits(3));
	ASSERT_EQ(timer_gettime(t, &cur), 0);
	EXPECT_EQ(ns(&cur.it_interval), 10 * MS);
	EXPECT_GT(ns(&cur.it_value), 0);
	EXPECT_LE(ns(&cur.it_value), 10 * MS);
	EXPECT_EQ(timer_delete(t), 0);
	hits = 0;
	sleep_ms(50);
	EXPECT_EQ(hits, 0);
	EXPECT_ERRNO(timer_gettime(t, &cur), EINVAL);
}

/* TIMER_ABSTIME on both clocks: the expiry is a time, never beaten. */
static void timer_abstime(void)
{
	static const clockid_t clocks[] = { CLOCK_REALTIME, CLOCK_MONOTONIC };

	for (int i = 0; i < 2; i++) {
		struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
				       .sigev_signo = SIGUSR1 };
		long long at = clock_ns(clocks[i]) + 30 * MS;
		struct itimerspec v = its(at, 0), cur;
		timer_t t;

		catch_signal(SIGUSR1);
		ASSERT_EQ(timer_create(clocks[i], &ev, &t), 0);
		ASSERT_EQ(timer_settime(t, TIMER_ABSTIME, &v, NULL), 0);
		ASSERT_EQ(timer_gettime(t, &cur), 0);
		EXPECT_GT(ns(&cur.it_value), 0);
		EXPECT_LE(ns(&cur.it_value), 30 * MS); /* relative */
		EXPECT_TRUE(wait_hits(1));
		EXPECT_GE(clock_ns(clocks[i]), at);
		/* A time already past expires at once. */
		hits = 0;
		v = its(1, 0);
		ASSERT_EQ(timer_settime(t, TIMER_ABSTIME, &v, NULL), 0);
		EXPECT_TRUE(wait_hits(1));
		EXPECT_EQ(timer_delete(t), 0);
	}
}

/* A timer sending SIGUSR1 every period, blocked in *set: -1 if it fails. */
static timer_t blocked_periodic_timer(long long period, sigset_t *set)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
			       .sigev_signo = SIGUSR1 };
	struct itimerspec v = its(period, period);
	timer_t t;

	sigemptyset(set);
	sigaddset(set, SIGUSR1);
	sigprocmask(SIG_BLOCK, set, NULL);
	if (timer_create(CLOCK_MONOTONIC, &ev, &t) < 0)
		return (timer_t)-1;
	if (timer_getoverrun(t) != 0 || timer_settime(t, 0, &v, NULL) < 0) {
		timer_delete(t);
		return (timer_t)-1;
	}
	return t;
}

/*
 * Expiries while the signal is blocked are overruns: one signal pending,
 * and si_overrun and timer_getoverrun count the rest (taken here by
 * sigwaitinfo, while the timer still runs).
 */
static void timer_overrun(void)
{
	siginfo_t si;
	sigset_t set;
	timer_t t = blocked_periodic_timer(10 * MS, &set);

	ASSERT_NE(t, (timer_t)-1);
	sleep_ms(100); /* 10 expiries at least */
	ASSERT_EQ(sigwaitinfo(&set, &si), SIGUSR1);
	EXPECT_EQ(si.si_code, SI_TIMER);
	EXPECT_GE(si.si_overrun, 8);
	EXPECT_EQ(timer_getoverrun(t), si.si_overrun);
	EXPECT_EQ(timer_delete(t), 0);
}

/* timer_getoverrun's answer is the count the last signal taken carried. */
static void timer_getoverrun_in_handler(void)
{
	sigset_t set;
	timer_t t;

	catch_signal(SIGUSR1);
	t = blocked_periodic_timer(5 * MS, &set);
	ASSERT_NE(t, (timer_t)-1);
	handler_timer = t;
	sleep_ms(50);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT_EQ(timer_delete(t), 0);
	EXPECT_GE(hits, 1);
	EXPECT_GT(first_overrun, 0);
	EXPECT_EQ(last_getoverrun, last_overrun);
}

static volatile int waiter_tid, waiter_code, waiter_value;

/* Block SIGUSR1 and take one with sigwaitinfo: the timer's. */
static void *waiter(void *arg)
{
	siginfo_t si;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL); /* the thread's own mask */
	waiter_tid = gettid();
	if (sigwaitinfo(&set, &si) == SIGUSR1) {
		waiter_code = si.si_code;
		waiter_value = si.si_value.sival_int;
	}
	return arg;
}

/* SIGEV_THREAD_ID: the signal goes to that thread, not to the process. */
static void timer_thread_id(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_THREAD_ID,
			       .sigev_signo = SIGUSR1,
			       .sigev_value.sival_int = 7 };
	struct itimerspec v = its(10 * MS, 0);
	pthread_t th;
	timer_t t;

	catch_signal(SIGUSR1); /* the main thread's: must not run */
	waiter_tid = waiter_code = waiter_value = 0;
	ASSERT_EQ(pthread_create(&th, NULL, waiter, NULL), 0);
	while (!waiter_tid)
		sleep_ms(1);
	ev.sigev_notify_thread_id = waiter_tid;
	ASSERT_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
	ASSERT_EQ(timer_settime(t, 0, &v, NULL), 0);
	EXPECT_EQ(pthread_join(th, NULL), 0);
	EXPECT_EQ(waiter_code, SI_TIMER);
	EXPECT_EQ(waiter_value, 7);
	EXPECT_EQ(hits, 0);
	EXPECT_EQ(timer_delete(t), 0);
	/* A thread not of this process: EINVAL. */
	ev.sigev_notify_thread_id = 1;
	EXPECT_ERRNO(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL);
}

/* SIGEV_NONE: no signal, but the timer runs and timer_gettime shows it. */
static void timer_sigev_none(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_NONE };
	struct itimerspec v = its(20 * MS, 0), cur;
	timer_t t;

	catch_signal(SIGALRM);
	ASSERT_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
	ASSERT_EQ(timer_settime(t, 0, &v, NULL), 0);
	ASSERT_EQ(timer_gettime(t, &cur), 0);
	EXPECT_GT(ns(&cur.it_value), 0);
	sleep_ms(60);
	ASSERT_EQ(timer_gettime(t, &cur), 0);
	EXPECT_EQ(ns(&cur.it_value), 0);
	EXPECT_EQ(hits, 0);
	EXPECT_EQ(timer_delete(t), 0);
}

/* No sigevent: SIGALRM, with the timer's id as its value. */
static void timer_default_event(void)
{
	struct itimerspec v = its(10 * MS, 0);
	timer_t t;

	catch_signal(SIGALRM);
	ASSERT_EQ(timer_create(CLOCK_MONOTONIC, NULL, &t), 0);
	ASSERT_EQ(timer_settime(t, 0, &v, NULL), 0);
	EXPECT_TRUE(wait_hits(1));
	EXPECT_EQ(last_sig, SIGALRM);
	EXPECT_EQ(last_code, SI_TIMER);
	EXPECT_EQ(last_value, (long)t);
	EXPECT_EQ(timer_delete(t), 0);
}

/* fork's child has none of the parent's timers (the same id is unknown). */
static void timer_not_inherited(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_NONE };
	struct itimerspec v = its(NSEC_PER_SEC, 0), cur;
	int status;
	timer_t t;
	pid_t pid;

	ASSERT_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
	ASSERT_EQ(timer_settime(t, 0, &v, NULL), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0)
		_exit(timer_gettime(t, &cur) == -1 && errno == EINVAL ? 0 : 1);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(timer_gettime(t, &cur), 0);
	EXPECT_EQ(timer_delete(t), 0);
}

/*
 * Timers left at exit are the process's end's to delete (init's leak
 * check counts the pages); PAGODA_TIMER_MAX of them, and one more is
 * EAGAIN.
 */
static void timer_limit_and_exit(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
			       .sigev_signo = SIGUSR1 };
	struct itimerspec v = its(NSEC_PER_SEC, NSEC_PER_SEC);
	int status;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0) {
		timer_t t;
		int made = 0;

		while (made < 100 &&
		       timer_create(CLOCK_MONOTONIC, &ev, &t) == 0)
			made += timer_settime(t, 0, &v, NULL) == 0;
		_exit(made == PAGODA_TIMER_MAX && errno == EAGAIN ? 0 : 1);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

static void timer_errors(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
			       .sigev_signo = SIGUSR1 };
	struct itimerspec v = its(MS, 0);
	timer_t t;

	EXPECT_ERRNO(timer_create(99, &ev, &t), EINVAL);
	EXPECT_ERRNO(timer_create(-1, &ev, &t), EINVAL);
	ev.sigev_signo = 0;
	EXPECT_ERRNO(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL);
	ev.sigev_signo = NSIG;
	EXPECT_ERRNO(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL);
	ev.sigev_signo = SIGUSR1;
	ev.sigev_notify = 99;
	EXPECT_ERRNO(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL);
	ev.sigev_notify = SIGEV_SIGNAL;
	EXPECT_ERRNO(timer_create(CLOCK_MONOTONIC, BAD_PTR, &t), EFAULT);
	ASSERT_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
	EXPECT_ERRNO(timer_settime(t + 1, 0, &v, NULL), EINVAL);
	EXPECT_ERRNO(timer_gettime(t + 1, &v), EINVAL);
	EXPECT_ERRNO(timer_getoverrun(t + 1), EINVAL);
	EXPECT_ERRNO(timer_delete(t + 1), EINVAL);
	v.it_value.tv_nsec = NSEC_PER_SEC;
	EXPECT_ERRNO(timer_settime(t, 0, &v, NULL), EINVAL);
	v = its(MS, 0);
	v.it_interval.tv_nsec = -1;
	EXPECT_ERRNO(timer_settime(t, 0, &v, NULL), EINVAL);
	EXPECT_ERRNO(timer_settime(t, 0, BAD_PTR, NULL), EFAULT);
	EXPECT_ERRNO(timer_gettime(t, BAD_PTR), EFAULT);
	EXPECT_EQ(timer_delete(t), 0);
	EXPECT_ERRNO(timer_delete(t), EINVAL);
}

/* Every clock's timers run from the tick: clock_getres says how often. */
static void clock_resolution(void)
{
	static const clockid_t clocks[] = { CLOCK_REALTIME, CLOCK_MONOTONIC,
					    CLOCK_PROCESS_CPUTIME_ID,
					    CLOCK_THREAD_CPUTIME_ID };
	struct timespec res;

	for (int i = 0; i < 4; i++) {
		res = (struct timespec){ -1, -1 };
		EXPECT_EQ(clock_getres(clocks[i], &res), 0);
		EXPECT_EQ(ns(&res), NSEC_PER_SEC / sysconf(_SC_CLK_TCK));
	}
	EXPECT_EQ(clock_getres(CLOCK_MONOTONIC, NULL), 0);
	EXPECT_ERRNO(clock_getres(99, &res), EINVAL);
	EXPECT_ERRNO(clock_getres(CLOCK_MONOTONIC, BAD_PTR), EFAULT);
}

/* times(): clock ticks of sysconf(_SC_CLK_TCK); a waited-for child's too. */
static void times_children(void)
{
	struct tms a, b;
	clock_t t0, t1;
	int status;
	pid_t pid;

	EXPECT_EQ(sysconf(_SC_CLK_TCK), 100);
	t0 = times(&a);
	ASSERT_NE(t0, (clock_t)-1);
	EXPECT_EQ(a.tms_cutime + a.tms_cstime, 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		struct tms c;

		times(&c);
		while (c.tms_utime + c.tms_stime < 3)
			times(&c);
		_exit(0);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	t1 = times(&b);
	EXPECT_NE(t1, (clock_t)-1);
	EXPECT_GE(t1 - t0, 0);
	EXPECT_GE(b.tms_cutime + b.tms_cstime, 3);
}

static volatile int thread_go;

static void *spinner(void *arg)
{
	volatile unsigned long sink = 0;

	while (!thread_go)
		sink++;
	return arg;
}

/* A thread's CPU-time clock, read from another thread, moves while it runs. */
static void thread_cpuclock(void)
{
	clockid_t mine, its_clock;
	struct timespec a, b;
	pthread_t th;

	ASSERT_EQ(pthread_getcpuclockid(pthread_self(), &mine), 0);
	EXPECT_EQ(mine, CLOCK_THREAD_CPUTIME_ID);
	thread_go = 0;
	ASSERT_EQ(pthread_create(&th, NULL, spinner, NULL), 0);
	ASSERT_EQ(pthread_getcpuclockid(th, &its_clock), 0);
	ASSERT_EQ(clock_gettime(its_clock, &a), 0);
	sleep_ms(50);
	ASSERT_EQ(clock_gettime(its_clock, &b), 0);
	EXPECT_GT(ns(&b) - ns(&a), 0);
	EXPECT_EQ(clock_getres(its_clock, &a), 0);
	thread_go = 1;
	EXPECT_EQ(pthread_join(th, NULL), 0);
	EXPECT_EQ(pthread_getcpuclockid(th, &its_clock), ESRCH); /* joined */
}

/* Another process's CPU-time clock (clock_getcpuclockid) reads its time. */
static void process_cpuclock(void)
{
	clockid_t c;
	struct timespec a, b;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0)
		for (volatile unsigned long sink = 0;; sink++)
			;
	ASSERT_EQ(clock_getcpuclockid(pid, &c), 0);
	EXPECT_NE(c, CLOCK_PROCESS_CPUTIME_ID);
	EXPECT_EQ(clock_gettime(c, &a), 0);
	sleep_ms(50);
	EXPECT_EQ(clock_gettime(c, &b), 0);
	EXPECT_GT(ns(&b) - ns(&a), 0);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	EXPECT_ERRNO(clock_gettime(c, &a), EINVAL);
	EXPECT_EQ(clock_getcpuclockid(pid, &c), ESRCH);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(itimer_real_periodic),
	KTAP_CASE(itimer_counts_down),
	KTAP_CASE(alarm_is_itimer_real),
	KTAP_CASE(itimer_virtual),
	KTAP_CASE(itimer_prof),
	KTAP_CASE(itimer_not_inherited),
	KTAP_CASE(itimer_kept_across_exec),
	KTAP_CASE(itimer_errors),
	KTAP_CASE(timer_signal),
	KTAP_CASE(timer_periodic_delete),
	KTAP_CASE(timer_abstime),
	KTAP_CASE(timer_overrun),
	KTAP_CASE(timer_getoverrun_in_handler),
	KTAP_CASE(timer_thread_id),
	KTAP_CASE(timer_sigev_none),
	KTAP_CASE(timer_default_event),
	KTAP_CASE(timer_not_inherited),
	KTAP_CASE(timer_cputime),
	KTAP_CASE(timer_limit_and_exit),
	KTAP_CASE(timer_errors),
	KTAP_CASE(clock_resolution),
	KTAP_CASE(times_children),
	KTAP_CASE(thread_cpuclock),
	KTAP_CASE(process_cpuclock),
};

int main(int argc, char *argv[])
{
	if (argc > 1 && !strcmp(argv[1], "exec"))
		return check_after_exec();
	return ktap_main("timer_test", cases, KTAP_NCASES(cases));
}
