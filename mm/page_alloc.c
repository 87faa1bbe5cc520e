// SPDX-License-Identifier: MIT
/*
 * The physical page allocator: mem_map (the struct page array) and a binary
 * buddy allocator over it.
 *
 * Free memory is kept as blocks of 2^order pages, each aligned to its own
 * size, on one free list per order.  The "buddy" of the block at pfn is the
 * block at pfn ^ 2^order: the other half of the block one order up.
 * Allocating splits a larger block, returning the unused halves to the lower
 * lists; freeing merges a block with its buddy, again and again, while the
 * buddy is free and of the same order.  Only the first page of a free block
 * carries PG_buddy and the order (in page->private), which is what the
 * merge test reads.
 *
 * Locking: zone_lock guards the free lists, the counters and every page's
 * reference count (tasks preempt each other, and may one day allocate from
 * interrupt handlers: the lock disables interrupts).
 */
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/mm.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free; /* blocks on the list */
};

struct page *mem_map;
unsigned long max_pfn;

static struct free_area free_area[MAX_ORDER];
static struct spinlock zone_lock = SPINLOCK_INIT;
static unsigned long free_page_count;
static unsigned long managed_pages;

static void add_to_free_area(struct page *page, unsigned int order)
{
	SetPageBuddy(page);
	page->private = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_from_free_area(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	ClearPageBuddy(page);
	page->private = 0;
	free_area[order].nr_free--;
}

/* The buddy of page at this order, if it is free and whole; else NULL. */
static struct page *free_buddy(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page) ^ (1UL << order);
	struct page *buddy;

	if (!pfn_valid(pfn))
		return NULL;
	buddy = pfn_to_page(pfn);
	if (!PageBuddy(buddy) || buddy->private != order)
		return NULL;
	return buddy;
}

/* Put a block on the free lists, merging it with free buddies first. */
static void free_one_block(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	struct page *buddy;

	while (order < MAX_ORDER - 1 && (buddy = free_buddy(page, order))) {
		del_from_free_area(buddy, order);
		pfn &= ~(
			1UL
			<< order); /* the merged block starts at the lower half */
		page = pfn_to_page(pfn);
		order++;
	}
	add_to_free_area(page, order);
}

static struct page *__alloc_pages(unsigned int order)
{
	unsigned int o;
	struct page *page;

	for (o = order; o < MAX_ORDER; o++)
		if (!list_empty(&free_area[o].free_list))
			break;
	if (o == MAX_ORDER)
		return NULL;

	page = list_first_entry(&free_area[o].free_list, struct page, lru);
	del_from_free_area(page, o);
	/* Split: keep the lower half, free the upper half, until small enough. */
	while (o > order) {
		o--;
		add_to_free_area(page + (1UL << o), o);
	}
	set_page_count(page, 1);
	free_page_count -= 1UL << order;
	return page;
}

void (*low_memory_notify)(void);

struct page *alloc_pages(unsigned int order)
{
	unsigned long flags;
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;
	flags = spin_lock_irqsave(&zone_lock);
	page = __alloc_pages(order);
	spin_unlock_irqrestore(&zone_lock, flags);
	if (low_memory_notify)
		low_memory_notify();
	return page;
}

/*
 * The count is atomic: only the task that drops it to zero frees the
 * block, and only that step needs the zone lock.
 */
void free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;

	BUG_ON(page_count(page) <= 0);
	/* A reserved page keeps the kernel's own reference for ever. */
	BUG_ON(PageReserved(page) && page_count(page) == 1);
	if (!atomic_dec_and_test(&page->_refcount))
		return;
	/* The next owner must not inherit this one's state. */
	ClearPageDirty(page);
	ClearPageUptodate(page);
	flags = spin_lock_irqsave(&zone_lock);
	free_one_block(page, order);
	free_page_count += 1UL << order;
	spin_unlock_irqrestore(&zone_lock, flags);
}

void *get_zeroed_page(void)
{
	struct page *page = alloc_page();

	if (!page)
		return NULL;
	clear_page(page_address(page));
	return page_address(page);
}

void free_page(void *addr)
{
	free_pages(virt_to_page(addr), 0);
}

void get_page(struct page *page)
{
	BUG_ON(page_count(page) <= 0);
	atomic_inc(&page->_refcount);
}

void put_page(struct page *page)
{
	free_pages(page, 0);
}

unsigned long nr_free_pages(void)
{
	return free_page_count;
}

unsigned long nr_free_blocks(unsigned int order)
{
	return free_area[order].nr_free;
}

unsigned long nr_managed_pages(void)
{
	return managed_pages;
}

/*
 * Check the free lists against the rules above, for vm_audit: each block's
 * head is PG_buddy with its order, aligned to its size, unreferenced and
 * unmapped; no block's buddy of the same order is free (they would have
 * merged); the lists' lengths and the free count add up.  Prints each
 * problem (the first few) and returns how many there are.
 */
unsigned long audit_free_lists(void)
{
	unsigned long flags = spin_lock_irqsave(&zone_lock);
	unsigned long problems = 0, pages = 0;

	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long blocks = 0;
		struct page *page;

		list_for_each_entry (page, &free_area[o].free_list, lru) {
			unsigned long pfn = page_to_pfn(page);

			blocks++;
			pages += 1UL << o;
			if (PageBuddy(page) && page->private == o &&
			    IS_ALIGNED(pfn, 1UL << o) && !page_count(page) &&
			    !page_mapcount(page) &&
			    (o == MAX_ORDER - 1 || !free_buddy(page, o)))
				continue;
			if (problems++ < 4)
				printk("vm_audit: free block at pfn %#lx, "
				       "order "
				       "%u: flags %#lx, order %lu, count %d, "
				       "mapcount %d%s\n",
				       pfn, o, page->flags, page->private,
				       page_count(page), page_mapcount(page),
				       free_buddy(page, o) ? ", buddy free"
							   : "");
		}
		if (blocks != free_area[o].nr_free && problems++ < 4)
			printk("vm_audit: order %u: %lu blocks listed, %lu "
			       "counted\n",
			       o, blocks, free_area[o].nr_free);
	}
	if (pages != free_page_count && problems++ < 4)
		printk("vm_audit: %lu pages on the free lists, %lu counted\n",
		       pages, free_page_count);
	spin_unlock_irqrestore(&zone_lock, flags);
	return problems;
}

/* Largest order a block starting at pfn may have and still end by end_pfn. */
static unsigned int max_block_order(unsigned long pfn, unsigned long end_pfn)
{
	unsigned int order = 0;

	while (order + 1 < MAX_ORDER && IS_ALIGNED(pfn, 1UL << (order + 1)) &&
	       pfn + (1UL << (order + 1)) <= end_pfn)
		order++;
	return order;
}

static bool free_boot_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long pfn = PHYS_PFN(ALIGN(start, PAGE_SIZE));
	unsigned long end_pfn = PHYS_PFN(end);

	(void)arg;
	while (pfn < end_pfn) {
		unsigned int order = max_block_order(pfn, end_pfn);

		for (unsigned long i = 0; i < (1UL << order); i++) {
			ClearPageReserved(pfn_to_page(pfn + i));
			set_page_count(pfn_to_page(pfn + i), 0);
		}
		free_one_block(pfn_to_page(pfn), order);
		free_page_count += 1UL << order;
		managed_pages += 1UL << order;
		pfn += 1UL << order;
	}
	return false;
}

bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn && memblock_is_memory(PFN_PHYS(pfn));
}

/*
 * mem_map covers every pfn from the start of RAM (ARCH_PFN_OFFSET) to its
 * end, holes included (a "flat" memory model): a hole's pages stay
 * PG_reserved forever, and pfn_valid is false for them.  As in
 * Linux, every page starts with one reference, the kernel's; a page handed
 * to the buddy allocator loses it.  A reserved page keeps it, so a driver
 * may map one of its own kernel pages (/dev/kmsg's log buffer) and the
 * mapping's get_page/put_page never free it.  The array
 * itself is the first big allocation, taken from memblock, so it is
 * reserved like the kernel image.
 */
void mem_init(void)
{
	phys_addr_t size;
	phys_addr_t pa;

	unsigned long pages;

	max_pfn = PHYS_PFN(memblock_end_of_ram());
	pages = max_pfn - ARCH_PFN_OFFSET;
	size = ALIGN(pages * sizeof(struct page), PAGE_SIZE);
	pa = memblock_alloc(size, PAGE_SIZE);
	if (!pa)
		panic("mem_init: no room for mem_map (%lu pages)", pages);
	mem_map = __va(pa);
	memset(mem_map, 0, size);
	for (unsigned long i = 0; i < pages; i++) {
		SetPageReserved(&mem_map[i]);
		set_page_count(&mem_map[i], 1);
	}
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&free_area[o].free_list);
	memblock_for_each_free(free_boot_range, NULL);
}
