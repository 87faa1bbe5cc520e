// SPDX-License-Identifier: MIT
/*
 * Device memory in user space (mm/memory.c: remap_pfn_range,
 * vm_insert_pfn, vm_insert_mixed, vm_insert_page), on address spaces built
 * here and never run, as mm/memory_test.c does.  The "device" is RAM that
 * has no struct page: the frames above mem= in the test boot, the top of
 * the arena on the host (memblock.hidden_end).  Runs in the kernel and on
 * the host, with and without a PTE special bit: every result must be the
 * same, since vm_normal_page's two forms must agree (seeds 000, 003).
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <pagoda/abi.h>

#define BASE 0x20000000UL
#define PAGES 4

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte ? *pte : 0;
}

/* The first of PAGES frames without struct page, or 0 (the test skips). */
static unsigned long device_pfn(struct ktest *t)
{
	unsigned long pfn = PHYS_PFN(memblock_end_of_ram());

	if (PHYS_PFN(memblock.hidden_end) < pfn + PAGES) {
		ktest_skip(t, "no RAM without struct page (no mem= limit)");
		return 0;
	}
	return pfn;
}

/* Fill a device frame through a kernel mapping of it. */
static void fill_frame(unsigned long pfn, int value)
{
	void *p = kmap_local_pfn(pfn);

	memset(p, value, PAGE_SIZE);
	kunmap_local(p);
}

static struct vm_area_struct *device_vma(struct mm_struct **mmp,
					 unsigned long vm_flags)
{
	struct mm_struct *mm = mm_alloc();

	*mmp = mm;
	if (!mm)
		return NULL;
	if (map_anon(mm, BASE, BASE + PAGES * PAGE_SIZE, vm_flags)) {
		mmput(mm);
		*mmp = NULL;
		return NULL;
	}
	return find_vma(mm, BASE);
}

/* A VMA of PAGES pages with every frame from pfn on remapped into it. */
static struct vm_area_struct *
remapped_vma(struct mm_struct **mmp, unsigned long vm_flags, unsigned long pfn)
{
	struct vm_area_struct *vma = device_vma(mmp, vm_flags);

	if (vma && remap_pfn_range(vma, BASE, pfn, PAGES * PAGE_SIZE,
				   vm_get_page_prot(vma->vm_flags))) {
		mmput(*mmp);
		return NULL;
	}
	return vma;
}

/*
 * Which form of vm_normal_page this build runs: the special bit is made
 * and seen only where the arch has it (PTE_SPECIAL=n builds x86_64
 * without).  Every other case must pass either way.
 */
static void pte_special_form(struct ktest *t)
{
	pte_t pte = pte_mkspecial(pfn_pte(1, vm_get_page_prot(VM_READ)));

#ifdef ARCH_HAS_PTE_SPECIAL
	ktest_log(t, "vm_normal_page: the PTE special bit");
	KTEST_EXPECT_TRUE(t, pte_special(pte));
#else
	ktest_log(t, "vm_normal_page: the VMA rules (no special bit)");
	KTEST_EXPECT_FALSE(t, pte_special(pte));
#endif
}

#define SHARED_RW (VM_READ | VM_WRITE | VM_SHARED | VM_MAYSHARE)
#define PRIVATE_RW (VM_READ | VM_WRITE)

/* A shared remap: raw frames, in order, writable, counted nowhere. */
static void remap_maps_raw_frames(struct ktest *t)
{
	unsigned long pfn = device_pfn(t), free = nr_free_pages();
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (!pfn)
		return;
	vma = remapped_vma(&mm, SHARED_RW, pfn);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t, vma->vm_flags & (VM_PFNMAP | VM_IO | VM_DONTEXPAND),
			VM_PFNMAP | VM_IO | VM_DONTEXPAND);
	for (int i = 0; i < PAGES; i++) {
		unsigned long addr = BASE + i * PAGE_SIZE;
		pte_t pte = pte_at(mm, addr);

		KTEST_EXPECT_EQ(t, pte_pfn(pte), pfn + i);
		KTEST_EXPECT_TRUE(t, pte_write(pte));
		KTEST_EXPECT_TRUE(t, vm_normal_page(vma, addr, pte) == NULL);
		KTEST_EXPECT_TRUE(t, is_raw_pfn(vma, addr, pte));
	}
	KTEST_EXPECT_EQ(t, mm->rss, 0);
	/* Already mapped: the fault path has nothing to do. */
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/*
 * A device's frames keep the memory type the driver asked for (the arch's
 * pgprot_device: uncached on x86_64, Device memory on ARM) through
 * remap_pfn_range, and through mprotect, which changes only the rights.
 */
static void remap_keeps_memory_type(struct ktest *t)
{
	unsigned long pfn = device_pfn(t);
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	pgprot_t prot;

	if (!pfn)
		return;
	vma = device_vma(&mm, SHARED_RW);
	KTEST_ASSERT_NOT_NULL(t, vma);
	prot = pgprot_device(vm_get_page_prot(vma->vm_flags));
	KTEST_EXPECT_EQ(
		t, remap_pfn_range(vma, BASE, pfn, PAGES * PAGE_SIZE, prot), 0);
	for (int i = 0; i < PAGES; i++)
		KTEST_EXPECT_EQ(t, pte_at(mm, BASE + i * PAGE_SIZE),
				pte_mkspecial(pfn_pte(pfn + i, prot)));
	KTEST_EXPECT_EQ(t, do_mprotect(mm, BASE, PAGE_SIZE, PROT_READ), 0);
	vma = find_vma(mm, BASE);
	prot = pgprot_device(vm_get_page_prot(vma->vm_flags));
	KTEST_EXPECT_EQ(t, pte_at(mm, BASE), pte_mkspecial(pfn_pte(pfn, prot)));
	KTEST_EXPECT_FALSE(t, pte_write(pte_at(mm, BASE)));
	mmput(mm);
}

/*
 * A COW remap must cover the whole VMA, and then vm_pgoff is the first
 * frame: the linearity rule.  Its PTEs are read-only, so writes fault.
 */
static void remap_cow_sets_pgoff(struct ktest *t)
{
	unsigned long pfn = device_pfn(t);
	pgprot_t prot = vm_get_page_prot(PRIVATE_RW);
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (!pfn)
		return;
	vma = device_vma(&mm, PRIVATE_RW);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t, remap_pfn_range(vma, BASE, pfn, PAGE_SIZE, prot),
			-EINVAL);
	KTEST_EXPECT_EQ(t,
			remap_pfn_range(vma, BASE + PAGE_SIZE, pfn,
					(PAGES - 1) * PAGE_SIZE, prot),
			-EINVAL);
	KTEST_EXPECT_EQ(
		t, remap_pfn_range(vma, BASE, pfn, PAGES * PAGE_SIZE, prot), 0);
	KTEST_EXPECT_EQ(t, vma->vm_pgoff, pfn);
	KTEST_EXPECT_FALSE(t, pte_write(pte_at(mm, BASE)));
	KTEST_EXPECT_EQ(
		t, remap_pfn_range(vma, BASE, pfn, PAGES * PAGE_SIZE, prot),
		-EBUSY);
	mmput(mm);
}

/*
 * A write to a private PFN map copies the device frame into a normal page
 * (seed 000): the copy holds the frame's bytes, is counted, and is told
 * apart from the raw frames beside it in both forms of vm_normal_page --
 * with no special bit, by the linearity rule.  The frame is untouched.
 */
static void cow_copies_raw_frame(struct ktest *t)
{
	unsigned long pfn = device_pfn(t), free = nr_free_pages();
	unsigned long addr = BASE + PAGE_SIZE;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	struct page *copy;
	unsigned char *frame;

	if (!pfn)
		return;
	fill_frame(pfn + 1, 0xa5);
	vma = remapped_vma(&mm, PRIVATE_RW, pfn);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, addr, FAULT_FLAG_WRITE), 0);
	copy = vm_normal_page(vma, addr, pte_at(mm, addr));
	KTEST_ASSERT_NOT_NULL(t, copy);
	KTEST_EXPECT_TRUE(t, pte_write(pte_at(mm, addr)));
	KTEST_EXPECT_EQ(t, ((unsigned char *)page_address(copy))[100], 0xa5);
	KTEST_EXPECT_EQ(t, page_count(copy), 1);
	KTEST_EXPECT_EQ(t, mm->rss, 1);
	KTEST_EXPECT_TRUE(t,
			  vm_normal_page(vma, BASE, pte_at(mm, BASE)) == NULL);
	((unsigned char *)page_address(copy))[100] = 0x11;
	frame = kmap_local_pfn(pfn + 1);
	KTEST_EXPECT_EQ(t, frame[100], 0xa5);
	kunmap_local(frame);
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/* fork copies raw PTEs as they are: no reference is taken or dropped. */
static void fork_copies_raw_ptes(struct ktest *t)
{
	unsigned long pfn = device_pfn(t), free = nr_free_pages();
	struct mm_struct *mm, *child;
	struct vm_area_struct *vma;

	if (!pfn)
		return;
	vma = remapped_vma(&mm, SHARED_RW, pfn);
	KTEST_ASSERT_NOT_NULL(t, vma);
	child = dup_mm(mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	for (int i = 0; i < PAGES; i++)
		KTEST_EXPECT_EQ(t, pte_at(child, BASE + i * PAGE_SIZE),
				pte_at(mm, BASE + i * PAGE_SIZE));
	KTEST_EXPECT_EQ(t, find_vma(child, BASE)->vm_flags, vma->vm_flags);
	KTEST_EXPECT_EQ(t, child->rss, 0);
	mmput(child);
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/* munmap of a middle page splits the VMA; each part keeps the rule. */
static void munmap_part_keeps_linearity(struct ktest *t)
{
	unsigned long pfn = device_pfn(t);
	unsigned long last = BASE + (PAGES - 1) * PAGE_SIZE;
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (!pfn)
		return;
	vma = remapped_vma(&mm, PRIVATE_RW, pfn);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t, do_munmap(mm, BASE + PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(t, find_vma(mm, BASE + PAGE_SIZE) == NULL);
	vma = find_vma(mm, last);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t, vma->vm_pgoff, pfn + 2);
	KTEST_EXPECT_TRUE(t,
			  vm_normal_page(vma, last, pte_at(mm, last)) == NULL);
	mmput(mm);
}

/*
 * mremap of a PFN map: growing is EFAULT (as Linux); moving takes the raw
 * PTEs along, vm_pgoff with them, so the linearity rule still holds at
 * the new place and vm_normal_page still finds no page there.
 */
static void mremap_moves_raw_frames(struct ktest *t)
{
	unsigned long pfn = device_pfn(t), to = BASE + 64 * PAGE_SIZE;
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (!pfn)
		return;
	vma = remapped_vma(&mm, PRIVATE_RW, pfn);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t,
			do_mremap(mm, BASE, PAGES * PAGE_SIZE,
				  (PAGES + 1) * PAGE_SIZE, MREMAP_MAYMOVE, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t,
			do_mremap(mm, BASE + PAGE_SIZE, 2 * PAGE_SIZE,
				  2 * PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED,
				  to),
			(long)to);
	vma = find_vma(mm, to);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t, vma->vm_pgoff, pfn + 1);
	for (int i = 0; i < 2; i++) {
		pte_t pte = pte_at(mm, to + i * PAGE_SIZE);

		KTEST_EXPECT_EQ(t, pte_pfn(pte), pfn + 1 + i);
		KTEST_EXPECT_TRUE(t, vm_normal_page(vma, to + i * PAGE_SIZE,
						    pte) == NULL);
		KTEST_EXPECT_FALSE(
			t, pte_present(pte_at(mm, BASE + (1 + i) * PAGE_SIZE)));
	}
	KTEST_EXPECT_EQ(t, mm->rss, 0);
	mmput(mm);
}

/* Seed 000's rules for vm_insert_pfn, each answered -EINVAL. */
static void insert_pfn_rules(struct ktest *t)
{
	unsigned long pfn = device_pfn(t);
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (!pfn)
		return;
	vma = device_vma(&mm, SHARED_RW);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t, vm_insert_pfn(vma, BASE, pfn), -EINVAL); /* kind */
	vma->vm_flags |= VM_PFNMAP | VM_MIXEDMAP;
	KTEST_EXPECT_EQ(t, vm_insert_pfn(vma, BASE, pfn), -EINVAL); /* both */
	vma->vm_flags &= ~VM_PFNMAP;
	KTEST_EXPECT_EQ(t, vm_insert_pfn(vma, BASE, page_to_pfn(zero_page)),
			-EINVAL); /* MIXEDMAP: a struct page must be counted */
	vma->vm_flags ^= VM_MIXEDMAP | VM_PFNMAP;
	KTEST_EXPECT_EQ(t, vm_insert_pfn(vma, BASE, pfn), 0);
	KTEST_EXPECT_EQ(t, vm_insert_pfn(vma, BASE, pfn), -EBUSY);
	KTEST_EXPECT_EQ(t, vm_insert_pfn(vma, BASE - PAGE_SIZE, pfn), -EFAULT);
	KTEST_EXPECT_EQ(t, vm_insert_page(vma, BASE + PAGE_SIZE, zero_page),
			-EINVAL);
	/*
	 * A COW mapping: refused, for without the special bit its frames
	 * would look like COW copies (vm_pgoff is no frame here).  Shared
	 * again before the unmap, which must see the raw frame as raw.
	 */
	vma->vm_flags &= ~(VM_SHARED | VM_MAYSHARE);
	KTEST_EXPECT_EQ(t, vm_insert_pfn(vma, BASE + PAGE_SIZE, pfn + 1),
			-EINVAL);
	vma->vm_flags |= VM_SHARED | VM_MAYSHARE;
	mmput(mm);
}

/* A mixed map's ->fault: frame i of the device for page i. */
static unsigned long fault_pfn;

static int mixed_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	int err = vm_insert_mixed(vma, vmf->address, fault_pfn + vmf->pgoff);

	return err ? VM_FAULT_SIGBUS : VM_FAULT_NOPAGE;
}

static const struct vm_operations_struct mixed_vm_ops = {
	.fault = mixed_fault,
};

/*
 * One private VM_MIXEDMAP VMA holds raw frames (read faults) and normal
 * pages (a private write's copy, and a page with struct page that
 * vm_insert_mixed counts): pfn_valid tells them apart.
 */
static void mixed_map_holds_both(struct ktest *t)
{
	unsigned long pfn = device_pfn(t), free = nr_free_pages();
	unsigned long second = BASE + PAGE_SIZE, third = BASE + 2 * PAGE_SIZE;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	struct page *page, *copy;

	if (!pfn)
		return;
	fill_frame(pfn + 1, 0x3c);
	vma = device_vma(&mm, PRIVATE_RW);
	KTEST_ASSERT_NOT_NULL(t, vma);
	vma->vm_flags |= VM_MIXEDMAP;
	vma->vm_ops = &mixed_vm_ops;
	fault_pfn = pfn;
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, 0), 0);
	KTEST_EXPECT_EQ(t, pte_pfn(pte_at(mm, BASE)), pfn);
	KTEST_EXPECT_TRUE(t, is_raw_pfn(vma, BASE, pte_at(mm, BASE)));
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, second, FAULT_FLAG_WRITE), 0);
	copy = vm_normal_page(vma, second, pte_at(mm, second));
	KTEST_ASSERT_NOT_NULL(t, copy);
	KTEST_EXPECT_EQ(t, ((unsigned char *)page_address(copy))[7], 0x3c);
	page = alloc_page();
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, vm_insert_mixed(vma, third, page_to_pfn(page)), 0);
	KTEST_EXPECT_TRUE(t, vm_normal_page(vma, third, pte_at(mm, third)) ==
				     page);
	KTEST_EXPECT_EQ(t, page_count(page), 2);
	KTEST_EXPECT_EQ(t, page_mapcount(page), 1);
	KTEST_EXPECT_EQ(t, mm->rss, 2);
	put_page(page);
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/* vm_insert_page: a driver's own page, counted; not into a PFN map. */
static void insert_page_counts(struct ktest *t)
{
	struct mm_struct *mm;
	struct vm_area_struct *vma = device_vma(&mm, SHARED_RW);
	struct page *page = alloc_page();
	unsigned long free;

	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_ASSERT_NOT_NULL(t, page);
	free = nr_free_pages();
	KTEST_EXPECT_EQ(t, vm_insert_page(vma, BASE, page), 0);
	KTEST_EXPECT_EQ(t, page_count(page), 2);
	KTEST_EXPECT_TRUE(t, follow_page(mm, BASE) == page);
	KTEST_EXPECT_TRUE(t, pte_write(pte_at(mm, BASE)));
	vma->vm_flags |= VM_PFNMAP;
	KTEST_EXPECT_EQ(t, vm_insert_page(vma, BASE + PAGE_SIZE, page),
			-EINVAL);
	vma->vm_flags &= ~VM_PFNMAP;
	mmput(mm);
	KTEST_EXPECT_EQ(t, page_count(page), 1);
	put_page(page);
	KTEST_EXPECT_GE(t, nr_free_pages(), free + 1);
}

/* A hole in a PFN map without ->fault has nothing behind it. */
static void pfnmap_hole_is_sigbus(struct ktest *t)
{
	unsigned long pfn = device_pfn(t);
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (!pfn)
		return;
	vma = device_vma(&mm, SHARED_RW);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_ASSERT_EQ(t,
			remap_pfn_range(vma, BASE, pfn, PAGE_SIZE,
					vm_get_page_prot(vma->vm_flags)),
			0);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + PAGE_SIZE, 0),
			VM_FAULT_SIGBUS);
	KTEST_EXPECT_EQ(t, do_madvise(mm, BASE, PAGE_SIZE, MADV_DONTNEED),
			-EINVAL);
	mmput(mm);
}

KTEST_SUITE(devmem, KTEST_CASE(pte_special_form),
	    KTEST_CASE(remap_maps_raw_frames),
	    KTEST_CASE(remap_keeps_memory_type),
	    KTEST_CASE(remap_cow_sets_pgoff), KTEST_CASE(cow_copies_raw_frame),
	    KTEST_CASE(fork_copies_raw_ptes),
	    KTEST_CASE(munmap_part_keeps_linearity),
	    KTEST_CASE(mremap_moves_raw_frames), KTEST_CASE(insert_pfn_rules),
	    KTEST_CASE(mixed_map_holds_both), KTEST_CASE(insert_page_counts),
	    KTEST_CASE(pfnmap_hole_is_sigbus));
