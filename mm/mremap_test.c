// SPDX-License-Identifier: MIT
/*
 * mremap (mm/mremap.c) on address spaces built here and never run: a
 * mapping shrinks, grows in place, or moves with its page-table entries --
 * the same pages, copy-on-write state and all -- and bad requests change
 * nothing.  vm_audit checks the VMAs and PTEs after each case.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/vm_audit.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL
#define P(n) ((n)*PAGE_SIZE)
#define ELSEWHERE (BASE + P(64))

/* BASE: pages pages of anonymous memory, each written with its number. */
static struct mm_struct *written_mm(unsigned long pages)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	mm->stack_start = BASE + P(1024) + STACK_GUARD_GAP;
	if (map_anon(mm, BASE, BASE + P(pages), VM_READ | VM_WRITE)) {
		mmput(mm);
		return NULL;
	}
	for (unsigned long i = 0; i < pages; i++) {
		handle_mm_fault(mm, BASE + P(i), FAULT_FLAG_WRITE);
		*(char *)page_address(follow_page(mm, BASE + P(i))) = 'a' + i;
	}
	return mm;
}

/* The first byte of the page at addr, or 0 if none is mapped. */
static char byte_at(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = follow_page(mm, addr);

	return page ? *(char *)page_address(page) : 0;
}

/* Audit mm (and other, which shares pages with it, if not NULL). */
static bool audit_ok(struct mm_struct *mm, struct mm_struct *other)
{
	struct vm_audit a;

	if (vm_audit_begin(&a))
		return false;
	vm_audit_mm(&a, mm);
	if (other)
		vm_audit_mm(&a, other);
	return vm_audit_end(&a) == 0;
}

static void finish(struct ktest *t, struct mm_struct *mm, unsigned long free)
{
	KTEST_EXPECT_TRUE(t, audit_ok(mm, NULL));
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/* Smaller: the tail goes, as munmap; the same address comes back. */
static void shrink_unmaps_tail(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *mm = written_mm(4);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(4), P(2), 0, 0), (long)BASE);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE)->vm_end, BASE + P(2));
	KTEST_EXPECT_TRUE(t, find_vma(mm, BASE + P(2)) == NULL);
	KTEST_EXPECT_EQ(t, mm->rss, 2);
	KTEST_EXPECT_EQ(t, byte_at(mm, BASE + P(1)), 'b');
	finish(t, mm, free);
}

/* Larger where the space after is free: the VMA's end moves, nothing else. */
static void grow_in_place(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *mm = written_mm(2);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(2), P(6), 0, 0), (long)BASE);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE)->vm_end, BASE + P(6));
	KTEST_EXPECT_EQ(t, mm->total_vm, 6);
	KTEST_EXPECT_EQ(t, byte_at(mm, BASE + P(1)), 'b');
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE + P(5), FAULT_FLAG_WRITE),
			0);
	finish(t, mm, free);
}

/*
 * Larger with a mapping in the way: without MREMAP_MAYMOVE, ENOMEM and no
 * change; with it, the mapping moves, and the very same pages (not copies)
 * are at the new address, none at the old.
 */
static void move_keeps_the_pages(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *mm = written_mm(4);
	struct page *pages[4];
	long to;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, map_anon(mm, BASE + P(4), BASE + P(5), VM_READ), 0);
	for (int i = 0; i < 4; i++)
		pages[i] = follow_page(mm, BASE + P(i));
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(4), P(8), 0, 0), -ENOMEM);
	KTEST_EXPECT_EQ(t, byte_at(mm, BASE + P(3)), 'd');
	to = do_mremap(mm, BASE, P(4), P(8), MREMAP_MAYMOVE, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR_VALUE(to));
	KTEST_EXPECT_NE(t, to, (long)BASE);
	for (int i = 0; i < 4; i++) {
		KTEST_EXPECT_TRUE(t, follow_page(mm, to + P(i)) == pages[i]);
		KTEST_EXPECT_EQ(t, page_mapcount(pages[i]), 1);
	}
	KTEST_EXPECT_EQ(t, byte_at(mm, to + P(2)), 'c');
	KTEST_EXPECT_TRUE(t, find_vma(mm, BASE) == NULL);
	KTEST_EXPECT_TRUE(t, follow_pte(mm, BASE) == NULL ||
				     pte_none(*follow_pte(mm, BASE)));
	KTEST_EXPECT_EQ(t, find_vma(mm, to)->vm_end, (unsigned long)to + P(8));
	KTEST_EXPECT_EQ(t, mm->rss, 4);
	KTEST_EXPECT_EQ(t, mm->total_vm, 9);
	finish(t, mm, free);
}

/*
 * After fork, the parent moves its shared pages: they stay shared and
 * write-protected at the new address, and the first write there copies,
 * leaving the child's page as it was.
 */
static void move_keeps_cow(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *mm = written_mm(2), *child;
	struct page *page;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(t, mm);
	child = dup_mm(mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	page = follow_page(mm, BASE);
	KTEST_EXPECT_EQ(t,
			do_mremap(mm, BASE, P(2), P(2),
				  MREMAP_MAYMOVE | MREMAP_FIXED, ELSEWHERE),
			(long)ELSEWHERE);
	pte = follow_pte(mm, ELSEWHERE);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_FALSE(t, pte_write(*pte));
	KTEST_EXPECT_TRUE(t, follow_page(mm, ELSEWHERE) == page);
	KTEST_EXPECT_EQ(t, page_mapcount(page), 2);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, ELSEWHERE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_TRUE(t, follow_page(mm, ELSEWHERE) != page);
	*(char *)page_address(follow_page(mm, ELSEWHERE)) = 'z';
	KTEST_EXPECT_EQ(t, byte_at(child, BASE), 'a');
	KTEST_EXPECT_EQ(t, byte_at(mm, ELSEWHERE + P(1)), 'b');
	KTEST_EXPECT_TRUE(t, audit_ok(mm, child));
	mmput(child);
	finish(t, mm, free);
}

/* MREMAP_FIXED replaces what is at the target, and may shrink on the way. */
static void fixed_replaces_target(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *mm = written_mm(4);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t,
			map_anon(mm, ELSEWHERE, ELSEWHERE + P(4),
				 VM_READ | VM_WRITE | VM_EXEC),
			0);
	KTEST_EXPECT_EQ(t,
			do_mremap(mm, BASE, P(4), P(3),
				  MREMAP_MAYMOVE | MREMAP_FIXED, ELSEWHERE),
			(long)ELSEWHERE);
	KTEST_EXPECT_EQ(t, byte_at(mm, ELSEWHERE + P(2)), 'c');
	KTEST_EXPECT_TRUE(t, find_vma(mm, ELSEWHERE + P(3)) != NULL);
	KTEST_EXPECT_FALSE(t, find_vma(mm, ELSEWHERE)->vm_flags & VM_EXEC);
	KTEST_EXPECT_TRUE(t, find_vma(mm, BASE + P(3)) == NULL);
	KTEST_EXPECT_EQ(t, mm->rss, 3);
	finish(t, mm, free);
}

/* Linux's errors; each leaves the mapping as it was. */
static void bad_requests(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *mm = written_mm(4);
	unsigned long both = MREMAP_MAYMOVE | MREMAP_FIXED;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_EQ(t, map_anon(mm, BASE + P(4), BASE + P(5), VM_READ), 0);
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(1), P(2), 8, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE + 1, P(1), P(2), 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(1), 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, 0, P(1), 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(
		t, do_mremap(mm, BASE, P(1), P(1), MREMAP_FIXED, ELSEWHERE),
		-EINVAL);
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(1), P(1), both, ELSEWHERE + 1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(2), P(2), both, BASE + P(1)),
			-EINVAL); /* overlapping */
	KTEST_EXPECT_EQ(t, do_mremap(mm, ELSEWHERE, P(1), P(2), 0, 0),
			-EFAULT); /* nothing there */
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(5), P(6), MREMAP_MAYMOVE, 0),
			-EFAULT); /* two VMAs */
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, P(1), TASK_SIZE + 1, 0, 0),
			-ENOMEM);
	KTEST_EXPECT_EQ(t, find_vma(mm, BASE)->vm_end, BASE + P(4));
	KTEST_EXPECT_EQ(t, byte_at(mm, BASE + P(3)), 'd');
	KTEST_EXPECT_EQ(t, mm->map_count, 2);
	finish(t, mm, free);
}

/* The middle of a VMA moves: the VMA splits around it, at the limit ENOMEM. */
static void move_from_middle(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *mm = written_mm(6);
	int saved = sysctl_max_map_count;

	KTEST_ASSERT_NOT_NULL(t, mm);
	sysctl_max_map_count = 3;
	KTEST_EXPECT_EQ(t,
			do_mremap(mm, BASE + P(2), P(2), P(2),
				  MREMAP_MAYMOVE | MREMAP_FIXED, ELSEWHERE),
			-ENOMEM);
	KTEST_EXPECT_EQ(t, mm->map_count, 1);
	sysctl_max_map_count = saved;
	KTEST_EXPECT_EQ(t,
			do_mremap(mm, BASE + P(2), P(2), P(2),
				  MREMAP_MAYMOVE | MREMAP_FIXED, ELSEWHERE),
			(long)ELSEWHERE);
	KTEST_EXPECT_EQ(t, mm->map_count, 3);
	KTEST_EXPECT_EQ(t, byte_at(mm, ELSEWHERE + P(1)), 'd');
	KTEST_EXPECT_EQ(t, byte_at(mm, BASE + P(4)), 'e');
	KTEST_EXPECT_EQ(t, byte_at(mm, BASE + P(2)), 0);
	finish(t, mm, free);
}

KTEST_SUITE(mremap, KTEST_CASE(shrink_unmaps_tail), KTEST_CASE(grow_in_place),
	    KTEST_CASE(move_keeps_the_pages), KTEST_CASE(move_keeps_cow),
	    KTEST_CASE(fixed_replaces_target), KTEST_CASE(bad_requests),
	    KTEST_CASE(move_from_middle));
