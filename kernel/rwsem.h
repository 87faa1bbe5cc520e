/* SPDX-License-Identifier: MIT */
/*
 * Reader-writer semaphores (Linux's struct rw_semaphore): a sleeping lock
 * held by any number of readers or by one writer.  A writer that waits
 * stops new readers, so a stream of readers cannot starve it.  Waiters
 * sleep on a wait queue, so a holder may sleep too (a fault waiting for a
 * page, mmap waiting for a file); unlike a spinlock it is never taken
 * with interrupts off by an interrupt handler.
 *
 * The count is tested and changed with interrupts off under the kernel
 * lock, the rule of every wait queue (kernel/wait.h, kernel/smp.h).  One
 * task may not take the same semaphore twice: a reader that reads again
 * while a writer waits would wait for itself.
 */
#ifndef _KERNEL_RWSEM_H
#define _KERNEL_RWSEM_H

#include <kernel/wait.h>

struct rw_semaphore {
	int count;	     /* readers holding it, or -1: a writer */
	int writers_waiting; /* they go first */
	struct wait_queue wait;
};

static inline void init_rwsem(struct rw_semaphore *sem)
{
	sem->count = 0;
	sem->writers_waiting = 0;
	init_wait_queue(&sem->wait);
}

static inline bool down_read_trylock(struct rw_semaphore *sem)
{
	if (sem->count < 0 || sem->writers_waiting)
		return false;
	sem->count++;
	return true;
}

static inline bool down_write_trylock(struct rw_semaphore *sem)
{
	if (sem->count)
		return false;
	sem->count = -1;
	return true;
}

static inline void down_read(struct rw_semaphore *sem)
{
	wait_event_uninterruptible(&sem->wait, down_read_trylock(sem));
}

static inline void down_write(struct rw_semaphore *sem)
{
	unsigned long flags = arch_local_irq_save();

	sem->writers_waiting++;
	wait_event_uninterruptible(&sem->wait, down_write_trylock(sem));
	sem->writers_waiting--;
	arch_local_irq_restore(flags);
}

static inline void up_read(struct rw_semaphore *sem)
{
	unsigned long flags = arch_local_irq_save();

	if (--sem->count == 0)
		wake_up(&sem->wait);
	arch_local_irq_restore(flags);
}

static inline void up_write(struct rw_semaphore *sem)
{
	unsigned long flags = arch_local_irq_save();

	sem->count = 0;
	wake_up(&sem->wait);
	arch_local_irq_restore(flags);
}

/* For assertions: held by somebody (a reader or the writer). */
static inline bool rwsem_is_locked(const struct rw_semaphore *sem)
{
	return sem->count != 0;
}

#endif
