// SPDX-License-Identifier: MIT
/*
 * What boot left behind: mem_map agrees with memblock, everything in use is
 * reserved, and mem= is obeyed.
 */
#include <asm/page.h>
#include <kernel/ktest.h>
#include <kernel/params.h>
#include <mm/memblock.h>
#include <mm/mm.h>

extern const char _text[], _end[];

static void ram_found(struct ktest *t)
{
	KTEST_EXPECT_GT(t, memblock.memory.cnt, 0);
	KTEST_EXPECT_GT(t, max_pfn, 0);
	KTEST_EXPECT_EQ(t, max_pfn, PHYS_PFN(memblock_end_of_ram()));
	KTEST_EXPECT_GT(t, nr_managed_pages(), 0);
	KTEST_EXPECT_LE(t, nr_free_pages(), nr_managed_pages());
}

/* A page the allocator owns is RAM and was never reserved. */
static void managed_pages_are_free_ram(struct ktest *t)
{
	unsigned long managed = 0, bad = 0;

	for (unsigned long pfn = ARCH_PFN_OFFSET; pfn < max_pfn; pfn++) {
		phys_addr_t pa = PFN_PHYS(pfn);

		if (PageReserved(pfn_to_page(pfn)))
			continue;
		managed++;
		if (!memblock_is_memory(pa) || memblock_is_reserved(pa)) {
			if (!bad++)
				ktest_log(
					t,
					"pfn %#lx is managed but not free RAM",
					pfn);
		}
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, managed, nr_managed_pages());
}

static bool pages_reserved(phys_addr_t start, phys_addr_t end)
{
	for (unsigned long pfn = PHYS_PFN(start); pfn < PHYS_PFN(end - 1) + 1;
	     pfn++)
		if (!PageReserved(pfn_to_page(pfn)))
			return false;
	return true;
}

static void in_use_is_reserved(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, PageReserved(pfn_to_page(ARCH_PFN_OFFSET)));
	KTEST_EXPECT_TRUE(
		t, pages_reserved(__pa_symbol(_text), __pa_symbol(_end)));
	KTEST_EXPECT_TRUE(
		t, pages_reserved(__pa(mem_map), __pa(pfn_to_page(max_pfn))));
}

/* mem= counts from the start of RAM (1 GiB up on ARM's virt board). */
static void mem_limit_obeyed(struct ktest *t)
{
	phys_addr_t limit = memblock_start_of_ram() + boot_params.mem_limit;

	if (!boot_params.mem_limit) {
		ktest_skip(t, "no mem= on the command line");
		return;
	}
	KTEST_EXPECT_LE(t, PFN_PHYS(max_pfn), limit);
	KTEST_EXPECT_FALSE(t, pfn_valid(PHYS_PFN(limit)));
}

/*
 * Every frame below max_pfn has a struct page, but only RAM is pfn_valid:
 * a hole in the firmware's map (on a PC the VGA window and the BIOS below
 * 1 MiB, and the PCI hole when RAM goes past 4 GiB) is device memory or
 * nothing, to be mapped raw.
 */
static void only_ram_is_pfn_valid(struct ktest *t)
{
	unsigned long holes = 0, wrong = 0;

	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		bool ram = memblock_is_memory(PFN_PHYS(pfn));

		holes += !ram;
		if (pfn_valid(pfn) != ram && !wrong++)
			ktest_log(t, "pfn %#lx: pfn_valid %d, RAM %d", pfn,
				  pfn_valid(pfn), ram);
	}
	KTEST_EXPECT_EQ(t, wrong, 0);
	KTEST_EXPECT_FALSE(t, pfn_valid(max_pfn));
	if (!holes)
		ktest_skip(t, "no hole in RAM below max_pfn");
}

KTEST_SUITE(boot_memmap, KTEST_CASE(ram_found),
	    KTEST_CASE(managed_pages_are_free_ram),
	    KTEST_CASE(in_use_is_reserved), KTEST_CASE(mem_limit_obeyed),
	    KTEST_CASE(only_ram_is_pfn_valid));
