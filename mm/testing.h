/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the VM's in-kernel tests (mm/, and drivers that follow an
 * mm): an address space built by the test and never run.
 */
#ifndef _MM_TESTING_H
#define _MM_TESTING_H

#include <kernel/errno.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/swap.h>

/* A fresh mm with pages of anonymous read-write memory at base, or NULL. */
static inline struct mm_struct *test_anon_mm(unsigned long base,
					     unsigned long pages)
{
	struct mm_struct *mm = mm_alloc();

	if (mm &&
	    map_anon(mm, base, base + pages * PAGE_SIZE, VM_READ | VM_WRITE)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/*
 * A swap area of pages - 1 slots on disk, its header as mkswap writes it:
 * its type, or an errno.
 */
static inline int test_swap_area_add(struct gendisk *disk, unsigned long pages,
				     int prio)
{
	char *header = get_zeroed_page();
	struct swap_header_info *info = (void *)header + SWAP_HEADER_INFO;
	int type;

	if (!header)
		return -ENOMEM;
	info->version = 1;
	info->last_page = pages - 1;
	memcpy(header + PAGE_SIZE - SWAP_MAGIC_LEN, SWAP_MAGIC, SWAP_MAGIC_LEN);
	type = swap_area_add(disk, header, pages, prio);
	free_page(header);
	return type;
}

#endif
