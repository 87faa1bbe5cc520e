/* SPDX-License-Identifier: MIT */
/*
 * Swap: where anonymous pages go when reclaim needs their memory.
 *
 *   mm/swapfile.c    swap areas (Linux's swap-area header, as mkswap
 *                    writes it), slot allocation, swap counts, swapoff
 *   mm/swap_state.c  the swap cache: pages on their way out or in, found
 *                    by swap entry
 *   mm/page_io.c     a page to or from its slot on the disk
 *   mm/swapon.c      the swapon and swapoff system calls
 *
 * A slot's count (swap_map) is the number of swap PTEs pointing at it,
 * plus SWAP_HAS_CACHE while the swap cache holds a page for it.  The slot
 * is free when both are gone.  fork copies a swap PTE and adds one; a
 * swap-in, MADV_DONTNEED, munmap and exit each drop one.
 *
 * Locking: swap_lock (spinlock, swapfile.c) protects swap_info[], every
 * area's swap_map and counters; swap_cache_lock (swap_state.c) the cache's
 * table and PG_swapcache.  swap_cache_lock is taken before swap_lock when
 * both are needed.  Neither is held across I/O.
 */
#ifndef _MM_SWAP_H
#define _MM_SWAP_H

#include <mm/swapops.h>

struct gendisk;
struct page;

#define MAX_SWAPFILES 8
#define SWAP_HAS_CACHE 0x8000 /* in swap_map: the swap cache holds the slot */
#define SWAP_MAP_BAD 0x7fff   /* in swap_map: a bad block, or the header */
#define SWAP_MAP_MAX 0x7ffe   /* the most swap PTEs one slot can have */

/* swapon's flags (Linux's <sys/swap.h>). */
#define SWAP_FLAG_PREFER 0x8000
#define SWAP_FLAG_PRIO_MASK 0x7fff

/* Linux's swap-area header: the first page of the area. */
#define SWAP_HEADER_INFO 1024 /* bytes of boot block before the info */
#define SWAP_MAGIC "SWAPSPACE2"
#define SWAP_MAGIC_LEN 10
#define MAX_SWAP_BADPAGES                                                      \
	((PAGE_SIZE - SWAP_HEADER_INFO - 512 - SWAP_MAGIC_LEN) / sizeof(u32))

struct swap_header_info {
	u32 version;	 /* 1 */
	u32 last_page;	 /* the area's last slot */
	u32 nr_badpages; /* entries in badpages[] */
	u8 sws_uuid[16];
	u8 sws_volume[16];
	u32 padding[117];
	u32 badpages[]; /* slots not to use */
};

struct swap_info_struct {
	bool used;    /* this swap_info[] entry is an area */
	bool writeok; /* new slots may be handed out (not during swapoff) */
	int prio;     /* higher first */
	struct gendisk *bdev;
	unsigned short *swap_map; /* per slot: its count, as above */
	unsigned long max;	  /* slots, the header's included */
	unsigned long pages;	  /* usable slots */
	unsigned long inuse_pages;
	unsigned long cluster_next; /* where the next slot search starts */
};

extern struct swap_info_struct swap_info[MAX_SWAPFILES];

/*
 * Check a swap-area header (the area's first page) against a disk of
 * disk_pages pages: 0 with *maxpages set (the slots it describes), or
 * -EINVAL (no signature, an old or unknown version, an area longer than
 * the disk, bad-page entries out of range, no usable slot).  A header in
 * the other byte order (mkswap ran on a machine of the other endianness)
 * is first turned into the CPU's, in place, as Linux does.
 */
int swap_header_check(void *header, unsigned long disk_pages,
		      unsigned long *maxpages);
/* Make an area of bdev from its checked header; its type, or -errno. */
int swap_area_add(struct gendisk *bdev, const void *header,
		  unsigned long maxpages, int prio);
/* Empty the area of bdev (every swapped page back in memory), remove it. */
int swap_area_remove(struct gendisk *bdev);
/* Bring every page in area type back into memory (swapoff); 0 or -ENOMEM. */
int try_to_unuse(unsigned int type);
/* Is bdev an area now? */
bool swap_area_active(struct gendisk *bdev);

/* A free slot, held by the swap cache (SWAP_HAS_CACHE); val 0 if none. */
swp_entry_t get_swap_page(void);
/* The swap cache takes entry's slot (SWAP_HAS_CACHE): 0, -EEXIST if it
 * has it already, -ENOENT if the slot is free. */
int swapcache_prepare(swp_entry_t entry);
/* One more swap PTE for entry: 0, or -EINVAL (a bad entry), -ENOMEM. */
int swap_duplicate(swp_entry_t entry);
/* One swap PTE less. */
void swap_free(swp_entry_t entry);
/* The swap cache lets go of the slot. */
void put_swap_page(swp_entry_t entry);
/* Swap PTEs pointing at entry's slot. */
int __swap_count(swp_entry_t entry);
/* May more swap PTEs point at entry's slot (its area is not being
 * removed)? */
bool swap_entry_writeok(swp_entry_t entry);
/* Is this an entry of an area, for a slot in use? */
bool swap_entry_valid(swp_entry_t entry);
/* Swap PTEs pointing into all areas: their slots' counts added up. */
unsigned long nr_swap_ptes(void);
/* Pages of swap in all areas, and of them free. */
void si_swapinfo(unsigned long *total, unsigned long *free);

/* The swap cache (swap_state.c). */
/*
 * The page for entry, from the cache or read from the disk into it (then
 * *major is set); with a reference; NULL if no memory, ERR_PTR(-ENOENT)
 * if the slot is free (its last PTE went meanwhile).  Check
 * PageUptodate: a failed read leaves it clear.
 */
struct page *read_swap_cache(swp_entry_t entry, bool *major);
/* Drop the cached pages of area type that no swap PTE needs (swapoff). */
void free_swap_cache_type(unsigned int type);
struct page *lookup_swap_cache(swp_entry_t entry); /* with a reference */
int add_to_swap_cache(struct page *page, swp_entry_t entry);
void delete_from_swap_cache(struct page *page);
/* Drop page from the swap cache if no swap PTE needs its slot any more. */
bool try_to_free_swap(struct page *page);
/* A swap PTE is gone (munmap, exit, MADV_DONTNEED): drop its count, and
 * the cached page too if it was the last. */
void free_swap_and_cache(swp_entry_t entry);
unsigned long total_swapcache_pages(void);
/* The swap entry of a page in the swap cache. */
swp_entry_t page_swap_entry(const struct page *page);
/* PG_locked: swap I/O on the page; lock_page waits for it to be free. */
void lock_page(struct page *page);
void unlock_page(struct page *page);
void wait_on_page_locked(struct page *page);

/* Disk I/O (page_io.c; the host tests have a disk of their own). */
int swap_readpage(struct page *page, swp_entry_t entry);
int swap_writepage(struct page *page, swp_entry_t entry);

#endif
