// SPDX-License-Identifier: MIT
/*
 * memblock: two small sorted arrays of physical ranges, "memory" and
 * "reserved".  Adding a range merges it with any it overlaps or touches, so
 * each array stays sorted and disjoint and a free range is simply a stretch
 * of memory between two reserved ones.  Only boot uses this; after
 * mem_init() the buddy allocator owns the free memory.
 */
#include <asm/page.h>
#include <kernel/kernel.h>
#include <kernel/panic.h>
#include <kernel/string.h>
#include <mm/memblock.h>

struct memblock memblock;

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void remove_region(struct memblock_type *type, unsigned int i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/* Insert [base, base+size) in order, then merge it with its neighbours. */
static void add_range(struct memblock_type *type, phys_addr_t base,
		      phys_addr_t size)
{
	struct memblock_region *r = type->regions;
	unsigned int i = 0;

	if (!size)
		return;
	if (type->cnt == MEMBLOCK_MAX_REGIONS)
		panic("memblock: more than %d regions", MEMBLOCK_MAX_REGIONS);
	while (i < type->cnt && r[i].base < base)
		i++;
	memmove(&r[i + 1], &r[i], (type->cnt - i) * sizeof(r[0]));
	r[i] = (struct memblock_region){ base, size };
	type->cnt++;

	/* The previous region may touch the new one; start merging there. */
	if (i > 0)
		i--;
	while (i + 1 < type->cnt) {
		if (region_end(&r[i]) < r[i + 1].base) {
			i++;
			continue;
		}
		r[i].size = max(region_end(&r[i]), region_end(&r[i + 1])) -
			    r[i].base;
		remove_region(type, i + 1);
	}
}

void memblock_add(phys_addr_t base, phys_addr_t size)
{
	add_range(&memblock.memory, base, size);
}

void memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	add_range(&memblock.reserved, base, size);
}

void memblock_enforce_limit(phys_addr_t limit)
{
	struct memblock_type *mem = &memblock.memory;

	if (mem->cnt && region_end(&mem->regions[mem->cnt - 1]) > limit)
		memblock.hidden_end = region_end(&mem->regions[mem->cnt - 1]);
	while (mem->cnt && mem->regions[mem->cnt - 1].base >= limit)
		mem->cnt--;
	if (mem->cnt && region_end(&mem->regions[mem->cnt - 1]) > limit)
		mem->regions[mem->cnt - 1].size =
			limit - mem->regions[mem->cnt - 1].base;
}

phys_addr_t memblock_end_of_ram(void)
{
	const struct memblock_type *mem = &memblock.memory;

	return mem->cnt ? region_end(&mem->regions[mem->cnt - 1]) : 0;
}

phys_addr_t memblock_start_of_ram(void)
{
	const struct memblock_type *mem = &memblock.memory;

	return mem->cnt ? mem->regions[0].base : 0;
}

static bool in_type(const struct memblock_type *type, phys_addr_t addr)
{
	for (unsigned int i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base &&
		    addr < region_end(&type->regions[i]))
			return true;
	return false;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return in_type(&memblock.reserved, addr);
}

bool memblock_is_memory(phys_addr_t addr)
{
	return in_type(&memblock.memory, addr);
}

void memblock_for_each_free(bool (*fn)(phys_addr_t start, phys_addr_t end,
				       void *arg),
			    void *arg)
{
	const struct memblock_type *res = &memblock.reserved;

	for (unsigned int m = 0; m < memblock.memory.cnt; m++) {
		const struct memblock_region *mr = &memblock.memory.regions[m];
		phys_addr_t start = mr->base, end = region_end(mr);

		for (unsigned int r = 0; r < res->cnt && start < end; r++) {
			const struct memblock_region *rr = &res->regions[r];

			if (region_end(rr) <= start)
				continue;
			if (rr->base >= end)
				break;
			if (rr->base > start && fn(start, rr->base, arg))
				return;
			start = region_end(rr);
		}
		if (start < end && fn(start, end, arg))
			return;
	}
}

struct alloc_request {
	phys_addr_t size, align, found;
};

static bool try_alloc(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct alloc_request *req = arg;
	phys_addr_t base = ALIGN(start, req->align);

	if (base < start || base >= end || end - base < req->size)
		return false;
	req->found = base;
	return true;
}

phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	struct alloc_request req = { size, align, 0 };

	memblock_for_each_free(try_alloc, &req);
	if (req.found)
		memblock_reserve(req.found, size);
	return req.found;
}
