// SPDX-License-Identifier: MIT
/* Tests of the buddy allocator (mm/page_alloc.c); they run in the kernel and on the host. */
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/mm.h>

static void alloc_free_order0(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_page();

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, page_count(page), 1);
	KTEST_EXPECT_FALSE(t, PageBuddy(page));
	KTEST_EXPECT_FALSE(t, PageReserved(page));
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 1);
	free_pages(page, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/* Every order: the block is aligned to its size, counts move by 2^order. */
static void every_order_aligned(struct ktest *t)
{
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		unsigned long before = nr_free_pages();
		struct page *page = alloc_pages(order);

		KTEST_ASSERT_NOT_NULL(t, page);
		KTEST_EXPECT_TRUE(t,
				  IS_ALIGNED(page_to_pfn(page), 1UL << order));
		KTEST_EXPECT_EQ(t, nr_free_pages(), before - (1UL << order));
		/* The memory is really ours: write all of it. */
		memset(page_address(page), 0xa5, PAGE_SIZE << order);
		free_pages(page, order);
	}
}

static void order_too_large(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, alloc_pages(MAX_ORDER) == NULL);
	KTEST_EXPECT_TRUE(t, alloc_pages(~0U) == NULL);
}

/* Allocate every free block below the top order; they go on list, order in ->private. */
static void drain_small_blocks(struct list_head *list)
{
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++) {
		while (nr_free_blocks(o)) {
			struct page *page = alloc_pages(o);

			page->private = o;
			list_add(&page->lru, list);
		}
	}
}

static void free_page_list(struct list_head *list)
{
	while (!list_empty(list)) {
		struct page *page = list_first_entry(list, struct page, lru);
		unsigned int order = page->private;

		list_del(&page->lru);
		page->private = 0;
		free_pages(page, order);
	}
}

/*
 * With no small blocks free, one page must come from splitting a top-order
 * block, which leaves exactly one free block at each lower order; freeing
 * the page merges them all back into one top-order block.
 */
static void split_and_coalesce(struct ktest *t)
{
	unsigned long top = nr_free_blocks(MAX_ORDER - 1);
	LIST_HEAD(drained);
	struct page *page;

	KTEST_ASSERT_GT(t, top, 0);
	drain_small_blocks(&drained);

	page = alloc_page();
	KTEST_EXPECT_TRUE(t, page != NULL);
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		KTEST_EXPECT_EQ(t, nr_free_blocks(o), 1);
	KTEST_EXPECT_EQ(t, nr_free_blocks(MAX_ORDER - 1), top - 1);

	if (page)
		free_pages(page, 0);
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		KTEST_EXPECT_EQ(t, nr_free_blocks(o), 0);
	KTEST_EXPECT_EQ(t, nr_free_blocks(MAX_ORDER - 1), top);
	free_page_list(&drained);
}

/* Take every page there is: the count is exact and the end is NULL, not a panic. */
static void exhaustion(struct ktest *t)
{
	unsigned long before = nr_free_pages(), n = 0;
	LIST_HEAD(taken);
	struct page *page;

	while ((page = alloc_page())) {
		list_add(&page->lru, &taken);
		n++;
	}
	KTEST_EXPECT_EQ(t, n, before);
	KTEST_EXPECT_EQ(t, nr_free_pages(), 0);
	KTEST_EXPECT_TRUE(t, alloc_pages(1) == NULL);
	KTEST_EXPECT_TRUE(t, get_zeroed_page() == NULL);

	free_page_list(&taken);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void refcount(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_page();

	KTEST_ASSERT_NOT_NULL(t, page);
	get_page(page);
	get_page(page);
	KTEST_EXPECT_EQ(t, page_count(page), 3);
	put_page(page);
	put_page(page);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 1); /* still held */
	KTEST_EXPECT_EQ(t, page_count(page), 1);
	put_page(page);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void zeroed_page(struct ktest *t)
{
	unsigned char *p = get_zeroed_page();
	unsigned long nonzero = 0;

	KTEST_ASSERT_NOT_NULL(t, p);
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	memset(p, 0xff,
	       PAGE_SIZE); /* dirty it, so the next user sees a non-zero page */
	free_page(p);
}

/* Free pages never overlap allocated ones: two allocations are distinct. */
static void distinct_pages(struct ktest *t)
{
	struct page *a = alloc_page(), *b = alloc_page();

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_NE(t, page_to_pfn(a), page_to_pfn(b));
	KTEST_EXPECT_TRUE(t, page_address(a) != page_address(b));
	KTEST_EXPECT_TRUE(t, virt_to_page(page_address(a)) == a);
	free_pages(a, 0);
	free_pages(b, 0);
}

/*
 * A free block merges only with a buddy of its own order.  Make the
 * order-1 block [0, 1] of an order-2 block free while its buddy's first
 * page, 2, is free on its own (order 0) and page 3 is still held: freeing
 * [0, 1] must not merge, or page 3 would sit on a free list while in use.
 */
static void buddy_merges_same_order_only(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *p = alloc_pages(2);

	KTEST_ASSERT_NOT_NULL(t, p);
	set_page_count(&p[2], 1); /* pages 2 and 3 as if held on their own */
	set_page_count(&p[3], 1);
	free_pages(&p[2], 0);
	KTEST_EXPECT_TRUE(t, PageBuddy(&p[2]) && p[2].private == 0);
	free_pages(p, 1);
	KTEST_EXPECT_TRUE(t, PageBuddy(p));
	KTEST_EXPECT_EQ(t, p->private, 1); /* alone: no order-2 block */
	KTEST_EXPECT_TRUE(t, PageBuddy(&p[2]) && p[2].private == 0);
	free_pages(&p[3], 0); /* now all four merge (and maybe further) */
	KTEST_EXPECT_FALSE(t, PageBuddy(&p[2]));
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/* A page's next owner sees none of the last owner's state (PG_dirty). */
static void freed_page_forgets_dirty(struct ktest *t)
{
	struct page *page = alloc_page(), *again;

	KTEST_ASSERT_NOT_NULL(t, page);
	SetPageDirty(page);
	free_pages(page, 0);
	again = alloc_page(); /* the free list's head: the same page */
	KTEST_ASSERT_NOT_NULL(t, again);
	KTEST_EXPECT_TRUE(t, again == page);
	KTEST_EXPECT_FALSE(t, PageDirty(again));
	free_pages(again, 0);
}

KTEST_SUITE(page_alloc, KTEST_CASE(alloc_free_order0),
	    KTEST_CASE(every_order_aligned), KTEST_CASE(order_too_large),
	    KTEST_CASE(split_and_coalesce), KTEST_CASE(exhaustion),
	    KTEST_CASE(refcount), KTEST_CASE(zeroed_page),
	    KTEST_CASE(distinct_pages),
	    KTEST_CASE(buddy_merges_same_order_only),
	    KTEST_CASE(freed_page_forgets_dirty));
