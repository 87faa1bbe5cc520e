// SPDX-License-Identifier: MIT
/*
 * A minimal slab allocator behind kmalloc.
 *
 * Each power-of-two size class from 16 to 2048 bytes is a cache.  A slab is
 * one page cut into equal objects; its free objects are chained through
 * their first word, starting at page->freelist, and page->private counts the
 * objects in use.  A cache lists only slabs that have a free object (as in
 * Linux's SLUB, full slabs are on no list), and a slab whose last object is
 * freed goes straight back to the page allocator, so no page is ever held
 * idle (the tests' free-page counts depend on that).
 *
 * Requests above 2048 bytes take 2^order whole pages, marked PG_large with
 * the order in page->private so that kfree knows how many to give back.
 */
#include <kernel/panic.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/slab.h>

struct kmem_cache {
	unsigned int size;
	struct list_head partial; /* slabs with at least one free object */
	unsigned long nr_slabs;
};

#define KMALLOC_MIN_SHIFT 4
#define KMALLOC_MAX_SHIFT 11
#define NR_KMALLOC_CACHES (KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)

static struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];
/* Guards every cache and its slabs' free lists (large blocks need none). */
static struct spinlock slab_lock = SPINLOCK_INIT;

static struct kmem_cache *size_to_cache(size_t size)
{
	unsigned int shift = KMALLOC_MIN_SHIFT;
	struct kmem_cache *c;

	while ((1UL << shift) < size)
		shift++;
	c = &kmalloc_caches[shift - KMALLOC_MIN_SHIFT];
	if (!c->size) { /* first use: set the cache up */
		c->size = 1U << shift;
		INIT_LIST_HEAD(&c->partial);
	}
	return c;
}

static struct page *new_slab(struct kmem_cache *c)
{
	struct page *page = alloc_page();
	char *base;
	void **prev;

	if (!page)
		return NULL;
	SetPageSlab(page);
	page->slab_cache = c;
	page->private = 0;
	base = page_address(page);
	prev = &page->freelist;
	for (unsigned int off = 0; off + c->size <= PAGE_SIZE; off += c->size) {
		*prev = base + off;
		prev = (void **)(base + off);
	}
	*prev = NULL;
	list_add(&page->lru, &c->partial);
	c->nr_slabs++;
	return page;
}

static void free_slab(struct kmem_cache *c, struct page *page)
{
	list_del(&page->lru);
	ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	c->nr_slabs--;
	free_pages(page, 0);
}

static void *slab_alloc(struct kmem_cache *c)
{
	struct page *page;
	void *obj;

	if (list_empty(&c->partial) && !new_slab(c))
		return NULL;
	page = list_first_entry(&c->partial, struct page, lru);
	obj = page->freelist;
	page->freelist = *(void **)obj;
	page->private ++;
	if (!page->freelist)
		list_del(&page->lru); /* now full */
	return obj;
}

static void slab_free(struct page *page, void *obj)
{
	struct kmem_cache *c = page->slab_cache;
	unsigned long off = (unsigned long)obj & (PAGE_SIZE - 1);

	BUG_ON(off % c->size != 0); /* not an object's start: a bad pointer */
	if (!page->freelist)
		list_add(&page->lru, &c->partial); /* was full */
	*(void **)obj = page->freelist;
	page->freelist = obj;
	if (--page->private == 0)
		free_slab(c, page);
}

static unsigned int size_to_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static void *large_alloc(size_t size)
{
	unsigned int order;
	struct page *page;

	if (size > (PAGE_SIZE << (MAX_ORDER - 1)))
		return NULL;
	order = size_to_order(size);
	page = alloc_pages(order);
	if (!page)
		return NULL;
	SetPageLarge(page);
	page->private = order;
	return page_address(page);
}

void *kmalloc(size_t size)
{
	unsigned long flags;
	void *p;

	if (!size)
		return NULL;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return large_alloc(size);
	flags = spin_lock_irqsave(&slab_lock);
	p = slab_alloc(size_to_cache(size));
	spin_unlock_irqrestore(&slab_lock, flags);
	return p;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	return p ? memset(p, 0, size) : NULL;
}

void kfree(const void *ptr)
{
	unsigned long flags;
	struct page *page;

	if (!ptr)
		return;
	page = virt_to_page(ptr);
	if (PageLarge(page)) {
		unsigned int order = page->private;

		BUG_ON(page_address(page) != ptr);
		ClearPageLarge(page);
		page->private = 0;
		free_pages(page, order);
		return;
	}
	flags = spin_lock_irqsave(&slab_lock);
	BUG_ON(!PageSlab(page)); /* kfree of memory kmalloc did not hand out */
	slab_free(page, (void *)ptr);
	spin_unlock_irqrestore(&slab_lock, flags);
}

unsigned long kmalloc_slab_pages(void)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < NR_KMALLOC_CACHES; i++)
		n += kmalloc_caches[i].nr_slabs;
	return n;
}
