// SPDX-License-Identifier: MIT
/*
 * Tests of memblock (mm/memblock.c).  Each case works on a scratch copy of
 * the global tables and restores them, so it can run after boot (and on the
 * host) without disturbing what mem_init() saw.
 */
#include <kernel/ktest.h>
#include <mm/memblock.h>

static struct memblock saved;

static void scratch_begin(void)
{
	saved = memblock;
	memblock = (struct memblock){ 0 };
}

static void scratch_end(void)
{
	memblock = saved;
}

static void adjacent_and_overlapping_merge(struct ktest *t)
{
	scratch_begin();
	memblock_add(0x3000, 0x1000);
	memblock_add(0x1000, 0x1000);
	memblock_add(0x2000, 0x1000); /* fills the gap: one region */
	memblock_add(0x8000, 0x1000);
	memblock_add(0x7800, 0x1000); /* overlaps the start of the last */
	KTEST_EXPECT_EQ(t, memblock.memory.cnt, 2);
	KTEST_EXPECT_EQ(t, memblock.memory.regions[0].base, 0x1000);
	KTEST_EXPECT_EQ(t, memblock.memory.regions[0].size, 0x3000);
	KTEST_EXPECT_EQ(t, memblock.memory.regions[1].base, 0x7800);
	KTEST_EXPECT_EQ(t, memblock.memory.regions[1].size, 0x1800);
	KTEST_EXPECT_EQ(t, memblock_end_of_ram(), 0x9000);
	scratch_end();
}

struct ranges {
	int n;
	phys_addr_t start[8], end[8];
};

static bool record_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct ranges *r = arg;

	r->start[r->n] = start;
	r->end[r->n] = end;
	return ++r->n == 8;
}

static void free_ranges_skip_reserved(struct ktest *t)
{
	struct ranges r = { 0 };

	scratch_begin();
	memblock_add(0x0, 0x10000);
	memblock_add(0x20000, 0x10000);
	memblock_reserve(0x0, 0x1000);
	memblock_reserve(0x4000, 0x2000);
	memblock_reserve(0xf000, 0x12000); /* spans the hole between the two */
	memblock_for_each_free(record_range, &r);
	scratch_end();

	KTEST_ASSERT_EQ(t, r.n, 3);
	KTEST_EXPECT_EQ(t, r.start[0], 0x1000);
	KTEST_EXPECT_EQ(t, r.end[0], 0x4000);
	KTEST_EXPECT_EQ(t, r.start[1], 0x6000);
	KTEST_EXPECT_EQ(t, r.end[1], 0xf000);
	KTEST_EXPECT_EQ(t, r.start[2], 0x21000);
	KTEST_EXPECT_EQ(t, r.end[2], 0x30000);
}

static void alloc_lowest_aligned(struct ktest *t)
{
	phys_addr_t a, b, c;

	scratch_begin();
	memblock_add(0x1000, 0x20000);
	memblock_reserve(0x1000, 0x800);
	a = memblock_alloc(0x1000, 0x1000);
	b = memblock_alloc(0x4000, 0x4000);
	c = memblock_alloc(0x100000, 0x1000); /* more than there is */
	KTEST_EXPECT_TRUE(t,
			  memblock_is_reserved(a) && memblock_is_reserved(b));
	scratch_end();

	KTEST_EXPECT_EQ(t, a, 0x2000);
	KTEST_EXPECT_EQ(t, b, 0x4000);
	KTEST_EXPECT_EQ(t, c, 0);
}

static void limit_trims_memory(struct ktest *t)
{
	scratch_begin();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x400000, 0x400000);
	memblock_add(0x1000000, 0x100000);
	memblock_enforce_limit(0x600000);
	KTEST_EXPECT_EQ(t, memblock.memory.cnt, 2);
	KTEST_EXPECT_EQ(t, memblock_end_of_ram(), 0x600000);
	KTEST_EXPECT_TRUE(t, memblock_is_memory(0x5fffff));
	KTEST_EXPECT_FALSE(t, memblock_is_memory(0x600000));
	scratch_end();
}

KTEST_SUITE(memblock, KTEST_CASE(adjacent_and_overlapping_merge),
	    KTEST_CASE(free_ranges_skip_reserved),
	    KTEST_CASE(alloc_lowest_aligned), KTEST_CASE(limit_trims_memory));
