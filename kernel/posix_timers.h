/* SPDX-License-Identifier: MIT */
/*
 * A process's timers: the interval timers of setitimer and alarm
 * (kernel/itimer.c) and the POSIX timers of timer_create
 * (kernel/posix_timers.c).  Their state is the process's, kept in its
 * leader's task_struct.
 */
#ifndef _KERNEL_POSIX_TIMERS_H
#define _KERNEL_POSIX_TIMERS_H

#include <kernel/timer.h>
#include <kernel/types.h>
#include <kernel/uaccess.h>
#include <pagoda/abi.h>

/* ITIMER_VIRTUAL or ITIMER_PROF: CPU time left to the expiry, and the reload (ns). */
struct cpu_itimer {
	u64 expires; /* 0: disarmed */
	u64 incr;
};

/* The leader's: all of a process's timers. */
struct process_timers {
	struct timer_list real_timer;  /* ITIMER_REAL's expiry */
	u64 it_real_expires;	       /* monotonic ns; 0: disarmed */
	u64 it_real_incr;	       /* ns */
	struct cpu_itimer it[2];       /* ITIMER_VIRTUAL, ITIMER_PROF */
	struct k_itimer *posix_timers; /* timer_create's, by next */
};

struct task_struct;
struct kernel_siginfo;

long sys_setitimer(int which, const struct kernel_itimerval __user *value,
		   struct kernel_itimerval __user *ovalue);
long sys_getitimer(int which, struct kernel_itimerval __user *value);
long sys_alarm(unsigned int seconds);
long sys_timer_create(int clock, const struct sigevent __user *sev,
		      int __user *timerid);
long sys_timer_settime(int timerid, int flags,
		       const struct kernel_itimerspec __user *value,
		       struct kernel_itimerspec __user *ovalue);
long sys_timer_gettime(int timerid, struct kernel_itimerspec __user *value);
long sys_timer_getoverrun(int timerid);
long sys_timer_delete(int timerid);
/*
 * Another process's or thread of this process's CPU time (a clock of
 * MAKE_PROCESS_CPUCLOCK, MAKE_THREAD_CPUCLOCK): 0, or -EINVAL.
 */
int posix_cpu_clock_get(int clock, u64 *ns);
long sys_clock_getres(int clock, struct timespec __user *res);

/* From each CPU's tick: charge it to t's ITIMER_VIRTUAL and ITIMER_PROF. */
void account_itimers(struct task_struct *t, bool user_mode);
/* From the tick, for t's process: its CPU-time timers that are due. */
void run_posix_cpu_timers(struct task_struct *t);
/* A timer's signal is being taken (dequeue_signal): its overrun count. */
void posixtimer_rearm(struct kernel_siginfo *info);
/* exec and exit: delete the process's POSIX timers. */
void exit_itimers(struct task_struct *leader);
/* exit: the interval timers stop too. */
void exit_process_timers(struct task_struct *leader);
/* exec from a thread: the process's timers go with its leadership. */
void process_timers_move(struct task_struct *to, struct task_struct *from);

#endif
