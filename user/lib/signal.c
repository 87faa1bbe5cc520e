// SPDX-License-Identifier: MIT
/*
 * Signals: the system calls (kernel/signal.c), the sigset_t helpers and
 * abort() (newlib's gives up after one SIGABRT a handler survived).
 * sigaction() adds SA_RESTORER and the arch's restorer to every handler,
 * as glibc does: the kernel makes that trampoline the handler's return
 * address, and it calls sigreturn.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "libc.h"

void __restore_rt(void);

int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	struct sigaction k;

	if (act) {
		k = *act;
		k.sa_flags |= SA_RESTORER;
		k.sa_restorer = __restore_rt;
		act = &k;
	}
	return __syscall_ret(__syscall3(SYS_sigaction, sig, act, oact));
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler,
				 .sa_flags = SA_RESTART },
			 old;

	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return __syscall_ret(__syscall3(SYS_sigprocmask, how, set, oset));
}

int sigpending(sigset_t *set)
{
	return __syscall_ret(__syscall1(SYS_sigpending, set));
}

int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall1(SYS_sigsuspend, mask));
}

int sigtimedwait(const sigset_t *set, siginfo_t *info,
		 const struct timespec *timeout)
{
	return __syscall_ret(__syscall3(SYS_sigtimedwait, set, info, timeout));
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return sigtimedwait(set, info, NULL);
}

/* POSIX: the error number comes back as the result, errno untouched. */
int sigwait(const sigset_t *set, int *sig)
{
	long r = __syscall3(SYS_sigtimedwait, set, NULL, NULL);

	if (r < 0)
		return (int)-r;
	*sig = (int)r;
	return 0;
}

/* The kernel fills in the sender's pid; the rest is Linux's sigqueue. */
int sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t si = { .si_signo = sig,
			 .si_code = SI_QUEUE,
			 .si_value = value };

	return __syscall_ret(__syscall3(SYS_sigqueueinfo, pid, sig, &si));
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
	return __syscall_ret(__syscall2(SYS_sigaltstack, ss, old));
}

int pause(void)
{
	sigset_t mask;

	sigprocmask(SIG_BLOCK, NULL, &mask);
	return sigsuspend(&mask);
}

unsigned int alarm(unsigned int seconds)
{
	return __syscall1(SYS_alarm, seconds);
}

static int bad_signal(int sig)
{
	if (sig >= 1 && sig < NSIG)
		return 0;
	errno = EINVAL;
	return -1;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ~0ULL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	*set |= 1ULL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	*set &= ~(1ULL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return (*set >> (sig - 1)) & 1;
}

/*
 * Here rather than newlib's (kill(getpid(), sig) through its reentrant
 * layer): one call deep, which matters on a nearly full signal stack.
 */
int raise(int sig)
{
	return kill(getpid(), sig);
}

void abort(void)
{
	/*
	 * SIGABRT, even if blocked; a handler that returns does not stop it
	 * (POSIX), so the second time it is the default action.  No stdio
	 * flushing: abort() is called when the program's state may be broken.
	 */
	static const char msg[] = "abort\n";
	sigset_t set = 0;

	write(STDERR_FILENO, msg, sizeof(msg) - 1);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(134); /* not reached */
}
