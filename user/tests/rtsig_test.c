// SPDX-License-Identifier: MIT
/*
 * rtsig_test: POSIX real-time signals (kernel/signal.c's queue, sigqueue,
 * sigtimedwait) and the 64-bit signal mask on every port.
 *
 * Each instance of a real-time signal sent is queued with its value and
 * delivered once, oldest first, the lowest signal number first; a classic
 * signal sent twice while blocked is delivered once.  si_code, si_value and
 * si_pid reach a SA_SIGINFO handler and sigtimedwait.  A process may have
 * SIGQUEUE_MAX queued, after which sigqueue fails with EAGAIN; SIG_IGN
 * discards the queue, and a process that exits with signals queued leaves
 * no memory behind.  sigtimedwait times out with EAGAIN and refuses a bad
 * timespec.  An uncaught real-time signal kills.  The mask's high half
 * (signals 33 to 64) survives a signal frame, sigsuspend and pselect --
 * what a 32-bit mask on ARM would lose -- and sigsetjmp / siglongjmp
 * restore the whole mask (user/lib/sigsetjmp.c).
 */
#include <errno.h>
#include <limits.h>
#include <pagoda/syscall.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/select.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define MAX_SEEN 64

/* What the handlers saw, in the order they ran. */
static volatile int nseen;
static volatile int seen_sig[MAX_SEEN], seen_code[MAX_SEEN],
	seen_value[MAX_SEEN], seen_pid[MAX_SEEN];

static void record(int sig, siginfo_t *si, void *uc)
{
	int i = nseen;

	if (i >= MAX_SEEN)
		return;
	seen_sig[i] = si->si_signo;
	seen_code[i] = si->si_code;
	seen_value[i] = si->si_value.sival_int;
	seen_pid[i] = si->si_pid;
	nseen = i + 1;
}

/* record for sig, with every signal blocked while it runs: no nesting. */
static int catch_signal(int sig)
{
	struct sigaction sa = { .sa_sigaction = record,
				.sa_flags = SA_SIGINFO };

	sigfillset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

static int block(int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	return sigprocmask(SIG_BLOCK, &set, NULL);
}

static void unblock_all(void)
{
	sigset_t none;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

static int queue(int sig, int value)
{
	union sigval v = { .sival_int = value };

	return sigqueue(getpid(), sig, v);
}

/* A sigtimedwait that does not wait: the signal taken, or -1 (EAGAIN). */
static int take(int sig, siginfo_t *si)
{
	static const struct timespec now = { 0, 0 };
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	return sigtimedwait(&set, si, &now);
}

/* The numbers, the limits and the option, as POSIX names them. */
static void constants(void)
{
	EXPECT_EQ(SIGRTMIN, 32);
	EXPECT_EQ(SIGRTMAX, 64);
	EXPECT_EQ(NSIG, 65);
	EXPECT_EQ(sizeof(sigset_t), 8);
	EXPECT_EQ(RTSIG_MAX, SIGRTMAX - SIGRTMIN + 1);
	EXPECT_EQ(sysconf(_SC_RTSIG_MAX), RTSIG_MAX);
	EXPECT_EQ(sysconf(_SC_SIGQUEUE_MAX), SIGQUEUE_MAX);
	EXPECT_GE(SIGQUEUE_MAX, 32); /* _POSIX_SIGQUEUE_MAX */
	EXPECT_GT(sysconf(_SC_REALTIME_SIGNALS), 0);
	EXPECT_GT(_POSIX_REALTIME_SIGNALS, 0);
}

/*
 * Five instances of a blocked real-time signal are five deliveries, in
 * the order sent, each with its value; three of a classic signal are one.
 */
static void instances_counted(void)
{
	int sig = SIGRTMIN + 1;
	sigset_t pending;

	ASSERT_EQ(catch_signal(sig), 0);
	ASSERT_EQ(catch_signal(SIGUSR1), 0);
	ASSERT_EQ(block(sig), 0);
	ASSERT_EQ(block(SIGUSR1), 0);
	for (int i = 1; i <= 5; i++)
		ASSERT_EQ(queue(sig, i), 0);
	for (int i = 0; i < 3; i++)
		ASSERT_EQ(raise(SIGUSR1), 0);
	EXPECT_EQ(nseen, 0);
	ASSERT_EQ(sigpending(&pending), 0);
	EXPECT_EQ(sigismember(&pending, sig), 1);
	EXPECT_EQ(sigismember(&pending, SIGUSR1), 1);
	unblock_all();
	ASSERT_EQ(nseen, 6);
	EXPECT_EQ(seen_sig[0], SIGUSR1);
	EXPECT_EQ(seen_code[0], SI_USER);
	for (int i = 1; i <= 5; i++) {
		EXPECT_EQ(seen_sig[i], sig);
		EXPECT_EQ(seen_code[i], SI_QUEUE);
		EXPECT_EQ(seen_value[i], i);
		EXPECT_EQ(seen_pid[i], getpid());
	}
	ASSERT_EQ(sigpending(&pending), 0);
	EXPECT_EQ(sigismember(&pending, sig), 0);
}

/*
 * Pending signals are delivered lowest number first, whatever the order
 * they were sent in; sigtimedwait takes them in the same order.
 */
static void lowest_first(void)
{
	static const int order[] = { 0, 5, 0, 32, 1 }; /* SIGRTMIN + n */
	static const struct timespec now = { 0, 0 };
	siginfo_t si;
	sigset_t all;
	int sig;

	sigfillset(&all);
	for (int round = 0; round < 2; round++) {
		sigprocmask(SIG_BLOCK, &all, NULL);
		nseen = 0;
		for (unsigned int i = 0; i < 5; i++) {
			ASSERT_EQ(catch_signal(SIGRTMIN + order[i]), 0);
			ASSERT_EQ(queue(SIGRTMIN + order[i], (int)i), 0);
		}
		ASSERT_EQ(catch_signal(SIGUSR2), 0);
		ASSERT_EQ(raise(SIGUSR2), 0);
		/* Round 0: the handlers take them; round 1: sigtimedwait. */
		while (round == 1 && nseen < MAX_SEEN &&
		       (sig = sigtimedwait(&all, &si, &now)) > 0) {
			seen_sig[nseen] = sig;
			seen_value[nseen] = si.si_value.sival_int;
			nseen++;
		}
		unblock_all();
		ASSERT_EQ(nseen, 6);
		EXPECT_EQ(seen_sig[0], SIGUSR2);
		EXPECT_EQ(seen_sig[1], SIGRTMIN);
		EXPECT_EQ(seen_value[1], 0);
		EXPECT_EQ(seen_sig[2], SIGRTMIN);
		EXPECT_EQ(seen_value[2], 2);
		EXPECT_EQ(seen_sig[3], SIGRTMIN + 1);
		EXPECT_EQ(seen_sig[4], SIGRTMIN + 5);
		EXPECT_EQ(seen_sig[5], SIGRTMAX);
		EXPECT_EQ(seen_value[5], 3);
	}
}

/* sigtimedwait reports the sender, the code and the value; sival_ptr too. */
static void info_in_sigtimedwait(void)
{
	int sig = SIGRTMIN + 2;
	static int target;
	union sigval v = { .sival_ptr = &target };
	siginfo_t si;
	sigset_t set;
	pid_t child;
	int status;

	ASSERT_EQ(block(sig), 0);
	ASSERT_EQ(sigqueue(getpid(), sig, v), 0);
	memset(&si, 0xff, sizeof(si));
	EXPECT_EQ(take(sig, &si), sig);
	EXPECT_EQ(si.si_signo, sig);
	EXPECT_EQ(si.si_code, SI_QUEUE);
	EXPECT_EQ(si.si_pid, getpid());
	EXPECT_TRUE(si.si_ptr == &target);

	child = fork();
	ASSERT_GE(child, 0);
	if (child == 0) {
		v.sival_int = 77;
		_exit(sigqueue(getppid(), sig, v) ? 1 : 0);
	}
	ASSERT_EQ(waitpid(child, &status, 0), child);
	EXPECT_EQ(status, 0);
	memset(&si, 0, sizeof(si));
	sigemptyset(&set);
	sigaddset(&set, sig);
	EXPECT_EQ(sigwaitinfo(&set, &si), sig);
	EXPECT_EQ(si.si_pid, child);
	EXPECT_EQ(si.si_int, 77);
	EXPECT_EQ(si.si_code, SI_QUEUE);
	/* kill's real-time signal is queued too, as SI_USER. */
	ASSERT_EQ(kill(getpid(), sig), 0);
	EXPECT_EQ(take(sig, &si), sig);
	EXPECT_EQ(si.si_code, SI_USER);
	EXPECT_EQ(si.si_pid, getpid());
}

/*
 * SIGQUEUE_MAX instances fit, in any real-time signals; one more is
 * EAGAIN, until one is taken.  kill still succeeds (it has no EAGAIN).
 */
static void queue_full(void)
{
	siginfo_t si;
	int n = 0;

	ASSERT_EQ(block(SIGRTMIN), 0);
	ASSERT_EQ(block(SIGRTMIN + 3), 0);
	while (n < 1000 && queue(n % 2 ? SIGRTMIN : SIGRTMIN + 3, n) == 0)
		n++;
	EXPECT_EQ(errno, EAGAIN);
	EXPECT_EQ(n, SIGQUEUE_MAX);
	EXPECT_ERRNO(queue(SIGRTMIN, -1), EAGAIN);
	EXPECT_EQ(kill(getpid(), SIGRTMIN), 0);
	EXPECT_EQ(take(SIGRTMIN + 3, &si), SIGRTMIN + 3);
	EXPECT_EQ(si.si_int, 0);
	EXPECT_EQ(queue(SIGRTMIN, 1000), 0);
	EXPECT_ERRNO(queue(SIGRTMIN, -1), EAGAIN);
	/* The rest, each once, in order: SIGRTMIN's odd values, then 1000. */
	for (int i = 1; i < SIGQUEUE_MAX; i += 2) {
		EXPECT_EQ(take(SIGRTMIN, &si), SIGRTMIN);
		EXPECT_EQ(si.si_int, i);
	}
	EXPECT_EQ(take(SIGRTMIN, &si), SIGRTMIN);
	EXPECT_EQ(si.si_int, 1000);
	EXPECT_ERRNO(take(SIGRTMIN, &si), EAGAIN);
	for (int i = 2; i < SIGQUEUE_MAX; i += 2) {
		EXPECT_EQ(take(SIGRTMIN + 3, &si), SIGRTMIN + 3);
		EXPECT_EQ(si.si_int, i);
	}
	EXPECT_ERRNO(take(SIGRTMIN + 3, &si), EAGAIN);
}

/* Ignoring a real-time signal discards its queue, and frees its places. */
static void ignore_discards(void)
{
	int sig = SIGRTMIN + 4;
	sigset_t pending;

	ASSERT_EQ(block(sig), 0);
	for (int i = 0; i < SIGQUEUE_MAX; i++)
		ASSERT_EQ(queue(sig, i), 0);
	ASSERT_EQ(signal(sig, SIG_IGN), SIG_DFL);
	ASSERT_EQ(sigpending(&pending), 0);
	EXPECT_EQ(sigismember(&pending, sig), 0);
	ASSERT_EQ(catch_signal(sig), 0);
	unblock_all();
	EXPECT_EQ(nseen, 0);
	ASSERT_EQ(block(sig), 0);
	for (int i = 0; i < SIGQUEUE_MAX; i++)
		ASSERT_EQ(queue(sig, i), 0);
}

/* sigtimedwait: EAGAIN when the time is up, EINVAL for a bad timespec. */
static void timedwait_timeout(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	sigset_t set;
	siginfo_t si;
	int sig = 0;

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN + 5);
	sigprocmask(SIG_BLOCK, &set, NULL);
	EXPECT_ERRNO(sigtimedwait(&set, &si, &ts), EAGAIN);
	ts.tv_nsec = 0;
	EXPECT_ERRNO(sigtimedwait(&set, &si, &ts), EAGAIN);
	ts.tv_nsec = 1000000000;
	EXPECT_ERRNO(sigtimedwait(&set, &si, &ts), EINVAL);
	ts.tv_nsec = -1;
	EXPECT_ERRNO(sigtimedwait(&set, &si, &ts), EINVAL);
	ts = (struct timespec){ -1, 0 };
	EXPECT_ERRNO(sigtimedwait(&set, &si, &ts), EINVAL);
	EXPECT_ERRNO(sigtimedwait(&set, &si, (void *)1), EFAULT);
	EXPECT_ERRNO(sigtimedwait((void *)1, &si, NULL), EFAULT);
	/* A signal already there is taken however short the timeout. */
	ts = (struct timespec){ 0, 0 };
	ASSERT_EQ(queue(SIGRTMIN + 5, 9), 0);
	EXPECT_EQ(sigtimedwait(&set, &si, &ts), SIGRTMIN + 5);
	EXPECT_EQ(si.si_int, 9);
	/* sigwait takes it too, and returns the error number itself. */
	ASSERT_EQ(queue(SIGRTMIN + 5, 10), 0);
	EXPECT_EQ(sigwait(&set, &sig), 0);
	EXPECT_EQ(sig, SIGRTMIN + 5);
}

/* sigqueue's errors: as kill's, and a si_code only the kernel may use. */
static void sigqueue_errors(void)
{
	union sigval v = { 0 };
	siginfo_t si = { .si_code = SI_USER };
	pid_t child;
	int status;

	EXPECT_ERRNO(sigqueue(getpid(), NSIG, v), EINVAL);
	EXPECT_ERRNO(sigqueue(getpid(), -1, v), EINVAL);
	EXPECT_ERRNO(sigqueue(99999, SIGRTMIN, v), ESRCH);
	EXPECT_ERRNO(sigqueue(-1, SIGRTMIN, v), ESRCH);
	EXPECT_ERRNO(sigqueue(1, SIGRTMIN, v), EPERM);
	EXPECT_EQ(sigqueue(getpid(), 0, v), 0);
	EXPECT_ERRNO(syscall(SYS_sigqueueinfo, getpid(), SIGRTMIN, NULL),
		     EFAULT);
	child = fork();
	ASSERT_GE(child, 0);
	if (child == 0) {
		pause();
		_exit(1);
	}
	/* Claiming to be kill (SI_USER) or the kernel: only to oneself. */
	EXPECT_ERRNO(syscall(SYS_sigqueueinfo, child, SIGTERM, &si), EPERM);
	si.si_code = SI_KERNEL;
	EXPECT_ERRNO(syscall(SYS_sigqueueinfo, child, SIGTERM, &si), EPERM);
	si.si_code = SI_TKILL;
	EXPECT_ERRNO(syscall(SYS_sigqueueinfo, child, SIGTERM, &si), EPERM);
	si.si_code = SI_QUEUE;
	si.si_pid = 1; /* a lie the kernel does not pass on */
	EXPECT_EQ(syscall(SYS_sigqueueinfo, child, SIGTERM, &si), 0);
	ASSERT_EQ(waitpid(child, &status, 0), child);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGTERM);

	ASSERT_EQ(catch_signal(SIGUSR1), 0);
	si.si_code = SI_USER;
	EXPECT_EQ(syscall(SYS_sigqueueinfo, getpid(), SIGUSR1, &si), 0);
	ASSERT_EQ(nseen, 1);
	EXPECT_EQ(seen_code[0], SI_USER);
	EXPECT_EQ(seen_pid[0], getpid());
}

static void queue_to_self(void)
{
	queue(SIGRTMIN + 6, 1);
}

static void kill_to_self(void)
{
	kill(getpid(), SIGRTMAX);
}

/* An uncaught real-time signal ends the process (POSIX's default). */
static void rt_default_kills(void)
{
	int status = ktap_child_status(queue_to_self);

	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGRTMIN + 6);
	status = ktap_child_status(kill_to_self);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGRTMAX);
}

static long free_pages(void)
{
	struct sysinfo si;

	return sysinfo(&si) < 0 ? -1 : (long)(si.freeram / si.page_size);
}

/* Fill the queue, then exit (or be killed) with it full. */
static void die_with_a_full_queue(void)
{
	block(SIGRTMIN);
	for (int i = 0; i < SIGQUEUE_MAX; i++)
		queue(SIGRTMIN, i);
	_exit(0);
}

/*
 * A process that ends with signals queued frees them: many such, their
 * queues full, leave the free-page count where it was.  (Each queue is
 * 32 allocations; 64 processes leaking theirs would lose pages.)
 */
static void no_leak_at_exit(void)
{
	union sigval v = { 0 };
	long before = 0;

	/* Blocked in the children from the start: the parent's are queued. */
	ASSERT_EQ(block(SIGRTMIN + 1), 0);
	/* Two rounds first, for the allocator's caches, then count. */
	for (int i = 0; i < 66; i++) {
		pid_t pid = fork();
		int status;

		ASSERT_GE(pid, 0);
		if (pid == 0) {
			if (i % 2)
				die_with_a_full_queue();
			for (;;)
				pause();
		}
		/* The other half: queued to by the parent, then killed. */
		if (i % 2 == 0) {
			int sent = 0;

			while (sent < 1000 &&
			       sigqueue(pid, SIGRTMIN + 1, v) == 0)
				sent++;
			EXPECT_EQ(sent, SIGQUEUE_MAX);
			kill(pid, SIGKILL);
		}
		ASSERT_EQ(waitpid(pid, &status, 0), pid);
		if (i == 1)
			before = free_pages();
	}
	EXPECT_GE(free_pages(), before);
}

/*
 * The high half of the mask (SIGRTMAX is bit 63) survives a handler's
 * frame and sigreturn, and the frame's uc_sigmask shows it.
 */
static volatile int frame_saw_rtmax, handler_blocked_rtmax;

static void look_at_frame(int sig, siginfo_t *si, void *uc)
{
	sigset_t now;

	frame_saw_rtmax =
		sigismember(&((ucontext_t *)uc)->uc_sigmask, SIGRTMAX);
	sigprocmask(SIG_BLOCK, NULL, &now);
	handler_blocked_rtmax = sigismember(&now, SIGRTMAX);
}

static void mask_high_half(void)
{
	struct sigaction sa = { .sa_sigaction = look_at_frame,
				.sa_flags = SA_SIGINFO };
	struct timespec ts = { 5, 0 };
	sigset_t now, wait_mask;

	ASSERT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	ASSERT_EQ(block(SIGRTMAX), 0);
	ASSERT_EQ(raise(SIGUSR1), 0);
	EXPECT_EQ(frame_saw_rtmax, 1);
	EXPECT_EQ(handler_blocked_rtmax, 1);
	sigprocmask(SIG_BLOCK, NULL, &now);
	EXPECT_EQ(sigismember(&now, SIGRTMAX), 1);

	/* sigsuspend with SIGRTMAX unblocked takes the queued one. */
	ASSERT_EQ(catch_signal(SIGRTMAX), 0);
	ASSERT_EQ(block(SIGRTMIN + 1), 0);
	ASSERT_EQ(queue(SIGRTMAX, 5), 0);
	wait_mask = now;
	sigdelset(&wait_mask, SIGRTMAX);
	EXPECT_ERRNO(sigsuspend(&wait_mask), EINTR);
	ASSERT_EQ(nseen, 1);
	EXPECT_EQ(seen_value[0], 5);
	sigprocmask(SIG_BLOCK, NULL, &now);
	EXPECT_EQ(sigismember(&now, SIGRTMAX), 1);
	EXPECT_EQ(sigismember(&now, SIGRTMIN + 1), 1);

	/* pselect's mask the same way. */
	ASSERT_EQ(queue(SIGRTMAX, 6), 0);
	EXPECT_ERRNO(pselect(0, NULL, NULL, NULL, &ts, &wait_mask), EINTR);
	ASSERT_EQ(nseen, 2);
	EXPECT_EQ(seen_value[1], 6);
	sigprocmask(SIG_BLOCK, NULL, &now);
	EXPECT_EQ(sigismember(&now, SIGRTMAX), 1);
}

/*
 * sigsetjmp(env, 1) keeps the mask and siglongjmp puts it back, high half
 * included: leaving a handler by siglongjmp unblocks the handler's signal.
 * With savemask 0 the mask is left as it is.
 */
static sigjmp_buf jump;
static volatile int jumps;

static void jump_out(int sig)
{
	jumps++;
	siglongjmp(jump, sig);
}

static int blocked(int sig)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, sig);
}

static void sigsetjmp_mask(void)
{
	struct sigaction sa = { .sa_handler = jump_out };

	ASSERT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	ASSERT_EQ(block(SIGRTMAX), 0);
	if (sigsetjmp(jump, 1) == 0) {
		raise(SIGUSR1);
		ktap_fail(__FILE__, __LINE__, "the handler did not jump");
	}
	EXPECT_EQ(jumps, 1);
	EXPECT_EQ(blocked(SIGUSR1), 0);
	EXPECT_EQ(blocked(SIGRTMAX), 1);

	/* From plain code, after the mask changed: the saved one again. */
	if (sigsetjmp(jump, 1) == 0) {
		unblock_all();
		ASSERT_EQ(block(SIGRTMIN + 7), 0);
		siglongjmp(jump, 0);
	}
	EXPECT_EQ(blocked(SIGRTMIN + 7), 0);
	EXPECT_EQ(blocked(SIGRTMAX), 1);

	/* savemask 0: out of the handler, its mask stays. */
	if (sigsetjmp(jump, 0) == 0)
		raise(SIGUSR1);
	EXPECT_EQ(jumps, 2);
	EXPECT_EQ(blocked(SIGUSR1), 1);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(constants),	      KTAP_CASE(instances_counted),
	KTAP_CASE(lowest_first),      KTAP_CASE(info_in_sigtimedwait),
	KTAP_CASE(queue_full),	      KTAP_CASE(ignore_discards),
	KTAP_CASE(timedwait_timeout), KTAP_CASE(sigqueue_errors),
	KTAP_CASE(rt_default_kills),  KTAP_CASE(no_leak_at_exit),
	KTAP_CASE(mask_high_half),    KTAP_CASE(sigsetjmp_mask),
};

int main(void)
{
	return ktap_main("rtsig_test", cases, KTAP_NCASES(cases));
}
