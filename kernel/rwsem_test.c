// SPDX-License-Identifier: MIT
/*
 * Reader-writer semaphores (kernel/rwsem.c): readers share, a writer is
 * alone, a waiter sleeps until the holder hands the lock over, and a
 * reader arriving behind a waiting writer waits its turn (fairness).  The
 * other task of each case is a kernel thread; on two CPUs it may run on
 * the other one.
 */
#include <kernel/ktest.h>
#include <kernel/rwsem.h>
#include <kernel/sched.h>
#include <kernel/wait.h>

static struct rw_semaphore sem;
static volatile int took; /* what the thread holds: 1 read, 2 write */

/* Let the other task run, a tick at a time, until cond or a second passes. */
#define settle(cond)                                                           \
	do {                                                                   \
		struct wait_queue __wq = WAIT_QUEUE_INIT(__wq);                \
		for (int __i = 0; __i < HZ && !(cond); __i++)                  \
			wait_event_timeout(&__wq, false, 1);                   \
	} while (0)

static int take_for_writing(void *arg)
{
	down_write(&sem);
	took = 2;
	up_write(&sem);
	return 0;
}

static int take_for_reading(void *arg)
{
	down_read(&sem);
	took = 1;
	up_read(&sem);
	return 0;
}

static void readers_share_a_writer_is_alone(struct ktest *t)
{
	init_rwsem(&sem);
	KTEST_EXPECT_TRUE(t, down_read_trylock(&sem));
	KTEST_EXPECT_TRUE(t, down_read_trylock(&sem));
	KTEST_EXPECT_FALSE(t, down_write_trylock(&sem));
	up_read(&sem);
	up_read(&sem);
	KTEST_EXPECT_TRUE(t, down_write_trylock(&sem));
	KTEST_EXPECT_TRUE(t, rwsem_write_owned(&sem));
	KTEST_EXPECT_FALSE(t, down_read_trylock(&sem));
	up_write(&sem);
	KTEST_EXPECT_FALSE(t, rwsem_write_owned(&sem));
	KTEST_EXPECT_EQ(t, atomic_long_read(&sem.count), 0);
}

/* holder: 1 hold for reading, 2 for writing; fn the thread's take. */
static void waiter_sleeps_until_release(struct ktest *t, int holder,
					int (*fn)(void *), int expect)
{
	struct task_struct *th;

	init_rwsem(&sem);
	took = 0;
	if (holder == 1)
		down_read(&sem);
	else
		down_write(&sem);
	th = kthread_create(fn, NULL, "rwsem");
	KTEST_ASSERT_NOT_NULL(t, th);
	settle(!list_empty(&sem.wait_list));
	KTEST_EXPECT_FALSE(t, list_empty(&sem.wait_list));
	KTEST_EXPECT_EQ(t, took, 0);
	if (holder == 1)
		up_read(&sem);
	else
		up_write(&sem);
	KTEST_EXPECT_EQ(t, kthread_wait(th), 0);
	KTEST_EXPECT_EQ(t, took, expect);
	KTEST_EXPECT_EQ(t, atomic_long_read(&sem.count), 0);
}

static void writer_waits_for_reader(struct ktest *t)
{
	waiter_sleeps_until_release(t, 1, take_for_writing, 2);
}

static void reader_waits_for_writer(struct ktest *t)
{
	waiter_sleeps_until_release(t, 2, take_for_reading, 1);
}

/* A reader may not pass a writer that waits: munmap is not starved. */
static void reader_queues_behind_waiting_writer(struct ktest *t)
{
	struct task_struct *th;
	bool passed;

	init_rwsem(&sem);
	took = 0;
	down_read(&sem);
	th = kthread_create(take_for_writing, NULL, "rwsem");
	KTEST_ASSERT_NOT_NULL(t, th);
	settle(!list_empty(&sem.wait_list));
	passed = down_read_trylock(&sem);
	KTEST_EXPECT_FALSE(t, passed);
	if (passed) /* the bug the case is for: undo it, do not hang */
		up_read(&sem);
	up_read(&sem);
	KTEST_EXPECT_EQ(t, kthread_wait(th), 0);
	KTEST_EXPECT_EQ(t, took, 2);
	KTEST_EXPECT_TRUE(t, down_read_trylock(&sem));
	up_read(&sem);
}

KTEST_SUITE(rwsem, KTEST_CASE(readers_share_a_writer_is_alone),
	    KTEST_CASE(writer_waits_for_reader),
	    KTEST_CASE(reader_waits_for_writer),
	    KTEST_CASE(reader_queues_behind_waiting_writer));
