// SPDX-License-Identifier: MIT
/* Tests of kmalloc/kfree (mm/slab.c); they run in the kernel and on the host. */
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/slab.h>

/* Each size gets a block aligned to its size class that it can fill. */
static void sizes_and_alignment(struct ktest *t)
{
	static const size_t sizes[] = { 1,    8,    16,	  17,	100,  128,
					1000, 2048, 2049, 5000, 70000 };

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *p = kmalloc(sizes[i]);

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_TRUE(t, IS_ALIGNED((unsigned long)p, 16));
		memset(p, 0x5a, sizes[i]);
		kfree(p);
	}
}

/* Objects from one slab do not overlap: fill each with its own byte. */
static void objects_do_not_overlap(struct ktest *t)
{
	enum { N = 300 }; /* more than one page of 64-byte objects */
	unsigned char *obj[N];
	unsigned long bad = 0;

	for (int i = 0; i < N; i++) {
		obj[i] = kmalloc(64);
		KTEST_ASSERT_NOT_NULL(t, obj[i]);
		memset(obj[i], i & 0xff, 64);
	}
	for (int i = 0; i < N; i++)
		for (int j = 0; j < 64; j++)
			bad += obj[i][j] != (i & 0xff);
	KTEST_EXPECT_EQ(t, bad, 0);
	for (int i = 0; i < N; i++)
		kfree(obj[i]);
}

/*
 * A slab goes back to the page allocator when its last object is freed.
 * The size class may have a slab in use already (every task's fd table is
 * a 512-byte object): fill it until a fresh slab is started, whose only
 * object is the last one taken.
 */
static void empty_slab_is_returned(struct ktest *t)
{
	unsigned long slabs_before = kmalloc_slab_pages(), free_before;
	void *obj[PAGE_SIZE / 512 + 1];
	const int max = sizeof(obj) / sizeof(obj[0]);
	int n = 0;

	do {
		obj[n] = kmalloc(512);
		KTEST_ASSERT_NOT_NULL(t, obj[n]);
	} while (kmalloc_slab_pages() == slabs_before && ++n < max);
	KTEST_ASSERT_TRUE(t, n < max);
	KTEST_EXPECT_EQ(t, kmalloc_slab_pages(), slabs_before + 1);
	free_before = nr_free_pages();
	kfree(obj[n]);
	KTEST_EXPECT_EQ(t, kmalloc_slab_pages(), slabs_before);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before + 1);
	while (n--)
		kfree(obj[n]);
}

/* A freed object is the next one handed out from its slab. */
static void freed_object_is_reused(struct ktest *t)
{
	void *keep = kmalloc(32), *a = kmalloc(32), *b;

	KTEST_ASSERT_NOT_NULL(t, keep);
	KTEST_ASSERT_NOT_NULL(t, a);
	kfree(a);
	b = kmalloc(32);
	KTEST_EXPECT_TRUE(t, a == b);
	kfree(b);
	kfree(keep);
}

/* Above 2048 bytes kmalloc takes whole pages: 5000 bytes is an order-1 block. */
static void large_uses_pages(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	void *p = kmalloc(5000);

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 2);
	KTEST_EXPECT_TRUE(t, PageLarge(virt_to_page(p)));
	kfree(p);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void kzalloc_zeroes(struct ktest *t)
{
	unsigned char *p = kmalloc(256);
	unsigned long nonzero = 0;

	KTEST_ASSERT_NOT_NULL(t, p);
	memset(p, 0xee, 256);
	kfree(p);
	p = kzalloc(256); /* likely the same, dirty, object */
	KTEST_ASSERT_NOT_NULL(t, p);
	for (int i = 0; i < 256; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	kfree(p);
}

static void zero_null_and_absurd(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, kmalloc(0) == NULL);
	KTEST_EXPECT_TRUE(t, kmalloc((size_t)-1) == NULL);
	KTEST_EXPECT_TRUE(t, kmalloc(PAGE_SIZE << MAX_ORDER) == NULL);
	kfree(NULL); /* allowed, does nothing */
}

/* Allocate until memory runs out: kmalloc returns NULL, and all comes back. */
static void exhaustion(struct ktest *t)
{
	unsigned long before = nr_free_pages(), n = 0;
	void **head = NULL, **p;

	/* Chain the blocks through their first word. */
	while ((p = kmalloc(1 << 20))) {
		*p = head;
		head = p;
		n++;
	}
	KTEST_EXPECT_GT(t, n, 0);
	/* No free block left that could hold one more MiB (order 8). */
	for (unsigned int order = 8; order < MAX_ORDER; order++)
		KTEST_EXPECT_EQ(t, nr_free_blocks(order), 0);
	while (head) {
		p = *head;
		kfree(head);
		head = p;
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

KTEST_SUITE(kmalloc, KTEST_CASE(sizes_and_alignment),
	    KTEST_CASE(objects_do_not_overlap),
	    KTEST_CASE(empty_slab_is_returned),
	    KTEST_CASE(freed_object_is_reused), KTEST_CASE(large_uses_pages),
	    KTEST_CASE(kzalloc_zeroes), KTEST_CASE(zero_null_and_absurd),
	    KTEST_CASE(exhaustion));
