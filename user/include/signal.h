/* SPDX-License-Identifier: MIT */
/*
 * <signal.h>: POSIX signals.  The numbers, struct sigaction, siginfo_t,
 * sigset_t and stack_t are the kernel's (pagoda/abi.h, Linux's values and
 * layouts); a handler's ucontext is the arch's (asm/sigcontext.h).
 * sigaction() always installs the library's restorer (user/lib/arch/<arch>/
 * sigreturn.S), the trampoline a handler returns to, which calls sigreturn.
 * Signals 1 to NSIG - 1: the classic ones below SIGRTMIN, then the
 * real-time signals SIGRTMIN to SIGRTMAX, each sent instance queued with
 * its value (sigqueue), up to SIGQUEUE_MAX a process.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <pagoda/abi.h>
#include <asm/sigcontext.h>

typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);
typedef struct ucontext ucontext_t;

int kill(pid_t pid, int sig);
/* kill(getpid(), sig) */
int raise(int sig);

int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
/* sigaction with sa_mask empty and SA_RESTART, as glibc's signal() */
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *oset);
/* The same: the mask is each thread's own; an error number, not -1. */
int pthread_sigmask(int how, const sigset_t *set, sigset_t *oset);
/* sig to one thread of this process (tgkill); 0 or an errno number. */
int pthread_kill(pthread_t thread, int sig);
/* XSI's one-signal calls: block it, unblock it, ignore it. */
int sighold(int sig);
int sigrelse(int sig);
int sigignore(int sig);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
/* Take a pending signal of set (blocked by the caller) without a handler. */
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
/* The same, waiting at most *timeout (NULL: for ever): -1, EAGAIN then. */
int sigtimedwait(const sigset_t *set, siginfo_t *info,
		 const struct timespec *timeout);
int sigwait(const sigset_t *set, int *sig);
/* Send sig with value (si_code SI_QUEUE); -1, EAGAIN if the queue is full. */
int sigqueue(pid_t pid, int sig, const union sigval value);
/* Handlers with SA_ONSTACK run on this stack (ss_sp, ss_size). */
int sigaltstack(const stack_t *ss, stack_t *old);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
