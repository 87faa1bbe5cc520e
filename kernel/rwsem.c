// SPDX-License-Identifier: MIT
/*
 * Reader-writer semaphores: kernel/rwsem.h says what they are for and
 * what they promise.  The shape is Linux's queued rwsem, without its
 * optimistic spinning: a task that cannot have the lock at once joins
 * the queue, sleeps, and wakes owning it -- the releasing task grants
 * the lock to the waiters at the head (one writer, or every reader up to
 * the next writer) before it wakes them.  So a woken waiter never has to
 * retry, and nobody can slip in between the release and the wake-up.
 *
 * Exclusion: every field is changed with interrupts off on this CPU,
 * under the kernel lock (kernel/smp.h); no other task can run kernel code
 * meanwhile.  sleep_on_timeout gives the CPU (and with it the kernel
 * lock) to another task.
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

static bool can_take(const struct rw_semaphore *sem, bool write)
{
	if (!list_empty(&sem->wait_list))
		return false;
	return write ? sem->count == 0 : sem->count >= 0;
}

static void take(struct rw_semaphore *sem, bool write, struct task_struct *t)
{
	if (write) {
		sem->count = -1;
		sem->owner = t;
	} else {
		sem->count++;
	}
}

/* Hand the lock to the head of the queue, as far as it can go. */
static void rwsem_wake(struct rw_semaphore *sem)
{
	while (!list_empty(&sem->wait_list)) {
		struct rwsem_waiter *w = list_first_entry(
			&sem->wait_list, struct rwsem_waiter, list);

		if (w->write ? sem->count != 0 : sem->count < 0)
			return;
		take(sem, w->write, w->task);
		list_del(&w->list);
		w->granted = true;
		wake_up_task(w->task);
		if (w->write)
			return;
	}
}

static void rwsem_down(struct rw_semaphore *sem, bool write)
{
	unsigned long flags = arch_local_irq_save();
	struct rwsem_waiter w = { .task = current, .write = write };

	BUG_ON(sem->owner == current); /* a deadlock with itself */
	if (can_take(sem, write)) {
		take(sem, write, current);
	} else {
		list_add_tail(&w.list, &sem->wait_list);
		while (!w.granted)
			sleep_on_timeout(&sem->wait, 0);
	}
	arch_local_irq_restore(flags);
}

static bool rwsem_trylock(struct rw_semaphore *sem, bool write)
{
	unsigned long flags = arch_local_irq_save();
	bool ok = can_take(sem, write);

	if (ok)
		take(sem, write, current);
	arch_local_irq_restore(flags);
	return ok;
}

void down_read(struct rw_semaphore *sem)
{
	rwsem_down(sem, false);
}

void down_write(struct rw_semaphore *sem)
{
	rwsem_down(sem, true);
}

bool down_read_trylock(struct rw_semaphore *sem)
{
	return rwsem_trylock(sem, false);
}

bool down_write_trylock(struct rw_semaphore *sem)
{
	return rwsem_trylock(sem, true);
}

void up_read(struct rw_semaphore *sem)
{
	unsigned long flags = arch_local_irq_save();

	BUG_ON(sem->count <= 0);
	if (--sem->count == 0)
		rwsem_wake(sem);
	arch_local_irq_restore(flags);
}

void up_write(struct rw_semaphore *sem)
{
	unsigned long flags = arch_local_irq_save();

	BUG_ON(sem->count != -1 || sem->owner != current);
	sem->count = 0;
	sem->owner = NULL;
	rwsem_wake(sem);
	arch_local_irq_restore(flags);
}

bool rwsem_write_owned(const struct rw_semaphore *sem)
{
	return sem->count < 0 && sem->owner == current;
}
