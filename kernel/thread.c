// SPDX-License-Identifier: MIT
/*
 * Threads: clone, thread groups, exit_group, gettid, set_tls.
 *
 * A thread is a task that shares its creator's address space (CLONE_VM),
 * open files and working directory (CLONE_FILES, CLONE_FS), signal
 * actions (CLONE_SIGHAND) and process (CLONE_THREAD): its pid is its own
 * thread id, its tgid the process's pid.  Linux's clone takes those five
 * flags together to make a POSIX thread, and so does Pagoda's -- that is
 * the only combination it accepts, apart from fork's (SIGCHLD alone).  On
 * top of them:
 *
 *	CLONE_SETTLS		the new thread's TLS pointer (x86_64: FS base)
 *	CLONE_PARENT_SETTID	store its thread id at parent_tid
 *	CLONE_CHILD_CLEARTID	at its exit, store 0 at child_tid and wake a
 *				futex waiter there: how pthread_join waits
 *
 * The group's bookkeeping (its live threads, the exit status they all
 * give once one of them called exit_group or was killed) is in the
 * leader's task_struct (kernel/sched.h); the leader is what fork created,
 * what waitpid reports, and it stays a zombie until its last thread has
 * gone (kernel/process.c).
 *
 * A process's threads share one mm: its mmap_lock (mm/mmap_lock.h) keeps
 * one thread's VMA changes whole while another faults or changes them too.
 */
#include <asm/irqflags.h>
#include <asm/layout.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/futex.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <pagoda/abi.h>

/* What makes a POSIX thread, and the extras clone may add to it. */
#define CLONE_THREAD_FLAGS                                                     \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)
#define CLONE_THREAD_EXTRAS                                                    \
	(CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

/*
 * The stack a thread starts on must be writable memory of the process:
 * the word below sp is where its first call pushes.
 */
static bool stack_usable(struct mm_struct *mm, unsigned long sp)
{
	struct vm_area_struct *vma;
	bool ok;

	if (sp < 8 || sp > TASK_SIZE)
		return false;
	mmap_read_lock(mm);
	vma = find_vma(mm, sp - 8);
	ok = vma && vma->vm_start <= sp - 8 && (vma->vm_flags & VM_WRITE);
	mmap_read_unlock(mm);
	return ok;
}

/* Make child a thread of parent's process (interrupts off). */
static void join_thread_group(struct task_struct *child,
			      struct task_struct *parent)
{
	struct task_struct *leader = parent->group_leader;

	child->group_leader = leader;
	child->tgid = leader->tgid;
	child->pgid = leader->pgid;
	child->sid = leader->sid;
	list_del(&child->thread_node);
	list_add_tail(&child->thread_node, &leader->thread_head);
}

static long clone_thread(unsigned long flags, unsigned long sp,
			 int __user *parent_tid, int __user *child_tid,
			 unsigned long tls)
{
	struct task_struct *parent = current, *child;
	unsigned long irqflags;
	int err;

	child = alloc_task(parent->comm);
	if (IS_ERR(child))
		return PTR_ERR(child);
	copy_thread_clone(child, parent, sp);
	sched_fork(child, parent);
	err = copy_creds(child, parent); /* RLIMIT_NPROC */
	if (err)
		goto fail;
	err = -EPERM; /* Linux's answer to a TLS pointer outside user space */
	if ((flags & CLONE_SETTLS) && arch_set_tls(child, tls))
		goto fail;
	err = -EFAULT;
	if (!stack_usable(parent->mm, sp))
		goto fail;
	err = -EFAULT;
	if ((flags & CLONE_PARENT_SETTID) &&
	    copy_to_user(parent_tid, &child->pid, sizeof(child->pid)))
		goto fail;
	err = -EAGAIN; /* the process is exiting */
	if (parent->group_leader->group_exiting || !mmget_not_zero(parent->mm))
		goto fail;
	files_share(child, parent);
	sighand_share(child, parent);
	child->signal.blocked = parent->signal.blocked;
	child->cpus_allowed = parent->cpus_allowed;
	if (flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = child_tid;
	child->mm = parent->mm;
	irqflags = arch_local_irq_save();
	join_thread_group(child, parent);
	arch_local_irq_restore(irqflags);
	wake_up_task(child);
	return child->pid;

fail:
	free_task(child);
	return err;
}

long sys_clone(unsigned long flags, unsigned long sp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls)
{
	if (flags == SIGCHLD && !sp)
		return sys_fork();
	if ((flags & ~CLONE_THREAD_EXTRAS) != CLONE_THREAD_FLAGS)
		return -EINVAL;
	return clone_thread(flags, sp, parent_tid, child_tid, tls);
}

/*
 * CLONE_CHILD_CLEARTID: tell a joiner the thread is gone.  The store may
 * fault (the address was never checked, as in Linux); then there is
 * nobody to tell.
 */
void exit_thread_tid(struct task_struct *t)
{
	int zero = 0;

	if (!t->clear_child_tid)
		return;
	if (!copy_to_user(t->clear_child_tid, &zero, sizeof(zero)))
		futex_wake(t->mm, (unsigned long)t->clear_child_tid, 1);
	t->clear_child_tid = NULL;
}

/*
 * The first thread to ask sets the status and kills the others, which
 * then exit with that status too (exit_to_user_mode's SIGKILL lands here
 * again); the leader reports it once all are gone.
 */
void do_group_exit(int status)
{
	struct task_struct *leader = current->group_leader, *t;
	struct kernel_siginfo info = { .si_code = SI_KERNEL };
	unsigned long flags = arch_local_irq_save();

	if (leader->group_exiting) {
		status = leader->group_exit_code;
	} else {
		leader->group_exiting = true;
		leader->group_exit_code = status;
		list_for_each_entry (t, &leader->thread_head, thread_node)
			if (t != current)
				send_signal_info(t, SIGKILL, &info);
	}
	arch_local_irq_restore(flags);
	do_exit(status);
}

/* Are there threads in current's process but current? */
static bool other_threads(struct task_struct *leader)
{
	return leader->thread_head.next != &current->thread_node ||
	       leader->thread_head.prev != &current->thread_node;
}

/* The exec'ing thread t takes the place of the dead leader (de_thread). */
static void take_leadership(struct task_struct *t, struct task_struct *leader)
{
	int pid = t->pid;

	t->pid = leader->pid;
	leader->pid = pid;
	t->group_leader = t;
	t->exited_runtime = leader->exited_runtime; /* the old leader's too */
	list_del(&t->thread_node);
	INIT_LIST_HEAD(&t->thread_head);
	list_add_tail(&t->thread_node, &t->thread_head);
	t->parent = leader->parent;
	t->pgid = leader->pgid;
	t->sid = leader->sid;
	process_timers_move(t, leader);
	list_add_tail(&t->sibling, &leader->sibling);
	list_del(&leader->sibling);
	while (!list_empty(&leader->children)) {
		struct task_struct *c = list_first_entry(
			&leader->children, struct task_struct, sibling);

		list_del(&c->sibling);
		c->parent = t;
		list_add_tail(&c->sibling, &t->children);
	}
	add_dead_thread(leader);
}

/*
 * exec in a process of several threads (Linux's de_thread): the others
 * are killed, as by exit_group but for the caller, which waits until they
 * have left the group; if it is not the leader, it then takes the leader's
 * place -- its pid, which is the process's, its parent and children -- and
 * the old leader is freed.  -EAGAIN if the process is exiting already.
 */
int de_thread(void)
{
	struct task_struct *leader = current->group_leader, *t;
	struct kernel_siginfo info = { .si_code = SI_KERNEL };
	unsigned long flags = arch_local_irq_save();

	if (!other_threads(leader)) {
		arch_local_irq_restore(flags);
		return 0;
	}
	if (leader->group_exiting) {
		arch_local_irq_restore(flags);
		return -EAGAIN;
	}
	leader->group_exiting = true;
	leader->group_exit_code = __W_SIGNALED(SIGKILL);
	list_for_each_entry (t, &leader->thread_head, thread_node)
		if (t != current)
			send_signal_info(t, SIGKILL, &info);
	while (other_threads(leader))
		sleep_on_timeout(&leader->child_exit, 0);
	leader->group_exiting = false;
	if (leader != current)
		take_leadership(current, leader);
	arch_local_irq_restore(flags);
	return 0;
}

void sys_exit_group(int code)
{
	do_group_exit(__W_EXITCODE(code));
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_set_tls(unsigned long tls)
{
	return arch_set_tls(current, tls) ? -EPERM : 0;
}
