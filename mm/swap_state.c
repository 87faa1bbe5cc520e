// SPDX-License-Identifier: MIT
/*
 * The swap cache (Linux's mm/swap_state.c): pages that have a swap slot
 * and are still in memory, found by swap entry.  A page is in it
 *
 *   on its way out: reclaim has given it a slot and is replacing the PTEs
 *     that map it by swap entries, one at a time; once none is left it is
 *     written to its slot (if PG_dirty: not written there yet) and freed;
 *   on its way in: a fault has read it back; other processes that share
 *     the slot (a fork's children) find this very page instead of reading
 *     the slot again, and map it, read-only (copy-on-write, as before);
 *     it leaves the cache when no swap PTE needs the slot any more.
 *
 * While a page is in the cache no PTE maps it writable (reclaim takes a
 * page whose PTEs are read-only or being replaced; swap-in maps a cached
 * page read-only), so its bytes match the slot's once written: a second
 * trip out costs no write.  PG_locked marks I/O in flight; the cache holds
 * one reference and the slot's SWAP_HAS_CACHE.
 *
 * The table is a small hash of lists linked through page->lru; locking in
 * mm/swap.h.
 */
#include <asm/irqflags.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/spinlock.h>
#include <kernel/wait.h>
#include <mm/mm.h>
#include <mm/swap.h>

#define SWAP_CACHE_BUCKETS 64

static struct list_head swap_cache[SWAP_CACHE_BUCKETS];
static bool swap_cache_ready;
static unsigned long swap_cache_pages;
static struct spinlock swap_cache_lock = SPINLOCK_INIT;
static struct wait_queue page_lock_wait = WAIT_QUEUE_INIT(page_lock_wait);

static struct list_head *swap_cache_bucket(swp_entry_t entry)
{
	if (!swap_cache_ready) {
		for (int i = 0; i < SWAP_CACHE_BUCKETS; i++)
			INIT_LIST_HEAD(&swap_cache[i]);
		swap_cache_ready = true;
	}
	return &swap_cache[(entry.val ^ (entry.val >> 16)) %
			   SWAP_CACHE_BUCKETS];
}

swp_entry_t page_swap_entry(const struct page *page)
{
	return (swp_entry_t){ page->private };
}

static struct page *__lookup_swap_cache(swp_entry_t entry)
{
	struct page *page;

	list_for_each_entry (page, swap_cache_bucket(entry), lru)
		if (page->private == entry.val)
			return page;
	return NULL;
}

struct page *lookup_swap_cache(swp_entry_t entry)
{
	unsigned long flags = spin_lock_irqsave(&swap_cache_lock);
	struct page *page = __lookup_swap_cache(entry);

	if (page)
		get_page(page);
	spin_unlock_irqrestore(&swap_cache_lock, flags);
	return page;
}

int add_to_swap_cache(struct page *page, swp_entry_t entry)
{
	unsigned long flags = spin_lock_irqsave(&swap_cache_lock);

	if (__lookup_swap_cache(entry)) {
		spin_unlock_irqrestore(&swap_cache_lock, flags);
		return -EEXIST;
	}
	get_page(page);
	SetPageSwapCache(page);
	page->private = entry.val;
	list_add(&page->lru, swap_cache_bucket(entry));
	swap_cache_pages++;
	spin_unlock_irqrestore(&swap_cache_lock, flags);
	return 0;
}

/* Unlink page; the caller drops the slot's hold and the reference. */
static void __delete_from_swap_cache(struct page *page)
{
	BUG_ON(!PageSwapCache(page));
	list_del(&page->lru);
	ClearPageSwapCache(page);
	ClearPageDirty(page);
	ClearPageUptodate(page);
	swap_cache_pages--;
}

void delete_from_swap_cache(struct page *page)
{
	unsigned long flags = spin_lock_irqsave(&swap_cache_lock);
	swp_entry_t entry = page_swap_entry(page);

	__delete_from_swap_cache(page);
	spin_unlock_irqrestore(&swap_cache_lock, flags);
	put_swap_page(entry);
	put_page(page);
}

/* Checked and unlinked under the lock, so two callers cannot both win. */
bool try_to_free_swap(struct page *page)
{
	unsigned long flags = spin_lock_irqsave(&swap_cache_lock);
	swp_entry_t entry = page_swap_entry(page);
	bool free = PageSwapCache(page) && !PageLocked(page) &&
		    !__swap_count(entry);

	if (free)
		__delete_from_swap_cache(page);
	spin_unlock_irqrestore(&swap_cache_lock, flags);
	if (free) {
		put_swap_page(entry);
		put_page(page);
	}
	return free;
}

struct page *read_swap_cache(swp_entry_t entry, bool *major)
{
	unsigned long flags = arch_local_irq_save(); /* look up, then add */
	struct page *page = lookup_swap_cache(entry);
	int err;

	if (page) {
		arch_local_irq_restore(flags);
		wait_on_page_locked(page);
		return page;
	}
	page = alloc_page();
	err = page ? swapcache_prepare(entry) : -ENOMEM;
	if (!err) {
		/*
		 * Locked before it is visible: a fault may be preempted
		 * (chapter 10, section 10.6), and whoever finds the page
		 * meanwhile must wait for the read, not take it unread.
		 */
		SetPageLocked(page);
		add_to_swap_cache(page, entry); /* cannot fail: no other */
	} else if (page) {
		put_page(page);
	}
	arch_local_irq_restore(flags);
	if (err)
		return err == -ENOMEM ? NULL : ERR_PTR(err);
	err = swap_readpage(page, entry);
	if (!err)
		SetPageUptodate(page);
	unlock_page(page);
	*major = true;
	return page;
}

void free_swap_and_cache(swp_entry_t entry)
{
	struct page *page;

	swap_free(entry);
	if (__swap_count(entry))
		return;
	page = lookup_swap_cache(entry);
	if (page) {
		try_to_free_swap(page);
		put_page(page);
	}
}

/* One cached page of area type that no swap PTE needs, held; or NULL. */
static struct page *find_unused_cache_page(unsigned int type)
{
	unsigned long flags = spin_lock_irqsave(&swap_cache_lock);
	struct page *page;

	for (int i = 0; swap_cache_ready && i < SWAP_CACHE_BUCKETS; i++)
		list_for_each_entry (page, &swap_cache[i], lru)
			if (swp_type(page_swap_entry(page)) == type &&
			    !PageLocked(page) &&
			    !__swap_count(page_swap_entry(page))) {
				get_page(page);
				spin_unlock_irqrestore(&swap_cache_lock, flags);
				return page;
			}
	spin_unlock_irqrestore(&swap_cache_lock, flags);
	return NULL;
}

void free_swap_cache_type(unsigned int type)
{
	struct page *page;

	while ((page = find_unused_cache_page(type))) {
		bool freed = try_to_free_swap(page);

		put_page(page);
		if (!freed)
			break; /* taken meanwhile: the next round sees it */
	}
}

unsigned long total_swapcache_pages(void)
{
	return swap_cache_pages;
}

/* Interrupts off: nothing runs between seeing the bit clear and setting it. */
void lock_page(struct page *page)
{
	unsigned long flags = arch_local_irq_save();

	while (PageLocked(page))
		sleep_on_timeout(&page_lock_wait, 0);
	SetPageLocked(page);
	arch_local_irq_restore(flags);
}

void unlock_page(struct page *page)
{
	ClearPageLocked(page);
	wake_up(&page_lock_wait);
}

void wait_on_page_locked(struct page *page)
{
	wait_event_uninterruptible(&page_lock_wait, !PageLocked(page));
}
