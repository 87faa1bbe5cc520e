// SPDX-License-Identifier: MIT
/*
 * The fault path on an address space built here and never run: faults are
 * raised by calling handle_mm_fault as the page-fault handler would, and
 * the results read from the page tables and the counts.
 */
#include <kernel/ktest.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/testing.h>

#define BASE 0x10000000UL

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_offset(mm->pgd, addr);

	return pte ? *pte : 0;
}

static struct mm_struct *anon_mm(unsigned long pages)
{
	return test_anon_mm(BASE, pages);
}

/* A read maps the shared zero page: special, read-only, not counted. */
static void read_maps_zero_page(struct ktest *t)
{
	struct mm_struct *mm = anon_mm(1);
	pte_t pte;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, 0), 0);
	pte = pte_at(mm, BASE);
	KTEST_EXPECT_TRUE(t, pte_present(pte) && !pte_write(pte));
	KTEST_EXPECT_EQ(t, pte_pfn(pte), page_to_pfn(zero_page));
	KTEST_EXPECT_TRUE(t,
			  follow_page(mm, BASE) == NULL); /* vm_normal_page */
	KTEST_EXPECT_EQ(t, mm->rss, 0);
	mmput(mm);
}

/* Reading a large fresh region costs page tables only. */
static void reading_allocates_no_pages(struct ktest *t)
{
	unsigned long pages = (64 * MiB) / PAGE_SIZE, before;
	struct mm_struct *mm = anon_mm(pages);

	KTEST_ASSERT_NOT_NULL(t, mm);
	before = nr_free_pages();
	for (unsigned long i = 0; i < pages; i++)
		handle_mm_fault(mm, BASE + i * PAGE_SIZE, 0);
	/* One page-table page per 2 MiB, and a few above them. */
	KTEST_EXPECT_LE(t, before - nr_free_pages(), pages / 512 + 3);
	KTEST_EXPECT_EQ(t, mm->rss, 0);
	mmput(mm);
}

/* Write after read: the zero page is replaced by a private page. */
static void write_after_read_copies_zero_page(struct ktest *t)
{
	struct mm_struct *mm = anon_mm(1);
	struct page *page;

	KTEST_ASSERT_NOT_NULL(t, mm);
	handle_mm_fault(mm, BASE, 0);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	page = follow_page(mm, BASE);
	KTEST_EXPECT_TRUE(t, page && page != zero_page);
	KTEST_EXPECT_TRUE(t, pte_write(pte_at(mm, BASE)));
	KTEST_EXPECT_EQ(t, mm->rss, 1);
	mmput(mm);
}

/*
 * fork shares the page read-only; the child's write copies it, after which
 * the parent is the only user and its write reuses the page in place.
 */
static void cow_copy_then_reuse(struct ktest *t)
{
	struct mm_struct *parent = anon_mm(1), *child;
	struct vm_event_counts before;
	struct page *page;

	KTEST_ASSERT_NOT_NULL(t, parent);
	handle_mm_fault(parent, BASE, FAULT_FLAG_WRITE);
	page = follow_page(parent, BASE);
	*(int *)page_address(page) = 42;
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_TRUE(t, follow_page(child, BASE) == page);
	KTEST_EXPECT_EQ(t, page_count(page), 2);
	KTEST_EXPECT_EQ(t, page_mapcount(page), 2);
	KTEST_EXPECT_FALSE(t, pte_write(pte_at(parent, BASE)));
	KTEST_EXPECT_FALSE(t, pte_write(pte_at(child, BASE)));

	before = vm_events;
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, BASE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_EQ(t, vm_events.cow_copies, before.cow_copies + 1);
	KTEST_EXPECT_TRUE(t, follow_page(child, BASE) != page);
	KTEST_EXPECT_EQ(t, *(int *)page_address(follow_page(child, BASE)), 42);
	KTEST_EXPECT_EQ(t, page_mapcount(page), 1);

	KTEST_EXPECT_EQ(t, handle_mm_fault(parent, BASE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_EQ(t, vm_events.cow_reuses, before.cow_reuses + 1);
	KTEST_EXPECT_TRUE(t, follow_page(parent, BASE) == page);
	KTEST_EXPECT_TRUE(t, pte_write(pte_at(parent, BASE)));
	mmput(child);
	mmput(parent);
}

/* munmap gives back the pages and the page tables it emptied. */
static void munmap_frees_pages_and_tables(struct ktest *t)
{
	unsigned long pages = (4 * MiB) / PAGE_SIZE, before;
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	before = nr_free_pages();
	KTEST_EXPECT_EQ(t,
			map_anon(mm, BASE, BASE + pages * PAGE_SIZE,
				 VM_READ | VM_WRITE),
			0);
	for (unsigned long i = 0; i < pages; i++)
		handle_mm_fault(mm, BASE + i * PAGE_SIZE, FAULT_FLAG_WRITE);
	KTEST_EXPECT_GT(t, before - nr_free_pages(), pages);
	KTEST_EXPECT_EQ(t, do_munmap(mm, BASE, pages * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	KTEST_EXPECT_TRUE(t, pte_offset(mm->pgd, BASE) == NULL);
	mmput(mm);
}

/* Outside any VMA, or against its rights: the fault is refused. */
static void bad_accesses_refused(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, map_anon(mm, BASE, BASE + PAGE_SIZE, VM_READ), 0);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE - 1, 0), VM_FAULT_SIGSEGV);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE),
			VM_FAULT_SIGSEGV);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_INSTRUCTION),
			VM_FAULT_SIGSEGV);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, 0), 0);
	mmput(mm);
}

KTEST_SUITE(memory, KTEST_CASE(read_maps_zero_page),
	    KTEST_CASE(reading_allocates_no_pages),
	    KTEST_CASE(write_after_read_copies_zero_page),
	    KTEST_CASE(cow_copy_then_reuse),
	    KTEST_CASE(munmap_frees_pages_and_tables),
	    KTEST_CASE(bad_accesses_refused));
