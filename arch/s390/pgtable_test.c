// SPDX-License-Identifier: MIT
/*
 * The s390 page tables (arch/s390/pgtable.c): the kernel's own space gives
 * each part of the image its rights (text and rodata protected, the boot
 * stack's guard page invalid); a program's space is another one, where the
 * kernel's addresses mean nothing; fresh tables hold invalid entries, not
 * zeros; and a PTE page is two hardware page tables, the even and the odd
 * segment of a pmd_t, which the CPU really walks; an old page is invalid
 * to the CPU until a fault makes it young; page 0 is nobody's.
 */
#include <asm/lowcore.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/uaccess.h>
#include <kernel/extable.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/testing.h>
#include <mm/tlbflush.h>

#define BASE 0x10000000UL /* 2 MiB aligned: one pmd_t, two segments */

extern const char _text[];
extern const char boot_stack_guard[];
extern const char pgm_check_handler[];

static const char rodata_probe[] = "read-only";
static char data_probe[] = "writable";

static pte_t entry_of(const void *addr)
{
	return *lookup_kernel_address((unsigned long)addr);
}

static void text_is_read_only(struct ktest *t)
{
	pte_t pte = entry_of(_text);
	char before = *(volatile const char *)_text, byte = before;

	KTEST_EXPECT_FALSE(t, pte & _PAGE_INVALID);
	KTEST_EXPECT_TRUE(t, pte & _PAGE_PROTECT);
	KTEST_EXPECT_EQ(t, copy_nofault((void *)_text, &byte, 1), 1);
	KTEST_EXPECT_EQ(t, *(volatile const char *)_text, before);
}

static void rodata_is_read_only(struct ktest *t)
{
	char byte = 'X';

	KTEST_EXPECT_TRUE(t, entry_of(rodata_probe) & _PAGE_PROTECT);
	KTEST_EXPECT_EQ(t, copy_nofault((void *)rodata_probe, &byte, 1), 1);
	KTEST_EXPECT_STREQ(t, rodata_probe, "read-only");
}

static void data_is_writable(struct ktest *t)
{
	char byte = 'W';

	KTEST_EXPECT_FALSE(t, entry_of(data_probe) & _PAGE_PROTECT);
	KTEST_EXPECT_EQ(t, copy_nofault(data_probe, &byte, 1), 0);
	KTEST_EXPECT_EQ(t, data_probe[0], 'W');
	data_probe[0] = 'w';
}

static void stack_guard_invalid(struct ktest *t)
{
	char byte;

	KTEST_EXPECT_TRUE(t, pte_none(entry_of(boot_stack_guard)));
	KTEST_EXPECT_EQ(t, copy_nofault(&byte, boot_stack_guard + 100, 1), 1);
	KTEST_EXPECT_FALSE(t, entry_of(boot_stack_guard + PAGE_SIZE) &
				      _PAGE_INVALID);
}

/* The kernel's data is at the same address in no program's space. */
static void kernel_not_in_user_space(struct ktest *t)
{
	char byte;

	KTEST_ASSERT_TRUE(t, !current->mm);
	KTEST_EXPECT_EQ(t, raw_copy_from_user(&byte, data_probe, 1), 1);
	KTEST_EXPECT_EQ(t, raw_copy_to_user(data_probe, &byte, 1), 1);
}

static bool all_equal(const u64 *table, unsigned long n, u64 value)
{
	for (unsigned long i = 0; i < n; i++)
		if (table[i] != value)
			return false;
	return true;
}

static void fresh_tables_are_invalid(struct ktest *t)
{
	pte_t *pte = pte_alloc_one();
	pmd_t *pmd = pmd_alloc_one();
	pud_t *pud = pud_alloc_one();

	KTEST_ASSERT_TRUE(t, pte && pmd && pud);
	KTEST_EXPECT_TRUE(t, all_equal(pte, PTRS_PER_PTE, _PAGE_INVALID));
	KTEST_EXPECT_TRUE(t, pte_none(pte[0]) && pmd_none(pmd[0]) &&
				     pud_none(pud[0]));
	KTEST_EXPECT_TRUE(
		t, all_equal((u64 *)pmd, CRST_ENTRIES, _SEGMENT_ENTRY_INVALID));
	KTEST_EXPECT_TRUE(t, all_equal(pud, CRST_ENTRIES, _REGION3_EMPTY));
	pte_free(pte);
	pmd_free(pmd);
	pud_free(pud);
}

/*
 * Two pages a segment apart share a pmd_t and a PTE page: the odd segment's
 * entry points 2 KiB into it.  Writing through the primary space (the CPU's
 * translation, not mm/'s walk) lands in the pages mm/ mapped.
 */
static void segment_pair_shares_a_page(struct ktest *t)
{
	struct mm_struct *mm = test_anon_mm(BASE, PMD_SIZE / PAGE_SIZE);
	unsigned long odd = BASE + (1UL << SEGMENT_SHIFT);
	pmd_t *pmd;
	char byte = 'o';

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, odd, FAULT_FLAG_WRITE), 0);
	pmd = pmd_offset(pud_offset(pgd_offset(mm, BASE), BASE), BASE);
	KTEST_EXPECT_EQ(t, pmd->seg[1] - pmd->seg[0], PT_HW_ENTRIES * 8);
	KTEST_EXPECT_EQ(t, follow_pte(mm, odd) - follow_pte(mm, BASE),
			PT_HW_ENTRIES);
	switch_mm(mm);
	KTEST_EXPECT_EQ(t, raw_copy_to_user((void *)odd, &byte, 1), 0);
	switch_mm(NULL);
	KTEST_EXPECT_EQ(t, *(char *)page_address(follow_page(mm, odd)), 'o');
	mmput(mm);
}

/*
 * Reclaim's second chance (pte_mkold) must be seen by the CPU: an old page
 * is unusable until a fault makes it young, and each scan re-arms that.
 * Without a task's mm the kernel's copy cannot fault the page back in, so
 * the copy failing shows the CPU no longer uses the old entry.
 */
static void old_page_faults_until_young(struct ktest *t)
{
	struct mm_struct *mm = test_anon_mm(BASE, 1);
	char byte = 'y';
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	*(char *)page_address(follow_page(mm, BASE)) = 'Y';
	pte = follow_pte(mm, BASE);
	switch_mm(mm);
	for (int scan = 0; scan < 2; scan++) {
		set_pte(pte, pte_mkold(*pte));
		__tlb_flush_local();
		KTEST_EXPECT_FALSE(t, pte_young(*pte));
		KTEST_EXPECT_EQ(t, raw_copy_from_user(&byte, (void *)BASE, 1),
				1);
		KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, 0), 0);
		KTEST_EXPECT_TRUE(t, pte_young(*pte) && pte_write(*pte));
		KTEST_EXPECT_EQ(t, raw_copy_from_user(&byte, (void *)BASE, 1),
				0);
		KTEST_EXPECT_EQ(t, byte, 'Y');
		byte = 'y';
	}
	switch_mm(NULL);
	mmput(mm);
}

/*
 * The kernel's page 0 is not the lowcore: a NULL pointer faults, while the
 * alias shows what the CPU itself reads at real address 0 (the new PSWs).
 */
static void null_page_is_invalid(struct ktest *t)
{
	const u64 *pgm_new_psw = lowcore_ptr(__LC_PGM_NEW_PSW);
	pte_t *pte = lookup_kernel_address(0);
	char byte;

	KTEST_EXPECT_TRUE(t, !pte || pte_none(*pte));
	KTEST_EXPECT_EQ(t, copy_nofault(&byte, NULL, 1), 1);
	KTEST_EXPECT_EQ(t, copy_nofault(&byte, (void *)(PAGE_SIZE - 1), 1), 1);
	KTEST_EXPECT_EQ(t, copy_nofault(NULL, &byte, 1), 1);
	KTEST_EXPECT_EQ(t, pgm_new_psw[1], (u64)pgm_check_handler);
}

/*
 * A one-page flush is IPTE, not a purge of the whole TLB: under QEMU, whose
 * TLB keeps what it is not told to drop, a stale translation of the next
 * page survives it (a full purge would drop it), while the flushed page's
 * new protection holds at once.  Interruptions stay off meanwhile, so
 * nothing else flushes.
 */
static void page_flush_purges_that_page_only(struct ktest *t)
{
	struct mm_struct *mm = test_anon_mm(BASE, 2);
	unsigned long next = BASE + PAGE_SIZE, flags;
	char byte = 'w';
	pte_t *pte, *next_pte;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, next, FAULT_FLAG_WRITE), 0);
	pte = follow_pte(mm, BASE);
	next_pte = follow_pte(mm, next);
	switch_mm(mm);
	flags = arch_local_irq_save();
	KTEST_EXPECT_EQ(t, raw_copy_to_user((void *)BASE, &byte, 1), 0);
	KTEST_EXPECT_EQ(t, raw_copy_to_user((void *)next, &byte, 1), 0);
	set_pte(pte, pte_wrprotect(*pte));
	set_pte(next_pte, pte_wrprotect(*next_pte));
	flush_tlb_mm_range(mm, BASE, BASE + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, raw_copy_to_user((void *)BASE, &byte, 1), 1);
	KTEST_EXPECT_EQ(t, raw_copy_to_user((void *)next, &byte, 1), 0);
	__tlb_flush_local();
	KTEST_EXPECT_EQ(t, raw_copy_to_user((void *)next, &byte, 1), 1);
	arch_local_irq_restore(flags);
	switch_mm(NULL);
	mmput(mm);
}

KTEST_SUITE(kernel_pgtable, KTEST_CASE(text_is_read_only),
	    KTEST_CASE(rodata_is_read_only), KTEST_CASE(data_is_writable),
	    KTEST_CASE(stack_guard_invalid),
	    KTEST_CASE(kernel_not_in_user_space),
	    KTEST_CASE(fresh_tables_are_invalid),
	    KTEST_CASE(segment_pair_shares_a_page),
	    KTEST_CASE(old_page_faults_until_young),
	    KTEST_CASE(null_page_is_invalid),
	    KTEST_CASE(page_flush_purges_that_page_only));
