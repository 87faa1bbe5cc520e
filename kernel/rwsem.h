/* SPDX-License-Identifier: MIT */
/*
 * Reader-writer semaphores (Linux's rw_semaphore, with its names): a lock
 * that many readers may hold at once, or one writer alone, and whose
 * waiters sleep.  mm->mmap_lock is one (mm/mmap_lock.h): page faults take
 * it for reading, the calls that change VMAs for writing.  Chapter 10
 * gives its place in the lock order; kernel/rwsem.c the slow path.
 *
 * Fair: waiters are served in the order they came, and a reader arriving
 * while anyone waits queues behind them, so a stream of faults cannot
 * starve munmap.  The price is Linux's too: a task must never take a
 * rwsem it holds again, not even for reading (a writer queued in between
 * would wait for the first hold, and the second for the writer).
 *
 * The count word says everything the fast path needs, as Linux's does:
 *
 *   bit 0          a writer holds it (RWSEM_WRITER_LOCKED)
 *   bit 1          tasks wait in wait_list (RWSEM_FLAG_WAITERS)
 *   bits 2 and up  the readers holding it (RWSEM_READER_BIAS each)
 *
 * Taking it when nobody writes or waits is one compare-and-swap, and
 * letting it go is one atomic add, which reports whether anyone waits;
 * only then do the functions below call kernel/rwsem.c, which queues,
 * sleeps and hands the lock over.  While the waiters' flag is up no fast
 * path can take the lock, so a newcomer cannot pass a waiting writer, and
 * the queue is served in order.  The count is only ever changed by atomic
 * operations: the fast path may be preempted, and runs with interrupts on.
 */
#ifndef _KERNEL_RWSEM_H
#define _KERNEL_RWSEM_H

#include <asm/current.h>
#include <kernel/atomic.h>
#include <kernel/list.h>
#include <kernel/panic.h>
#include <kernel/types.h>
#include <kernel/wait.h>

struct task_struct;

#define RWSEM_WRITER_LOCKED 1L
#define RWSEM_FLAG_WAITERS 2L
#define RWSEM_READER_BIAS 4L
/* A reader may take it at once unless one of these is set. */
#define RWSEM_READ_FAILED_MASK (RWSEM_WRITER_LOCKED | RWSEM_FLAG_WAITERS)

struct rw_semaphore {
	atomic_long_t count;	    /* the bits above */
	struct task_struct *owner;  /* the writer */
	struct list_head wait_list; /* struct rwsem_waiter, oldest first */
	struct wait_queue wait;	    /* where the waiters sleep */
};

static inline void init_rwsem(struct rw_semaphore *sem)
{
	sem->count = (atomic_long_t)ATOMIC_LONG_INIT(0);
	sem->owner = NULL;
	INIT_LIST_HEAD(&sem->wait_list);
	init_wait_queue(&sem->wait);
}

/* kernel/rwsem.c: queue and sleep until granted; grant to the queue. */
void rwsem_down_read_slowpath(struct rw_semaphore *sem);
void rwsem_down_write_slowpath(struct rw_semaphore *sem);
void rwsem_wake(struct rw_semaphore *sem);

/* Take it only if that needs no wait: true if taken. */
static inline bool down_read_trylock(struct rw_semaphore *sem)
{
	long c = atomic_long_read(&sem->count);

	do {
		if (c & RWSEM_READ_FAILED_MASK)
			return false;
	} while (!atomic_long_try_cmpxchg(&sem->count, &c,
					  c + RWSEM_READER_BIAS));
	return true;
}

static inline bool down_write_trylock(struct rw_semaphore *sem)
{
	long c = 0;

	if (!atomic_long_try_cmpxchg(&sem->count, &c, RWSEM_WRITER_LOCKED))
		return false;
	sem->owner = current;
	return true;
}

static inline void down_read(struct rw_semaphore *sem)
{
	if (!down_read_trylock(sem))
		rwsem_down_read_slowpath(sem);
}

static inline void down_write(struct rw_semaphore *sem)
{
	if (!down_write_trylock(sem))
		rwsem_down_write_slowpath(sem);
}

static inline void up_read(struct rw_semaphore *sem)
{
	long c = atomic_long_add_return(-RWSEM_READER_BIAS, &sem->count);

	BUG_ON(c < 0); /* released a hold nobody had */
	/* The last reader out, with tasks waiting: the first may go now. */
	if (c == RWSEM_FLAG_WAITERS)
		rwsem_wake(sem);
}

static inline void up_write(struct rw_semaphore *sem)
{
	long c;

	BUG_ON(sem->owner != current);
	sem->owner = NULL;
	c = atomic_long_add_return(-RWSEM_WRITER_LOCKED, &sem->count);
	if (c & RWSEM_FLAG_WAITERS)
		rwsem_wake(sem);
}

/* Does the current task hold sem for writing? */
static inline bool rwsem_write_owned(const struct rw_semaphore *sem)
{
	return (atomic_long_read(&sem->count) & RWSEM_WRITER_LOCKED) &&
	       sem->owner == current;
}

#endif
