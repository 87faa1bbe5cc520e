// SPDX-License-Identifier: MIT
/*
 * Reclaim's second chance (mm/vmscan.c), with the MMU in the loop: the
 * test's address space is loaded on this CPU and its pages are touched
 * through it (copy_to_user), so what marks a page young is the port's own
 * mechanism -- x86_64's hardware accessed bit, the fault that ARM's
 * emulation takes on an old (invalid) PTE.  A page touched since the last
 * scan must survive the next one; an untouched one must be reclaimed.
 *
 * Reclaim needs a swap slot for the page it evicts: a swap area on no
 * disk at the highest priority gives it one.  The test holds a reference
 * on each page, so the scan only unmaps (the PTE becomes a swap entry, the
 * page stays in the swap cache) and never writes to that disk.
 */
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/swap.h>
#include <mm/testing.h>
#include <mm/vmscan.h>

#define BASE 0x10000000UL
#define HOT BASE
#define COLD (BASE + PAGE_SIZE)

static char no_disk;
#define NO_DISK ((struct gendisk *)&no_disk)

/* Run on mm's page tables, as its owner would (Linux: kthread_use_mm). */
static void use_mm(struct mm_struct *mm)
{
	current->mm = mm;
	switch_mm(mm);
}

static bool touch(unsigned long addr, char c)
{
	return !copy_to_user((void __user *)addr, &c, 1);
}

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	return *follow_pte(mm, addr);
}

static unsigned long scan(struct mm_struct *mm)
{
	struct scan_control sc = { .nr_to_reclaim = 2 };

	shrink_mm_range(mm, BASE, BASE + 2 * PAGE_SIZE, &sc);
	return sc.nr_scanned;
}

/*
 * The case proper, on mm loaded as the current address space; it holds a
 * reference on each page it touched in pages[].
 */
static void second_chance(struct ktest *t, struct mm_struct *mm,
			  struct page *pages[2])
{
	unsigned long chances = vm_events.pgactivate;
	char c = 0;

	KTEST_ASSERT_TRUE(t, touch(HOT, 'h') && touch(COLD, 'c'));
	for (int i = 0; i < 2; i++) {
		unsigned long addr = BASE + i * PAGE_SIZE;

		pages[i] = vm_normal_page(find_vma(mm, addr), addr,
					  pte_at(mm, addr));
		KTEST_ASSERT_NOT_NULL(t, pages[i]);
		get_page(pages[i]); /* no write-out to the disk that is not */
	}

	/* Both were touched since they were mapped: both stay, made old. */
	KTEST_EXPECT_EQ(t, scan(mm), 2);
	KTEST_EXPECT_EQ(t, vm_events.pgactivate - chances, 2);
	for (unsigned long a = BASE; a < BASE + 2 * PAGE_SIZE; a += PAGE_SIZE) {
		KTEST_EXPECT_TRUE(t, pte_present(pte_at(mm, a)));
		KTEST_EXPECT_FALSE(t, pte_young(pte_at(mm, a)));
	}

	/* Only HOT is touched again: it stays, COLD goes to swap. */
	KTEST_EXPECT_TRUE(t, touch(HOT, 'H'));
	KTEST_EXPECT_TRUE(t, pte_young(pte_at(mm, HOT)));
	KTEST_EXPECT_EQ(t, scan(mm), 2);
	KTEST_EXPECT_EQ(t, vm_events.pgactivate - chances, 3);
	KTEST_EXPECT_TRUE(t, pte_present(pte_at(mm, HOT)));
	KTEST_EXPECT_TRUE(t, is_swap_pte(pte_at(mm, COLD)));

	/* COLD comes back from the swap cache, as it was. */
	KTEST_EXPECT_EQ(t, copy_from_user(&c, (void __user *)COLD, 1), 0);
	KTEST_EXPECT_EQ(t, c, 'c');
}

static void touched_page_gets_second_chance(struct ktest *t)
{
	struct page *pages[2] = { NULL, NULL };
	struct mm_struct *mm;
	int type;

	mm = test_anon_mm(BASE, 2);
	type = test_swap_area_add(NO_DISK, 8, 32767);
	if (mm && type >= 0) {
		use_mm(mm);
		second_chance(t, mm, pages);
		use_mm(NULL);
	}
	for (int i = 0; i < 2; i++)
		if (pages[i])
			put_page(pages[i]);
	if (mm)
		mmput(mm);
	if (type >= 0)
		KTEST_EXPECT_EQ(t, swap_area_remove(NO_DISK), 0);
	KTEST_EXPECT_TRUE(t, mm != NULL);
	KTEST_EXPECT_TRUE(t, type >= 0);
}

/*
 * An old PTE (where the MMU has no accessed bit: one it treats as invalid)
 * still holds its page and its rights, and young again it is as it was.
 */
static void old_pte_keeps_its_page(struct ktest *t)
{
	static const unsigned long rights[] = { 0, VM_READ, VM_READ | VM_WRITE,
						VM_READ | VM_EXEC };

	for (size_t i = 0; i < ARRAY_SIZE(rights); i++) {
		pte_t young = pte_mkyoung(
			pfn_pte(0x12345, vm_get_page_prot(rights[i])));
		pte_t old = pte_mkold(young);

		KTEST_EXPECT_TRUE(t, pte_young(young));
		KTEST_EXPECT_FALSE(t, pte_young(old));
		KTEST_EXPECT_TRUE(t, pte_present(old));
		KTEST_EXPECT_FALSE(t, is_swap_pte(old));
		KTEST_EXPECT_EQ(t, pte_pfn(old), 0x12345);
		KTEST_EXPECT_EQ(t, pte_write(old), pte_write(young));
		KTEST_EXPECT_EQ(t, pte_mkyoung(old), young);
	}
}

KTEST_SUITE(vmscan, KTEST_CASE(old_pte_keeps_its_page),
	    KTEST_CASE(touched_page_gets_second_chance));
