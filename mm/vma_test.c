// SPDX-License-Identifier: MIT
/*
 * The VMA layer's limits and searches (mm/vma.c, mm/mmap.c): the
 * vm.max_map_count rule for mmap, munmap and mprotect, and
 * get_unmapped_area's search of the gap-augmented VMA tree checked against
 * a plain walk of the list.  Address spaces built here and never run.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/vm_audit.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL
/* The test's window: below it, only MMAP_MIN_ADDR limits the search. */
#define WINDOW_PAGES 1024UL

static struct mm_struct *window_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	if (mm)
		mm->stack_start =
			BASE + WINDOW_PAGES * PAGE_SIZE + STACK_GUARD_GAP;
	return mm;
}

static long map_fixed(struct mm_struct *mm, unsigned long addr,
		      unsigned long pages, unsigned long prot)
{
	return do_mmap(mm, addr, pages * PAGE_SIZE, prot,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL, 0);
}

/* Alternate rights, so that neighbours never merge: one VMA a call. */
static unsigned long prot_of(int i)
{
	return i % 2 ? PROT_READ : PROT_READ | PROT_WRITE;
}

static bool audit_ok(struct ktest *t, struct mm_struct *mm)
{
	struct vm_audit a;
	unsigned long problems;

	if (vm_audit_begin(&a))
		return false;
	vm_audit_mm(&a, mm);
	problems = vm_audit_end(&a);
	if (problems)
		ktest_log(t, "vm_audit: %lu problems", problems);
	return !problems;
}

/*
 * At the limit, mmap fails with ENOMEM; so do an munmap and an mprotect
 * that would split a VMA in three, and they change nothing.  One VMA
 * fewer, a split at one end fits again.
 */
static void max_map_count_is_enomem(struct ktest *t)
{
	int saved = sysctl_max_map_count, i;
	struct mm_struct *mm = window_mm();
	unsigned long three = BASE + 512 * PAGE_SIZE;
	long r;

	KTEST_ASSERT_NOT_NULL(t, mm);
	sysctl_max_map_count = 16;
	KTEST_EXPECT_EQ(t, map_fixed(mm, three, 3, PROT_READ), (long)three);
	for (i = 0; i < 100; i++) {
		r = do_mmap(mm, 0, PAGE_SIZE, prot_of(i),
			    MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
		if (IS_ERR_VALUE(r))
			break;
	}
	KTEST_EXPECT_EQ(t, r, -ENOMEM);
	KTEST_EXPECT_EQ(t, mm->map_count, 16);
	KTEST_EXPECT_EQ(t, i, 15);
	KTEST_EXPECT_EQ(t, do_munmap(mm, three + PAGE_SIZE, PAGE_SIZE),
			-ENOMEM);
	KTEST_EXPECT_EQ(t,
			do_mprotect(mm, three + PAGE_SIZE, PAGE_SIZE,
				    PROT_READ | PROT_WRITE),
			-ENOMEM);
	KTEST_EXPECT_EQ(t, mm->map_count, 16);
	KTEST_EXPECT_EQ(t, find_vma(mm, three)->vm_end, three + 3 * PAGE_SIZE);
	/* A whole VMA goes: 15 left, and a split at one end makes 16. */
	KTEST_EXPECT_EQ(
		t,
		do_munmap(mm, BASE + (WINDOW_PAGES - 1) * PAGE_SIZE, PAGE_SIZE),
		0);
	KTEST_EXPECT_EQ(t, mm->map_count, 15);
	KTEST_EXPECT_EQ(
		t, do_mprotect(mm, three, PAGE_SIZE, PROT_READ | PROT_WRITE),
		0);
	KTEST_EXPECT_EQ(t, mm->map_count, 16);
	KTEST_EXPECT_TRUE(t, audit_ok(t, mm));
	sysctl_max_map_count = saved;
	mmput(mm);
}

/* The old search, kept as the oracle: the list, from the top down. */
static long walk_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long top = mm->stack_start - STACK_GUARD_GAP;
	struct vm_area_struct *vma;

	list_for_each_entry_reverse (vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= top)
			continue;
		if (vma->vm_end <= top && top - vma->vm_end >= len)
			break;
		top = vma->vm_start;
	}
	return top < MMAP_MIN_ADDR + len ? -ENOMEM : (long)(top - len);
}

static u32 next_random(u32 *state)
{
	*state = *state * 1103515245 + 12345;
	return *state >> 8;
}

/*
 * Random fixed mappings and unmappings fragment the window; after each,
 * mmap without a hint must land where the list walk says, and every
 * node's rb_subtree_gap must be right (vm_audit).
 */
static void unmapped_area_matches_walk(struct ktest *t)
{
	struct mm_struct *mm = window_mm();
	u32 seed = 13;
	int step;

	KTEST_ASSERT_NOT_NULL(t, mm);
	for (step = 0; step < 400; step++) {
		unsigned long page = next_random(&seed) % WINDOW_PAGES;
		unsigned long n = 1 + next_random(&seed) % 8;
		unsigned long addr = BASE + page * PAGE_SIZE;
		unsigned long len = (1 + next_random(&seed) % 24) * PAGE_SIZE;
		long want, got;

		n = min(n, WINDOW_PAGES - page);
		if (next_random(&seed) % 3)
			map_fixed(mm, addr, n, prot_of(step));
		else
			do_munmap(mm, addr, n * PAGE_SIZE);
		want = walk_unmapped_area(mm, len);
		got = do_mmap(mm, 0, len, prot_of(step + 1),
			      MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
		if (got != want) {
			ktest_log(t, "step %d: len %#lx at %#lx, not %#lx",
				  step, len, got, want);
			KTEST_EXPECT_EQ(t, got, want);
			break;
		}
		if (step % 2 && !IS_ERR_VALUE(got))
			do_munmap(mm, got, len);
		if (step % 50 == 0 && !audit_ok(t, mm)) {
			KTEST_EXPECT_TRUE(t, false);
			break;
		}
	}
	KTEST_EXPECT_TRUE(t, audit_ok(t, mm));
	mmput(mm);
}

KTEST_SUITE(vma, KTEST_CASE(max_map_count_is_enomem),
	    KTEST_CASE(unmapped_area_matches_walk));
