// SPDX-License-Identifier: MIT
/*
 * The fault path on an address space built here and never run: faults are
 * raised by calling handle_mm_fault as the page-fault handler would, and
 * the results read from the page tables and the counts.
 */
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/filemap.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/testing.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

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
	/*
	 * One PTE page per PTRS_PER_PTE pages, and a few tables above them
	 * (one page each on x86_64 and ARM, four on s390x).
	 */
	KTEST_EXPECT_LE(t, before - nr_free_pages(),
			pages / PTRS_PER_PTE + 3 * 4);
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
	KTEST_EXPECT_TRUE(t, follow_pte(mm, BASE) == NULL);
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

/*
 * A fresh anonymous page reads as zeroes, even when the allocator hands out
 * a page its last owner filled.  The page table exists first (page 0), so
 * the fault's only allocation is the page itself: the one just freed.
 */
static void fresh_anon_page_is_zeroed(struct ktest *t)
{
	struct mm_struct *mm = anon_mm(2);
	struct page *dirty;
	unsigned long nonzero = 0;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	dirty = alloc_page();
	KTEST_ASSERT_NOT_NULL(t, dirty);
	memset(page_address(dirty), 0xaa, PAGE_SIZE);
	put_page(dirty);
	KTEST_EXPECT_EQ(
		t, handle_mm_fault(mm, BASE + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KTEST_ASSERT_TRUE(t, follow_page(mm, BASE + PAGE_SIZE) == dirty);
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		nonzero += ((unsigned char *)page_address(dirty))[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	mmput(mm);
}

/* A stand-in file: a bare page cache whose ->fault makes what is missing. */
static struct address_space backing;

static int backing_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	vmf->page = find_or_create_page(&backing, vmf->pgoff);
	return vmf->page ? 0 : VM_FAULT_OOM;
}

static const struct vm_operations_struct backing_ops = {
	.fault = backing_fault,
};

/* An mm whose one VMA maps pages pgoff.. of backing, with vm_flags. */
static struct mm_struct *backed_mm(unsigned long pages, unsigned long vm_flags,
				   unsigned long pgoff)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	address_space_init(&backing, NULL);
	if (!mm)
		return NULL;
	if (map_anon(mm, BASE, BASE + pages * PAGE_SIZE, vm_flags)) {
		mmput(mm);
		return NULL;
	}
	vma = find_vma(mm, BASE);
	vma->vm_ops = &backing_ops;
	vma->vm_pgoff = pgoff;
	return mm;
}

static void backed_mm_put(struct mm_struct *mm)
{
	mmput(mm);
	truncate_inode_pages(&backing, 0);
}

/*
 * A private mapping reads the cache's page in place; its first write must
 * copy it (do_wp_page), however few PTEs map it: the cache holds it too,
 * and the file must not change.
 */
static void private_write_copies_cached_page(struct ktest *t)
{
	struct mm_struct *mm = backed_mm(1, VM_READ | VM_WRITE, 0);
	struct page *cached, *mine;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, 0), 0);
	cached = follow_page(mm, BASE);
	KTEST_ASSERT_NOT_NULL(t, cached);
	KTEST_EXPECT_TRUE(t, cached == backing.pages[0]);
	*(char *)page_address(cached) = 'f';
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	mine = follow_page(mm, BASE);
	KTEST_ASSERT_NOT_NULL(t, mine);
	KTEST_EXPECT_TRUE(t, mine != cached);
	KTEST_EXPECT_EQ(t, *(char *)page_address(mine), 'f');
	*(char *)page_address(mine) = 'p';
	KTEST_EXPECT_EQ(t, *(char *)page_address(cached), 'f');
	KTEST_EXPECT_EQ(t, page_count(cached), 1); /* the cache's alone */
	KTEST_EXPECT_FALSE(t, PageDirty(cached));
	backed_mm_put(mm);
}

/* A shared write, first touch or after a read, marks the page dirty. */
static void shared_write_dirties_page(struct ktest *t)
{
	struct mm_struct *mm =
		backed_mm(2, VM_READ | VM_WRITE | VM_SHARED | VM_MAYSHARE, 0);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_TRUE(t, follow_page(mm, BASE) == backing.pages[0]);
	KTEST_EXPECT_TRUE(t, PageDirty(backing.pages[0]));
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + PAGE_SIZE, 0), 0);
	KTEST_EXPECT_FALSE(t, PageDirty(backing.pages[1]));
	KTEST_EXPECT_EQ(
		t, handle_mm_fault(mm, BASE + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_TRUE(t, follow_page(mm, BASE + PAGE_SIZE) ==
				     backing.pages[1]);
	KTEST_EXPECT_TRUE(t, PageDirty(backing.pages[1]));
	backed_mm_put(mm);
}

/*
 * Splitting a file VMA (an mprotect of its middle) gives each part the file
 * offset of its own first page: the upper part's first fault must find the
 * page at its place in the file, not at the old VMA's start.
 */
static void split_vma_keeps_file_offsets(struct ktest *t)
{
	struct mm_struct *mm = backed_mm(3, VM_READ | VM_WRITE, 10);
	struct page *page;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(
		t, do_mprotect(mm, BASE + PAGE_SIZE, PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE)->vm_pgoff, 10);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE + PAGE_SIZE)->vm_pgoff, 11);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE + 2 * PAGE_SIZE)->vm_pgoff, 12);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + 2 * PAGE_SIZE, 0), 0);
	page = follow_page(mm, BASE + 2 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, page->index, 12);
	backed_mm_put(mm);
}

/*
 * munmap frees a page table only when no PTE in it is in use: a PROT_NONE
 * PTE is not present to the MMU, but still holds a page.
 */
static void munmap_keeps_table_of_prot_none_pte(struct ktest *t)
{
	struct mm_struct *mm = anon_mm(2);
	struct page *page;

	KTEST_ASSERT_NOT_NULL(t, mm);
	handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE);
	handle_mm_fault(mm, BASE + PAGE_SIZE, FAULT_FLAG_WRITE);
	page = follow_page(mm, BASE + PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(t, page);
	*(char *)page_address(page) = 'k';
	KTEST_EXPECT_EQ(
		t, do_mprotect(mm, BASE + PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(mm, BASE, PAGE_SIZE), 0);
	KTEST_ASSERT_NOT_NULL(t, follow_pte(mm, BASE + PAGE_SIZE));
	KTEST_EXPECT_EQ(t, pte_pfn(pte_at(mm, BASE + PAGE_SIZE)),
			page_to_pfn(page));
	KTEST_EXPECT_EQ(t,
			do_mprotect(mm, BASE + PAGE_SIZE, PAGE_SIZE,
				    PROT_READ | PROT_WRITE),
			0);
	KTEST_EXPECT_TRUE(t, follow_page(mm, BASE + PAGE_SIZE) == page);
	KTEST_EXPECT_EQ(t, *(char *)page_address(page), 'k');
	mmput(mm);
}

/* Neighbours with the same rights but different flags stay two VMAs. */
static void shared_and_private_do_not_merge(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long rw = PROT_READ | PROT_WRITE;

	KTEST_ASSERT_NOT_NULL(t, mm);
	mm->stack_start = BASE + 64 * PAGE_SIZE;
	KTEST_EXPECT_EQ(t,
			do_mmap(mm, BASE, PAGE_SIZE, rw,
				MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, NULL,
				0),
			(long)BASE);
	KTEST_EXPECT_EQ(t,
			do_mmap(mm, BASE + PAGE_SIZE, PAGE_SIZE, rw,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL,
				0),
			(long)(BASE + PAGE_SIZE));
	KTEST_EXPECT_TRUE(t,
			  find_vma(mm, BASE) != find_vma(mm, BASE + PAGE_SIZE));
	KTEST_EXPECT_EQ(t, do_mprotect(mm, BASE, 2 * PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_TRUE(t,
			  find_vma(mm, BASE) != find_vma(mm, BASE + PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, find_vma(mm, BASE)->vm_flags & VM_SHARED);
	KTEST_EXPECT_FALSE(t, find_vma(mm, BASE + PAGE_SIZE)->vm_flags &
				      VM_SHARED);
	mmput(mm);
}

/*
 * Fault-around's window (seed 002): aligned down to its size, clipped to
 * the VMA and to the faulting PTE's page table, always holding addr.
 */
static void fault_around_window_arithmetic(struct ktest *t)
{
	static const struct {
		unsigned long addr, bytes, vm_start, vm_end, start, end;
	} cases[] = {
		{ 0x10005000, 65536, 0x10000000, 0x10400000, 0x10000000,
		  0x10010000 },
		{ 0x1001f000, 65536, 0x10000000, 0x10400000, 0x10010000,
		  0x10020000 },
		{ 0x10005000, 16384, 0x10000000, 0x10400000, 0x10004000,
		  0x10008000 },
		{ 0x10005000, 4096, 0x10000000, 0x10400000, 0x10005000,
		  0x10006000 },
		{ 0x10005000, 65536, 0x10003000, 0x10007000, 0x10003000,
		  0x10007000 }, /* the VMA is smaller */
		{ 0x101ff000, 0x200000, 0x10100000, 0x10300000, 0x10100000,
		  0x10200000 }, /* a 2 MiB window ends with the table */
		{ 0x10200000, 0x200000, 0x10100000, 0x10300000, 0x10200000,
		  0x10300000 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long start, end;

		fault_around_window(cases[i].addr, cases[i].bytes,
				    cases[i].vm_start, cases[i].vm_end, &start,
				    &end);
		KTEST_EXPECT_EQ(t, start, cases[i].start);
		KTEST_EXPECT_EQ(t, end, cases[i].end);
		KTEST_EXPECT_TRUE(t, start <= cases[i].addr &&
					     cases[i].addr < end);
		KTEST_EXPECT_EQ(t, (start ^ (end - 1)) & ~(PMD_SIZE - 1), 0);
	}
}

KTEST_SUITE(memory, KTEST_CASE(read_maps_zero_page),
	    KTEST_CASE(reading_allocates_no_pages),
	    KTEST_CASE(write_after_read_copies_zero_page),
	    KTEST_CASE(cow_copy_then_reuse),
	    KTEST_CASE(munmap_frees_pages_and_tables),
	    KTEST_CASE(bad_accesses_refused),
	    KTEST_CASE(fresh_anon_page_is_zeroed),
	    KTEST_CASE(private_write_copies_cached_page),
	    KTEST_CASE(shared_write_dirties_page),
	    KTEST_CASE(split_vma_keeps_file_offsets),
	    KTEST_CASE(munmap_keeps_table_of_prot_none_pte),
	    KTEST_CASE(shared_and_private_do_not_merge),
	    KTEST_CASE(fault_around_window_arithmetic));
