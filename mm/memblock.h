/* SPDX-License-Identifier: MIT */
/*
 * memblock: the boot-time view of physical memory, before struct page
 * exists.  The arch adds the RAM ranges the firmware reports and reserves
 * what is in use (the kernel image, boot-loader data, firmware areas);
 * early allocations (page tables, mem_map itself) are carved out of it; then
 * mem_init() hands every range still free to the buddy allocator.
 */
#ifndef _MM_MEMBLOCK_H
#define _MM_MEMBLOCK_H

#include <kernel/types.h>

#define MEMBLOCK_MAX_REGIONS 64

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned int cnt;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	struct memblock_type memory;   /* RAM, sorted, non-overlapping */
	struct memblock_type reserved; /* in use, sorted, non-overlapping */
	/*
	 * End of the RAM that mem= dropped (0: none dropped): frames in
	 * [end of memory, hidden_end) exist but have no struct page -- what
	 * the device-memory tests map as raw frames (seed 003).
	 */
	phys_addr_t hidden_end;
};

extern struct memblock memblock;

void memblock_add(phys_addr_t base, phys_addr_t size);
void memblock_reserve(phys_addr_t base, phys_addr_t size);
/* Drop RAM at and above limit (the mem= parameter). */
void memblock_enforce_limit(phys_addr_t limit);
/* Lowest free, aligned range of size bytes; 0 when there is none. */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align);
phys_addr_t memblock_end_of_ram(void);
/* Where RAM begins: 0 on a PC, 1 GiB on ARM's virt board; mem= counts from it. */
phys_addr_t memblock_start_of_ram(void);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_memory(phys_addr_t addr);

/*
 * Call fn on each free range [start, end) (memory minus reserved), in
 * address order, until fn returns true.
 */
void memblock_for_each_free(bool (*fn)(phys_addr_t start, phys_addr_t end,
				       void *arg),
			    void *arg);

#endif
