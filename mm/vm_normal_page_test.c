// SPDX-License-Identifier: MIT
/*
 * vm_normal_page() as a decision table, seed 000's cases one by one.  The
 * PTEs are made as the kernel makes them: pte_mkspecial() where a raw frame
 * or the zero page is mapped (a no-op on an arch without the bit).  The
 * host tests run this suite with and without ARCH_HAS_PTE_SPECIAL, so both
 * forms of vm_normal_page must give the same answers.
 */
#include <kernel/ktest.h>
#include <mm/memory.h>
#include <mm/mm.h>

#define START 0x40000000UL

static pte_t normal_pte(struct page *page)
{
	return pfn_pte(page_to_pfn(page), vm_get_page_prot(VM_READ | VM_WRITE));
}

static pte_t raw_pte(unsigned long pfn)
{
	return pte_mkspecial(
		pfn_pte(pfn, vm_get_page_prot(VM_READ | VM_WRITE)));
}

static struct vm_area_struct vma_with(unsigned long flags, unsigned long pgoff)
{
	return (struct vm_area_struct){ .vm_start = START,
					.vm_end = START + 16 * PAGE_SIZE,
					.vm_flags = flags,
					.vm_pgoff = pgoff };
}

static void anonymous_page_is_normal(struct ktest *t)
{
	struct vm_area_struct vma =
		vma_with(VM_READ | VM_WRITE | VM_MAYWRITE, 0);
	struct page *page = alloc_page();

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_TRUE(t, vm_normal_page(&vma, START, normal_pte(page)) ==
				     page);
	free_pages(page, 0);
}

static void zero_page_is_special(struct ktest *t)
{
	struct vm_area_struct vma = vma_with(VM_READ | VM_MAYWRITE, 0);

	KTEST_EXPECT_TRUE(t, vm_normal_page(&vma, START,
					    raw_pte(page_to_pfn(zero_page))) ==
				     NULL);
}

/* remap_pfn_range's frames, at their linear place: raw. */
static void pfnmap_linear_frame_is_raw(struct ktest *t)
{
	unsigned long base = max_pfn + 100; /* device memory: no struct page */
	struct vm_area_struct vma = vma_with(VM_READ | VM_PFNMAP | VM_IO, base);

	for (unsigned long i = 0; i < 16; i++)
		KTEST_EXPECT_TRUE(t, vm_normal_page(&vma, START + i * PAGE_SIZE,
						    raw_pte(base + i)) == NULL);
}

/* In a private, writable PFNMAP a written page was COWed: it is normal. */
static void pfnmap_cowed_page_is_normal(struct ktest *t)
{
	unsigned long base = max_pfn + 100;
	struct vm_area_struct vma =
		vma_with(VM_READ | VM_WRITE | VM_MAYWRITE | VM_PFNMAP, base);
	struct page *page = alloc_page();

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_TRUE(t, vm_normal_page(&vma, START + 3 * PAGE_SIZE,
					    normal_pte(page)) == page);
	free_pages(page, 0);
}

/* VM_MIXEDMAP: a frame with a struct page is counted, one without is not. */
static void mixedmap_follows_pfn_valid(struct ktest *t)
{
	struct vm_area_struct vma = vma_with(VM_READ | VM_MIXEDMAP, 0);
	struct page *page = alloc_page();

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_TRUE(t, vm_normal_page(&vma, START, normal_pte(page)) ==
				     page);
	KTEST_EXPECT_TRUE(t, vm_normal_page(&vma, START + PAGE_SIZE,
					    raw_pte(max_pfn + 7)) == NULL);
	free_pages(page, 0);
}

KTEST_SUITE(vm_normal_page, KTEST_CASE(anonymous_page_is_normal),
	    KTEST_CASE(zero_page_is_special),
	    KTEST_CASE(pfnmap_linear_frame_is_raw),
	    KTEST_CASE(pfnmap_cowed_page_is_normal),
	    KTEST_CASE(mixedmap_follows_pfn_valid));
