// SPDX-License-Identifier: MIT
/*
 * The level-by-level walk (mm/pagewalk.c) and the operations built on it:
 * it visits exactly the PTE tables that exist, and fork, mprotect and
 * munmap are right across every level's boundary.  Runs in the kernel and
 * on the host's stand-in tables, with and without a special PTE bit.
 */
#include <kernel/ktest.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/pagewalk.h>
#include <mm/pgtable.h>
#include <pagoda/abi.h>

/* A range straddling a 512 GiB (pgd), hence also 1 GiB and 2 MiB, boundary. */
#define EDGE (1UL << PGDIR_SHIFT)
#define LOW (EDGE - 4 * PAGE_SIZE)
#define HIGH (EDGE + 4 * PAGE_SIZE)

static int count_table(pmd_t *pmd, unsigned long addr, unsigned long end,
		       struct mm_walk *walk)
{
	unsigned long *calls = walk->private;

	calls[0]++;
	calls[1] += (end - addr) >> PAGE_SHIFT;
	return 0;
}

static const struct mm_walk_ops count_ops = { .pmd_entry = count_table };

static void span_ends_at_boundaries(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, pmd_addr_end(0, 3 * PMD_SIZE), PMD_SIZE);
	KTEST_EXPECT_EQ(t, pmd_addr_end(PMD_SIZE - PAGE_SIZE, PMD_SIZE + 1),
			PMD_SIZE);
	KTEST_EXPECT_EQ(t, pmd_addr_end(PAGE_SIZE, 2 * PAGE_SIZE),
			2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, pud_addr_end(PUD_SIZE + 1, 5 * PUD_SIZE),
			2 * PUD_SIZE);
	KTEST_EXPECT_EQ(t, pgd_addr_end(LOW, HIGH), EDGE);
	/* end 0 is the top of the address space: the boundary comes first */
	KTEST_EXPECT_EQ(t, pgd_addr_end(-PGDIR_SIZE - PAGE_SIZE, 0),
			-PGDIR_SIZE);
	KTEST_EXPECT_EQ(t, pgd_addr_end(-PAGE_SIZE, 0), 0);
}

/*
 * A 64 MiB mapping with two pages touched, 32 MiB apart: the walk calls
 * pmd_entry for their two PTE tables and for nothing else.
 */
static void walk_visits_only_present_tables(struct ktest *t)
{
	unsigned long base = 0x40000000UL, len = 64 * MiB;
	unsigned long calls[2] = { 0, 0 };
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, map_anon(mm, base, base + len, VM_READ | VM_WRITE),
			0);
	walk_page_range(mm, find_vma(mm, base), base, base + len, &count_ops,
			calls);
	KTEST_EXPECT_EQ(t, calls[0], 0);
	handle_mm_fault(mm, base + PAGE_SIZE, FAULT_FLAG_WRITE);
	handle_mm_fault(mm, base + len / 2, FAULT_FLAG_WRITE);
	walk_page_range(mm, find_vma(mm, base), base, base + len, &count_ops,
			calls);
	KTEST_EXPECT_EQ(t, calls[0], 2);
	KTEST_EXPECT_EQ(t, calls[1], 2 * PTRS_PER_PTE);
	mmput(mm);
}

/* Every page of [LOW, HIGH) written with its index; NULL on failure. */
static struct mm_struct *straddling_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	if (map_anon(mm, LOW, HIGH, VM_READ | VM_WRITE))
		goto fail;
	for (unsigned long a = LOW; a < HIGH; a += PAGE_SIZE) {
		if (handle_mm_fault(mm, a, FAULT_FLAG_WRITE))
			goto fail;
		*(unsigned long *)page_address(follow_page(mm, a)) = a;
	}
	return mm;
fail:
	mmput(mm);
	return NULL;
}

static bool holds_own_address(struct mm_struct *mm, unsigned long a)
{
	struct page *page = follow_page(mm, a);

	return page && *(unsigned long *)page_address(page) == a;
}

static void fork_mprotect_munmap_across_a_pgd(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct mm_struct *mm = straddling_mm(), *child;

	KTEST_ASSERT_NOT_NULL(t, mm);
	child = dup_mm(mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, child->rss, mm->rss);
	for (unsigned long a = LOW; a < HIGH; a += PAGE_SIZE) {
		KTEST_EXPECT_TRUE(t, holds_own_address(child, a));
		KTEST_EXPECT_TRUE(t,
				  follow_page(child, a) == follow_page(mm, a));
		KTEST_EXPECT_FALSE(t, pte_write(*follow_pte(mm, a)));
		KTEST_EXPECT_EQ(t, page_mapcount(follow_page(mm, a)), 2);
	}
	mmput(child);

	KTEST_EXPECT_EQ(t, do_mprotect(mm, LOW, HIGH - LOW, PROT_NONE), 0);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, EDGE, 0), VM_FAULT_SIGSEGV);
	KTEST_EXPECT_EQ(t, do_mprotect(mm, LOW, HIGH - LOW, PROT_READ), 0);
	for (unsigned long a = LOW; a < HIGH; a += PAGE_SIZE)
		KTEST_EXPECT_TRUE(t, holds_own_address(mm, a));

	KTEST_EXPECT_EQ(t, do_munmap(mm, LOW, HIGH - LOW), 0);
	KTEST_EXPECT_EQ(t, mm->rss, 0);
	KTEST_EXPECT_TRUE(t, follow_pte(mm, LOW) == NULL);
	KTEST_EXPECT_TRUE(t, follow_pte(mm, EDGE) == NULL);
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * munmap of the middle of three VMAs, each 2 MiB-aligned: the two PTE
 * tables wholly inside the hole go, the neighbours keep theirs and their
 * pages.
 */
static void munmap_frees_tables_in_the_hole_only(struct ktest *t)
{
	unsigned long base = 0x40000000UL, before, freed;
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, map_anon(mm, base, base + PMD_SIZE, VM_READ), 0);
	KTEST_ASSERT_EQ(t,
			map_anon(mm, base + PMD_SIZE, base + 3 * PMD_SIZE,
				 VM_READ | VM_WRITE),
			0);
	KTEST_ASSERT_EQ(
		t,
		map_anon(mm, base + 3 * PMD_SIZE, base + 4 * PMD_SIZE, VM_READ),
		0);
	for (unsigned long a = base; a < base + 4 * PMD_SIZE; a += PMD_SIZE / 2)
		handle_mm_fault(mm, a, FAULT_FLAG_WRITE | FAULT_FLAG_FORCE);
	before = nr_free_pages();
	KTEST_EXPECT_EQ(t, do_munmap(mm, base + PMD_SIZE, 2 * PMD_SIZE), 0);
	freed = nr_free_pages() - before;
	KTEST_EXPECT_EQ(t, freed, 4 + 2); /* four pages, two PTE tables */
	KTEST_EXPECT_TRUE(t, follow_pte(mm, base + PMD_SIZE) == NULL);
	KTEST_EXPECT_TRUE(t, follow_pte(mm, base + 2 * PMD_SIZE) == NULL);
	KTEST_EXPECT_TRUE(t, follow_page(mm, base + PMD_SIZE / 2) != NULL);
	KTEST_EXPECT_TRUE(t, follow_page(mm, base + 3 * PMD_SIZE) != NULL);
	mmput(mm);
}

KTEST_SUITE(pagewalk, KTEST_CASE(span_ends_at_boundaries),
	    KTEST_CASE(walk_visits_only_present_tables),
	    KTEST_CASE(fork_mprotect_munmap_across_a_pgd),
	    KTEST_CASE(munmap_frees_tables_in_the_hole_only));
