// SPDX-License-Identifier: MIT
/*
 * sched_test: the scheduling policies (kernel/sched.c,
 * kernel/sched_syscalls.c).  A SCHED_FIFO or SCHED_RR task runs before
 * any SCHED_OTHER task, the higher priority first; FIFO runs until it
 * blocks or yields, RR takes turns at its quantum; fork passes the policy
 * on; only root may take a real-time policy.
 *
 * Each case first pins itself to CPU 0 (sched_setaffinity, which its
 * children inherit), so that which of its tasks runs is decided by the
 * policies alone, however many CPUs the machine has.  No case asserts a
 * timing: each checks an order of events its tasks record in shared
 * memory.  A case that waits for something to happen waits in steps of
 * 10 ms and gives up after 20 s -- what a broken policy would make it do.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

struct shared {
	volatile int log[8]; /* what the tasks did, in order */
	volatile int n;
	volatile long count[2]; /* two spinners' steps */
	volatile int seen[2];	/* times a spinner saw the other move */
	volatile int stop;
};

static struct shared *shared_page(void)
{
	void *p = mmap(NULL, sizeof(struct shared), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void note(struct shared *s, int what)
{
	s->log[s->n++] = what;
}

static int pin_to_cpu0(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

static int set_policy(pid_t pid, int policy, int prio)
{
	struct sched_param p = { .sched_priority = prio };

	return sched_setscheduler(pid, policy, &p);
}

static int my_priority(void)
{
	struct sched_param p = { .sched_priority = -1 };

	return sched_getparam(0, &p) ? -1 : p.sched_priority;
}

/* A case's start: its shared page, and itself pinned and SCHED_FIFO at prio. */
static struct shared *start_fifo(int prio)
{
	struct shared *s = shared_page();

	if (!s || pin_to_cpu0() || set_policy(0, SCHED_FIFO, prio))
		return NULL;
	return s;
}

static int wait_exit_status(pid_t pid)
{
	int ws;

	if (waitpid(pid, &ws, 0) != pid || !WIFEXITED(ws))
		return -1;
	return WEXITSTATUS(ws);
}

/* Wait (10 ms steps, 20 s at most) until *flag is at least n; whether it came. */
static bool wait_for(volatile int *flag, int n)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (int i = 0; i < 2000 && *flag < n; i++)
		nanosleep(&tick, NULL);
	return *flag >= n;
}

/*
 * A SCHED_OTHER child made runnable while a FIFO task holds the CPU does
 * not run, not even when the FIFO task yields; made FIFO above it, it
 * runs at once -- before sched_setscheduler has returned to the caller.
 */
static void fifo_preempts_other(void)
{
	struct shared *s = shared_page();
	int go[2];
	pid_t child;
	char c;

	ASSERT_TRUE(s);
	ASSERT_EQ(pin_to_cpu0(), 0);
	ASSERT_EQ(pipe(go), 0);
	child = fork();
	if (child == 0) {
		read(go[0], &c, 1);
		note(s, 1);
		_exit(0);
	}
	ASSERT_GT(child, 0);
	ASSERT_EQ(set_policy(0, SCHED_FIFO, 10), 0);
	EXPECT_EQ(write(go[1], "x", 1), 1);
	EXPECT_EQ(sched_yield(), 0);
	EXPECT_EQ(s->n, 0);
	EXPECT_EQ(set_policy(child, SCHED_FIFO, 20), 0);
	EXPECT_EQ(s->n, 1);
	EXPECT_EQ(wait_exit_status(child), 0);
}

/* Three FIFO children below their parent run by priority once it blocks. */
static void priorities_ordered(void)
{
	static const int prio[3] = { 10, 30, 20 };
	struct shared *s = start_fifo(50);
	pid_t pid[3];

	ASSERT_TRUE(s);
	for (int i = 0; i < 3; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			note(s, my_priority());
			_exit(0);
		}
		ASSERT_GT(pid[i], 0);
		EXPECT_EQ(set_policy(pid[i], SCHED_FIFO, prio[i]), 0);
	}
	EXPECT_EQ(s->n, 0); /* none ran: all are below the parent */
	for (int i = 0; i < 3; i++)
		EXPECT_EQ(wait_exit_status(pid[i]), 0);
	ASSERT_EQ(s->n, 3);
	EXPECT_EQ(s->log[0], 30);
	EXPECT_EQ(s->log[1], 20);
	EXPECT_EQ(s->log[2], 10);
}

/*
 * Two FIFO children of one priority, in the order fork queued them: each
 * runs until it yields, which puts it behind the other.
 */
static void fifo_yield_goes_behind(void)
{
	struct shared *s = start_fifo(10);
	pid_t pid[2];

	ASSERT_TRUE(s);
	for (int i = 0; i < 2; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			note(s, i);
			sched_yield();
			note(s, i);
			_exit(0);
		}
		ASSERT_GT(pid[i], 0);
	}
	/* Above them now: they wait, in the order they were queued. */
	EXPECT_EQ(set_policy(0, SCHED_FIFO, 20), 0);
	EXPECT_EQ(s->n, 0);
	for (int i = 0; i < 2; i++)
		EXPECT_EQ(wait_exit_status(pid[i]), 0);
	ASSERT_EQ(s->n, 4);
	EXPECT_EQ(s->log[0], 0);
	EXPECT_EQ(s->log[1], 1);
	EXPECT_EQ(s->log[2], 0);
	EXPECT_EQ(s->log[3], 1);
}

/* Spin until told to stop, counting the times the other spinner moved. */
static void __attribute__((noreturn)) spin_and_watch(struct shared *s, int me)
{
	long last = s->count[!me];

	while (!s->stop) {
		s->count[me]++;
		if (s->count[!me] != last) {
			last = s->count[!me];
			s->seen[me]++;
		}
	}
	_exit(0);
}

/* Two spinners, queued in order at the caller's policy and priority. */
static void fork_spinners(struct shared *s, pid_t pid[2])
{
	for (int i = 0; i < 2; i++) {
		pid[i] = fork();
		if (pid[i] == 0)
			spin_and_watch(s, i);
		EXPECT_GT(pid[i], 0);
	}
}

static void stop_spinners(struct shared *s, pid_t pid[2])
{
	s->stop = 1;
	for (int i = 0; i < 2; i++)
		EXPECT_EQ(wait_exit_status(pid[i]), 0);
}

/*
 * RR spinners of one priority take turns, under a parent above them that
 * sleeps: each sees the other move, again and again.
 */
static void rr_rotates(void)
{
	struct shared *s = start_fifo(30);
	struct timespec quantum;
	pid_t pid[2];

	ASSERT_TRUE(s);
	ASSERT_EQ(set_policy(0, SCHED_RR, 10), 0);
	fork_spinners(s, pid);
	EXPECT_EQ(set_policy(0, SCHED_FIFO, 30), 0);
	wait_for(&s->seen[0], 3);
	wait_for(&s->seen[1], 3);
	stop_spinners(s, pid);
	EXPECT_GE(s->seen[0], 3);
	EXPECT_GE(s->seen[1], 3);
	EXPECT_EQ(set_policy(0, SCHED_RR, 30), 0);
	EXPECT_EQ(sched_rr_get_interval(0, &quantum), 0);
	EXPECT_TRUE(quantum.tv_sec > 0 || quantum.tv_nsec > 0);
}

/*
 * FIFO spinners do not take turns: the first queued runs while the parent
 * sleeps, the second never does -- until the parent tells them to stop
 * and the first exits.
 */
static void fifo_does_not_rotate(void)
{
	struct shared *s = start_fifo(10);
	struct timespec t = { 0, 300 * 1000 * 1000 }; /* six RR quanta */
	pid_t pid[2];

	ASSERT_TRUE(s);
	fork_spinners(s, pid);
	EXPECT_EQ(set_policy(0, SCHED_FIFO, 30), 0);
	nanosleep(&t, NULL);
	EXPECT_GT(s->count[0], 0);
	EXPECT_EQ(s->count[1], 0);
	EXPECT_EQ(s->seen[0], 0);
	stop_spinners(s, pid);
}

/* fork passes on the policy, the priority and the CPU mask. */
static void fork_inherits_policy(void)
{
	cpu_set_t set;
	pid_t child;

	ASSERT_EQ(pin_to_cpu0(), 0);
	ASSERT_EQ(set_policy(0, SCHED_RR, 7), 0);
	child = fork();
	if (child == 0) {
		EXPECT_EQ(sched_getscheduler(0), SCHED_RR);
		EXPECT_EQ(my_priority(), 7);
		EXPECT_EQ(sched_getaffinity(0, sizeof(set), &set), 0);
		EXPECT_EQ(CPU_COUNT(&set), 1);
		EXPECT_TRUE(CPU_ISSET(0, &set));
		ktap_child_exit();
	}
	ASSERT_GT(child, 0);
	EXPECT_EQ(wait_exit_status(child), 0);
}

/*
 * Not root: no real-time policy, and no raising a real-time priority
 * (RLIMIT_RTPRIO is 0); lowering one, or going back to SCHED_OTHER, is
 * allowed; a task of another user cannot be changed at all.
 */
static void nonroot_eperm(void)
{
	ASSERT_EQ(set_policy(0, SCHED_FIFO, 10), 0);
	ASSERT_EQ(setuid(1000), 0);
	EXPECT_EQ(set_policy(0, SCHED_FIFO, 5), 0);
	EXPECT_ERRNO(set_policy(0, SCHED_FIFO, 6), EPERM);
	EXPECT_ERRNO(set_policy(0, SCHED_RR, 5), EPERM);
	EXPECT_EQ(set_policy(0, SCHED_OTHER, 0), 0);
	EXPECT_ERRNO(set_policy(0, SCHED_FIFO, 1), EPERM);
	EXPECT_ERRNO(set_policy(1, SCHED_OTHER, 0), EPERM); /* init's */
	EXPECT_EQ(sched_getscheduler(1), SCHED_OTHER); /* reading is free */
}

static void bad_arguments(void)
{
	struct sched_param p = { 0 };
	cpu_set_t none;

	EXPECT_ERRNO(set_policy(0, 42, 0), EINVAL);
	EXPECT_ERRNO(set_policy(0, SCHED_FIFO, 0), EINVAL);
	EXPECT_ERRNO(set_policy(0, SCHED_RR, 100), EINVAL);
	EXPECT_ERRNO(set_policy(0, SCHED_OTHER, 1), EINVAL);
	EXPECT_ERRNO(set_policy(-1, SCHED_OTHER, 0), EINVAL);
	EXPECT_ERRNO(set_policy(99999, SCHED_OTHER, 0), ESRCH);
	EXPECT_ERRNO(sched_setscheduler(0, SCHED_OTHER, NULL), EINVAL);
	EXPECT_ERRNO(sched_setparam(0, NULL), EINVAL);
	p.sched_priority = 1;
	EXPECT_ERRNO(sched_setparam(0, &p), EINVAL); /* SCHED_OTHER takes 0 */
	EXPECT_ERRNO(sched_getscheduler(-1), EINVAL);
	EXPECT_ERRNO(sched_getscheduler(99999), ESRCH);
	EXPECT_ERRNO(sched_getparam(0, NULL), EINVAL);
	EXPECT_EQ(sched_get_priority_min(SCHED_FIFO), 1);
	EXPECT_EQ(sched_get_priority_max(SCHED_RR), 99);
	EXPECT_EQ(sched_get_priority_max(SCHED_OTHER), 0);
	EXPECT_ERRNO(sched_get_priority_max(42), EINVAL);
	CPU_ZERO(&none);
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(none), &none), EINVAL);
	EXPECT_ERRNO(sched_setaffinity(99999, sizeof(none), &none), ESRCH);
	EXPECT_ERRNO(sched_getaffinity(0, 3, &none), EINVAL);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(fifo_preempts_other),	   KTAP_CASE(priorities_ordered),
	KTAP_CASE(fifo_yield_goes_behind), KTAP_CASE(rr_rotates),
	KTAP_CASE(fifo_does_not_rotate),   KTAP_CASE(fork_inherits_policy),
	KTAP_CASE(nonroot_eperm),	   KTAP_CASE(bad_arguments),
};

int main(void)
{
	return ktap_main("sched_test", cases, KTAP_NCASES(cases));
}
