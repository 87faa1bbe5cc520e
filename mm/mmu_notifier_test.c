// SPDX-License-Identifier: MIT
/*
 * MMU notifiers, checked by a recording listener: each VM operation on an
 * address space built here must send the right ranges with the right
 * reasons, start before end, while the old PTEs are still in place.
 * Runs in the kernel and on the host (tests/host).
 */
#include <kernel/ktest.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmu_notifier.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL
#define MAX_EVENTS 16

enum { START, END, RELEASE };

struct record {
	int kind; /* START, END or RELEASE */
	enum mmu_notifier_event event;
	unsigned long start, end;
	bool present; /* at START: was the PTE at start still present? */
};

struct recorder {
	struct mmu_notifier mn;
	struct record log[MAX_EVENTS];
	int n;
	unsigned long young_addr; /* test_young says yes here (0: nowhere) */
	int young_clears;
};

static struct recorder *to_recorder(struct mmu_notifier *mn)
{
	return container_of(mn, struct recorder, mn);
}

static void add(struct recorder *r, int kind,
		const struct mmu_notifier_range *range)
{
	struct record *rec;
	pte_t *pte;

	if (r->n == MAX_EVENTS)
		return;
	rec = &r->log[r->n++];
	rec->kind = kind;
	if (!range)
		return;
	pte = follow_pte(range->mm, range->start);
	*rec = (struct record){ kind, range->event, range->start, range->end,
				pte && pte_present(*pte) };
}

static void rec_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	add(to_recorder(mn), RELEASE, NULL);
}

static void rec_start(struct mmu_notifier *mn,
		      const struct mmu_notifier_range *range)
{
	add(to_recorder(mn), START, range);
}

static void rec_end(struct mmu_notifier *mn,
		    const struct mmu_notifier_range *range)
{
	add(to_recorder(mn), END, range);
}

static bool rec_clear_young(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
	struct recorder *r = to_recorder(mn);
	bool young = r->young_addr >= start && r->young_addr < end;

	r->young_clears++;
	if (young)
		r->young_addr = 0;
	return young;
}

static bool rec_test_young(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long addr)
{
	return to_recorder(mn)->young_addr == addr;
}

static const struct mmu_notifier_ops recorder_ops = {
	.release = rec_release,
	.invalidate_range_start = rec_start,
	.invalidate_range_end = rec_end,
	.clear_flush_young = rec_clear_young,
	.test_young = rec_test_young,
};

/* A listener that hears only the starts (as the mirror device does). */
static const struct mmu_notifier_ops start_only_ops = {
	.invalidate_range_start = rec_start,
};

/* An mm with anonymous pages at BASE, each faulted in, and a recorder. */
static struct mm_struct *recorded_mm(struct recorder *r, unsigned long pages,
				     unsigned int fault_flags)
{
	struct mm_struct *mm = mm_alloc();

	*r = (struct recorder){ .mn.ops = &recorder_ops };
	if (!mm)
		return NULL;
	if (map_anon(mm, BASE, BASE + pages * PAGE_SIZE, VM_READ | VM_WRITE) ||
	    mmu_notifier_register(&r->mn, mm)) {
		mmput(mm);
		return NULL;
	}
	for (unsigned long i = 0; i < pages; i++)
		handle_mm_fault(mm, BASE + i * PAGE_SIZE, fault_flags);
	return mm;
}

static void finish(struct recorder *r, struct mm_struct *mm)
{
	mmput(mm);
	mmu_notifier_unregister(&r->mn, mm);
}

/* One start/end pair with this reason and range, the PTE still there. */
static void expect_pair(struct ktest *t, struct recorder *r, int at,
			enum mmu_notifier_event event, unsigned long start,
			unsigned long end)
{
	struct record *s = &r->log[at], *e = &r->log[at + 1];

	KTEST_ASSERT_TRUE(t, r->n >= at + 2);
	KTEST_EXPECT_EQ(t, s->kind, START);
	KTEST_EXPECT_EQ(t, e->kind, END);
	KTEST_EXPECT_EQ(t, s->event, event);
	KTEST_EXPECT_EQ(t, e->event, event);
	KTEST_EXPECT_EQ(t, s->start, start);
	KTEST_EXPECT_EQ(t, s->end, end);
	KTEST_EXPECT_EQ(t, e->start, start);
	KTEST_EXPECT_EQ(t, e->end, end);
	KTEST_EXPECT_TRUE(t, s->present);
}

/* Registering holds the mm_struct, not the address space. */
static void register_holds_mm(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 1, FAULT_FLAG_WRITE);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_TRUE(t, mm_has_notifiers(mm));
	KTEST_EXPECT_EQ(t, mm->mm_count, 2);
	mmput(mm); /* exit: the address space goes, the struct stays */
	KTEST_EXPECT_EQ(t, mm->mm_users, 0);
	KTEST_EXPECT_TRUE(t, mm->pgd == NULL);
	KTEST_EXPECT_FALSE(t, mmget_not_zero(mm));
	KTEST_EXPECT_EQ(t, r.n, 1);
	KTEST_EXPECT_EQ(t, r.log[0].kind, RELEASE);
	mmu_notifier_unregister(&r.mn, mm); /* after exit: safe, frees mm */
	KTEST_EXPECT_EQ(t, r.n, 1);
}

/* Exit: one release, before the pages go, and nothing after it. */
static void exit_releases_first(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 4, FAULT_FLAG_WRITE);

	KTEST_ASSERT_NOT_NULL(t, mm);
	finish(&r, mm);
	KTEST_EXPECT_EQ(t, r.n, 1);
	KTEST_EXPECT_EQ(t, r.log[0].kind, RELEASE);
}

/* Unregistering a live listener releases it first (the seed's rule). */
static void unregister_live_releases(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 1, FAULT_FLAG_WRITE);

	KTEST_ASSERT_NOT_NULL(t, mm);
	mmu_notifier_unregister(&r.mn, mm);
	KTEST_EXPECT_EQ(t, r.n, 1);
	KTEST_EXPECT_EQ(t, r.log[0].kind, RELEASE);
	KTEST_EXPECT_EQ(t, mm->mm_count, 1);
	do_munmap(mm, BASE, PAGE_SIZE); /* nobody hears it */
	KTEST_EXPECT_EQ(t, r.n, 1);
	mmput(mm);
}

static void munmap_sends_unmap(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 4, FAULT_FLAG_WRITE);

	KTEST_ASSERT_NOT_NULL(t, mm);
	do_munmap(mm, BASE + PAGE_SIZE, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, r.n, 2);
	expect_pair(t, &r, 0, MMU_NOTIFY_UNMAP, BASE + PAGE_SIZE,
		    BASE + 3 * PAGE_SIZE);
	do_munmap(mm, BASE + PAGE_SIZE, PAGE_SIZE); /* a hole: nothing */
	KTEST_EXPECT_EQ(t, r.n, 2);
	finish(&r, mm);
}

/*
 * mremap moving pages: the old range is unmapped for the listener while
 * its PTEs are still there, before anything else happens.
 */
static void mremap_sends_unmap_of_old_range(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 4, FAULT_FLAG_WRITE);
	unsigned long to = BASE + 64 * PAGE_SIZE;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t,
			do_mremap(mm, BASE, 2 * PAGE_SIZE, 2 * PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, to),
			(long)to);
	expect_pair(t, &r, 0, MMU_NOTIFY_UNMAP, BASE, BASE + 2 * PAGE_SIZE);
	finish(&r, mm);
}

static void mprotect_sends_protection(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 4, FAULT_FLAG_WRITE);

	KTEST_ASSERT_NOT_NULL(t, mm);
	do_mprotect(mm, BASE + 2 * PAGE_SIZE, 2 * PAGE_SIZE, PROT_READ);
	KTEST_EXPECT_EQ(t, r.n, 2);
	expect_pair(t, &r, 0, MMU_NOTIFY_PROTECTION_VMA, BASE + 2 * PAGE_SIZE,
		    BASE + 4 * PAGE_SIZE);
	finish(&r, mm);
}

static void madvise_sends_madvise(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 4, FAULT_FLAG_WRITE);

	KTEST_ASSERT_NOT_NULL(t, mm);
	do_madvise(mm, BASE, PAGE_SIZE, MADV_DONTNEED);
	KTEST_EXPECT_EQ(t, r.n, 2);
	expect_pair(t, &r, 0, MMU_NOTIFY_MADVISE, BASE, BASE + PAGE_SIZE);
	finish(&r, mm);
}

/*
 * fork write-protects the parent's COW VMA (one range), and the parent's
 * next write copies its page (one page); the child's own copy is not the
 * parent's listener's business, and a write to a page nobody shares any
 * more keeps the page: nothing to tell.
 */
static void fork_and_cow_break(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 2, FAULT_FLAG_WRITE), *child;

	KTEST_ASSERT_NOT_NULL(t, mm);
	child = dup_mm(mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, r.n, 2);
	expect_pair(t, &r, 0, MMU_NOTIFY_FORK_WRPROTECT, BASE,
		    BASE + 2 * PAGE_SIZE);
	handle_mm_fault(child, BASE, FAULT_FLAG_WRITE);
	KTEST_EXPECT_EQ(t, r.n, 2);
	handle_mm_fault(mm, BASE + PAGE_SIZE, FAULT_FLAG_WRITE);
	KTEST_EXPECT_EQ(t, r.n, 4);
	expect_pair(t, &r, 2, MMU_NOTIFY_COW_BREAK, BASE + PAGE_SIZE,
		    BASE + 2 * PAGE_SIZE);
	handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE); /* reused in place */
	KTEST_EXPECT_EQ(t, r.n, 4);
	mmput(child);
	finish(&r, mm);
}

/* The zero page is replaced by a page of its own: a COW break too. */
static void zero_page_write_breaks_cow(struct ktest *t)
{
	struct recorder r;
	struct mm_struct *mm = recorded_mm(&r, 1, 0);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, r.n, 0); /* filling a none PTE: nothing to drop */
	handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE);
	expect_pair(t, &r, 0, MMU_NOTIFY_COW_BREAK, BASE, BASE + PAGE_SIZE);
	finish(&r, mm);
}

/* Two listeners both hear, in registration order; reclaim's age checks. */
static void two_listeners_and_young(struct ktest *t)
{
	struct recorder a, b;
	struct mm_struct *mm = recorded_mm(&a, 1, FAULT_FLAG_WRITE);

	KTEST_ASSERT_NOT_NULL(t, mm);
	b = (struct recorder){ .mn.ops = &recorder_ops };
	KTEST_ASSERT_EQ(t, mmu_notifier_register(&b.mn, mm), 0);
	b.young_addr = BASE;
	KTEST_EXPECT_TRUE(t, mmu_notifier_test_young(mm, BASE));
	KTEST_EXPECT_FALSE(t, mmu_notifier_test_young(mm, BASE + PAGE_SIZE));
	KTEST_EXPECT_TRUE(
		t, mmu_notifier_clear_flush_young(mm, BASE, BASE + PAGE_SIZE));
	KTEST_EXPECT_EQ(t, a.young_clears, 1); /* every listener forgets */
	KTEST_EXPECT_FALSE(t, mmu_notifier_test_young(mm, BASE));
	do_munmap(mm, BASE, PAGE_SIZE);
	KTEST_EXPECT_EQ(t, a.n, 2);
	KTEST_EXPECT_EQ(t, b.n, 2);
	mmu_notifier_unregister(&b.mn, mm);
	KTEST_EXPECT_EQ(t, b.log[2].kind, RELEASE);
	finish(&a, mm);
}

/*
 * The end reaches every listener that has the callback, however listeners
 * with and without one come and go (the end's walk is skipped only while
 * none has it).
 */
static void ends_reach_listeners_with_end(struct ktest *t)
{
	struct recorder a, b = { .mn.ops = &start_only_ops };
	struct mm_struct *mm = recorded_mm(&a, 2, FAULT_FLAG_WRITE);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, mmu_notifier_register(&b.mn, mm), 0);
	mmu_notifier_unregister(&a.mn, mm);
	do_munmap(mm, BASE, PAGE_SIZE);
	KTEST_EXPECT_EQ(t, b.n, 1);
	KTEST_EXPECT_EQ(t, b.log[0].kind, START);
	a = (struct recorder){ .mn.ops = &recorder_ops };
	KTEST_ASSERT_EQ(t, mmu_notifier_register(&a.mn, mm), 0);
	do_munmap(mm, BASE + PAGE_SIZE, PAGE_SIZE);
	expect_pair(t, &a, 0, MMU_NOTIFY_UNMAP, BASE + PAGE_SIZE,
		    BASE + 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, b.n, 2);
	mmu_notifier_unregister(&b.mn, mm);
	finish(&a, mm);
}

/* Nobody listening: no list, and the hooks answer without a call. */
static void no_listener_no_list(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_FALSE(t, mm_has_notifiers(mm));
	KTEST_EXPECT_FALSE(t, mmu_notifier_test_young(mm, BASE));
	mmput(mm);
}

KTEST_SUITE(mmu_notifier, KTEST_CASE(register_holds_mm),
	    KTEST_CASE(exit_releases_first),
	    KTEST_CASE(unregister_live_releases),
	    KTEST_CASE(munmap_sends_unmap),
	    KTEST_CASE(mremap_sends_unmap_of_old_range),
	    KTEST_CASE(mprotect_sends_protection),
	    KTEST_CASE(madvise_sends_madvise), KTEST_CASE(fork_and_cow_break),
	    KTEST_CASE(zero_page_write_breaks_cow),
	    KTEST_CASE(two_listeners_and_young),
	    KTEST_CASE(ends_reach_listeners_with_end),
	    KTEST_CASE(no_listener_no_list));
