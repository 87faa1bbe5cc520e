// SPDX-License-Identifier: MIT
/*
 * The ->fault driver path (kernel/drivers/kmsg.c, seed 001): /dev/kmsg
 * mapped into an address space built here, its faults raised by hand.
 */
#include <asm/page.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL

static struct page *log_page(unsigned long index)
{
	return pfn_to_page(PHYS_PFN(__pa_symbol(log_buf_page(index))));
}

/* Map the first pages of the log at addr; the mm holds the file. */
static long map_kmsg(struct mm_struct *mm, unsigned long addr,
		     unsigned long pages, unsigned long pgoff)
{
	struct file *f = filp_open("/dev/kmsg", O_RDONLY);
	long ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = do_mmap(mm, addr, pages * PAGE_SIZE, PROT_READ,
		      MAP_SHARED | MAP_FIXED, f, pgoff);
	fput(f);
	return ret;
}

/*
 * A read fault asks ->fault, which hands back the log's own page: the PTE
 * maps it, counted (a reference and a map count the unmap gives back).
 */
static void fault_maps_log_page(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	struct page *page = log_page(1);
	int count = page_count(page);
	struct vm_area_struct *vma;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, map_kmsg(mm, BASE, 2, 0), BASE);
	vma = find_vma(mm, BASE);
	KTEST_EXPECT_EQ(t, vma->vm_flags & (VM_RESERVED | VM_MAYWRITE),
			VM_RESERVED);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + PAGE_SIZE, 0), 0);
	KTEST_EXPECT_TRUE(t, follow_page(mm, BASE + PAGE_SIZE) == page);
	KTEST_EXPECT_EQ(t, page_count(page), count + 1);
	KTEST_EXPECT_EQ(t, page_mapcount(page), 1);
	KTEST_EXPECT_EQ(t, mm->rss, 1);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE),
			VM_FAULT_SIGSEGV);
	mmput(mm);
	KTEST_EXPECT_EQ(t, page_count(page), count);
	KTEST_EXPECT_EQ(t, page_mapcount(page), 0);
}

/* Seed 001: a VM_RESERVED VMA is never merged with its neighbour. */
static void reserved_vmas_never_merge(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, map_kmsg(mm, BASE, 1, 0), BASE);
	KTEST_ASSERT_EQ(t, map_kmsg(mm, BASE + PAGE_SIZE, 1, 1),
			BASE + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE)->vm_end, BASE + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE + PAGE_SIZE)->vm_pgoff, 1);
	mmput(mm);
}

/* Past the log's last page: the mmap fails and leaves nothing. */
static void past_the_end_is_enxio(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, map_kmsg(mm, BASE, 2, KMSG_MAP_SIZE / PAGE_SIZE - 1),
			-ENXIO);
	KTEST_EXPECT_TRUE(t, find_vma(mm, BASE) == NULL);
	mmput(mm);
}

KTEST_SUITE(kmsg, KTEST_CASE(fault_maps_log_page),
	    KTEST_CASE(reserved_vmas_never_merge),
	    KTEST_CASE(past_the_end_is_enxio));
