// SPDX-License-Identifier: MIT
/*
 * POSIX signals: sending, blocking, catching, and the default actions.
 *
 * A signal sent to a task sets its bit in the task's pending set and wakes
 * the task if it may act on it.  Classic signals (1 to 31) do not queue: a
 * second one before the first is acted on is lost.  Real-time signals
 * (SIGRTMIN to SIGRTMAX) do: each one sent is a struct sigqueue with its
 * siginfo on the task's queue, taken oldest first, the bit set while any
 * is there; a process may have SIGQUEUE_MAX of them, after which sigqueue
 * fails with EAGAIN.  Acting happens in one place, on
 * the way back to user mode (exit_to_user_mode): for each pending signal
 * not blocked, lowest number first, the task either takes the default
 * action -- end the process, ignore, stop, continue -- or runs its handler.
 * Running a handler means the arch code (arch/<arch>/signal.c) saves the
 * interrupted user registers and signal mask in a frame on the user stack
 * and points the registers at the handler, whose return address is the
 * library's restorer: a two-instruction trampoline calling sigreturn, which
 * reads the frame back.  The frame is user memory, so sigreturn treats it
 * as untrusted input (see the arch code for what it checks).
 *
 * A system call a signal interrupts in its sleep returns -ERESTARTSYS
 * (sleep_on); here that becomes EINTR when a handler without SA_RESTART
 * runs, and otherwise the call is made again from the start.
 *
 * Threads: the actions are the process's (shared), the mask and pending
 * set each thread's own.  A fault's signal goes to the thread that
 * faulted; kill's, the timers' and SIGCHLD to the process, which gives it
 * to one of its threads not blocking it.  A signal whose action ends the
 * process ends every thread of it (do_group_exit), whichever took it.
 *
 * The design is Linux's (kernel/signal.c, arch/x86/kernel/signal.c), much
 * reduced: no process-wide pending set, and the queued signals are counted
 * per process rather than per user (RLIMIT_SIGPENDING).  A stop
 * signal stops the whole process: the thread that takes it marks the
 * others (stop_pending), and each stops on its way back to user mode, a
 * sleeping one woken for it (its call restarts once continued).  kill
 * reaches one process,
 * its caller's group (pid 0), a group (-pgid), or every process but init
 * and the caller (-1); the groups are kernel/process.c's.
 */
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/memory.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <mm/slab.h>

enum sig_default {
	SIG_DFL_TERM,
	SIG_DFL_CORE, /* terminate (Pagoda writes no core file) */
	SIG_DFL_IGNORE,
	SIG_DFL_STOP,
	SIG_DFL_CONT,
};

/* POSIX's table of default actions; unlisted signals terminate. */
static const unsigned char default_action[NSIG] = {
	[SIGQUIT] = SIG_DFL_CORE,    [SIGILL] = SIG_DFL_CORE,
	[SIGTRAP] = SIG_DFL_CORE,    [SIGABRT] = SIG_DFL_CORE,
	[SIGBUS] = SIG_DFL_CORE,     [SIGFPE] = SIG_DFL_CORE,
	[SIGSEGV] = SIG_DFL_CORE,    [SIGXCPU] = SIG_DFL_CORE,
	[SIGXFSZ] = SIG_DFL_CORE,    [SIGSYS] = SIG_DFL_CORE,
	[SIGCHLD] = SIG_DFL_IGNORE,  [SIGURG] = SIG_DFL_IGNORE,
	[SIGWINCH] = SIG_DFL_IGNORE, [SIGCONT] = SIG_DFL_CONT,
	[SIGSTOP] = SIG_DFL_STOP,    [SIGTSTP] = SIG_DFL_STOP,
	[SIGTTIN] = SIG_DFL_STOP,    [SIGTTOU] = SIG_DFL_STOP,
};

/* Neither can be caught, blocked or ignored. */
#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define STOP_SIGNALS                                                           \
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) |              \
	 sigmask(SIGTTOU))

static bool valid_signal(int sig)
{
	return sig >= 1 && sig < NSIG;
}

/* Kernel threads ignore every signal but SIGKILL, as in Linux. */
static bool sig_ignored(const struct task_struct *t, int sig)
{
	void (*h)(int) = t->signal.action[sig].sa_handler;

	if (t->kthread && sig != SIGKILL)
		return true;
	if (h == SIG_IGN)
		return true;
	return h == SIG_DFL && default_action[sig] == SIG_DFL_IGNORE;
}

bool signal_pending(const struct task_struct *t)
{
	return t->signal.stop_pending ||
	       (t->signal.pending & ~(t->signal.blocked & ~UNBLOCKABLE));
}

/*
 * A stopped task resumes on SIGCONT or SIGKILL; SIGCONT also discards any
 * stop signal still pending, and a stop signal any pending SIGCONT.  A stop
 * is the whole process's (do_signal_stop), and whichever thread SIGCONT or
 * SIGKILL goes to, every thread of the process resumes, or forgets a stop
 * it has not reached yet; the reports for waitpid are the process's, kept
 * in its leader.
 */
static void prepare_signal(struct task_struct *t, int sig)
{
	struct task_struct *leader = t->group_leader, *th;
	bool resumed = false;

	if (sigmask(sig) & STOP_SIGNALS)
		t->signal.pending &= ~sigmask(SIGCONT);
	if (sig != SIGCONT && sig != SIGKILL)
		return;
	if (sig == SIGCONT)
		t->signal.pending &= ~STOP_SIGNALS;
	list_for_each_entry (th, &leader->thread_head, thread_node) {
		th->signal.stop_pending = false;
		if (th->state == TASK_STOPPED) {
			resume_stopped_task(th);
			resumed = true;
		}
	}
	leader->signal.stop_remaining = 0;
	if (!resumed)
		return;
	leader->stop_report = 0;
	if (sig == SIGCONT) {
		leader->continued_report = true;
		notify_parent(leader, CLD_CONTINUED, SIGCONT);
	}
}

static struct sighand_struct *task_sighand(struct task_struct *t)
{
	return container_of(t->signal.action, struct sighand_struct, action[0]);
}

/* One more instance of real-time signal sig on t's queue (irqs off). */
static int sigqueue_add(struct task_struct *t, int sig,
			const struct kernel_siginfo *info)
{
	struct sighand_struct *sh = task_sighand(t);
	struct sigqueue *q;

	if (sh->nr_queued >= PAGODA_SIGQUEUE_MAX)
		return -EAGAIN;
	q = kmalloc(sizeof(*q));
	if (!q)
		return -EAGAIN; /* POSIX's errno for "no resources to queue" */
	q->sig = sig;
	q->info = *info;
	list_add_tail(&q->list, &t->signal.queue);
	sh->nr_queued++;
	return 0;
}

static void sigqueue_free(struct task_struct *t, struct sigqueue *q)
{
	list_del(&q->list);
	task_sighand(t)->nr_queued--;
	kfree(q);
}

/*
 * Take t's oldest instance of real-time signal sig into *info; sig stays
 * pending while another instance is queued (irqs off).  A kill that found
 * the queue full left sig pending with no instance: its info is SI_USER's,
 * the sender unknown.
 */
static void sigqueue_take(struct task_struct *t, int sig,
			  struct kernel_siginfo *info)
{
	struct sigqueue *q, *found = NULL;
	bool more = false;

	list_for_each_entry (q, &t->signal.queue, list) {
		if (q->sig != sig)
			continue;
		if (found) {
			more = true;
			break;
		}
		found = q;
	}
	if (found) {
		*info = found->info;
		sigqueue_free(t, found);
	} else {
		*info = (struct kernel_siginfo){ .si_code = SI_USER };
	}
	if (!more)
		t->signal.pending &= ~sigmask(sig);
}

/* sig is no longer pending for t: its instances go (SIG_IGN). */
static void discard_signal(struct task_struct *t, int sig)
{
	struct sigqueue *q, *next;

	t->signal.pending &= ~sigmask(sig);
	list_for_each_entry_safe (q, next, &t->signal.queue, list)
		if (q->sig == sig)
			sigqueue_free(t, q);
}

static void discard_group_signal(struct task_struct *t, int sig)
{
	unsigned long flags = arch_local_irq_save();
	struct task_struct *th;

	list_for_each_entry (th, &t->group_leader->thread_head, thread_node)
		discard_signal(th, sig);
	arch_local_irq_restore(flags);
}

void flush_sigqueue(struct task_struct *t)
{
	unsigned long flags = arch_local_irq_save();
	struct sigqueue *q, *next;

	list_for_each_entry_safe (q, next, &t->signal.queue, list)
		sigqueue_free(t, q);
	t->signal.pending = 0;
	arch_local_irq_restore(flags);
}

int send_signal_info(struct task_struct *t, int sig,
		     const struct kernel_siginfo *info)
{
	unsigned long flags = arch_local_irq_save();
	struct signal_state *s = &t->signal;
	int err = 0;

	prepare_signal(t, sig);
	/* An ignored signal is dropped now, unless blocked (it may be
	 * unblocked after its action changed, or sigwaitinfo takes it). */
	if (!((s->blocked | s->real_blocked) & sigmask(sig)) &&
	    sig_ignored(t, sig))
		goto out;
	if (sig >= SIGRTMIN)
		err = sigqueue_add(t, sig, info);
	else if (!(s->pending & sigmask(sig)))
		s->info[sig] = *info;
	/* kill's signal is sent even so, without its info, as in Linux
	 * (kill has no EAGAIN): it merges with any other such. */
	if (err && info->si_code == SI_USER)
		err = 0;
	if (err)
		goto out;
	s->pending |= sigmask(sig);
	if (signal_pending(t))
		wake_up_task(t);
out:
	arch_local_irq_restore(flags);
	return err;
}

static void user_siginfo(struct kernel_siginfo *info)
{
	*info = (struct kernel_siginfo){ .si_code = SI_USER };
	if (current->mm)
		info->si_pid = current->tgid;
}

int send_signal(struct task_struct *t, int sig)
{
	struct kernel_siginfo info;

	user_siginfo(&info);
	return send_signal_info(t, sig, &info);
}

/* The live thread of t's process that should take sig (t's leader if none). */
static struct task_struct *group_signal_target(struct task_struct *t, int sig)
{
	struct task_struct *leader = t->group_leader, *th;

	list_for_each_entry (th, &leader->thread_head, thread_node)
		if (!(th->signal.blocked & sigmask(sig)))
			return th;
	if (!thread_group_empty(leader))
		return list_first_entry(&leader->thread_head,
					struct task_struct, thread_node);
	return leader;
}

int send_group_signal_info(struct task_struct *t, int sig,
			   const struct kernel_siginfo *info)
{
	unsigned long flags = arch_local_irq_save();
	int err = send_signal_info(group_signal_target(t, sig), sig, info);

	arch_local_irq_restore(flags);
	return err;
}

int send_group_signal(struct task_struct *t, int sig)
{
	struct kernel_siginfo info;

	user_siginfo(&info);
	return send_group_signal_info(t, sig, &info);
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct signal_state *s = &current->signal;
	struct kernel_siginfo info = { .si_code = code, .si_addr = addr };

	if ((s->blocked & sigmask(sig)) ||
	    s->action[sig].sa_handler == SIG_IGN) {
		s->action[sig].sa_handler = SIG_DFL;
		s->blocked &= ~sigmask(sig);
	}
	send_signal_info(current, sig, &info);
}

bool sig_ignored_or_blocked(int sig)
{
	const struct signal_state *s = &current->signal;

	return (s->blocked & sigmask(sig)) ||
	       s->action[sig].sa_handler == SIG_IGN;
}

bool sig_kills_current(int sig)
{
	const struct signal_state *s = &current->signal;

	if (s->action[sig].sa_handler != SIG_DFL && sig != SIGKILL)
		return false;
	return default_action[sig] == SIG_DFL_TERM ||
	       default_action[sig] == SIG_DFL_CORE;
}

void fill_siginfo(siginfo_t *si, int sig, const struct kernel_siginfo *k)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = k->si_code;
	if (k->si_code == SI_TIMER) {
		si->si_timerid = k->si_timerid;
		si->si_overrun = k->si_overrun;
		si->si_value = k->si_value;
		return;
	}
	if (k->si_addr || sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	    sig == SIGFPE) {
		si->si_addr = (void *)k->si_addr;
		return;
	}
	/* As Linux: a timer's id and overrun lie where a sender's pid is. */
	if (k->si_code == SI_TIMER) {
		si->si_timerid = k->si_timerid;
		si->si_overrun = k->si_overrun;
	} else {
		si->si_pid = k->si_pid;
	}
	/* si_value and si_status share their place: a value comes from a
	 * sender (si_code < 0), a status with SIGCHLD. */
	if (k->si_code < 0)
		si->si_value = k->si_value;
	else
		si->si_status = k->si_status;
}

/*
 * SIGCHLD to t's parent: t exited, was killed, stopped or continued (t is
 * a process's leader, or a kernel thread).
 */
void notify_parent(struct task_struct *t, int code, int status)
{
	struct task_struct *p = t->parent;
	struct kernel_siginfo info = { .si_code = code,
				       .si_pid = t->pid,
				       .si_status = status };

	wake_up(&p->child_exit);
	if (p->kthread || ((code == CLD_STOPPED || code == CLD_CONTINUED) &&
			   (p->signal.action[SIGCHLD].sa_flags & SA_NOCLDSTOP)))
		return;
	send_group_signal_info(p, SIGCHLD, &info);
}

/* Every thread has stopped: the process is, for waitpid WUNTRACED. */
static void report_group_stop(struct task_struct *leader)
{
	leader->stop_report = leader->signal.stop_sig;
	notify_parent(leader, CLD_STOPPED, leader->signal.stop_sig);
}

/*
 * Stop until SIGCONT or SIGKILL, and make every other thread of the
 * process stop too: a running one at its next return to user mode (the
 * tick brings one in from user mode on another CPU), a sleeping one woken,
 * its wait cut short as a signal would (signal_pending).  The last thread
 * to stop tells the parent (Linux: JOBCTL_STOP_PENDING, group_stop_count).
 */
static void do_signal_stop(int sig)
{
	struct task_struct *t = current, *leader = t->group_leader, *th;
	unsigned long flags = arch_local_irq_save();
	int others = 0;

	leader->continued_report = false;
	list_for_each_entry (th, &leader->thread_head, thread_node) {
		if (th == t || th->state == TASK_STOPPED)
			continue;
		th->signal.stop_pending = true;
		wake_up_task(th);
		others++;
	}
	leader->signal.stop_sig = sig;
	leader->signal.stop_remaining = others;
	t->state = TASK_STOPPED;
	if (!others)
		report_group_stop(leader);
	schedule();
	arch_local_irq_restore(flags);
}

/* Another thread's stop: this one stops too, until the process continues. */
static void group_stop_participate(void)
{
	struct task_struct *leader = current->group_leader;
	unsigned long flags = arch_local_irq_save();

	if (current->signal.stop_pending) {
		current->signal.stop_pending = false;
		current->state = TASK_STOPPED;
		if (--leader->signal.stop_remaining == 0)
			report_group_stop(leader);
		schedule();
	}
	arch_local_irq_restore(flags);
}

/*
 * The next pending signal of mask, taken off the pending set (a real-time
 * one, its oldest instance off the queue); 0 if none.  The lowest number
 * first, as POSIX asks of real-time signals, and so classic signals before
 * them -- but SIGKILL first: a killed process reports being killed.
 */
static int dequeue_signal(sigset_t mask, struct kernel_siginfo *info)
{
	struct signal_state *s = &current->signal;
	unsigned long flags = arch_local_irq_save();
	sigset_t ready = s->pending & mask;
	int sig = 0;

	if (ready) {
		sig = ready & sigmask(SIGKILL) ? SIGKILL
					       : __builtin_ctzll(ready) + 1;
		if (sig >= SIGRTMIN) {
			sigqueue_take(current, sig, info);
		} else {
			s->pending &= ~sigmask(sig);
			*info = s->info[sig];
		}
		if (info->si_code == SI_TIMER)
			posixtimer_rearm(info);
	}
	arch_local_irq_restore(flags);
	return sig;
}

/*
 * A system call cut short by a signal: -ERESTARTSYS becomes EINTR if a
 * handler without SA_RESTART is about to run, and otherwise the call is
 * made again (the arch rewinds the instruction and its number);
 * -ERESTART_RESTARTBLOCK (nanosleep) becomes EINTR if any handler runs.
 */
static void syscall_restart(struct pt_regs *regs, const struct sigaction *ka)
{
	long ret = syscall_get_return(regs);

	if (ret == -ERESTART_RESTARTBLOCK) {
		current->signal.restart_sleep = !ka;
		if (ka)
			syscall_set_return(regs, -EINTR);
		else
			syscall_rewind(regs);
		return;
	}
	if (ret != -ERESTARTSYS)
		return;
	if (ka && !(ka->sa_flags & SA_RESTART))
		syscall_set_return(regs, -EINTR);
	else
		syscall_rewind(regs);
}

/*
 * The alternate signal stack (sigaltstack), Linux's rules: a handler whose
 * action has SA_ONSTACK runs there -- the one place a handler for a stack
 * overflow's SIGSEGV can run, since the overflowed stack has no room for
 * its frame.  A handler already on it (a nested signal) stays on it, below
 * the frames there.  The stack grows down from sas_ss_sp + sas_ss_size.
 */
static bool on_sig_stack(unsigned long sp)
{
	const struct signal_state *s = &current->signal;

	return sp > s->sas_ss_sp && sp - s->sas_ss_sp <= s->sas_ss_size;
}

static int sas_ss_flags(unsigned long sp)
{
	if (!current->signal.sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

unsigned long sigsp(unsigned long sp, const struct sigaction *ka)
{
	const struct signal_state *s = &current->signal;

	if ((ka->sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0)
		return s->sas_ss_sp + s->sas_ss_size;
	return sp;
}

bool sigframe_fits(unsigned long sp, unsigned long bottom)
{
	return bottom < sp && (!on_sig_stack(sp) || on_sig_stack(bottom));
}

void sigaltstack_save(stack_t *ss, unsigned long sp)
{
	ss->ss_sp = (void *)current->signal.sas_ss_sp;
	ss->ss_size = current->signal.sas_ss_size;
	ss->ss_flags = sas_ss_flags(sp);
}

/*
 * Set or read the alternate stack.  It cannot change while a handler runs
 * on it (EPERM; setting it to what it is already is no change, allowed);
 * SS_DISABLE removes it; a stack under MINSIGSTKSZ is ENOMEM.  Where it is, is not checked: a frame that cannot be written
 * there ends the process with SIGSEGV, as any unwritable stack does.
 */
long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss)
{
	struct signal_state *s = &current->signal;
	unsigned long sp = user_stack_pointer(task_pt_regs(current));
	stack_t old, new;

	sigaltstack_save(&old, sp);
	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	if (uss &&
	    (unsigned long)new.ss_sp == s->sas_ss_sp &&new.ss_size ==
		    s->sas_ss_size &&
	    !new.ss_flags)
		uss = NULL; /* no change: allowed anywhere, as in Linux */
	if (uss) {
		if (on_sig_stack(sp))
			return -EPERM;
		/* SS_ONSTACK is accepted as 0, as Linux does (old programs). */
		if (new.ss_flags & ~(SS_DISABLE | SS_ONSTACK) ||
		    new.ss_flags == (SS_DISABLE | SS_ONSTACK))
			return -EINVAL;
		if (new.ss_flags == SS_DISABLE) {
			new.ss_sp = NULL;
			new.ss_size = 0;
		} else if (new.ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		s->sas_ss_sp = (unsigned long)new.ss_sp;
		s->sas_ss_size = new.ss_size;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* Enter sig's handler; a frame that cannot be written kills with SIGSEGV. */
static void handle_signal(int sig, const struct kernel_siginfo *info,
			  struct pt_regs *regs)
{
	struct signal_state *s = &current->signal;
	struct sigaction *ka = &s->action[sig];
	sigset_t old = s->restore_blocked ? s->saved_blocked : s->blocked;

	if (!(ka->sa_flags & SA_RESTORER) ||
	    arch_setup_rt_frame(sig, info, ka, old, regs)) {
		printk("pid %d (%s): signal %d: cannot enter its handler\n",
		       current->pid, current->comm, sig);
		do_group_exit(__W_SIGNALED(SIGSEGV));
	}
	s->restore_blocked = false;
	s->restart_sleep = false; /* the call, if made again, starts afresh */
	s->blocked |= ka->sa_mask;
	if (!(ka->sa_flags & SA_NODEFER))
		s->blocked |= sigmask(sig);
	s->blocked &= ~UNBLOCKABLE;
	if (ka->sa_flags & SA_RESETHAND)
		ka->sa_handler = SIG_DFL;
}

void exit_to_user_mode(struct pt_regs *regs)
{
	struct signal_state *s = &current->signal;
	bool syscall = in_syscall(regs);
	struct kernel_siginfo info;
	int sig;

	group_stop_participate();

	while ((sig = dequeue_signal(~(s->blocked & ~UNBLOCKABLE), &info))) {
		struct sigaction *ka = &s->action[sig];

		if (ka->sa_handler == SIG_IGN && sig != SIGKILL)
			continue;
		if (ka->sa_handler != SIG_DFL && sig != SIGKILL) {
			if (syscall)
				syscall_restart(regs, ka);
			syscall = false;
			handle_signal(sig, &info, regs);
			continue;
		}
		switch (default_action[sig]) {
		case SIG_DFL_IGNORE:
		case SIG_DFL_CONT:
			break;
		case SIG_DFL_STOP:
			do_signal_stop(sig);
			break;
		default:
			do_group_exit(__W_SIGNALED(sig));
		}
	}
	if (syscall)
		syscall_restart(regs, NULL);
	if (s->restore_blocked) {
		s->restore_blocked = false;
		s->blocked = s->saved_blocked;
	}
}

int sighand_alloc(struct task_struct *t)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh));

	if (!sh)
		return -ENOMEM;
	sh->count = 1;
	t->signal.action = sh->action;
	INIT_LIST_HEAD(&t->signal.queue);
	return 0;
}

void sighand_share(struct task_struct *child, struct task_struct *parent)
{
	unsigned long flags = arch_local_irq_save();

	task_sighand(parent)->count++;
	arch_local_irq_restore(flags);
	sighand_put(child);
	child->signal.action = parent->signal.action;
}

void sighand_put(struct task_struct *t)
{
	struct sighand_struct *sh = task_sighand(t);
	unsigned long flags = arch_local_irq_save();
	bool last = --sh->count == 0;

	arch_local_irq_restore(flags);
	t->signal.action = NULL;
	if (last)
		kfree(sh);
}

void signals_fork(struct task_struct *child, const struct task_struct *parent)
{
	memcpy(child->signal.action, parent->signal.action,
	       sizeof(task_sighand(child)->action));
	child->signal.blocked = parent->signal.blocked;
	child->signal.sas_ss_sp = parent->signal.sas_ss_sp;
	child->signal.sas_ss_size = parent->signal.sas_ss_size;
}

/*
 * exec: caught signals go back to their default; ignored ones stay so.
 * The alternate stack was in the old image: it goes too.
 */
void flush_signal_handlers(struct task_struct *t)
{
	t->signal.sas_ss_sp = 0;
	t->signal.sas_ss_size = 0;
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction *ka = &t->signal.action[sig];

		if (ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_mask = 0;
		ka->sa_restorer = NULL;
	}
}

/*
 * sig with info to process pid (kill's and sigqueue's rules: init may not
 * be signalled, the caller must be allowed to (check_kill_permission), a
 * zombie takes the signal and nothing happens; sig 0 only checks).
 */
static long kill_proc_info(int pid, int sig, const struct kernel_siginfo *info)
{
	struct task_struct *t = pid > 0 ? find_task_by_pid(pid) : NULL;
	int err;

	if (!t)
		return -ESRCH;
	if (t == init_task)
		return -EPERM;
	err = check_kill_permission(sig, t);
	if (err)
		return err;
	if (!sig || thread_group_empty(t->group_leader))
		return 0;
	return send_group_signal_info(t, sig, info);
}

long sys_kill(int pid, int sig)
{
	struct kernel_siginfo info;

	if (sig && !valid_signal(sig))
		return -EINVAL;
	if (pid == 0) /* the caller's group */
		return __kill_pgrp(current->group_leader->pgid, sig, false);
	if (pid == -1)
		return kill_all(sig);
	if (pid < 0) /* a whole process group */
		return pid < -0x7fffffff ? -ESRCH
					 : __kill_pgrp(-pid, sig, false);
	user_siginfo(&info);
	return kill_proc_info(pid, sig, &info);
}

long sys_sigaction(int sig, const struct sigaction __user *act,
		   struct sigaction __user *oact)
{
	struct sigaction *ka, new;

	if (!valid_signal(sig))
		return -EINVAL;
	ka = &current->signal.action[sig];
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (act && (sigmask(sig) & UNBLOCKABLE))
		return -EINVAL;
	if (oact && copy_to_user(oact, ka, sizeof(*ka)))
		return -EFAULT;
	if (!act)
		return 0;
	new.sa_mask &= ~UNBLOCKABLE;
	*ka = new;
	/* Ignoring a signal discards it if pending, in every thread (POSIX). */
	if (sig_ignored(current, sig))
		discard_group_signal(current, sig);
	return 0;
}

long sys_sigprocmask(int how, const sigset_t __user *uset,
		     sigset_t __user *oset)
{
	struct signal_state *s = &current->signal;
	sigset_t set, old = s->blocked;

	if (uset && copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	if (uset) {
		switch (how) {
		case SIG_BLOCK:
			s->blocked |= set;
			break;
		case SIG_UNBLOCK:
			s->blocked &= ~set;
			break;
		case SIG_SETMASK:
			s->blocked = set;
			break;
		default:
			return -EINVAL;
		}
		s->blocked &= ~UNBLOCKABLE;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old))) {
		s->blocked = old;
		return -EFAULT;
	}
	return 0;
}

long sys_sigpending(sigset_t __user *uset)
{
	sigset_t set = current->signal.pending & current->signal.blocked;

	return copy_to_user(uset, &set, sizeof(set)) ? -EFAULT : 0;
}

/* Woken by any signal sent to the sleeper (send_signal_info), never else. */
static struct wait_queue sigsuspend_wait = WAIT_QUEUE_INIT(sigsuspend_wait);

/*
 * Wait for a signal with mask as the mask; the old mask comes back after
 * the handler ran (the frame saves it: restore_blocked), so a signal
 * blocked before the call cannot slip in between unblocking and sleeping.
 */
/*
 * A mask in force for one wait (sigsuspend, pselect): the caller's is
 * saved, and put back on the way to user mode -- after the handler's frame
 * has recorded it, if a signal ends the wait -- or at once if none does.
 */
int set_user_sigmask(const sigset_t __user *umask)
{
	struct signal_state *s = &current->signal;
	sigset_t mask;

	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	s->saved_blocked = s->blocked;
	s->restore_blocked = true;
	s->blocked = mask & ~UNBLOCKABLE;
	return 0;
}

void restore_saved_sigmask(bool interrupted)
{
	struct signal_state *s = &current->signal;

	if (interrupted || !s->restore_blocked)
		return;
	s->restore_blocked = false;
	s->blocked = s->saved_blocked;
}

long sys_sigsuspend(const sigset_t __user *umask)
{
	unsigned long flags;

	if (set_user_sigmask(umask))
		return -EFAULT;
	flags = arch_local_irq_save();
	while (!sleep_on(&sigsuspend_wait))
		;
	arch_local_irq_restore(flags);
	return -EINTR;
}

/*
 * Take a signal of set (which the caller keeps blocked) without running
 * its handler, waiting at most until timeout (NULL: for ever; zero: not
 * at all) and failing with EAGAIN then.  During the wait set is
 * unblocked, so that sending one wakes the task, but still counts as
 * blocked for dropping ignored signals (real_blocked, as Linux's: a
 * SIGCHLD left at its default is waited for, not dropped); any other
 * signal the task must act on ends the wait with EINTR.
 */
long sys_sigtimedwait(const sigset_t __user *uset, siginfo_t __user *uinfo,
		      const struct timespec __user *uts)
{
	struct signal_state *s = &current->signal;
	unsigned long until = 0, flags;
	struct kernel_siginfo info;
	sigset_t set, saved = s->blocked;
	struct timespec ts;
	siginfo_t si;
	int sig;
	long err;

	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	if (uts) {
		err = get_user_timespec(&ts, uts);
		if (err)
			return err;
		/* Tick 0 is the "no deadline" mark: move off it. */
		until = (jiffies + timespec_to_jiffies(&ts)) ?: 1;
	}
	set &= ~UNBLOCKABLE;
	flags = arch_local_irq_save();
	s->real_blocked = set;
	s->blocked &= ~set;
	err = 0;
	while (!(sig = dequeue_signal(set, &info))) {
		if (uts && (!(ts.tv_sec | ts.tv_nsec) ||
			    (long)(jiffies - until) >= 0)) {
			err = -EAGAIN;
			break;
		}
		if (sleep_on_deadline(&sigsuspend_wait, until) &&
		    !(s->pending & set)) {
			err = -EINTR;
			break;
		}
	}
	s->blocked = saved;
	s->real_blocked = 0;
	arch_local_irq_restore(flags);
	if (err)
		return err;
	fill_siginfo(&si, sig, &info);
	if (uinfo && copy_to_user(uinfo, &si, sizeof(si)))
		return -EFAULT;
	return sig;
}

long sys_sigwaitinfo(const sigset_t __user *uset, siginfo_t __user *uinfo)
{
	return sys_sigtimedwait(uset, uinfo, NULL);
}

/*
 * sigqueue: sig with the caller's si_code and si_value to process pid
 * (Linux's rt_sigqueueinfo).  The si_codes 0 and up are the kernel's and
 * kill's, SI_TKILL tkill's: a program may claim them only to itself.  The
 * sender's pid is the kernel's to tell, not the caller's.  EAGAIN: the
 * process has SIGQUEUE_MAX real-time signals queued.
 */
long sys_sigqueueinfo(int pid, int sig, const siginfo_t __user *uinfo)
{
	struct kernel_siginfo info = { .si_pid = current->tgid };
	siginfo_t si;

	if (copy_from_user(&si, uinfo, sizeof(si)))
		return -EFAULT;
	if ((si.si_code >= 0 || si.si_code == SI_TKILL) && pid != current->tgid)
		return -EPERM;
	if (sig && !valid_signal(sig))
		return -EINVAL;
	info.si_code = si.si_code;
	info.si_value = si.si_value;
	return kill_proc_info(pid, sig, &info);
}

/*
 * tgkill(tgid, tid, sig): sig to the one thread tid of process tgid, which
 * takes it even if its siblings do not block it (Linux's call behind
 * pthread_kill).  Naming the process too guards against a thread id that
 * another process reuses after the thread is gone.
 */
long sys_tgkill(int tgid, int tid, int sig)
{
	struct kernel_siginfo info = { .si_code = SI_TKILL,
				       .si_pid = current->tgid };
	struct task_struct *t;
	int err;

	if (tgid <= 0 || tid <= 0 || (sig && !valid_signal(sig)))
		return -EINVAL;
	t = find_task_by_pid(tid);
	if (!t || t->tgid != tgid || t->state == TASK_ZOMBIE)
		return -ESRCH;
	if (t == init_task)
		return -EPERM;
	err = check_kill_permission(sig, t);
	if (err || !sig)
		return err;
	return send_signal_info(t, sig, &info);
}

long sys_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	sigset_t blocked;

	if (arch_restore_rt_frame(regs, &blocked)) {
		printk("pid %d (%s): sigreturn: bad signal frame\n",
		       current->pid, current->comm);
		do_group_exit(__W_SIGNALED(SIGSEGV));
	}
	current->signal.blocked = blocked & ~UNBLOCKABLE;
	forget_syscall(regs);
	/* The interrupted code's rax, which the dispatcher stores back. */
	return syscall_get_return(regs);
}

/*
 * Is there a VMA at addr, and with which rights?  Under mmap_lock: a
 * sibling thread's munmap or mprotect, preempted half-way, may be
 * changing the VMA tree (chapter 10, section 10.6).
 */
static bool user_vma_flags(struct mm_struct *mm, unsigned long addr,
			   unsigned long *vm_flags)
{
	struct vm_area_struct *vma;

	if (!mm || addr >= TASK_SIZE)
		return false;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (vma)
		*vm_flags = vma->vm_flags;
	mmap_read_unlock(mm);
	return vma;
}

int segv_code(struct mm_struct *mm, unsigned long addr)
{
	unsigned long vm_flags;

	return user_vma_flags(mm, addr, &vm_flags) ? SEGV_ACCERR : SEGV_MAPERR;
}

void describe_user_fault(char *buf, size_t size, struct mm_struct *mm,
			 unsigned long addr, int fault)
{
	unsigned long vm_flags;

	if (fault & VM_FAULT_OOM)
		snprintf(buf, size, "out of memory");
	else if (fault & VM_FAULT_SIGBUS)
		snprintf(buf, size, "nothing to map");
	else if (user_vma_flags(mm, addr, &vm_flags))
		snprintf(buf, size, "protection fault on a %c%c%c mapping",
			 vm_flags & VM_READ ? 'r' : '-',
			 vm_flags & VM_WRITE ? 'w' : '-',
			 vm_flags & VM_EXEC ? 'x' : '-');
	else
		snprintf(buf, size, "no mapping");
}

int fault_signal(int fault)
{
	if (fault & VM_FAULT_OOM)
		return SIGKILL;
	return fault & VM_FAULT_SIGBUS ? SIGBUS : SIGSEGV;
}
