// SPDX-License-Identifier: MIT
/*
 * The lock-order checker (kernel/lockdep.h): its verdicts on the counts of
 * held levels, and the counts the real locks keep.  The inversions are
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
	struct held_locks none = { 0 }, mmap = { 0 }, ptl = { 0 }, both = { 0 };

	lockdep_acquire_held(&mmap, LOCK_MMAP, false);
	lockdep_acquire_held(&ptl, LOCK_PAGE_TABLE, false);
	lockdep_acquire_held(&both, LOCK_MMAP, false);
	lockdep_acquire_held(&both, LOCK_I_MMAP, false);

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

/* Two trylocks of one level are counted, and released one at a time. */
static void trylocks_count(struct ktest *t)
{
	struct held_locks h = { 0 };

	lockdep_acquire_held(&h, LOCK_MMAP, false);
	lockdep_acquire_held(&h, LOCK_MMAP, true);
	KTEST_EXPECT_EQ(t, lockdep_held(&h, LOCK_MMAP), 2);
	lockdep_release_held(&h, LOCK_MMAP);
	KTEST_EXPECT_EQ(t, lockdep_held(&h, LOCK_MMAP), 1);
	KTEST_EXPECT_FALSE(t, lock_order_ok(&h, LOCK_MMAP));
	lockdep_release_held(&h, LOCK_MMAP);
	KTEST_EXPECT_TRUE(t, lock_order_ok(&h, LOCK_MMAP));
	KTEST_EXPECT_EQ(t, h.counts, 0);
}

/* The locks themselves keep the task's counts, which then judge. */
static void real_locks_keep_the_counts(struct ktest *t)
{
	struct held_locks *h = &current->held_locks;
	struct mm_struct *mm = mm_alloc();
	unsigned int held = lockdep_held(h, LOCK_MMAP);

	KTEST_ASSERT_NOT_NULL(t, mm);
	mmap_read_lock(mm);
	KTEST_EXPECT_EQ(t, lockdep_held(h, LOCK_MMAP), held + 1);
	KTEST_EXPECT_TRUE(t, lock_order_ok(h, LOCK_PAGE_TABLE));
	pte_lock(mm);
	KTEST_EXPECT_EQ(t, lockdep_held(h, LOCK_PAGE_TABLE), 1);
	/* munmap's lock inside a fault's page-table lock: caught. */
	KTEST_EXPECT_FALSE(t, lock_order_ok(h, LOCK_MMAP));
	pte_unlock(mm);
	KTEST_EXPECT_EQ(t, lockdep_held(h, LOCK_PAGE_TABLE), 0);
	mmap_read_unlock(mm);
	KTEST_EXPECT_EQ(t, lockdep_held(h, LOCK_MMAP), held);
	/* A trylock cannot deadlock: counted, never refused. */
	KTEST_EXPECT_TRUE(t, mmap_read_trylock(mm));
	KTEST_EXPECT_EQ(t, lockdep_held(h, LOCK_MMAP), held + 1);
	mmap_read_unlock(mm);
	KTEST_EXPECT_EQ(t, lockdep_held(h, LOCK_MMAP), held);
	mmput(mm);
}

KTEST_SUITE(lockdep, KTEST_CASE(verdicts), KTEST_CASE(trylocks_count),
	    KTEST_CASE(real_locks_keep_the_counts));
