/* SPDX-License-Identifier: MIT */
/*
 * <signal.h>: signal numbers (Linux's) and kill().  Pagoda has no signal
 * handlers: kill() can send SIGKILL (or 0, to test that a process exists),
 * and the kernel itself ends a process that faults with SIGSEGV, SIGBUS,
 * SIGILL or SIGFPE.  The other numbers are defined so that programs naming
 * them compile; kill() refuses them with EINVAL.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <pagoda/abi.h> /* SIGKILL and the fault signals, NSIG */

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGTRAP 5
#define SIGABRT 6
#define SIGUSR1 10
#define SIGUSR2 12
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17

typedef int sig_atomic_t;

int kill(pid_t pid, int sig);
/* kill(getpid(), sig) */
int raise(int sig);

#endif
