// SPDX-License-Identifier: MIT
/*
 * Random mmap/munmap/mprotect/fork/touch sequences on a real address space
 * (mm/mmap.c and mm/memory.c, built for the host under ASan/UBSan), checked
 * after every step against a model: one entry per page of a small window
 * saying whether it is mapped, with which rights, and what byte it holds.
 * Deterministic for its seed; a failure names the step.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <pagoda/abi.h>

#define BASE 0x40000000UL
#define PAGES 256
#define STEPS 100000

struct model_page {
	bool mapped;
	unsigned long prot; /* PROT_* */
	unsigned char byte; /* what the page's first byte holds */
};

static struct model_page model[PAGES];
static unsigned long rng = 1;

static unsigned long rnd(unsigned long n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (rng >> 33) % n;
}

static unsigned long addr_of(unsigned long page)
{
	return BASE + page * PAGE_SIZE;
}

/* The byte at page's start, through the page tables (0 if none mapped). */
static int byte_at(struct mm_struct *mm, unsigned long page)
{
	struct page *p = follow_page(mm, addr_of(page));

	return p ? *(unsigned char *)page_address(p) : 0;
}

static bool check(struct ktest *t, struct mm_struct *mm, int step)
{
	struct vm_area_struct *vma, *prev = NULL;

	list_for_each_entry (vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= vma->vm_end ||
		    (prev && prev->vm_end > vma->vm_start) ||
		    (prev && prev->vm_end == vma->vm_start &&
		     prev->vm_flags == vma->vm_flags)) {
			ktest_fail(t, __FILE__, __LINE__,
				   "step %d: VMAs [%#lx, %#lx) %#lx and [%#lx, "
				   "%#lx) %#lx: overlapping or unmerged",
				   step, prev ? prev->vm_start : 0,
				   prev ? prev->vm_end : 0,
				   prev ? prev->vm_flags : 0, vma->vm_start,
				   vma->vm_end, vma->vm_flags);
			return false;
		}
		prev = vma;
	}
	for (unsigned long i = 0; i < PAGES; i++) {
		struct vm_area_struct *v = find_vma(mm, addr_of(i));
		bool ok = model[i].mapped
				  ? v && (v->vm_flags & 7) == model[i].prot &&
					    byte_at(mm, i) == model[i].byte
				  : !v;

		if (!ok) {
			ktest_fail(t, __FILE__, __LINE__,
				   "step %d: page %lu disagrees with the model",
				   step, i);
			return false;
		}
	}
	return true;
}

static void model_set(unsigned long first, unsigned long n, bool mapped,
		      unsigned long prot, bool keep_bytes)
{
	for (unsigned long i = first; i < first + n; i++) {
		model[i].mapped = mapped;
		model[i].prot = prot;
		if (!keep_bytes)
			model[i].byte = 0;
	}
}

static bool all_mapped(unsigned long first, unsigned long n)
{
	for (unsigned long i = first; i < first + n; i++)
		if (!model[i].mapped)
			return false;
	return true;
}

/* Touch a page as the program would; the fault must agree with the rights. */
static bool touch(struct ktest *t, struct mm_struct *mm, unsigned long i,
		  int step)
{
	bool write = rnd(2);
	unsigned long prot = model[i].mapped ? model[i].prot : 0;
	bool allowed = write ? prot & PROT_WRITE : prot != 0;
	int fault =
		handle_mm_fault(mm, addr_of(i), write ? FAULT_FLAG_WRITE : 0);

	if ((fault == 0) != allowed) {
		ktest_fail(t, __FILE__, __LINE__,
			   "step %d: fault %d on page %lu", step, fault, i);
		return false;
	}
	if (allowed && write) {
		model[i].byte = 1 + rnd(255);
		*(unsigned char *)page_address(follow_page(mm, addr_of(i))) =
			model[i].byte;
	}
	return true;
}

/* fork, write in the child: the parent's bytes must not change. */
static void fork_and_write(struct mm_struct *mm)
{
	struct mm_struct *child = dup_mm(mm);

	if (!child)
		return;
	for (unsigned long i = 0; i < PAGES; i++)
		if (model[i].mapped && (model[i].prot & PROT_WRITE) &&
		    !handle_mm_fault(child, addr_of(i), FAULT_FLAG_WRITE))
			*(unsigned char *)page_address(
				follow_page(child, addr_of(i))) = 0xee;
	mmput(child);
}

static void random_operations(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	mm->stack_start = BASE + 2 * PAGES * PAGE_SIZE;
	memset(model, 0, sizeof(model));
	for (int step = 0; step < STEPS; step++) {
		unsigned long first = rnd(PAGES),
			      n = 1 + rnd(min(16UL, PAGES - first));
		unsigned long prot = rnd(8), op = rnd(100);
		long r;

		if (op < 25) {
			r = do_mmap(mm, addr_of(first), n * PAGE_SIZE, prot,
				    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				    NULL, 0);
			KTEST_ASSERT_EQ(t, r, (long)addr_of(first));
			model_set(first, n, true, prot, false);
		} else if (op < 40) {
			KTEST_ASSERT_EQ(
				t, do_munmap(mm, addr_of(first), n * PAGE_SIZE),
				0);
			model_set(first, n, false, 0, false);
		} else if (op < 60) {
			bool mapped = all_mapped(first, n);

			r = do_mprotect(mm, addr_of(first), n * PAGE_SIZE,
					prot);
			KTEST_ASSERT_EQ(t, r, mapped ? 0 : -ENOMEM);
			if (mapped)
				model_set(first, n, true, prot, true);
		} else if (op < 62) {
			fork_and_write(mm);
		} else if (!touch(t, mm, first, step)) {
			break;
		}
		if (!check(t, mm, step))
			break;
	}
	mmput(mm);
}

KTEST_SUITE(mmap_fuzz, KTEST_CASE(random_operations));
