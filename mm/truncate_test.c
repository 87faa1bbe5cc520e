// SPDX-License-Identifier: MIT
/*
 * Tests of unmap_mapping_range (mm/truncate.c) on an address space built
 * here and never run: a ramfs file mapped at BASE, its pages faulted in by
 * calling handle_mm_fault, then ranges of the file unmapped.
 */
#include <kernel/err.h>
#include <kernel/fs/testing.h>
#include <kernel/ktest.h>
#include <mm/filemap.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL

/* A file of size pages in a new ramfs tree, and a new mm to map it in. */
struct fixture {
	struct inode *root;
	struct mm_struct *mm;
	struct file *f;
};

static bool fixture_init(struct fixture *x, unsigned long size)
{
	x->root = ramfs_new_root();
	x->mm = mm_alloc();
	x->f = x->root ? test_open(x->root, "/f", O_CREAT | O_RDWR) : NULL;
	if (IS_ERR(x->f))
		x->f = NULL;
	return x->mm && x->f && !ramfs_setsize(x->f->f_inode, size * PAGE_SIZE);
}

static void fixture_exit(struct fixture *x)
{
	if (x->mm)
		mmput(x->mm);
	if (x->f)
		fput(x->f);
	if (x->root)
		ramfs_kill_tree(x->root);
}

/* Map pages of the file from page pgoff on at BASE, and fault each in. */
static bool map_and_touch(struct fixture *x, unsigned long pages,
			  unsigned long flags, unsigned long pgoff,
			  unsigned int fault)
{
	if (do_mmap(x->mm, BASE, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    flags | MAP_FIXED, x->f, pgoff) != (long)BASE)
		return false;
	for (unsigned long i = 0; i < pages; i++)
		if (handle_mm_fault(x->mm, BASE + i * PAGE_SIZE, fault))
			return false;
	return true;
}

/* A private copy stays without even_cows, and goes with it. */
static void private_copies_go_only_with_even_cows(struct ktest *t)
{
	struct page *copy = NULL;
	struct fixture x;

	if (fixture_init(&x, 2) && map_and_touch(&x, 2, MAP_PRIVATE, 0, 0) &&
	    !handle_mm_fault(x.mm, BASE, FAULT_FLAG_WRITE))
		copy = follow_page(x.mm, BASE);
	KTEST_EXPECT_TRUE(t, copy && !copy->mapping);
	if (copy) {
		unmap_mapping_range(x.f->f_mapping, 0, 0, false);
		KTEST_EXPECT_TRUE(t, follow_page(x.mm, BASE) == copy);
		KTEST_EXPECT_TRUE(t, !follow_page(x.mm, BASE + PAGE_SIZE));
		KTEST_EXPECT_EQ(t, x.mm->rss, 1);
		unmap_mapping_range(x.f->f_mapping, 0, PAGE_SIZE, true);
		KTEST_EXPECT_TRUE(t, !follow_page(x.mm, BASE));
		KTEST_EXPECT_EQ(t, x.mm->rss, 0);
	}
	fixture_exit(&x);
}

/* The range is in file offsets: a VMA mapping from page 1 on, cut at 2. */
static void range_follows_file_offset(struct ktest *t)
{
	struct fixture x;
	bool ok = fixture_init(&x, 4) && map_and_touch(&x, 3, MAP_SHARED, 1, 0);

	KTEST_EXPECT_TRUE(t, ok);
	if (ok) {
		unmap_mapping_range(x.f->f_mapping, 2 * PAGE_SIZE, PAGE_SIZE,
				    true);
		KTEST_EXPECT_TRUE(t, follow_page(x.mm, BASE));
		KTEST_EXPECT_TRUE(t, !follow_page(x.mm, BASE + PAGE_SIZE));
		KTEST_EXPECT_TRUE(t, follow_page(x.mm, BASE + 2 * PAGE_SIZE));
	}
	fixture_exit(&x);
}

KTEST_SUITE(truncate, KTEST_CASE(private_copies_go_only_with_even_cows),
	    KTEST_CASE(range_follows_file_offset));
