// SPDX-License-Identifier: MIT
/*
 * Tests of the page cache (mm/filemap.c), on a bare address_space with no
 * file behind it.
 */
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/filemap.h>
#include <mm/mm.h>

static bool page_is_filled(struct page *page, size_t from, size_t to, int c)
{
	const unsigned char *p = page_address(page);

	for (size_t i = from; i < to; i++)
		if (p[i] != c)
			return false;
	return true;
}

/* A new page is zeroed, knows its place, and is held by cache and caller. */
static void create_sets_mapping_and_index(struct ktest *t)
{
	unsigned long free = nr_free_pages(), cached = pagecache_pages();
	struct address_space m;
	struct page *page, *again;

	address_space_init(&m, NULL);
	page = find_or_create_page(&m, 5);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_TRUE(t, page->mapping == &m);
	KTEST_EXPECT_EQ(t, page->index, 5);
	KTEST_EXPECT_EQ(t, page_count(page), 2);
	KTEST_EXPECT_TRUE(t, page_is_filled(page, 0, PAGE_SIZE, 0));
	KTEST_EXPECT_EQ(t, m.nrpages, 1);
	KTEST_EXPECT_EQ(t, pagecache_pages(), cached + 1);

	again = find_or_create_page(&m, 5);
	KTEST_EXPECT_TRUE(t, again == page);
	KTEST_EXPECT_EQ(t, page_count(page), 3);
	put_page(again);
	again = find_get_page(&m, 5);
	KTEST_EXPECT_TRUE(t, again == page);
	put_page(again);
	KTEST_EXPECT_TRUE(t, find_get_page(&m, 4) == NULL); /* a hole */
	KTEST_EXPECT_TRUE(t, find_get_page(&m, 1000) == NULL);
	put_page(page);

	truncate_inode_pages(&m, 0);
	KTEST_EXPECT_EQ(t, m.nrpages, 0);
	KTEST_EXPECT_TRUE(t, m.pages == NULL);
	KTEST_EXPECT_EQ(t, pagecache_pages(), cached);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/* Fill pages 0..n-1 of m with 0xff. */
static bool fill_pages(struct address_space *m, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		struct page *page = find_or_create_page(m, i);

		if (!page)
			return false;
		memset(page_address(page), 0xff, PAGE_SIZE);
		put_page(page);
	}
	return true;
}

/* Truncating to the middle of page 1 drops page 2 and zeroes page 1's tail. */
static void truncate_partial_page(struct ktest *t)
{
	struct address_space m;
	unsigned long free;
	struct page *page;

	address_space_init(&m, NULL);
	KTEST_ASSERT_TRUE(t, fill_pages(&m, 3));
	free = nr_free_pages();
	truncate_inode_pages(&m, PAGE_SIZE + 100);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free + 1);
	KTEST_EXPECT_EQ(t, m.nrpages, 2);
	KTEST_EXPECT_TRUE(t, find_get_page(&m, 2) == NULL);

	page = find_get_page(&m, 1);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_TRUE(t, page_is_filled(page, 0, 100, 0xff));
	KTEST_EXPECT_TRUE(t, page_is_filled(page, 100, PAGE_SIZE, 0));
	put_page(page);
	page = find_get_page(&m, 0);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_TRUE(t, page_is_filled(page, 0, PAGE_SIZE, 0xff));
	put_page(page);

	/* On a page boundary nothing is zeroed: page 1 goes whole. */
	truncate_inode_pages(&m, PAGE_SIZE);
	KTEST_EXPECT_EQ(t, m.nrpages, 1);
	truncate_inode_pages(&m, 0);
}

/* A page still referenced outlives its removal, detached from the file. */
static void page_outlives_truncation(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct address_space m;
	struct page *page;

	address_space_init(&m, NULL);
	page = find_or_create_page(&m, 0);
	KTEST_ASSERT_NOT_NULL(t, page);
	truncate_inode_pages(&m, 0);
	KTEST_EXPECT_TRUE(t, page->mapping == NULL);
	KTEST_EXPECT_EQ(t, page_count(page), 1); /* ours alone */
	KTEST_EXPECT_LT(t, nr_free_pages(), free);
	put_page(page);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/* A far index grows the array; the slots before it stay holes. */
static void sparse_index_grows_array(struct ktest *t)
{
	struct address_space m;
	struct page *page;

	address_space_init(&m, NULL);
	page = find_or_create_page(&m, 3000);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_GT(t, m.nr_slots, 3000);
	KTEST_EXPECT_EQ(t, m.nrpages, 1);
	KTEST_EXPECT_TRUE(t, find_get_page(&m, 0) == NULL);
	KTEST_EXPECT_TRUE(t, find_get_page(&m, 2999) == NULL);
	put_page(page);
	/* An index no array can reach fails cleanly. */
	KTEST_EXPECT_TRUE(t, find_or_create_page(&m, ~0UL) == NULL);
	truncate_inode_pages(&m, 0);
}

/*
 * Each index gets a slot: filling 0, 1, 2 ... in order meets the array's
 * end exactly (16, 32, 64), where it must grow past the index, not to it.
 */
static void index_at_array_end_grows_it(struct ktest *t)
{
	struct address_space m;
	struct page *page;

	address_space_init(&m, NULL);
	for (unsigned long i = 0; i <= 64; i++) {
		page = find_or_create_page(&m, i);
		KTEST_ASSERT_NOT_NULL(t, page);
		KTEST_EXPECT_GT(t, m.nr_slots, i);
		put_page(page);
	}
	KTEST_EXPECT_EQ(t, m.nrpages, 65);
	truncate_inode_pages(&m, 0);
	/* A first index of exactly 16 (the smallest array's length). */
	page = find_or_create_page(&m, 16);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_GT(t, m.nr_slots, 16);
	put_page(page);
	truncate_inode_pages(&m, 0);
}

KTEST_SUITE(filemap, KTEST_CASE(create_sets_mapping_and_index),
	    KTEST_CASE(truncate_partial_page),
	    KTEST_CASE(page_outlives_truncation),
	    KTEST_CASE(sparse_index_grows_array),
	    KTEST_CASE(index_at_array_end_grows_it));
