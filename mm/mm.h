/* SPDX-License-Identifier: MIT */
/*
 * struct page and the page allocator's interface.
 *
 * Every page frame of RAM that the kernel manages has one struct page in
 * mem_map[], indexed by page frame number (pfn).  Memory without a struct
 * page (above mem=, device memory) is still addressable by pfn, but
 * pfn_valid() is false for it: seed 003 explains why that distinction is
 * the one the VM needs.  The layout follows the struct page of seed 004,
 * keeping only the fields a mechanism here uses.
 */
#ifndef _MM_MM_H
#define _MM_MM_H

#include <asm/page.h>
#include <kernel/atomic.h>
#include <kernel/list.h>

struct address_space;
struct kmem_cache;

struct page {
	unsigned long flags; /* PG_* bits below */
	/*
	 * Atomic (kernel/atomic.h): a page is shared between address spaces,
	 * and the page-table lock that covers one PTE does not cover another
	 * mm's PTE of the same page (chapter 10).
	 */
	atomic_t _refcount;   /* users of the page; 0 means free */
	atomic_t _mapcount;   /* PTEs mapping it (Linux stores this minus 1) */
	struct list_head lru; /* buddy free list, a slab cache's list, or
			       * (PG_swapcache) a swap-cache hash chain */
	/* Page cache: the file the page caches and its offset in pages. */
	/* PG_slab: the owning cache and its first free object. */
	union {
		struct address_space *mapping;
		struct kmem_cache *slab_cache;
	};
	union {
		unsigned long index;
		void *freelist;
	};
	unsigned long private; /* PG_buddy: order of the free block;
				* PG_slab: objects in use;
				* PG_swapcache: its swap entry */
};

enum pageflags {
	PG_reserved, /* never handed to the buddy allocator: firmware, kernel, mem_map */
	PG_buddy, /* head of a free block on a buddy free list */
	PG_slab,  /* owned by a kmalloc cache */
	PG_large, /* first page of a large kmalloc (private holds the order) */
	PG_dirty, /* page cache: written through a shared mapping */
	PG_uptodate, /* page cache: holds the file's bytes (map_pages may map it);
		      * swap cache: holds the slot's bytes */
	PG_locked,   /* swap I/O in flight: wait_on_page_locked */
	PG_swapcache, /* in the swap cache; private holds its swap entry */
};

#define PAGEFLAG(name, bit)                                                    \
	static inline bool Page##name(const struct page *p)                    \
	{                                                                      \
		return test_bit(bit, &p->flags);                               \
	}                                                                      \
	static inline void SetPage##name(struct page *p)                       \
	{                                                                      \
		set_bit(bit, &p->flags);                                       \
	}                                                                      \
	static inline void ClearPage##name(struct page *p)                     \
	{                                                                      \
		clear_bit(bit, &p->flags);                                     \
	}

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Slab, PG_slab)
PAGEFLAG(Large, PG_large)
PAGEFLAG(Dirty, PG_dirty)
PAGEFLAG(Uptodate, PG_uptodate)
PAGEFLAG(Locked, PG_locked)
PAGEFLAG(SwapCache, PG_swapcache)

/* Orders 0 .. MAX_ORDER - 1: the largest block is 4 MiB with 4 KiB pages. */
#define MAX_ORDER 11

/*
 * The first pfn mem_map covers: where RAM starts.  0 on a PC; ARM's virt
 * board has RAM from 1 GiB, and a struct page for each frame below it
 * would be 8 MiB spent on a hole.  Linux's name; an arch sets it in
 * <asm/page.h>.
 */
#ifndef ARCH_PFN_OFFSET
#define ARCH_PFN_OFFSET 0UL
#endif

extern struct page *mem_map;
extern unsigned long max_pfn; /* mem_map covers [ARCH_PFN_OFFSET, max_pfn) */

/*
 * Is this frame RAM with a struct page?  mem_map is flat: it has a struct
 * page for every frame below max_pfn, holes included.  But a hole is not
 * memory: the VGA window and the BIOS below 1 MiB, and on a PC with more
 * than about 3 GiB the PCI hole below 4 GiB, where devices' BARs lie.  A
 * device frame there must stay raw, never counted, as one above max_pfn
 * is; so, as 32-bit ARM's pfn_valid does, memblock's RAM ranges decide.
 */
bool pfn_valid(unsigned long pfn);

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - ARCH_PFN_OFFSET);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_map + ARCH_PFN_OFFSET;
}

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PHYS_PFN(__pa(addr)));
}

static inline int page_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline void set_page_count(struct page *page, int n)
{
	atomic_set(&page->_refcount, n);
}

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount);
}

/*
 * A PTE now maps page, or no longer does (Linux: page_add_*_rmap and
 * page_remove_rmap; Pagoda keeps the count, not a reverse map).
 */
static inline void page_mapcount_inc(struct page *page)
{
	atomic_inc(&page->_mapcount);
}

static inline void page_mapcount_dec(struct page *page)
{
	atomic_dec(&page->_mapcount);
}

/* Build mem_map from memblock and free all unused RAM into the buddy lists. */
void mem_init(void);

/*
 * 2^order contiguous pages with a reference count of 1, or NULL when no
 * block is free.  Never sleeps, never panics.
 */
struct page *alloc_pages(unsigned int order);
/*
 * Called, when set, after every allocation (failed ones too): kswapd's
 * wake-up (mm/kswapd.c), which checks the watermark.  Never sleeps.
 */
extern void (*low_memory_notify)(void);

/* Drop the reference taken by alloc_pages; the block is freed at zero. */
void free_pages(struct page *page, unsigned int order);

static inline struct page *alloc_page(void)
{
	return alloc_pages(0);
}

/* A page's direct-map address, zero-filled; 0-order convenience. */
void *get_zeroed_page(void);
void free_page(void *addr);

/* Reference counting of single pages: the last put_page frees it. */
void get_page(struct page *page);
void put_page(struct page *page);

unsigned long nr_free_pages(void);
unsigned long nr_free_blocks(unsigned int order);
/* Problems found on the free lists (vm_audit; each is printed). */
unsigned long audit_free_lists(void);
/* Pages that mem_init handed to the allocator (the total it manages). */
unsigned long nr_managed_pages(void);

#endif
