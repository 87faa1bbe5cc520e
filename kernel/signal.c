// SPDX-License-Identifier: MIT
/*
 * POSIX signals: sending, blocking, catching, and the default actions.
 *
 * A signal sent to a task sets its bit in the task's pending set (standard
 * signals do not queue: a second one before the first is acted on is lost)
 * and wakes the task if it may act on it.  Acting happens in one place, on
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
 * faulted; kill's, alarm's and SIGCHLD to the process, which gives it to
 * one of its threads not blocking it.  A signal whose action ends the
 * process ends every thread of it (do_group_exit), whichever took it.
 *
 * The design is Linux's (kernel/signal.c, arch/x86/kernel/signal.c), much
 * reduced: no real-time signals, no process-wide pending set.  A stop
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

void send_signal_info(struct task_struct *t, int sig,
		      const struct kernel_siginfo *info)
{
	unsigned long flags = arch_local_irq_save();
	struct signal_state *s = &t->signal;

	prepare_signal(t, sig);
	/* An ignored signal is dropped now, unless blocked (it may be
	 * unblocked after its action changed, or sigwaitinfo takes it). */
	if (!((s->blocked | s->real_blocked) & sigmask(sig)) &&
	    sig_ignored(t, sig))
		goto out;
	if (!(s->pending & sigmask(sig)))
		s->info[sig] = *info;
	s->pending |= sigmask(sig);
	if (signal_pending(t))
		wake_up_task(t);
out:
	arch_local_irq_restore(flags);
}

static void user_siginfo(struct kernel_siginfo *info)
{
	*info = (struct kernel_siginfo){ .si_code = SI_USER };
	if (current->mm)
		info->si_pid = current->tgid;
}

void send_signal(struct task_struct *t, int sig)
{
	struct kernel_siginfo info;

	user_siginfo(&info);
	send_signal_info(t, sig, &info);
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

void send_group_signal_info(struct task_struct *t, int sig,
			    const struct kernel_siginfo *info)
{
	unsigned long flags = arch_local_irq_save();

	send_signal_info(group_signal_target(t, sig), sig, info);
	arch_local_irq_restore(flags);
}

void send_group_signal(struct task_struct *t, int sig)
{
	struct kernel_siginfo info;

	user_siginfo(&info);
	send_group_signal_info(t, sig, &info);
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
	if (k->si_addr || sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	    sig == SIGFPE) {
		si->si_addr = (void *)k->si_addr;
		return;
	}
	si->si_pid = k->si_pid;
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
 * The next pending signal of mask, taken off the pending set; 0 if none.
 * SIGKILL first: a killed process reports being killed.
 */
static int dequeue_signal(sigset_t mask, struct kernel_siginfo *info)
{
	struct signal_state *s = &current->signal;
	unsigned long flags = arch_local_irq_save();
	unsigned long ready = s->pending & mask;
	int sig = 0;

	if (ready) {
		sig = ready & sigmask(SIGKILL) ? SIGKILL
					       : __builtin_ctzl(ready) + 1;
		s->pending &= ~sigmask(sig);
		*info = s->info[sig];
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
	return 0;
}

static struct sighand_struct *task_sighand(struct task_struct *t)
{
	return container_of(t->signal.action, struct sighand_struct, action[0]);
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

long sys_kill(int pid, int sig)
{
	struct task_struct *t;
	int err;

	if (sig && !valid_signal(sig))
		return -EINVAL;
	if (pid == 0) /* the caller's group */
		return __kill_pgrp(current->group_leader->pgid, sig, false);
	if (pid == -1)
		return kill_all(sig);
	if (pid < 0) /* a whole process group */
		return pid < -0x7fffffff ? -ESRCH
					 : __kill_pgrp(-pid, sig, false);
	t = find_task_by_pid(pid);
	if (!t)
		return -ESRCH;
	if (t == init_task)
		return -EPERM;
	err = check_kill_permission(sig, t);
	if (err)
		return err;
	if (sig && !thread_group_empty(t->group_leader))
		send_group_signal(t, sig);
	return 0;
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
	/* Ignoring a signal discards it if pending (POSIX). */
	if (sig_ignored(current, sig))
		current->signal.pending &= ~sigmask(sig);
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
 * its handler.  During the wait set is unblocked, so that sending one
 * wakes the task, but still counts as blocked for dropping ignored
 * signals (real_blocked, as Linux's: a SIGCHLD left at its default is
 * waited for, not dropped); any other signal the task must act on ends
 * the wait with EINTR.
 */
long sys_sigwaitinfo(const sigset_t __user *uset, siginfo_t __user *uinfo)
{
	struct signal_state *s = &current->signal;
	struct kernel_siginfo info;
	sigset_t set, saved = s->blocked;
	unsigned long flags;
	siginfo_t si;
	int sig;

	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	set &= ~UNBLOCKABLE;
	flags = arch_local_irq_save();
	s->real_blocked = set;
	s->blocked &= ~set;
	while (!(sig = dequeue_signal(set, &info)))
		if (sleep_on(&sigsuspend_wait) && !(s->pending & set))
			break;
	s->blocked = saved;
	s->real_blocked = 0;
	arch_local_irq_restore(flags);
	if (!sig)
		return -EINTR;
	fill_siginfo(&si, sig, &info);
	if (uinfo && copy_to_user(uinfo, &si, sizeof(si)))
		return -EFAULT;
	return sig;
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

/* Tasks with an alarm set, for the tick to check. */
static LIST_HEAD(alarms);

static void alarm_cancel(struct signal_state *s)
{
	if (s->alarm_at)
		list_del(&s->alarm_link);
	s->alarm_at = 0;
}

/* The seconds left of the previous alarm (rounded up), as POSIX says. */
long sys_alarm(unsigned int seconds)
{
	/* The process's alarm, whichever thread sets it: the leader keeps it. */
	struct signal_state *s = &current->group_leader->signal;
	unsigned long flags = arch_local_irq_save();
	long left = 0;

	/* An alarm still to come, however close, counts as 1 second. */
	if (s->alarm_at)
		left = max(((long)(s->alarm_at - jiffies) + HZ - 1) / HZ, 1L);
	alarm_cancel(s);
	if (seconds) {
		/* Tick 0 is the "no alarm" mark: move off it. */
		s->alarm_at = (jiffies + (unsigned long)seconds * HZ) ?: 1;
		list_add_tail(&s->alarm_link, &alarms);
	}
	arch_local_irq_restore(flags);
	return left;
}

void run_alarms(void)
{
	static const struct kernel_siginfo alarm_info = { .si_code =
								  SI_KERNEL };
	struct list_head *p = alarms.next;

	while (p != &alarms) {
		struct signal_state *s =
			list_entry(p, struct signal_state, alarm_link);

		p = p->next; /* before alarm_cancel takes s off the list */
		if ((long)(jiffies - s->alarm_at) < 0)
			continue;
		alarm_cancel(s);
		send_group_signal_info(
			container_of(s, struct task_struct, signal), SIGALRM,
			&alarm_info);
	}
}

void alarm_move(struct task_struct *to, struct task_struct *from)
{
	unsigned long flags = arch_local_irq_save();

	if (from->signal.alarm_at) {
		to->signal.alarm_at = from->signal.alarm_at;
		list_add_tail(&to->signal.alarm_link, &from->signal.alarm_link);
		list_del(&from->signal.alarm_link);
		from->signal.alarm_at = 0;
	}
	arch_local_irq_restore(flags);
}

void signals_exit(struct task_struct *t)
{
	unsigned long flags = arch_local_irq_save();

	alarm_cancel(&t->signal);
	arch_local_irq_restore(flags);
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
