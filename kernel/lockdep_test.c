// SPDX-License-Identifier: MIT
/*
 * The lock-order checker (kernel/lockdep.h): its verdicts on stacks of
 * held levels, and the stack the real locks keep.  The inversions are
 * asked of lock_order_ok(), which answers; taking them for real would
 * panic the test kernel, as it should.
 */
#include <kernel/ktest.h>
#include <kernel/lockdep.h>
#include <kernel/sched.h>
#include <mm/memory.h>
#include <mm/mmap_lock.h>

static void verdicts(struct ktest *t)
{
	struct held_locks none = { .depth = 0 };
	struct held_locks mmap = { .level = { LOCK_MMAP }, .depth = 1 };
	struct held_locks ptl = { .level = { LOCK_PAGE_TABLE }, .depth = 1 };
	struct held_locks both = { .level = { LOCK_MMAP, LOCK_I_MMAP },
				   .depth = 2 };

	KTEST_EXPECT_TRUE(t, lock_order_ok(&none, LOCK_MMAP));
	KTEST_EXPECT_TRUE(t, lock_order_ok(&mmap, LOCK_I_MMAP));
	KTEST_EXPECT_TRUE(t, lock_order_ok(&mmap, LOCK_PAGE_TABLE));
	KTEST_EXPECT_TRUE(t, lock_order_ok(&both, LOCK_PAGE_TABLE));
	/* Recursion: a second mmap_lock (of any mm) may wait for itself. */
	KTEST_EXPECT_FALSE(t, lock_order_ok(&mmap, LOCK_MMAP));
	/* Inversions: a lower level under a higher one. */
	KTEST_EXPECT_FALSE(t, lock_order_ok(&ptl, LOCK_MMAP));
	KTEST_EXPECT_FALSE(t, lock_order_ok(&ptl, LOCK_I_MMAP));
	KTEST_EXPECT_FALSE(t, lock_order_ok(&both, LOCK_MMAP));
}

/* The locks themselves keep the task's stack, which then judges. */
static void real_locks_keep_the_stack(struct ktest *t)
{
	struct held_locks *h = &current->held_locks;
	struct mm_struct *mm = mm_alloc();
	unsigned int depth = h->depth;

	KTEST_ASSERT_NOT_NULL(t, mm);
	mmap_read_lock(mm);
	KTEST_EXPECT_EQ(t, h->depth, depth + 1);
	KTEST_EXPECT_TRUE(t, lock_order_ok(h, LOCK_PAGE_TABLE));
	pte_lock(mm);
	KTEST_EXPECT_EQ(t, h->depth, depth + 2);
	/* munmap's lock inside a fault's page-table lock: caught. */
	KTEST_EXPECT_FALSE(t, lock_order_ok(h, LOCK_MMAP));
	pte_unlock(mm);
	mmap_read_unlock(mm);
	KTEST_EXPECT_EQ(t, h->depth, depth);
	/* A trylock cannot deadlock: noted, never refused. */
	KTEST_EXPECT_TRUE(t, mmap_read_trylock(mm));
	KTEST_EXPECT_EQ(t, h->depth, depth + 1);
	mmap_read_unlock(mm);
	KTEST_EXPECT_EQ(t, h->depth, depth);
	mmput(mm);
}

KTEST_SUITE(lockdep, KTEST_CASE(verdicts),
	    KTEST_CASE(real_locks_keep_the_stack));
