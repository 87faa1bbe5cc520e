// SPDX-License-Identifier: MIT
/*
 * A page to or from its swap slot (Linux's mm/page_io.c): slot n of an
 * area is the disk's page n, sectors n * 8 to n * 8 + 7.  The caller holds
 * the page locked (PG_locked) and sleeps here until the disk is done.
 * Kernel only: the host tests put their own disk behind these two.
 */
#include <kernel/drivers/blkdev.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/swap.h>

static int swap_rw(struct page *page, swp_entry_t entry, bool write)
{
	struct swap_info_struct *si = &swap_info[swp_type(entry)];

	return blk_rw(si->bdev, (sector_t)swp_offset(entry) * PAGE_SECTORS,
		      page_address(page), PAGE_SECTORS, write);
}

int swap_readpage(struct page *page, swp_entry_t entry)
{
	int err = swap_rw(page, entry, false);

	if (!err)
		count_vm_event(pswpin);
	return err;
}

int swap_writepage(struct page *page, swp_entry_t entry)
{
	int err = swap_rw(page, entry, true);

	if (!err)
		count_vm_event(pswpout);
	return err;
}
