// SPDX-License-Identifier: MIT
/*
 * Fault-around (seed 002: do_fault_around in mm/memory.c,
 * filemap_map_pages in mm/filemap_mmap.c) on ramfs files mapped into an
 * address space built here and never run.  A read is simulated as the CPU
 * would do it: handle_mm_fault only where the PTE is still none.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/testing.h>
#include <kernel/ktest.h>
#include <mm/filemap.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL /* 2 MiB aligned */

struct fixture {
	struct inode *root;
	struct mm_struct *mm;
	struct file *f;
	unsigned long saved_bytes; /* fault_around_bytes, put back at exit */
};

/* A file of size bytes whose pages listed in cached[] (all if NULL, up to
 * size) are in the page cache; the rest are holes. */
static bool fixture_init(struct fixture *x, unsigned long size,
			 bool (*cached)(unsigned long index))
{
	x->saved_bytes = fault_around_bytes;
	x->root = ramfs_new_root();
	x->mm = mm_alloc();
	x->f = x->root ? test_open(x->root, "/f", O_CREAT | O_RDWR) : NULL;
	if (IS_ERR(x->f))
		x->f = NULL;
	if (!x->mm || !x->f || ramfs_setsize(x->f->f_inode, size))
		return false;
	for (unsigned long i = 0; i < (size + PAGE_SIZE - 1) / PAGE_SIZE; i++) {
		struct page *page;

		if (cached && !cached(i))
			continue;
		page = find_or_create_page(x->f->f_mapping, i);
		if (!page)
			return false;
		*(unsigned long *)page_address(page) = i;
		put_page(page);
	}
	return true;
}

static void fixture_exit(struct fixture *x)
{
	fault_around_bytes = x->saved_bytes;
	if (x->mm)
		mmput(x->mm);
	if (x->f)
		fput(x->f);
	if (x->root)
		ramfs_kill_tree(x->root);
}

static bool map_at(struct fixture *x, unsigned long addr, unsigned long pages,
		   unsigned long prot, unsigned long flags)
{
	return do_mmap(x->mm, addr, pages * PAGE_SIZE, prot, flags | MAP_FIXED,
		       x->f, 0) == (long)addr;
}

static bool mapped(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte && !pte_none(*pte);
}

/* Read one word of each page in turn; the faults it took, or -1. */
static long read_all(struct mm_struct *mm, unsigned long addr,
		     unsigned long pages)
{
	long faults = 0;

	for (unsigned long i = 0; i < pages; i++, addr += PAGE_SIZE) {
		if (mapped(mm, addr))
			continue;
		if (handle_mm_fault(mm, addr, 0))
			return -1;
		faults++;
	}
	return faults;
}

/*
 * A 4 MiB file read through a private mapping: one fault per window, the
 * windows counted from their aligned starts -- 1024, 256 and 64 faults
 * for 4, 16 and 64 KiB (1000, 250, 62.5 per 1000 pages); a mapping that
 * starts 3 pages into a window has one window more when windows are
 * larger than a page.
 */
static void faults_follow_the_window(struct ktest *t)
{
	static const unsigned long sizes[] = { 4096, 16384, 65536 };
	static const long aligned[] = { 1024, 256, 64 };
	static const long skewed[] = { 1024, 257, 65 };
	unsigned long pages = (4 * MiB) / PAGE_SIZE;
	struct fixture x;

	KTEST_ASSERT_TRUE(t, fixture_init(&x, 4 * MiB + 3 * PAGE_SIZE, NULL));
	for (int i = 0; i < 3; i++) {
		KTEST_EXPECT_EQ(t, set_fault_around_bytes(sizes[i]), 0);
		KTEST_EXPECT_TRUE(
			t, map_at(&x, BASE, pages, PROT_READ, MAP_PRIVATE));
		KTEST_EXPECT_EQ(t, read_all(x.mm, BASE, pages), aligned[i]);
		KTEST_EXPECT_EQ(t, x.mm->rss, pages);
		KTEST_EXPECT_TRUE(t, map_at(&x, BASE + 3 * PAGE_SIZE, pages,
					    PROT_READ, MAP_PRIVATE));
		KTEST_EXPECT_EQ(t, read_all(x.mm, BASE + 3 * PAGE_SIZE, pages),
				skewed[i]);
		KTEST_EXPECT_EQ(t,
				do_munmap(x.mm, BASE,
					  pages * PAGE_SIZE + 3 * PAGE_SIZE),
				0);
	}
	fixture_exit(&x);
}

static bool not_page_5(unsigned long index)
{
	return index != 5;
}

/*
 * Only cached, up-to-date pages are mapped: a hole (page 5) and a page not
 * up to date (page 9) stay unmapped, and the fault's own page, if one of
 * them, comes from ->fault.  Each mapped page gets a reference and a map
 * count of its own.
 */
static void only_cached_uptodate_pages_are_mapped(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *stale;
	struct fixture x;

	KTEST_ASSERT_TRUE(t, fixture_init(&x, 16 * PAGE_SIZE, not_page_5));
	KTEST_ASSERT_TRUE(t, map_at(&x, BASE, 16, PROT_READ, MAP_PRIVATE));
	stale = x.f->f_mapping->pages[9];
	ClearPageUptodate(stale);
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE, 0), 0);
	for (unsigned long i = 0; i < 16; i++) {
		struct page *page = follow_page(x.mm, BASE + i * PAGE_SIZE);

		if (i == 5 || i == 9) {
			KTEST_EXPECT_FALSE(t,
					   mapped(x.mm, BASE + i * PAGE_SIZE));
			continue;
		}
		KTEST_ASSERT_TRUE(t, page != NULL);
		KTEST_EXPECT_EQ(t, *(unsigned long *)page_address(page), i);
		KTEST_EXPECT_EQ(t, page_count(page), 2); /* cache + PTE */
		KTEST_EXPECT_EQ(t, page_mapcount(page), 1);
		KTEST_EXPECT_FALSE(
			t, pte_write(*follow_pte(x.mm, BASE + i * PAGE_SIZE)));
	}
	KTEST_EXPECT_EQ(t, x.mm->rss, 14);
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE + 5 * PAGE_SIZE, 0), 0);
	KTEST_EXPECT_TRUE(t, mapped(x.mm, BASE + 5 * PAGE_SIZE));
	KTEST_EXPECT_FALSE(t, mapped(x.mm, BASE + 9 * PAGE_SIZE));
	SetPageUptodate(stale);
	fixture_exit(&x);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * The window stops at the VMA's ends and at the page table's: with a
 * 2 MiB window, a mapping straddling a 2 MiB boundary gets only the part
 * on the faulting side.
 */
static void window_stays_in_vma_and_page_table(struct ktest *t)
{
	unsigned long start, end, addr = BASE + PMD_SIZE - 4 * PAGE_SIZE;
	struct fixture x;

	fault_around_window(BASE + 5 * PAGE_SIZE, 65536, BASE + 3 * PAGE_SIZE,
			    BASE + 7 * PAGE_SIZE, &start, &end);
	KTEST_EXPECT_EQ(t, start, BASE + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, end, BASE + 7 * PAGE_SIZE);
	KTEST_ASSERT_TRUE(t, fixture_init(&x, 64 * PAGE_SIZE, NULL));
	KTEST_EXPECT_EQ(t, set_fault_around_bytes(PMD_SIZE), 0);
	KTEST_EXPECT_TRUE(t, map_at(&x, addr, 8, PROT_READ, MAP_PRIVATE));
	KTEST_EXPECT_TRUE(
		t, map_at(&x, addr - 2 * PAGE_SIZE, 1, PROT_READ, MAP_PRIVATE));
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, addr, 0), 0);
	KTEST_EXPECT_EQ(t, x.mm->rss, 4); /* up to the table's end */
	KTEST_EXPECT_FALSE(t, mapped(x.mm, addr - PAGE_SIZE));
	KTEST_EXPECT_FALSE(t, mapped(x.mm, addr - 2 * PAGE_SIZE));
	KTEST_EXPECT_FALSE(t, mapped(x.mm, BASE + PMD_SIZE));
	KTEST_EXPECT_EQ(
		t, handle_mm_fault(x.mm, BASE + PMD_SIZE + PAGE_SIZE, 0), 0);
	KTEST_EXPECT_EQ(t, x.mm->rss, 8);
	fixture_exit(&x);
}

/*
 * A shared writable mapping: fault-around maps read-only, so the first
 * write still faults and marks the page dirty; its neighbours stay clean.
 */
static void shared_write_still_faults_and_dirties(struct ktest *t)
{
	struct page *page;
	struct fixture x;

	KTEST_ASSERT_TRUE(t, fixture_init(&x, 16 * PAGE_SIZE, NULL));
	KTEST_ASSERT_TRUE(
		t, map_at(&x, BASE, 16, PROT_READ | PROT_WRITE, MAP_SHARED));
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE, 0), 0);
	KTEST_EXPECT_EQ(t, x.mm->rss, 16);
	page = follow_page(x.mm, BASE + 3 * PAGE_SIZE);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_FALSE(t,
			   pte_write(*follow_pte(x.mm, BASE + 3 * PAGE_SIZE)));
	KTEST_EXPECT_FALSE(t, PageDirty(page));
	KTEST_EXPECT_EQ(
		t,
		handle_mm_fault(x.mm, BASE + 3 * PAGE_SIZE, FAULT_FLAG_WRITE),
		0);
	KTEST_EXPECT_TRUE(t,
			  pte_write(*follow_pte(x.mm, BASE + 3 * PAGE_SIZE)));
	KTEST_EXPECT_TRUE(t, PageDirty(page));
	KTEST_EXPECT_TRUE(t, follow_page(x.mm, BASE + 3 * PAGE_SIZE) == page);
	KTEST_EXPECT_FALSE(t,
			   PageDirty(follow_page(x.mm, BASE + 4 * PAGE_SIZE)));
	fixture_exit(&x);
}

/*
 * Never past the end of the file: a 10.5-page file under a 16-page mapping
 * maps 11 pages, page 12 is still SIGBUS, and after a truncation to 3
 * pages a new fault-around maps no page at or past page 3.
 */
static void never_past_eof(struct ktest *t)
{
	struct fixture x;

	KTEST_ASSERT_TRUE(t, fixture_init(&x, 10 * PAGE_SIZE + 100, NULL));
	KTEST_ASSERT_TRUE(t, map_at(&x, BASE, 16, PROT_READ, MAP_SHARED));
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE, 0), 0);
	KTEST_EXPECT_EQ(t, x.mm->rss, 11);
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE + 12 * PAGE_SIZE, 0),
			VM_FAULT_SIGBUS);
	KTEST_EXPECT_EQ(t, ramfs_setsize(x.f->f_inode, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, x.mm->rss, 3);
	KTEST_EXPECT_EQ(t, do_munmap(x.mm, BASE, 16 * PAGE_SIZE), 0);
	KTEST_ASSERT_TRUE(t, map_at(&x, BASE, 16, PROT_READ, MAP_SHARED));
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE + PAGE_SIZE, 0), 0);
	KTEST_EXPECT_EQ(t, x.mm->rss, 3);
	KTEST_EXPECT_FALSE(t, mapped(x.mm, BASE + 3 * PAGE_SIZE));
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE + 3 * PAGE_SIZE, 0),
			VM_FAULT_SIGBUS);
	fixture_exit(&x);
}

/*
 * Truncation sets i_size before it drops the pages past it: a fault in
 * between finds them still cached, and fault-around must stop at i_size,
 * not at the last cached page.
 */
static void eof_checked_before_the_cache_is_trimmed(struct ktest *t)
{
	struct fixture x;

	KTEST_ASSERT_TRUE(t, fixture_init(&x, 16 * PAGE_SIZE, NULL));
	KTEST_ASSERT_TRUE(t, map_at(&x, BASE, 16, PROT_READ, MAP_PRIVATE));
	x.f->f_inode->i_size = 5 * PAGE_SIZE; /* as ramfs_setsize does first */
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE, 0), 0);
	KTEST_EXPECT_EQ(t, x.mm->rss, 5);
	KTEST_EXPECT_FALSE(t, mapped(x.mm, BASE + 5 * PAGE_SIZE));
	x.f->f_inode->i_size = 16 * PAGE_SIZE;
	fixture_exit(&x);
}

/*
 * fork after fault-around: the child maps the same pages, each with one
 * more reference and map count; when both are gone, only the cache's
 * reference is left and every page and table is free again.
 */
static void fork_after_fault_around(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct mm_struct *child;
	struct page *page;
	struct fixture x;

	KTEST_ASSERT_TRUE(t, fixture_init(&x, 16 * PAGE_SIZE, NULL));
	KTEST_ASSERT_TRUE(t, map_at(&x, BASE, 16, PROT_READ, MAP_PRIVATE));
	KTEST_EXPECT_EQ(t, handle_mm_fault(x.mm, BASE + 7 * PAGE_SIZE, 0), 0);
	child = dup_mm(x.mm);
	KTEST_ASSERT_TRUE(t, child != NULL);
	KTEST_EXPECT_EQ(t, child->rss, 16);
	page = follow_page(child, BASE + 15 * PAGE_SIZE);
	KTEST_ASSERT_TRUE(
		t, page && page == follow_page(x.mm, BASE + 15 * PAGE_SIZE));
	KTEST_EXPECT_EQ(t, page_count(page), 3);
	KTEST_EXPECT_EQ(t, page_mapcount(page), 2);
	mmput(child);
	KTEST_EXPECT_EQ(t, page_count(page), 2);
	fixture_exit(&x);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/* The tunable takes powers of two from a page to a page table's span. */
static void tunable_takes_powers_of_two(struct ktest *t)
{
	unsigned long saved = fault_around_bytes;

	KTEST_EXPECT_EQ(t, set_fault_around_bytes(3 * PAGE_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(t, set_fault_around_bytes(2048), -EINVAL);
	KTEST_EXPECT_EQ(t, set_fault_around_bytes(0), -EINVAL);
	KTEST_EXPECT_EQ(t, set_fault_around_bytes(2 * PMD_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(t, set_fault_around_bytes((unsigned long)-4096),
			-EINVAL);
	KTEST_EXPECT_EQ(t, fault_around_bytes, saved);
	KTEST_EXPECT_EQ(t, set_fault_around_bytes(PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, set_fault_around_bytes(PMD_SIZE), 0);
	fault_around_bytes = saved;
}

KTEST_SUITE(fault_around, KTEST_CASE(faults_follow_the_window),
	    KTEST_CASE(only_cached_uptodate_pages_are_mapped),
	    KTEST_CASE(window_stays_in_vma_and_page_table),
	    KTEST_CASE(shared_write_still_faults_and_dirties),
	    KTEST_CASE(never_past_eof),
	    KTEST_CASE(eof_checked_before_the_cache_is_trimmed),
	    KTEST_CASE(fork_after_fault_around),
	    KTEST_CASE(tunable_takes_powers_of_two));
