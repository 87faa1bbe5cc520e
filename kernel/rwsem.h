/* SPDX-License-Identifier: MIT */
/*
 * Reader-writer semaphores (Linux's rw_semaphore, with its names): a lock
 * that many readers may hold at once, or one writer alone, and whose
 * waiters sleep.  mm->mmap_lock is one (mm/mmap_lock.h): page faults take
 * it for reading, the calls that change VMAs for writing.  Chapter 10
 * gives its place in the lock order; kernel/rwsem.c the implementation.
 *
 * Fair: waiters are served in the order they came, and a reader arriving
 * while anyone waits queues behind them, so a stream of faults cannot
 * starve munmap.  The price is Linux's too: a task must never take a
 * rwsem it holds again, not even for reading (a writer queued in between
 * would wait for the first hold, and the second for the writer).
 */
#ifndef _KERNEL_RWSEM_H
#define _KERNEL_RWSEM_H

#include <kernel/list.h>
#include <kernel/types.h>
#include <kernel/wait.h>

struct task_struct;

struct rw_semaphore {
	long count; /* readers holding it, or -1 when a writer does */
	struct task_struct *owner;  /* the writer */
	struct list_head wait_list; /* struct rwsem_waiter, oldest first */
	struct wait_queue wait;	    /* where the waiters sleep */
};

static inline void init_rwsem(struct rw_semaphore *sem)
{
	sem->count = 0;
	sem->owner = NULL;
	INIT_LIST_HEAD(&sem->wait_list);
	init_wait_queue(&sem->wait);
}

void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* Take it only if that needs no wait: true if taken. */
bool down_read_trylock(struct rw_semaphore *sem);
bool down_write_trylock(struct rw_semaphore *sem);

/* Does the current task hold sem for writing? */
bool rwsem_write_owned(const struct rw_semaphore *sem);

#endif
