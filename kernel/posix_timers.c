// SPDX-License-Identifier: MIT
/*
 * POSIX timers: timer_create, timer_settime, timer_gettime,
 * timer_getoverrun, timer_delete (POSIX's Timers option), and
 * clock_getres.
 *
 * A process makes up to PAGODA_TIMER_MAX timers, each on a clock:
 *
 *   CLOCK_REALTIME, CLOCK_MONOTONIC   run by a kernel timer (kernel/timer.c)
 *       from the tick that reaches the expiry (posix_timer_fn).  The
 *       real-time clock is the monotonic one plus a constant (kernel/time.c:
 *       nothing sets it), so an absolute real time becomes a monotonic one
 *       once, when the timer is set.
 *   CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID   checked at each
 *       tick that finds a thread of the process running (account_itimers),
 *       against the CPU time the clocks read (Linux's posix-cpu-timers).
 *
 * Either way the resolution is the tick, and clock_getres says so: a timer
 * never expires before its time, and up to a tick after it.
 *
 * An expiry notifies as the timer's struct sigevent asks: SIGEV_SIGNAL
 * sends sigev_signo to the process (si_code SI_TIMER, si_value the
 * sigev_value, si_timerid the timer), SIGEV_THREAD_ID to one thread of it,
 * SIGEV_NONE not at all (timer_gettime shows the timer run).  SIGEV_THREAD
 * is the C library's, which asks the kernel for SIGEV_THREAD_ID to a thread
 * of its own (user/lib/timer.c).  The timer has one signal at a time, as in
 * Linux: expiries while it is still pending (blocked, say) are counted as
 * overruns, and the count goes with the signal when it is taken
 * (posixtimer_rearm, from dequeue_signal) into si_overrun and
 * timer_getoverrun's answer.  A periodic timer reloads from its own
 * expiry time, and periods that ended within one tick count as overruns.
 *
 * The timers are the process's: fork's child has none, exec and exit
 * delete them (exit_itimers).  Linux's kernel/time/posix-timers.c, whose
 * names these are, much reduced.
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/posix_timers.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <mm/slab.h>

struct k_itimer {
	struct k_itimer *next;		/* the process's timers */
	struct timer_list it_timer;	/* CLOCK_REALTIME, CLOCK_MONOTONIC */
	struct task_struct *it_process; /* the process's leader */
	int it_id;
	int it_clock;
	int it_clock_tid; /* CLOCK_THREAD_CPUTIME_ID: whose CPU time */
	int it_sigev_notify;
	int it_sigev_signo;
	int it_sigev_tid; /* SIGEV_THREAD_ID */
	union sigval it_sigev_value;
	u64 it_expires; /* on its clock, ns (REALTIME: monotonic); 0: disarmed */
	u64 it_interval;
	int it_overrun;	      /* expiries since the signal was sent */
	int it_overrun_last;  /* what the last signal taken reported */
	bool it_sigq_pending; /* its signal is sent, not yet taken */
};

static bool cpu_clock(int clock)
{
	return clock == CLOCK_PROCESS_CPUTIME_ID ||
	       clock == CLOCK_THREAD_CPUTIME_ID;
}

static bool valid_clock(int clock)
{
	return clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC ||
	       cpu_clock(clock);
}

/* The live thread tid of leader's process, or NULL. */
static struct task_struct *find_thread(struct task_struct *leader, int tid)
{
	struct task_struct *th;

	list_for_each_entry (th, &leader->thread_head, thread_node)
		if (th->pid == tid)
			return th;
	return NULL;
}

/* The timer's clock now; 0 for the CPU time of a thread that has gone. */
static u64 timer_clock_now(const struct k_itimer *timr)
{
	struct task_struct *th;

	switch (timr->it_clock) {
	case CLOCK_PROCESS_CPUTIME_ID:
		return thread_group_cputime(timr->it_process);
	case CLOCK_THREAD_CPUTIME_ID:
		th = find_thread(timr->it_process, timr->it_clock_tid);
		return th ? task_cputime(th) : 0;
	default:
		return ktime_get_ns();
	}
}

static struct k_itimer *find_timer(struct task_struct *leader, int id)
{
	struct k_itimer *timr;

	for (timr = leader->timers.posix_timers; timr; timr = timr->next)
		if (timr->it_id == id)
			return timr;
	return NULL;
}

static bool sig_pending_in_process(struct task_struct *leader, int sig)
{
	struct task_struct *th;

	list_for_each_entry (th, &leader->thread_head, thread_node)
		if (th->signal.pending & sigmask(sig))
			return true;
	return false;
}

/* An expiry's notification: the signal, or one more overrun of it. */
static void posix_timer_event(struct k_itimer *timr)
{
	struct task_struct *leader = timr->it_process, *target = leader;
	int sig = timr->it_sigev_signo;
	struct kernel_siginfo info = { .si_code = SI_TIMER,
				       .si_value = timr->it_sigev_value,
				       .si_timerid = timr->it_id };

	if (timr->it_sigev_notify == SIGEV_NONE)
		return;
	if (timr->it_sigq_pending) {
		if (sig_pending_in_process(leader, sig)) {
			if (timr->it_overrun < __INT_MAX__)
				timr->it_overrun++;
			return;
		}
		/* Taken by a way that did not tell us (posixtimer_rearm). */
		timr->it_overrun_last = timr->it_overrun;
		timr->it_overrun = 0;
	}
	if (timr->it_sigev_notify == SIGEV_THREAD_ID) {
		target = find_thread(leader, timr->it_sigev_tid);
		if (!target)
			return;
		send_signal_info(target, sig, &info);
	} else {
		send_group_signal_info(leader, sig, &info);
	}
	/* Not pending now: ignored, so dropped; the next expiry sends again. */
	timr->it_sigq_pending = sig_pending_in_process(leader, sig);
}

/*
 * The timer expired (its clock reads now): notify, and reload a periodic
 * one from its own expiry time; false if that leaves it disarmed.
 */
static bool posix_timer_expire(struct k_itimer *timr, u64 now)
{
	u64 missed;

	posix_timer_event(timr);
	if (!timr->it_interval) {
		timr->it_expires = 0;
		return false;
	}
	timr->it_expires += timr->it_interval;
	if (timr->it_expires > now)
		return true;
	missed = (now - timr->it_expires) / timr->it_interval + 1;
	timr->it_expires += missed * timr->it_interval;
	if (timr->it_sigq_pending)
		timr->it_overrun =
			min((u64)timr->it_overrun + missed, (u64)__INT_MAX__);
	return true;
}

static void posix_timer_fn(struct timer_list *timer)
{
	struct k_itimer *timr = container_of(timer, struct k_itimer, it_timer);

	if (time_reached(timr->it_expires) &&
	    !posix_timer_expire(timr, ktime_get_ns()))
		return;
	mod_timer_ns(timer, timr->it_expires);
}

/* From the tick, for t's process: its CPU-time timers that are due. */
void run_posix_cpu_timers(struct task_struct *t)
{
	struct k_itimer *timr;

	for (timr = t->group_leader->timers.posix_timers; timr;
	     timr = timr->next) {
		u64 now;

		if (!cpu_clock(timr->it_clock) || !timr->it_expires)
			continue;
		now = timer_clock_now(timr);
		if (now >= timr->it_expires)
			posix_timer_expire(timr, now);
	}
}

void posixtimer_rearm(struct kernel_siginfo *info)
{
	struct k_itimer *timr =
		find_timer(current->group_leader, info->si_timerid);

	/* A timer deleted since, or an SI_TIMER some process forged. */
	if (!timr || !timr->it_sigq_pending)
		return;
	info->si_overrun = timr->it_overrun;
	timr->it_overrun_last = timr->it_overrun;
	timr->it_overrun = 0;
	timr->it_sigq_pending = false;
}

/* The event's checks (Linux's good_sigevent); 0 or -EINVAL. */
static int check_sigevent(const struct sigevent *ev)
{
	switch (ev->sigev_notify) {
	case SIGEV_NONE:
		return 0;
	case SIGEV_THREAD_ID:
		if (!find_thread(current->group_leader,
				 ev->sigev_notify_thread_id))
			return -EINVAL;
		/* fall through */
	case SIGEV_SIGNAL:
		return ev->sigev_signo >= 1 && ev->sigev_signo < NSIG ? 0
								      : -EINVAL;
	default:
		return -EINVAL;
	}
}

/* The lowest id no timer of the process has; -EAGAIN if it has them all. */
static int alloc_timer_id(struct task_struct *leader)
{
	for (int id = 0; id < PAGODA_TIMER_MAX; id++)
		if (!find_timer(leader, id))
			return id;
	return -EAGAIN;
}

static void unlink_timer(struct k_itimer *timr)
{
	struct k_itimer **p = &timr->it_process->timers.posix_timers;

	while (*p != timr)
		p = &(*p)->next;
	*p = timr->next;
	del_timer(&timr->it_timer);
}

long sys_timer_create(int clock, const struct sigevent __user *uev,
		      int __user *utimerid)
{
	struct task_struct *leader = current->group_leader;
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
			       .sigev_signo = SIGALRM };
	struct k_itimer *timr;
	unsigned long flags;
	int id, err;

	if (!valid_clock(clock))
		return -EINVAL;
	if (uev && copy_from_user(&ev, uev, sizeof(ev)))
		return -EFAULT;
	err = check_sigevent(&ev);
	if (err)
		return err;
	timr = kzalloc(sizeof(*timr));
	if (!timr)
		return -ENOMEM;
	flags = arch_local_irq_save();
	id = alloc_timer_id(leader);
	if (id >= 0) {
		timr->it_id = id;
		timr->it_clock = clock;
		timr->it_clock_tid = current->pid;
		timr->it_process = leader;
		timr->it_sigev_notify = ev.sigev_notify;
		timr->it_sigev_signo = ev.sigev_signo;
		timr->it_sigev_tid = ev.sigev_notify_thread_id;
		/* No sigevent: SIGALRM with the timer's id as its value. */
		timr->it_sigev_value = uev ? ev.sigev_value
					   : (union sigval){ .sival_int = id };
		timr->it_timer.function = posix_timer_fn;
		timr->next = leader->timers.posix_timers;
		leader->timers.posix_timers = timr;
	}
	arch_local_irq_restore(flags);
	if (id < 0) {
		kfree(timr);
		return id;
	}
	/* The id is the caller's only way to the timer: unusable, it goes. */
	if (copy_to_user(utimerid, &id, sizeof(id))) {
		flags = arch_local_irq_save();
		unlink_timer(timr);
		arch_local_irq_restore(flags);
		kfree(timr);
		return -EFAULT;
	}
	return 0;
}

/* Interrupts off. */
static void common_timer_get(struct k_itimer *timr,
			     struct kernel_itimerspec *cur)
{
	u64 left = 0;

	if (timr->it_expires) {
		u64 now = timer_clock_now(timr);

		/* Due, its tick not yet come: not expired, so never 0. */
		left = timr->it_expires > now ? timr->it_expires - now : 1;
	}
	cur->it_value = ns_to_timespec(left);
	cur->it_interval = ns_to_timespec(timr->it_interval);
}

/* Interrupts off. */
static void common_timer_set(struct k_itimer *timr, int flags,
			     const struct kernel_itimerspec *new)
{
	u64 value = timespec_to_ns(&new->it_value);

	del_timer(&timr->it_timer);
	timr->it_overrun = 0;
	timr->it_overrun_last = 0;
	timr->it_interval = timespec_to_ns(&new->it_interval);
	timr->it_expires = 0;
	if (!value)
		return;
	if (!(flags & TIMER_ABSTIME))
		value += timer_clock_now(timr);
	else if (timr->it_clock == CLOCK_REALTIME)
		value = value > ktime_real_offset()
				? value - ktime_real_offset()
				: 1; /* before boot: due at once */
	timr->it_expires = value;
	if (!cpu_clock(timr->it_clock))
		mod_timer_ns(&timr->it_timer, value);
}

long sys_timer_settime(int id, int flags,
		       const struct kernel_itimerspec __user *unew,
		       struct kernel_itimerspec __user *uold)
{
	struct kernel_itimerspec new, old;
	struct k_itimer *timr;
	unsigned long irqflags;

	if (copy_from_user(&new, unew, sizeof(new)))
		return -EFAULT;
	if (!timespec_valid(&new.it_value) || !timespec_valid(&new.it_interval))
		return -EINVAL;
	irqflags = arch_local_irq_save();
	timr = find_timer(current->group_leader, id);
	if (timr) {
		common_timer_get(timr, &old);
		common_timer_set(timr, flags, &new);
	}
	arch_local_irq_restore(irqflags);
	if (!timr)
		return -EINVAL;
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_timer_gettime(int id, struct kernel_itimerspec __user *ucur)
{
	struct kernel_itimerspec cur;
	struct k_itimer *timr;
	unsigned long flags = arch_local_irq_save();

	timr = find_timer(current->group_leader, id);
	if (timr)
		common_timer_get(timr, &cur);
	arch_local_irq_restore(flags);
	if (!timr)
		return -EINVAL;
	return copy_to_user(ucur, &cur, sizeof(cur)) ? -EFAULT : 0;
}

long sys_timer_getoverrun(int id)
{
	unsigned long flags = arch_local_irq_save();
	struct k_itimer *timr = find_timer(current->group_leader, id);
	long ret = timr ? timr->it_overrun_last : -EINVAL;

	arch_local_irq_restore(flags);
	return ret;
}

long sys_timer_delete(int id)
{
	unsigned long flags = arch_local_irq_save();
	struct k_itimer *timr = find_timer(current->group_leader, id);

	if (timr)
		unlink_timer(timr);
	arch_local_irq_restore(flags);
	if (!timr)
		return -EINVAL;
	kfree(timr);
	return 0;
}

void exit_itimers(struct task_struct *leader)
{
	unsigned long flags = arch_local_irq_save();
	struct k_itimer *timr;

	while ((timr = leader->timers.posix_timers)) {
		unlink_timer(timr);
		kfree(timr);
	}
	arch_local_irq_restore(flags);
}

void process_timers_move(struct task_struct *to, struct task_struct *from)
{
	struct process_timers *pt = &to->timers;
	unsigned long flags = arch_local_irq_save();
	bool real_pending = timer_pending(&from->timers.real_timer);
	struct k_itimer *timr;

	del_timer(&from->timers.real_timer);
	*pt = from->timers;
	from->timers = (struct process_timers){ 0 };
	pt->real_timer.entry.next = NULL;
	if (real_pending)
		mod_timer(&pt->real_timer, pt->real_timer.expires);
	for (timr = pt->posix_timers; timr; timr = timr->next)
		timr->it_process = to;
	arch_local_irq_restore(flags);
}

/* The task a clock of another process's or thread's CPU time names. */
static struct task_struct *cpu_clock_task(int clock)
{
	int id = ~(clock >> 3);
	struct task_struct *t;

	if (clock >= 0 || (clock & 3) != CPUCLOCK_SCHED)
		return NULL;
	if (clock & CPUCLOCK_PERTHREAD_MASK)
		return find_thread(current->group_leader, id);
	t = find_process(id);
	return t && t->mm ? t : NULL;
}

int posix_cpu_clock_get(int clock, u64 *ns)
{
	struct task_struct *t = cpu_clock_task(clock);

	if (!t)
		return -EINVAL;
	*ns = clock & CPUCLOCK_PERTHREAD_MASK
		      ? task_cputime(t)
		      : thread_group_cputime(t->group_leader);
	return 0;
}

/* Every clock's timers run from the tick: that is their resolution. */
long sys_clock_getres(int clock, struct timespec __user *ures)
{
	struct timespec res = { 0, NSEC_PER_TICK };

	if (!valid_clock(clock) && !cpu_clock_task(clock))
		return -EINVAL;
	if (ures && copy_to_user(ures, &res, sizeof(res)))
		return -EFAULT;
	return 0;
}
