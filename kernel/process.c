// SPDX-License-Identifier: MIT
/*
 * Processes: fork, exit, waitpid, getpid, and process groups (setpgid,
 * kill_pgrp: what kill(-pgid) and the console's ^C reach).
 *
 * A process is a task with an mm.  fork gives the child the parent's VMAs,
 * sharing every page copy-on-write (dup_mm, copy_page_range), and its file
 * table, and makes the child return 0 from the same system call.  exit
 * frees all of that except the task itself, which stays a zombie holding
 * its status until the parent's waitpid collects it; an exiting parent's
 * children go to init, which reaps orphans.
 *
 * Signals are kernel/signal.c's; here a dying or stopping child tells its
 * parent (SIGCHLD, and waitpid's wake-up).
 *
 * With threads (kernel/thread.c) the process is the thread group: the
 * parent, the children, the process group and the status are its
 * leader's, and the leader is reported dead only once every thread of the
 * group has exited.  fork from any thread makes a process with one thread,
 * a child of the leader.
 */
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <mm/mmap.h>
#include <pagoda/abi.h>

struct task_struct *init_task;

/* A process (a thread group's leader, not a kernel thread) not exited. */
static bool is_live_process(const struct task_struct *t)
{
	return t->mm && t->state != TASK_ZOMBIE && thread_group_leader(t);
}

static void adopt(struct task_struct *parent, struct task_struct *child)
{
	child->parent = parent->group_leader;
	list_add_tail(&child->sibling, &child->parent->children);
}

/*
 * The child becomes a process (gets its mm, so that kill can find it) only
 * once its stack and files are ready.
 */
long sys_fork(void)
{
	struct task_struct *parent = current, *child;
	struct mm_struct *mm;
	int err;

	child = alloc_task(parent->comm);
	if (IS_ERR(child))
		return PTR_ERR(child);
	err = copy_creds(child, parent);
	mm = err ? NULL : dup_mm(parent->mm);
	if (!mm) {
		free_task(child);
		return err ? err : -ENOMEM;
	}
	sched_fork(child, parent);
	files_fork(child, parent);
	signals_fork(child, parent);
	copy_thread_fork(child, parent);
	child->mm = mm;
	child->pgid = parent->group_leader->pgid;
	child->sid = parent->group_leader->sid;
	child->cpus_allowed = parent->cpus_allowed;
	adopt(parent, child);
	wake_up_task(child);
	return child->pid;
}

/* Give t's children to init, waking init if one of them is already dead. */
static void reparent_children(struct task_struct *t)
{
	while (!list_empty(&t->children)) {
		struct task_struct *c = list_first_entry(
			&t->children, struct task_struct, sibling);

		list_del(&c->sibling);
		adopt(init_task, c);
		if (c->state == TASK_ZOMBIE)
			wake_up(&init_task->child_exit);
	}
}

/* Has group pgrp a process (not init) in session sid? */
static bool pgrp_in_session(int pgrp, int sid)
{
	struct task_struct *t;

	list_for_each_entry (t, &all_tasks, task_link)
		if (t->pgid == pgrp && t->sid == sid && is_live_process(t) &&
		    t != init_task)
			return true;
	return false;
}

/*
 * An orphaned process group (POSIX): no member has a parent in another
 * group of the same session -- no shell left that could continue it.  A
 * stopped job in such a group would stay stopped for ever, so when a
 * process's exit orphans a group with a stopped member, the group gets
 * SIGHUP then SIGCONT (Linux's kill_orphaned_pgrp): most programs end on
 * the SIGHUP; one that catches it goes on.  A parent that is init, or the
 * process exiting, does not count.
 */
static bool pgrp_orphaned(int pgrp, const struct task_struct *exiting)
{
	struct task_struct *t;

	list_for_each_entry (t, &all_tasks, task_link) {
		struct task_struct *p = t->parent;

		if (t->pgid != pgrp || !is_live_process(t) || t == exiting)
			continue;
		if (p == exiting || p == init_task)
			continue;
		if (p->pgid != pgrp && p->sid == t->sid)
			return false;
	}
	return true;
}

static bool process_stopped(struct task_struct *leader)
{
	struct task_struct *th;

	list_for_each_entry (th, &leader->thread_head, thread_node)
		if (th->state == TASK_STOPPED)
			return true;
	return false;
}

static bool pgrp_has_stopped(int pgrp)
{
	struct task_struct *t;

	list_for_each_entry (t, &all_tasks, task_link)
		if (t->pgid == pgrp && is_live_process(t) && process_stopped(t))
			return true;
	return false;
}

static void kill_orphaned_pgrp(int pgrp, const struct task_struct *exiting)
{
	if (pgrp_orphaned(pgrp, exiting) && pgrp_has_stopped(pgrp)) {
		kill_pgrp(pgrp, SIGHUP);
		kill_pgrp(pgrp, SIGCONT);
	}
}

/*
 * A parent that ignores SIGCHLD (SIG_IGN), or set SA_NOCLDWAIT on it, asked
 * for no zombies (POSIX): its children are freed as they exit, and its
 * waitpid, finding none, fails with ECHILD once all have gone.
 */
static bool parent_wants_no_zombies(const struct task_struct *p)
{
	const struct sigaction *ka = &p->signal.action[SIGCHLD];

	return !p->kthread &&
	       (ka->sa_handler == SIG_IGN || (ka->sa_flags & SA_NOCLDWAIT));
}

/*
 * Tell the parent that the process of leader has ended, all its threads.
 * Its group, and its children's, may be orphaned by it (kill_orphaned_pgrp).
 */
static void exit_notify(struct task_struct *leader)
{
	int status = leader->group_exiting ? leader->group_exit_code
					   : leader->exit_status;
	struct task_struct *c, *p = leader->parent;

	leader->exit_status = status;
	exit_process_timers(leader);
	if (p->pgid != leader->pgid && p->sid == leader->sid)
		kill_orphaned_pgrp(leader->pgid, leader);
	list_for_each_entry (c, &leader->children, sibling)
		if (c->pgid != leader->pgid && c->sid == leader->sid &&
		    is_live_process(c))
			kill_orphaned_pgrp(c->pgid, leader);
	reparent_children(leader);
	if (WIFEXITED(status))
		notify_parent(leader, CLD_EXITED, WEXITSTATUS(status));
	else
		notify_parent(leader, CLD_KILLED, WTERMSIG(status));
	if (parent_wants_no_zombies(p)) {
		list_del(&leader->sibling);
		add_dead_thread(leader); /* freed once it has switched away */
	}
}

/*
 * End the current task.  A thread leaves its group; the leader stays a
 * zombie for the parent, any other thread is freed once it has switched
 * away; the last thread to go tells the parent.
 */
void do_exit(int status)
{
	struct task_struct *t = current, *leader = t->group_leader;

	if (t == init_task)
		panic("init exited (status %#x)", status);
	if (t->mm) {
		struct mm_struct *mm = t->mm;

		exit_thread_tid(t);
		files_exit(t);
		/*
		 * Forget the mm before freeing it: were the task preempted in
		 * mmput, schedule() would otherwise load its page table again.
		 */
		t->mm = NULL;
		switch_mm(NULL);
		mmput(mm);
	}
	arch_local_irq_save();
	t->exit_status = status;
	leader->exited_runtime += task_cputime(t);
	list_del(&t->thread_node);
	wake_up(&leader->child_exit); /* an exec waiting in de_thread */
	if (t->kthread) {
		reparent_children(t);
		t->state = TASK_ZOMBIE;
		wake_up(&t->parent->child_exit);
		schedule();
		panic("a zombie ran again");
	}
	if (t == leader)
		t->state = TASK_ZOMBIE;
	else
		add_dead_thread(t);
	if (thread_group_empty(leader))
		exit_notify(leader);
	schedule();
	panic("a zombie ran again");
}

void task_exit(int ret)
{
	do_exit(__W_EXITCODE(ret));
}

void sys_exit(int code)
{
	do_exit(__W_EXITCODE(code));
}

/* Has c something for waitpid with these options to report? */
static bool child_reportable(const struct task_struct *c, int options)
{
	if (c->state == TASK_ZOMBIE)
		return thread_group_empty(c);
	if ((options & WUNTRACED) && c->stop_report)
		return true;
	return (options & WCONTINUED) && c->continued_report;
}

/*
 * Does child c match waitpid's pid?  pid > 0: that child; -1: any child;
 * 0: a child in the caller's process group; below -1: a child in group
 * -pid.  A child's group is read at each look, as setpgid may move it
 * while its parent waits.
 */
static bool child_matches(const struct task_struct *c, int pid)
{
	if (pid > 0)
		return c->pid == pid;
	if (pid == -1)
		return true;
	if (pid == 0)
		return c->pgid == current->group_leader->pgid;
	return c->pgid == -pid;
}

/*
 * A child matching pid: a zombie if there is one (or, with WUNTRACED or
 * WCONTINUED, one that stopped or continued since it was last reported).
 * *found says whether any child matches at all (else waitpid's ECHILD).
 */
static struct task_struct *find_child(int pid, int options, bool *found)
{
	struct task_struct *c;

	*found = false;
	list_for_each_entry (c, &current->group_leader->children, sibling) {
		if (!child_matches(c, pid))
			continue;
		*found = true;
		if (child_reportable(c, options))
			return c;
	}
	return NULL;
}

/*
 * Collect a zombie child, or a stopped or continued one's news: its pid,
 * with its status in *status.
 */
static long reap(struct task_struct *c, int *status)
{
	int pid = c->pid;

	if (c->state != TASK_ZOMBIE && c->stop_report) {
		*status = __W_STOPCODE(c->stop_report);
		c->stop_report = 0;
		return pid;
	}
	if (c->state != TASK_ZOMBIE) {
		*status = __W_CONTINUED;
		c->continued_report = false;
		return pid;
	}
	*status = c->exit_status;
	list_del(&c->sibling);
	current->cutime += c->utime + c->cutime;
	current->cstime += c->stime + c->cstime;
	current->cmin_flt += c->min_flt + c->cmin_flt;
	current->cmaj_flt += c->maj_flt + c->cmaj_flt;
	free_task(c);
	release_dead_threads(); /* c's threads, so that no page stays used */
	return pid;
}

/* waitpid for the kernel: the status comes back in kernel memory. */
static long do_wait(int pid, int *status, int options)
{
	unsigned long flags = arch_local_irq_save();
	long ret;

	for (;;) {
		bool found;
		struct task_struct *c = find_child(pid, options, &found);

		if (c) {
			ret = reap(c, status);
			break;
		}
		if (!found) {
			ret = -ECHILD;
			break;
		}
		if (options & WNOHANG) {
			ret = 0;
			break;
		}
		/*
		 * Look at the children again after a wake-up, even one by a
		 * signal: a child that went meanwhile is reported, or its
		 * absence (ECHILD: SA_NOCLDWAIT freed it), before the
		 * signal's EINTR -- the order Linux answers in.
		 */
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		sleep_on(&current->group_leader->child_exit);
	}
	arch_local_irq_restore(flags);
	return ret;
}

/*
 * A status that cannot be stored is lost with -EFAULT, as in Linux.  The
 * group -INT_MIN does not exist as an int: ESRCH, as Linux answers.
 */
long sys_waitpid(int pid, int __user *ustatus, int options)
{
	int status = 0;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return -EINVAL;
	if (pid == -__INT_MAX__ - 1)
		return -ESRCH;
	ret = do_wait(pid, &status, options);
	if (ret > 0 && ustatus &&
	    copy_to_user(ustatus, &status, sizeof(status)))
		return -EFAULT;
	return ret;
}

int kthread_wait(struct task_struct *t)
{
	int status;

	BUG_ON(do_wait(t->pid, &status, 0) <= 0);
	return WEXITSTATUS(status);
}

long sys_getpid(void)
{
	return current->tgid;
}

long sys_getppid(void)
{
	struct task_struct *p = current->group_leader->parent;

	return p ? p->pid : 0;
}

struct task_struct *find_process(int pid)
{
	struct task_struct *t;

	list_for_each_entry (t, &all_tasks, task_link)
		if (t->pid == pid && is_live_process(t))
			return t;
	return NULL;
}

/* The task (running or a zombie, not a kernel thread) called pid. */
struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *t;

	list_for_each_entry (t, &all_tasks, task_link)
		if (t->pid == pid && !t->kthread && t->state != TASK_DEAD)
			return t;
	return NULL;
}

/*
 * Process groups, for job control: the shell puts each job in a group of
 * its own, and the console kills the foreground group on ^C.  A group is
 * named by the pid of its first member; fork inherits the group, init is
 * alone in group 1.
 */
/* pid 0 is the caller, pgid 0 the process's own pid (a new group). */
long sys_setpgid(int pid, int pgid)
{
	struct task_struct *t;

	if (pid < 0 || pgid < 0)
		return -EINVAL;
	t = pid ? find_process(pid) : current;
	if (!t || (t != current && t->parent != current))
		return -ESRCH;
	t = t->group_leader;
	if (!pgid)
		pgid = t->pid;
	if (t->sid == t->pid || t->sid != current->group_leader->sid)
		return -EPERM; /* a session leader, or a child in another session */
	if (pgid != t->pid && !pgrp_in_session(pgid, t->sid))
		return -EPERM;
	t->pgid = pgid;
	return 0;
}

/* pid 0 is the caller. */
static struct task_struct *find_process_or_self(int pid)
{
	return pid ? find_process(pid) : current->group_leader;
}

long sys_getpgid(int pid)
{
	struct task_struct *t = find_process_or_self(pid);

	return t ? t->pgid : -ESRCH;
}

long sys_getsid(int pid)
{
	struct task_struct *t = find_process_or_self(pid);

	return t ? t->sid : -ESRCH;
}

/*
 * A new session, and in it a new group, both named by the caller's pid.
 * EPERM if a group of that name exists already (the caller leads a group),
 * so that a group never spans two sessions.  Pagoda has one terminal and
 * no controlling terminal per session: the console's foreground group is
 * whatever TIOCSPGRP said last.
 */
long sys_setsid(void)
{
	struct task_struct *t = current->group_leader;

	if (kill_pgrp(t->pid, 0) == 0 || t->pgid == t->pid)
		return -EPERM;
	t->sid = t->pid;
	t->pgid = t->pid;
	return t->pid;
}

/*
 * Send sig (0: none, only check) to process t on behalf of the caller, if
 * it may (check_kill_permission).  *ret keeps 0 once a send succeeded,
 * else the refusal -- a group's kill succeeds if one member took the
 * signal, as in Linux.
 */
static void kill_one_checked(struct task_struct *t, int sig, int *ret)
{
	int err = check_kill_permission(sig, t);

	if (!err && sig)
		send_group_signal(t, sig);
	if (*ret)
		*ret = err;
}

/*
 * Send sig (0: none, only check) to every process of group pgrp but init.
 * From the kernel (the console's ^C, an orphaned group: priv) no
 * permission is checked; kill(-pgrp) checks each member's.  Safe in
 * interrupt context: all_tasks changes only with interrupts off.  0,
 * -ESRCH if the group has no process, or -EPERM if none could be sent.
 */
int __kill_pgrp(int pgrp, int sig, bool priv)
{
	struct task_struct *t;
	int ret = -ESRCH;

	list_for_each_entry (t, &all_tasks, task_link) {
		if (t->pgid != pgrp || !is_live_process(t) || t == init_task)
			continue;
		if (!priv) {
			kill_one_checked(t, sig, &ret);
			continue;
		}
		if (sig)
			send_group_signal(t, sig);
		ret = 0;
	}
	return ret;
}

int kill_pgrp(int pgrp, int sig)
{
	return __kill_pgrp(pgrp, sig, true);
}

/*
 * kill(-1, sig): every process but init and the caller's that the caller
 * may signal.  0, -ESRCH if there is none, -EPERM if none could be sent.
 */
int kill_all(int sig)
{
	struct task_struct *t, *self = current->group_leader;
	int ret = -ESRCH;

	list_for_each_entry (t, &all_tasks, task_link) {
		if (!is_live_process(t) || t == init_task || t == self)
			continue;
		kill_one_checked(t, sig, &ret);
	}
	return ret;
}
