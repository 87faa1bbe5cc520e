// SPDX-License-Identifier: MIT
/*
 * The page cache (see mm/filemap.h for the picture): finding a file's page
 * by index, adding a zero-filled page where the file has a hole, and
 * dropping pages when the file is truncated.  Also the i_mmap lock, a
 * sleeping one, that guards the list of VMAs mapping the file (mm/vma.c
 * and mm/truncate.c take it).
 */
#include <kernel/fs/fs.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/filemap.h>
#include <mm/mm.h>
#include <mm/slab.h>

/* Guards every mapping's pages[], nr_slots and nrpages, and nr_pagecache. */
static struct spinlock page_cache_lock = SPINLOCK_INIT;
static unsigned long nr_pagecache;

/* The smallest array, and the largest index an array may ever cover. */
#define MIN_SLOTS 16UL
#define MAX_SLOTS (1UL << 30)

void address_space_init(struct address_space *mapping, struct inode *host)
{
	mapping->host = host;
	mapping->pages = NULL;
	mapping->nr_slots = 0;
	mapping->nrpages = 0;
	INIT_LIST_HEAD(&mapping->i_mmap);
	mapping->i_mmap_locked = false;
	init_wait_queue(&mapping->i_mmap_wait);
}

/* Called with interrupts off (by wait_event_uninterruptible). */
static bool i_mmap_trylock(struct address_space *mapping)
{
	if (mapping->i_mmap_locked)
		return false;
	mapping->i_mmap_locked = true;
	return true;
}

void i_mmap_lock_write(struct address_space *mapping)
{
	lockdep_acquire(LOCK_I_MMAP, false);
	wait_event_uninterruptible(&mapping->i_mmap_wait,
				   i_mmap_trylock(mapping));
}

void i_mmap_unlock_write(struct address_space *mapping)
{
	BUG_ON(!mapping->i_mmap_locked);
	mapping->i_mmap_locked = false;
	wake_up(&mapping->i_mmap_wait);
	lockdep_release(LOCK_I_MMAP);
}

/* Caller holds page_cache_lock. */
static struct page *page_cache_lookup(struct address_space *mapping,
				      unsigned long index)
{
	if (index >= mapping->nr_slots)
		return NULL;
	return mapping->pages[index];
}

struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	unsigned long flags = spin_lock_irqsave(&page_cache_lock);
	struct page *page = page_cache_lookup(mapping, index);

	if (page)
		get_page(page);
	spin_unlock_irqrestore(&page_cache_lock, flags);
	return page;
}

/*
 * Make pages[] long enough to hold index: double it until it is.  Caller
 * holds page_cache_lock (kmalloc never sleeps, so it may be called here).
 */
static bool page_cache_grow(struct address_space *mapping, unsigned long index)
{
	unsigned long slots = mapping->nr_slots ? mapping->nr_slots : MIN_SLOTS;
	struct page **pages;

	if (index < mapping->nr_slots)
		return true;
	if (index >= MAX_SLOTS)
		return false;
	while (slots <= index)
		slots *= 2;
	pages = kzalloc(slots * sizeof(*pages));
	if (!pages)
		return false;
	if (mapping->pages)
		memcpy(pages, mapping->pages,
		       mapping->nr_slots * sizeof(*pages));
	kfree(mapping->pages);
	mapping->pages = pages;
	mapping->nr_slots = slots;
	return true;
}

/* Put page into the empty slot at index.  Caller holds page_cache_lock. */
static void page_cache_insert(struct address_space *mapping,
			      unsigned long index, struct page *page)
{
	BUG_ON(mapping->pages[index]);
	page->mapping = mapping;
	page->index = index;
	mapping->pages[index] = page;
	mapping->nrpages++;
	nr_pagecache++;
}

/* Take page out of the cache and drop the cache's reference.  Lock held. */
static void page_cache_delete(struct address_space *mapping,
			      unsigned long index)
{
	struct page *page = mapping->pages[index];

	BUG_ON(page->mapping != mapping || page->index != index);
	mapping->pages[index] = NULL;
	mapping->nrpages--;
	nr_pagecache--;
	page->mapping = NULL;
	page->index = 0;
	put_page(page);
}

struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index)
{
	struct page *page, *new;
	unsigned long flags;

	page = find_get_page(mapping, index);
	if (page)
		return page;

	/* Fill the page before it is visible: nobody may see stale bytes. */
	new = alloc_page();
	if (!new)
		return NULL;
	clear_page(page_address(new));
	SetPageUptodate(new); /* a hole reads as zeroes: these are its bytes */

	flags = spin_lock_irqsave(&page_cache_lock);
	/* We ran unlocked: another task may have filled the slot meanwhile. */
	page = page_cache_lookup(mapping, index);
	if (!page && page_cache_grow(mapping, index)) {
		page = new;
		new = NULL;
		page_cache_insert(mapping, index,
				  page); /* the cache's reference */
	}
	if (page)
		get_page(page); /* the caller's reference */
	spin_unlock_irqrestore(&page_cache_lock, flags);

	if (new)
		put_page(new); /* lost the race, or no memory for the array */
	return page;
}

void zero_page_tail(struct address_space *mapping, unsigned long index,
		    size_t offset)
{
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return;
	memset((char *)page_address(page) + offset, 0, PAGE_SIZE - offset);
	put_page(page);
}

void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	unsigned long start = (lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	size_t partial = lstart & (PAGE_SIZE - 1);
	unsigned long flags;

	BUG_ON(lstart < 0);
	if (partial)
		zero_page_tail(mapping, lstart >> PAGE_SHIFT, partial);

	flags = spin_lock_irqsave(&page_cache_lock);
	for (unsigned long i = start; i < mapping->nr_slots; i++)
		if (mapping->pages[i])
			page_cache_delete(mapping, i);
	if (start == 0) {
		kfree(mapping->pages);
		mapping->pages = NULL;
		mapping->nr_slots = 0;
	}
	spin_unlock_irqrestore(&page_cache_lock, flags);
}

unsigned long pagecache_pages(void)
{
	return nr_pagecache;
}
