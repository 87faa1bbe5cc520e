// SPDX-License-Identifier: MIT
/*
 * Tests of the swap layer's rules that need no disk, run in the kernel and
 * on the host: swap entries in PTEs (the arch's encoding: x86_64's in the
 * kernel, the host stand-in's there), the swap-area header check, slot
 * allocation and counts, and which VMAs reclaim may scan (seed 001).
 * The area made here is never written to: it has the lowest priority, and
 * its slots are taken and given back by the test itself.
 */
#include <kernel/byteorder.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/swap.h>
#include <mm/vmscan.h>

static void swap_entry_round_trip(struct ktest *t)
{
	static const unsigned long offsets[] = { 1, 2, 4095, 123456,
						 (1UL << SWP_OFFSET_BITS) - 1 };
	static const unsigned int types[] = { 0, 1, MAX_SWAPFILES - 1 };
	pte_t none;

	for (size_t i = 0; i < ARRAY_SIZE(types); i++)
		for (size_t j = 0; j < ARRAY_SIZE(offsets); j++) {
			swp_entry_t e = swp_entry(types[i], offsets[j]);
			pte_t pte = swp_entry_to_pte(e);

			KTEST_EXPECT_TRUE(t, is_swap_pte(pte));
			KTEST_EXPECT_FALSE(t, pte_present(pte));
			KTEST_EXPECT_FALSE(t, pte_none(pte));
			KTEST_EXPECT_EQ(t, swp_type(pte_to_swp_entry(pte)),
					types[i]);
			KTEST_EXPECT_EQ(t, swp_offset(pte_to_swp_entry(pte)),
					offsets[j]);
		}
	/* A present PTE and an empty one are not swap entries. */
	pte_clear(NULL, 0, &none);
	KTEST_EXPECT_FALSE(t,
			   is_swap_pte(pfn_pte(5, vm_get_page_prot(VM_READ))));
	KTEST_EXPECT_FALSE(t, is_swap_pte(none));
}

/* A header as mkswap writes it: last_page, and bad slots. */
static void make_header(void *page, u32 last_page, const u32 *bad, u32 nr_bad)
{
	struct swap_header_info *info = page + SWAP_HEADER_INFO;

	memset(page, 0, PAGE_SIZE);
	info->version = 1;
	info->last_page = last_page;
	info->nr_badpages = nr_bad;
	for (u32 i = 0; i < nr_bad; i++)
		info->badpages[i] = bad[i];
	memcpy(page + PAGE_SIZE - SWAP_MAGIC_LEN, SWAP_MAGIC, SWAP_MAGIC_LEN);
}

static void swap_header_checked(struct ktest *t)
{
	struct swap_header_info *info;
	unsigned long max = 0;
	char *page = get_zeroed_page();
	u32 bad[2] = { 3, 9 };

	KTEST_ASSERT_NOT_NULL(t, page);
	info = (void *)page + SWAP_HEADER_INFO;
	make_header(page, 9, bad, 2);
	KTEST_EXPECT_EQ(t, swap_header_check(page, 10, &max), 0);
	KTEST_EXPECT_EQ(t, max, 10);
	/* The area says it is longer than the disk. */
	KTEST_EXPECT_EQ(t, swap_header_check(page, 9, &max), -EINVAL);
	bad[1] = 10; /* a bad slot past the end */
	make_header(page, 9, bad, 2);
	KTEST_EXPECT_EQ(t, swap_header_check(page, 10, &max), -EINVAL);
	bad[0] = 0; /* the header itself listed as bad */
	make_header(page, 9, bad, 1);
	KTEST_EXPECT_EQ(t, swap_header_check(page, 10, &max), -EINVAL);
	make_header(page, 0, NULL, 0); /* no slot at all */
	KTEST_EXPECT_EQ(t, swap_header_check(page, 10, &max), -EINVAL);
	make_header(page, 9, NULL, 0);
	info->version = 2;
	KTEST_EXPECT_EQ(t, swap_header_check(page, 10, &max), -EINVAL);
	make_header(page, 9, NULL, 0);
	page[PAGE_SIZE - 1] = '3'; /* "SWAPSPACE3" */
	KTEST_EXPECT_EQ(t, swap_header_check(page, 10, &max), -EINVAL);
	/* Formatted on a machine of the other byte order: still read. */
	bad[0] = 3;
	bad[1] = 9;
	make_header(page, 9, bad, 2);
	info->version = swab32(info->version);
	info->last_page = swab32(info->last_page);
	info->nr_badpages = swab32(info->nr_badpages);
	info->badpages[0] = swab32(info->badpages[0]);
	info->badpages[1] = swab32(info->badpages[1]);
	KTEST_EXPECT_EQ(t, swap_header_check(page, 10, &max), 0);
	KTEST_EXPECT_EQ(t, max, 10);
	KTEST_EXPECT_EQ(t, info->badpages[1], 9);
	memset(page, 0, PAGE_SIZE); /* never formatted */
	KTEST_EXPECT_EQ(t, swap_header_check(page, 10, &max), -EINVAL);
	free_page(page);
}

/* A disk nobody reads: the area is bookkeeping only. */
static char no_disk;
#define NO_DISK ((struct gendisk *)&no_disk)

static void swap_slots_allocated_and_counted(struct ktest *t)
{
	unsigned long total0, free0, total, free;
	u32 bad[] = { 3 };
	swp_entry_t e[8];
	char *page = get_zeroed_page();
	int type, n = 0;

	KTEST_ASSERT_NOT_NULL(t, page);
	si_swapinfo(&total0, &free0);
	make_header(page, 7, bad, 1); /* slots 1..7, 3 bad: 6 usable */
	type = swap_area_add(NO_DISK, page, 8, -32768);
	KTEST_ASSERT_TRUE(t, type >= 0);
	KTEST_EXPECT_EQ(t, swap_area_add(NO_DISK, page, 8, 0), -EBUSY);
	si_swapinfo(&total, &free);
	KTEST_EXPECT_EQ(t, total - total0, 6);
	/* Only this area may hand slots out, for the test's length. */
	for (int i = 0; i < MAX_SWAPFILES; i++)
		if (i != type && swap_info[i].used)
			swap_info[i].writeok = false;
	while (n < 8 && (e[n] = get_swap_page()).val) {
		KTEST_EXPECT_EQ(t, swp_type(e[n]), type);
		KTEST_EXPECT_NE(t, swp_offset(e[n]), 0);
		KTEST_EXPECT_NE(t, swp_offset(e[n]), 3);
		n++;
	}
	KTEST_EXPECT_EQ(t, n, 6);
	KTEST_EXPECT_EQ(t, swp_offset(e[0]), 1);
	KTEST_EXPECT_EQ(t, swp_offset(e[2]), 4); /* 3 skipped */
	/* A slot held by the cache and two PTEs (a fork). */
	KTEST_EXPECT_EQ(t, __swap_count(e[0]), 0);
	KTEST_EXPECT_EQ(t, swap_duplicate(e[0]), 0);
	KTEST_EXPECT_EQ(t, swap_duplicate(e[0]), 0);
	KTEST_EXPECT_EQ(t, __swap_count(e[0]), 2);
	KTEST_EXPECT_EQ(t, nr_swap_ptes(), 2);
	put_swap_page(e[0]);
	KTEST_EXPECT_TRUE(t, swap_entry_valid(e[0]));
	swap_free(e[0]);
	swap_free(e[0]);
	KTEST_EXPECT_FALSE(t, swap_entry_valid(e[0])); /* free again */
	KTEST_EXPECT_EQ(t, swap_duplicate(e[0]), -EINVAL);
	KTEST_EXPECT_FALSE(t, swap_entry_valid(swp_entry(type, 3)));
	KTEST_EXPECT_FALSE(t, swap_entry_valid(swp_entry(type, 8)));
	KTEST_EXPECT_FALSE(t, swap_entry_valid(swp_entry(MAX_SWAPFILES, 1)));
	e[0] = get_swap_page(); /* the freed slot, found again */
	KTEST_EXPECT_EQ(t, swp_offset(e[0]), 1);
	for (int i = 0; i < n; i++)
		put_swap_page(e[i]);
	for (int i = 0; i < MAX_SWAPFILES; i++)
		if (i != type && swap_info[i].used)
			swap_info[i].writeok = true;
	KTEST_EXPECT_EQ(t, swap_area_remove(NO_DISK), 0);
	KTEST_EXPECT_EQ(t, swap_area_remove(NO_DISK), -EINVAL);
	si_swapinfo(&total, &free);
	KTEST_EXPECT_EQ(t, total, total0);
	KTEST_EXPECT_EQ(t, free, free0);
	free_page(page);
}

/* Seed 001 and its successors: the VMAs reclaim never looks into. */
static void reclaim_skips_special_vmas(struct ktest *t)
{
	static const unsigned long never[] = {
		VM_LOCKED, VM_RESERVED, VM_IO, VM_PFNMAP, VM_MIXEDMAP, VM_SHARED
	};
	struct vm_area_struct vma = { .vm_flags = VM_READ | VM_WRITE |
						  VM_MAYWRITE };

	KTEST_EXPECT_TRUE(t, vma_reclaimable(&vma));
	for (size_t i = 0; i < ARRAY_SIZE(never); i++) {
		vma.vm_flags = VM_READ | VM_WRITE | VM_MAYWRITE | never[i];
		KTEST_EXPECT_FALSE(t, vma_reclaimable(&vma));
	}
}

KTEST_SUITE(swapfile, KTEST_CASE(swap_entry_round_trip),
	    KTEST_CASE(swap_header_checked),
	    KTEST_CASE(swap_slots_allocated_and_counted),
	    KTEST_CASE(reclaim_skips_special_vmas));
