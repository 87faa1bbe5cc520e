/* SPDX-License-Identifier: MIT */
/*
 * The page cache: the pages that hold a file's data, found by (file, page
 * index).  Each file's cache is its inode's struct address_space.
 *
 * For ramfs the page cache is the file: there is no disk behind it, and a
 * regular file's bytes live nowhere but in these pages.  read() and write()
 * copy to and from them; the VM maps the very same pages into processes
 * (filemap_fault), so a byte written with write() is seen through mmap() and
 * the other way round.
 *
 * Linux keeps a mapping's pages in an xarray (a radix tree), which stays
 * small for a sparse file.  Here it is a plain array indexed by page index,
 * grown on demand: a slot is NULL where the file has a hole.  That costs a
 * pointer per page of the file's length, and reads in one line.
 *
 * References: a page in the cache holds one reference that belongs to the
 * cache; find_get_page and find_or_create_page return the page with one
 * more, for the caller, which drops it with put_page.  Truncation removes
 * the cache's reference: a page still in use elsewhere (a process mapping
 * it, a reader copying from it) outlives its removal and is freed by the
 * last put_page.  Only pages in the cache have page->mapping set.
 *
 * Locking: one spinlock, page_cache_lock, guards every mapping's array and
 * the page counts (Linux 2.4 had exactly that global pagecache_lock; today
 * each mapping has its own).  It is held only for a few instructions, never
 * while copying to or from user memory.  Callers serialize changes of a
 * file's size and contents with the inode lock (kernel/fs/vfs.h); a fault
 * handler must not take the inode lock, since read() and write() hold it
 * while they touch user memory, which may fault.
 */
#ifndef _MM_FILEMAP_H
#define _MM_FILEMAP_H

#include <kernel/list.h>
#include <kernel/types.h>
#include <kernel/wait.h>

struct inode;
struct page;

typedef long long loff_t; /* as in kernel/fs/fs.h */

struct address_space {
	struct inode *host;	/* the file these pages cache */
	struct page **pages;	/* pages[index], NULL for a hole */
	unsigned long nr_slots; /* length of pages[] */
	unsigned long nrpages;	/* pages in the cache (non-NULL slots) */
	/*
	 * The VMAs that map this file, in any process (vma->shared links
	 * them), so that truncation can unmap what it cuts off
	 * (unmap_mapping_range, mm/truncate.c).  The i_mmap lock guards the
	 * list and the bounds and PTEs of the VMAs on it (mm/vma.c).  It
	 * sleeps: a truncation calls MMU notifiers under it, which may.
	 */
	struct list_head i_mmap;
	bool i_mmap_locked;
	struct wait_queue i_mmap_wait;
};

/*
 * The i_mmap lock (Linux: i_mmap_rwsem, taken for writing), deaf to
 * signals: munmap and exit take it, and a dying process must still unmap.
 */
void i_mmap_lock_write(struct address_space *mapping);
void i_mmap_unlock_write(struct address_space *mapping);

/* An empty cache for host's data. */
void address_space_init(struct address_space *mapping, struct inode *host);

/* The page at index with a reference for the caller, or NULL for a hole. */
struct page *find_get_page(struct address_space *mapping, unsigned long index);

/*
 * The page at index with a reference for the caller; if the slot is a
 * hole, a new zero-filled page is put there first (page->mapping and
 * page->index set, one reference kept by the cache).  NULL when out of
 * memory or when index is beyond what the array can ever hold.
 */
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index);

/*
 * Drop the cache's pages from byte offset lstart to the end of the file, as
 * for a truncation to lstart bytes: pages wholly at or beyond lstart leave
 * the cache, and the tail of the page holding lstart is zeroed, so bytes
 * past the new end read as zero if the file grows again.  With lstart 0
 * the array itself is freed too.
 */
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
/* Zero the page at index from byte offset to its end, if it is cached. */
void zero_page_tail(struct address_space *mapping, unsigned long index,
		    size_t offset);

/*
 * mm/truncate.c.  Zap the PTEs that map bytes [holebegin, holebegin +
 * holelen) of the file (holelen 0: to the end) in every VMA on
 * mapping->i_mmap; with even_cows, private copy-on-write copies of those
 * pages too, else only PTEs of the file's own pages.
 */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen, bool even_cows);
/*
 * After i_size has shrunk to newsize: unmap everything past it, in every
 * process, then drop it from the page cache (truncate_inode_pages).
 */
void truncate_pagecache(struct inode *inode, loff_t newsize);

/* Pages held by the page cache, all files together (for sysinfo). */
unsigned long pagecache_pages(void);

#endif
