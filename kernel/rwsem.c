// SPDX-License-Identifier: MIT
/*
 * Reader-writer semaphores, the slow path: kernel/rwsem.h says what they
 * are for, and takes and releases an uncontended lock itself.  The shape
 * is Linux's queued rwsem, without its optimistic spinning: a task that
 * cannot have the lock at once joins the queue, raises the waiters' flag
 * of the count word, sleeps, and wakes owning it -- the task that grants
 * (a releaser that saw the flag, or a newcomer that found the lock free
 * after all) gives the lock to the waiters at the head (one writer, or
 * every reader up to the next writer) before it wakes them.  So a woken
 * waiter never has to retry, and nobody can slip in between the release
 * and the wake-up: while the flag is up, the fast paths all fail.
 *
 * Exclusion: the queue is changed with interrupts off on this CPU, under
 * the kernel lock (kernel/smp.h), so no other task runs kernel code
 * meanwhile; sleep_on_timeout gives the CPU (and with it the kernel lock)
 * to another task.  The count word is changed by atomic operations only,
 * here too, because the fast paths need no lock at all.
 */
#include <asm/irqflags.h>
#include <kernel/panic.h>
#include <kernel/rwsem.h>
#include <kernel/sched.h>

struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
	bool write;
	bool granted; /* the lock is the waiter's now */
};

/*
 * Give the lock to w if it is free for w; the waiters' flag goes down
 * with the last waiter.  The fast paths take nothing while the flag is
 * up, but releases go on, so the count is read and replaced atomically.
 */
static bool rwsem_try_grant(struct rw_semaphore *sem, struct rwsem_waiter *w,
			    bool last)
{
	long c = atomic_long_read(&sem->count);
	long new;

	do {
		if (w->write ? c & ~RWSEM_FLAG_WAITERS
			     : c & RWSEM_WRITER_LOCKED)
			return false;
		new = c + (w->write ? RWSEM_WRITER_LOCKED : RWSEM_READER_BIAS);
		if (last)
			new &= ~RWSEM_FLAG_WAITERS;
	} while (!atomic_long_try_cmpxchg(&sem->count, &c, new));
	if (w->write)
		sem->owner = w->task;
	return true;
}

/* Hand the lock to the head of the queue, as far as it can go. */
static void rwsem_grant(struct rw_semaphore *sem)
{
	while (!list_empty(&sem->wait_list)) {
		struct rwsem_waiter *w = list_first_entry(
			&sem->wait_list, struct rwsem_waiter, list);

		if (!rwsem_try_grant(sem, w, list_is_singular(&sem->wait_list)))
			return;
		list_del(&w->list);
		w->granted = true;
		wake_up_task(w->task);
		if (w->write)
			return;
	}
}

static void rwsem_down_slowpath(struct rw_semaphore *sem, bool write)
{
	unsigned long flags = arch_local_irq_save();
	struct rwsem_waiter w = { .task = current, .write = write };

	BUG_ON(sem->owner == current); /* a deadlock with itself */
	list_add_tail(&w.list, &sem->wait_list);
	atomic_long_or(RWSEM_FLAG_WAITERS, &sem->count);
	/* The holder may have gone before the flag was up, seeing no one. */
	rwsem_grant(sem);
	while (!w.granted)
		sleep_on_timeout(&sem->wait, 0);
	arch_local_irq_restore(flags);
}

void rwsem_down_read_slowpath(struct rw_semaphore *sem)
{
	rwsem_down_slowpath(sem, false);
}

void rwsem_down_write_slowpath(struct rw_semaphore *sem)
{
	rwsem_down_slowpath(sem, true);
}

void rwsem_wake(struct rw_semaphore *sem)
{
	unsigned long flags = arch_local_irq_save();

	rwsem_grant(sem);
	arch_local_irq_restore(flags);
}
