// SPDX-License-Identifier: MIT
/*
 * Interval timers: setitimer, getitimer and alarm.  Each process has three
 * (POSIX's XSI option), each with a value, the time to its next expiry,
 * and an interval it is reloaded with then (0: it fires once):
 *
 *   ITIMER_REAL     counts real time and sends SIGALRM.  alarm(s) is this
 *                   timer set to s seconds, no interval, as in Linux: alarm
 *                   and setitimer see and replace each other's setting.
 *   ITIMER_VIRTUAL  counts the process's CPU time in user mode: SIGVTALRM.
 *   ITIMER_PROF     counts its CPU time in user and kernel mode: SIGPROF.
 *
 * ITIMER_REAL keeps its expiry as a time of the monotonic clock and is
 * run by a kernel timer (kernel/timer.c) from the tick that reaches it
 * (Linux's it_real_fn, on an hrtimer); a reload adds the interval to that
 * time, not to the tick's, so a period that is not a whole number of
 * ticks keeps its long-run rate.  The CPU timers count down by a tick's
 * length at each tick that finds one of the process's threads running, in
 * user mode for ITIMER_VIRTUAL (the tick's sampling, as getrusage's times:
 * Linux's account_process_tick).  The resolution is the tick: a timer
 * never expires early, and up to a tick late.
 *
 * The timers are the process's (its leader's task_struct): fork's child
 * starts with none, exec keeps them (POSIX), the process's exit stops
 * them.  Linux's kernel/time/itimer.c, reduced.
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/posix_timers.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>

#define NSEC_PER_USEC 1000L
#define USEC_PER_SEC 1000000L

static const struct kernel_siginfo itimer_info = { .si_code = SI_KERNEL };

static void it_real_fn(struct timer_list *timer)
{
	struct task_struct *leader =
		container_of(timer, struct task_struct, timers.real_timer);
	struct process_timers *pt = &leader->timers;
	u64 now = ktime_get_ns();

	if (!time_reached(pt->it_real_expires)) {
		mod_timer_ns(timer, pt->it_real_expires);
		return;
	}
	send_group_signal_info(leader, SIGALRM, &itimer_info);
	if (!pt->it_real_incr) {
		pt->it_real_expires = 0;
		return;
	}
	/* Periods that ended within this tick are lost, as Linux loses them. */
	pt->it_real_expires += pt->it_real_incr;
	if (pt->it_real_expires <= now)
		pt->it_real_expires +=
			((now - pt->it_real_expires) / pt->it_real_incr + 1) *
			pt->it_real_incr;
	mod_timer_ns(timer, pt->it_real_expires);
}

static u64 timeval_to_ns(const struct timeval *tv)
{
	u64 secs = min((u64)tv->tv_sec, KTIME_MAX_SECS);

	return secs * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

/* Rounded up: a timer still armed never reads as 0 (disarmed). */
static struct timeval ns_to_timeval(u64 ns)
{
	u64 us = (ns + NSEC_PER_USEC - 1) / NSEC_PER_USEC;

	return (struct timeval){ us / USEC_PER_SEC, us % USEC_PER_SEC };
}

static bool timeval_valid(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 &&
	       tv->tv_usec < USEC_PER_SEC;
}

/* The timer's value and interval now, in ns; interrupts off. */
static void get_itimer(struct process_timers *pt, int which, u64 *value,
		       u64 *incr)
{
	if (which != ITIMER_REAL) {
		*value = pt->it[which - 1].expires;
		*incr = pt->it[which - 1].incr;
		return;
	}
	*value = 0;
	*incr = pt->it_real_incr;
	if (pt->it_real_expires) {
		u64 now = ktime_get_ns();

		/* Due, its tick not yet come: it has not expired. */
		*value = pt->it_real_expires > now ? pt->it_real_expires - now
						   : 1;
	}
}

static void set_itimer(struct task_struct *leader, int which, u64 value,
		       u64 incr)
{
	struct process_timers *pt = &leader->timers;

	if (which != ITIMER_REAL) {
		pt->it[which - 1].expires = value;
		pt->it[which - 1].incr = incr;
		return;
	}
	del_timer(&pt->real_timer);
	pt->it_real_incr = incr;
	pt->it_real_expires = 0;
	if (!value)
		return;
	pt->it_real_expires = ktime_get_ns() + value;
	pt->real_timer.function = it_real_fn;
	mod_timer_ns(&pt->real_timer, pt->it_real_expires);
}

static void to_itimerval(struct kernel_itimerval *v, u64 value, u64 incr)
{
	v->it_value = ns_to_timeval(value);
	v->it_interval = ns_to_timeval(incr);
}

/* Set the timer, the previous setting in *old (if old); 0 or -EINVAL. */
static int do_setitimer(int which, const struct kernel_itimerval *new,
			struct kernel_itimerval *old)
{
	struct task_struct *leader = current->group_leader;
	unsigned long flags;
	u64 value, incr;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (new && (!timeval_valid(&new->it_value) ||
		    !timeval_valid(&new->it_interval)))
		return -EINVAL;
	flags = arch_local_irq_save();
	get_itimer(&leader->timers, which, &value, &incr);
	if (new)
		set_itimer(leader, which, timeval_to_ns(&new->it_value),
			   timeval_to_ns(&new->it_interval));
	arch_local_irq_restore(flags);
	if (old)
		to_itimerval(old, value, incr);
	return 0;
}

long sys_setitimer(int which, const struct kernel_itimerval __user *uvalue,
		   struct kernel_itimerval __user *uovalue)
{
	struct kernel_itimerval new, old;
	int err;

	/* Linux takes a NULL value as a zero one: disarm. */
	if (!uvalue)
		new = (struct kernel_itimerval){ 0 };
	else if (copy_from_user(&new, uvalue, sizeof(new)))
		return -EFAULT;
	err = do_setitimer(which, &new, &old);
	if (err)
		return err;
	if (uovalue && copy_to_user(uovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getitimer(int which, struct kernel_itimerval __user *uvalue)
{
	struct kernel_itimerval v;
	int err = do_setitimer(which, NULL, &v);

	if (err)
		return err;
	return copy_to_user(uvalue, &v, sizeof(v)) ? -EFAULT : 0;
}

/*
 * ITIMER_REAL for seconds, no interval.  The seconds left of the previous
 * setting, rounded up: one still to come, however close, counts as 1.
 */
long sys_alarm(unsigned int seconds)
{
	struct kernel_itimerval new = { .it_value = { seconds, 0 } }, old;

	do_setitimer(ITIMER_REAL, &new, &old);
	return old.it_value.tv_sec + (old.it_value.tv_usec != 0);
}

/* A tick's length of CPU time off a CPU timer; sig if that expires it. */
static void charge_cpu_itimer(struct task_struct *leader, struct cpu_itimer *it,
			      int sig)
{
	u64 over;

	if (!it->expires)
		return;
	if (it->expires > NSEC_PER_TICK) {
		it->expires -= NSEC_PER_TICK;
		return;
	}
	/* The rest of the tick counts toward the next period. */
	over = NSEC_PER_TICK - it->expires;
	it->expires = 0;
	if (it->incr)
		it->expires = it->incr > over ? it->incr - over : 1;
	send_group_signal_info(leader, sig, &itimer_info);
}

void account_itimers(struct task_struct *t, bool user_mode)
{
	struct process_timers *pt = &t->group_leader->timers;

	if (!t->mm)
		return;
	if (user_mode)
		charge_cpu_itimer(t->group_leader, &pt->it[0], SIGVTALRM);
	charge_cpu_itimer(t->group_leader, &pt->it[1], SIGPROF);
	run_posix_cpu_timers(t);
}

void exit_process_timers(struct task_struct *leader)
{
	struct process_timers *pt = &leader->timers;

	exit_itimers(leader);
	del_timer(&pt->real_timer);
	pt->it_real_expires = 0;
	pt->it[0] = pt->it[1] = (struct cpu_itimer){ 0 };
}
