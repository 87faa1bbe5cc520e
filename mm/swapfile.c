// SPDX-License-Identifier: MIT
/*
 * Swap areas (interface and locking in mm/swap.h; Linux's mm/swapfile.c).
 *
 * An area is a disk formatted by util-linux's mkswap: its first page is
 * the header (a boot block, then version 1, the last slot, a list of bad
 * slots, and "SWAPSPACE2" in the page's last ten bytes); every other page
 * is a slot that can hold one swapped-out page.  swap_map[] has a count
 * per slot; the header's and the bad slots' say SWAP_MAP_BAD, so the
 * allocator never hands them out and no swap entry is ever 0.
 *
 * Slots are handed out next-fit from cluster_next, so pages swapped out
 * together lie together on the disk (Linux's clusters, reduced to a
 * cursor); the area with the highest priority that has a free slot goes
 * first.
 */
#include <kernel/byteorder.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <mm/swap.h>

struct swap_info_struct swap_info[MAX_SWAPFILES];
static struct spinlock swap_lock = SPINLOCK_INIT;

/*
 * mkswap writes the header's numbers in its own machine's order: a disk
 * formatted on x86_64 reads "version 0x01000000" on s390x.  Version 1 is
 * the one value that tells the two apart.
 */
static void swap_header_to_cpu(struct swap_header_info *info)
{
	if (info->version != swab32(1))
		return;
	info->version = 1;
	info->last_page = swab32(info->last_page);
	info->nr_badpages = swab32(info->nr_badpages);
	for (u32 i = 0; i < min(info->nr_badpages, MAX_SWAP_BADPAGES); i++)
		info->badpages[i] = swab32(info->badpages[i]);
}

int swap_header_check(void *header, unsigned long disk_pages,
		      unsigned long *maxpages)
{
	struct swap_header_info *info = header + SWAP_HEADER_INFO;
	const char *magic = header + PAGE_SIZE - SWAP_MAGIC_LEN;
	unsigned long last;

	if (memcmp(magic, SWAP_MAGIC, SWAP_MAGIC_LEN))
		return -EINVAL;
	swap_header_to_cpu(info);
	if (info->version != 1)
		return -EINVAL;
	last = info->last_page;
	if (last < 1 || last >= disk_pages ||
	    last >= (1UL << min(SWP_OFFSET_BITS, 30)) ||
	    info->nr_badpages > MAX_SWAP_BADPAGES || info->nr_badpages >= last)
		return -EINVAL;
	for (u32 i = 0; i < info->nr_badpages; i++)
		if (info->badpages[i] == 0 || info->badpages[i] > last)
			return -EINVAL;
	*maxpages = last + 1;
	return 0;
}

/* The entry's area if the entry names a slot in use there, else NULL. */
static struct swap_info_struct *swap_info_get(swp_entry_t entry)
{
	struct swap_info_struct *si;

	if (swp_type(entry) >= MAX_SWAPFILES)
		return NULL;
	si = &swap_info[swp_type(entry)];
	if (!si->used || swp_offset(entry) >= si->max)
		return NULL;
	if (!si->swap_map[swp_offset(entry)] ||
	    si->swap_map[swp_offset(entry)] == SWAP_MAP_BAD)
		return NULL;
	return si;
}

bool swap_entry_writeok(swp_entry_t entry)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	struct swap_info_struct *si = swap_info_get(entry);
	bool ok = si && si->writeok;

	spin_unlock_irqrestore(&swap_lock, flags);
	return ok;
}

bool swap_entry_valid(swp_entry_t entry)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	bool ok = swap_info_get(entry);

	spin_unlock_irqrestore(&swap_lock, flags);
	return ok;
}

static bool swap_area_active_locked(struct gendisk *bdev)
{
	for (int type = 0; type < MAX_SWAPFILES; type++)
		if (swap_info[type].used && swap_info[type].bdev == bdev)
			return true;
	return false;
}

bool swap_area_active(struct gendisk *bdev)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	bool active = swap_area_active_locked(bdev);

	spin_unlock_irqrestore(&swap_lock, flags);
	return active;
}

static unsigned short *new_swap_map(const void *header, unsigned long maxpages)
{
	const struct swap_header_info *info = header + SWAP_HEADER_INFO;
	unsigned short *map = kzalloc(maxpages * sizeof(*map));

	if (!map)
		return NULL;
	map[0] = SWAP_MAP_BAD;
	for (u32 i = 0; i < info->nr_badpages; i++)
		map[info->badpages[i]] = SWAP_MAP_BAD;
	return map;
}

int swap_area_add(struct gendisk *bdev, const void *header,
		  unsigned long maxpages, int prio)
{
	const struct swap_header_info *info = header + SWAP_HEADER_INFO;
	unsigned short *map = new_swap_map(header, maxpages);
	unsigned long flags;
	int type;

	if (!map)
		return -ENOMEM;
	flags = spin_lock_irqsave(&swap_lock);
	for (type = 0; type < MAX_SWAPFILES && swap_info[type].used; type++)
		;
	if (swap_area_active_locked(bdev) || type == MAX_SWAPFILES) {
		spin_unlock_irqrestore(&swap_lock, flags);
		kfree(map);
		return type == MAX_SWAPFILES ? -EPERM : -EBUSY;
	}
	swap_info[type] = (struct swap_info_struct){
		.used = true,
		.writeok = true,
		.prio = prio,
		.bdev = bdev,
		.swap_map = map,
		.max = maxpages,
		.pages = maxpages - 1 - info->nr_badpages,
		.cluster_next = 1,
	};
	spin_unlock_irqrestore(&swap_lock, flags);
	return type;
}

/*
 * swapoff: no new slots from the area, then every page in it is brought
 * back (try_to_unuse), then it goes.  Fails, leaving the area on, if the
 * pages cannot all come back (no memory for them).
 */
int swap_area_remove(struct gendisk *bdev)
{
	struct swap_info_struct *si = NULL;
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	unsigned short *map;
	int err;

	for (int type = 0; type < MAX_SWAPFILES; type++)
		if (swap_info[type].used && swap_info[type].bdev == bdev)
			si = &swap_info[type];
	if (!si || !si->writeok) {
		spin_unlock_irqrestore(&swap_lock, flags);
		return -EINVAL; /* not an area, or a swapoff already under way */
	}
	si->writeok = false;
	spin_unlock_irqrestore(&swap_lock, flags);
	err = try_to_unuse(si - swap_info);
	flags = spin_lock_irqsave(&swap_lock);
	if (err) {
		si->writeok = true;
		spin_unlock_irqrestore(&swap_lock, flags);
		return err;
	}
	map = si->swap_map;
	*si = (struct swap_info_struct){ 0 };
	spin_unlock_irqrestore(&swap_lock, flags);
	kfree(map);
	return 0;
}

/* The next free slot of si from cluster_next, wrapping; 0 if none. */
static unsigned long scan_swap_map(struct swap_info_struct *si)
{
	unsigned long offset = si->cluster_next;

	for (unsigned long n = 1; n < si->max; n++, offset++) {
		if (offset >= si->max)
			offset = 1;
		if (!si->swap_map[offset]) {
			si->cluster_next = offset + 1;
			return offset;
		}
	}
	return 0;
}

swp_entry_t get_swap_page(void)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	struct swap_info_struct *best = NULL;
	unsigned long offset;

	for (int type = 0; type < MAX_SWAPFILES; type++) {
		struct swap_info_struct *si = &swap_info[type];

		if (si->used && si->writeok && si->inuse_pages < si->pages &&
		    (!best || si->prio > best->prio))
			best = si;
	}
	offset = best ? scan_swap_map(best) : 0;
	if (offset) {
		best->swap_map[offset] = SWAP_HAS_CACHE;
		best->inuse_pages++;
	}
	spin_unlock_irqrestore(&swap_lock, flags);
	return offset ? swp_entry(best - swap_info, offset)
		      : (swp_entry_t){ 0 };
}

/* Set a slot's count; the slot is free again once it reaches 0. */
static void swap_map_set(struct swap_info_struct *si, unsigned long offset,
			 unsigned short count)
{
	si->swap_map[offset] = count;
	if (!count)
		si->inuse_pages--;
}

int swap_duplicate(swp_entry_t entry)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	struct swap_info_struct *si = swap_info_get(entry);
	unsigned short count;
	int err = 0;

	if (!si)
		err = -EINVAL;
	else if (((count = si->swap_map[swp_offset(entry)]) &
		  ~SWAP_HAS_CACHE) == SWAP_MAP_MAX)
		err = -ENOMEM;
	else
		si->swap_map[swp_offset(entry)] = count + 1;
	spin_unlock_irqrestore(&swap_lock, flags);
	return err;
}

int swapcache_prepare(swp_entry_t entry)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	struct swap_info_struct *si = swap_info_get(entry);
	int err = 0;

	if (!si)
		err = -ENOENT;
	else if (si->swap_map[swp_offset(entry)] & SWAP_HAS_CACHE)
		err = -EEXIST;
	else
		si->swap_map[swp_offset(entry)] |= SWAP_HAS_CACHE;
	spin_unlock_irqrestore(&swap_lock, flags);
	return err;
}

/*
 * Take one of a slot's holds away: a swap PTE's (SWAP_MAP_MAX bits) or
 * the swap cache's (SWAP_HAS_CACHE).  The slot must have it.
 */
static void swap_entry_put(swp_entry_t entry, unsigned short hold)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	struct swap_info_struct *si = swap_info_get(entry);
	unsigned short count;

	BUG_ON(!si);
	count = si->swap_map[swp_offset(entry)];
	BUG_ON(!(count & hold));
	swap_map_set(si, swp_offset(entry),
		     hold == SWAP_HAS_CACHE ? count & ~SWAP_HAS_CACHE
					    : count - 1);
	spin_unlock_irqrestore(&swap_lock, flags);
}

void swap_free(swp_entry_t entry)
{
	swap_entry_put(entry, ~SWAP_HAS_CACHE & 0xffff);
}

void put_swap_page(swp_entry_t entry)
{
	swap_entry_put(entry, SWAP_HAS_CACHE);
}

int __swap_count(swp_entry_t entry)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);
	struct swap_info_struct *si = swap_info_get(entry);
	int count = si ? si->swap_map[swp_offset(entry)] & ~SWAP_HAS_CACHE : 0;

	spin_unlock_irqrestore(&swap_lock, flags);
	return count;
}

void si_swapinfo(unsigned long *total, unsigned long *free)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock);

	*total = *free = 0;
	for (int type = 0; type < MAX_SWAPFILES; type++) {
		if (!swap_info[type].used)
			continue;
		*total += swap_info[type].pages;
		*free += swap_info[type].pages - swap_info[type].inuse_pages;
	}
	spin_unlock_irqrestore(&swap_lock, flags);
}

unsigned long nr_swap_ptes(void)
{
	unsigned long flags = spin_lock_irqsave(&swap_lock), n = 0;

	for (int type = 0; type < MAX_SWAPFILES; type++)
		for (unsigned long i = 0;
		     swap_info[type].used && i < swap_info[type].max; i++)
			if (swap_info[type].swap_map[i] != SWAP_MAP_BAD)
				n += swap_info[type].swap_map[i] &
				     ~SWAP_HAS_CACHE;
	spin_unlock_irqrestore(&swap_lock, flags);
	return n;
}
