// SPDX-License-Identifier: MIT
/*
 * The timers: setitimer and getitimer (kernel/itimer.c), the POSIX timers
 * timer_create ... timer_delete and clock_getres (kernel/posix_timers.c).
 * newlib's struct itimerval and struct itimerspec are the kernel's
 * struct kernel_itimerval and kernel_itimerspec, under its own names; a
 * timer_t holds the kernel's timer id.
 *
 * SIGEV_THREAD is the library's, as in glibc: the kernel only sends
 * signals.  The first such timer starts a helper thread that blocks every
 * signal and waits for SIGTIMER; each timer is made SIGEV_THREAD_ID with
 * SIGTIMER to the helper, and at each expiry the helper starts a detached
 * thread (with the timer's sigev_notify_attributes) that calls
 * sigev_notify_function(sigev_value).  The helper finds the timer by the
 * signal's si_timerid, and a generation in si_value tells a signal of a
 * deleted timer from one of the timer that took its id since.  fork's
 * child has no timers and no helper: the table starts again there.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "libc.h"

#define SIGTIMER SIGRTMIN /* glibc's choice too */

_Static_assert(sizeof(struct itimerval) == sizeof(struct kernel_itimerval),
	       "newlib's struct itimerval is the kernel's");
_Static_assert(sizeof(struct itimerspec) == sizeof(struct kernel_itimerspec),
	       "newlib's struct itimerspec is the kernel's");

int setitimer(int which, const struct itimerval *value,
	      struct itimerval *ovalue)
{
	return __syscall_ret(__syscall3(SYS_setitimer, which, value, ovalue));
}

int getitimer(int which, struct itimerval *value)
{
	return __syscall_ret(__syscall2(SYS_getitimer, which, value));
}

struct thread_timer {
	void (*function)(union sigval);
	union sigval value;
	pthread_attr_t attr; /* detached, whatever the caller's said */
	int gen;
};

static pthread_mutex_t thread_timers_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t helper_ready = PTHREAD_COND_INITIALIZER;
static struct thread_timer *thread_timers[PAGODA_TIMER_MAX]; /* by id */
static pid_t helper_pid; /* the process whose helper runs; 0: none */
static int helper_tid, next_gen;

struct notification {
	void (*function)(union sigval);
	union sigval value;
};

static void *notify_thread(void *arg)
{
	struct notification n = *(struct notification *)arg;

	free(arg);
	n.function(n.value);
	return NULL;
}

/* Under thread_timers_lock: a notification for the timer the signal names. */
static struct notification *take_notification(const siginfo_t *si)
{
	struct thread_timer *tt;
	struct notification *n;

	if (si->si_code != SI_TIMER || si->si_timerid < 0 ||
	    si->si_timerid >= PAGODA_TIMER_MAX)
		return NULL;
	tt = thread_timers[si->si_timerid];
	if (!tt || tt->gen != si->si_value.sival_int)
		return NULL; /* deleted since the signal was sent */
	n = malloc(sizeof(*n));
	if (n)
		*n = (struct notification){ .function = tt->function,
					    .value = tt->value };
	return n;
}

static void *timer_helper(void *arg)
{
	sigset_t all, set;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGTIMER);
	pthread_mutex_lock(&thread_timers_lock);
	helper_tid = gettid();
	pthread_cond_broadcast(&helper_ready);
	pthread_mutex_unlock(&thread_timers_lock);
	for (;;) {
		struct notification *n;
		pthread_attr_t attr;
		pthread_t th;
		siginfo_t si;

		if (sigwaitinfo(&set, &si) != SIGTIMER)
			continue;
		pthread_mutex_lock(&thread_timers_lock);
		n = take_notification(&si);
		if (n)
			attr = thread_timers[si.si_timerid]->attr;
		pthread_mutex_unlock(&thread_timers_lock);
		if (n && pthread_create(&th, &attr, notify_thread, n))
			free(n);
	}
	return arg;
}

/* Under thread_timers_lock: the helper's thread id, started if need be. */
static int start_helper(void)
{
	pthread_attr_t attr;
	pthread_t th;

	if (helper_pid == getpid())
		return helper_tid;
	/* fork's child: the parent's timers and helper are not here. */
	for (int i = 0; i < PAGODA_TIMER_MAX; i++) {
		free(thread_timers[i]);
		thread_timers[i] = NULL;
	}
	helper_tid = 0;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&th, &attr, timer_helper, NULL))
		return -EAGAIN;
	while (!helper_tid)
		pthread_cond_wait(&helper_ready, &thread_timers_lock);
	helper_pid = getpid();
	return helper_tid;
}

static long create_thread_timer(clockid_t clock, const struct sigevent *sev,
				int *id)
{
	struct thread_timer *tt = malloc(sizeof(*tt));
	struct sigevent kev = { .sigev_notify = SIGEV_THREAD_ID,
				.sigev_signo = SIGTIMER };
	long r = -ENOMEM;

	if (!tt)
		return r;
	*tt = (struct thread_timer){ .function = sev->sigev_notify_function,
				     .value = sev->sigev_value };
	if (sev->sigev_notify_attributes)
		tt->attr = *(pthread_attr_t *)sev->sigev_notify_attributes;
	else
		pthread_attr_init(&tt->attr);
	pthread_attr_setdetachstate(&tt->attr, PTHREAD_CREATE_DETACHED);
	pthread_mutex_lock(&thread_timers_lock);
	r = start_helper();
	if (r > 0) {
		kev.sigev_notify_thread_id = r;
		kev.sigev_value.sival_int = tt->gen = ++next_gen;
		r = __syscall3(SYS_timer_create, clock, &kev, id);
	}
	if (r >= 0)
		thread_timers[*id] = tt;
	pthread_mutex_unlock(&thread_timers_lock);
	if (r < 0)
		free(tt);
	return r;
}

int timer_create(clockid_t clock, struct sigevent *sev, timer_t *timerid)
{
	int id;
	long r;

	if (sev && sev->sigev_notify == SIGEV_THREAD)
		r = create_thread_timer(clock, sev, &id);
	else
		r = __syscall3(SYS_timer_create, clock, sev, &id);
	if (r < 0)
		return __syscall_ret(r);
	*timerid = id;
	return 0;
}

int timer_settime(timer_t timerid, int flags, const struct itimerspec *value,
		  struct itimerspec *ovalue)
{
	return __syscall_ret(__syscall6(SYS_timer_settime, timerid, flags,
					(long)value, (long)ovalue, 0, 0));
}

int timer_gettime(timer_t timerid, struct itimerspec *value)
{
	return __syscall_ret(__syscall2(SYS_timer_gettime, timerid, value));
}

int timer_getoverrun(timer_t timerid)
{
	return __syscall_ret(__syscall1(SYS_timer_getoverrun, timerid));
}

int timer_delete(timer_t timerid)
{
	long r = __syscall1(SYS_timer_delete, timerid);

	/* Its signals still pending find no timer (take_notification). */
	if (r == 0 && timerid < PAGODA_TIMER_MAX && helper_pid == getpid()) {
		pthread_mutex_lock(&thread_timers_lock);
		free(thread_timers[timerid]);
		thread_timers[timerid] = NULL;
		pthread_mutex_unlock(&thread_timers_lock);
	}
	return __syscall_ret(r);
}

int clock_getres(clockid_t clock, struct timespec *res)
{
	return __syscall_ret(__syscall2(SYS_clock_getres, clock, res));
}
