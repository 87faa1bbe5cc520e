// SPDX-License-Identifier: MIT
/*
 * The kernel page table gives each part of the image its rights: writing to
 * text or rodata faults (and the fault is caught by copy_nofault's fixup),
 * data is not executable, the stack guard page and the low identity range
 * are not mapped, and the direct map is writable but not executable.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/extable.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/mm.h>

extern const char _text[], _rodata[], _data[];
extern const char boot_stack_guard[];

static const char rodata_probe[] = "read-only";
static char data_probe[] = "writable";

static u64 entry_of(const void *addr)
{
	return *lookup_kernel_address((unsigned long)addr);
}

static void text_is_read_only(struct ktest *t)
{
	u64 pte = entry_of(_text);
	/* Write back the byte that is there: harmless if the check fails. */
	char before = *(volatile const char *)_text, byte = before;

	KTEST_EXPECT_TRUE(t, pte & _PAGE_PRESENT);
	KTEST_EXPECT_FALSE(t, pte & _PAGE_RW);
	KTEST_EXPECT_FALSE(t, pte & _PAGE_NX);
	KTEST_EXPECT_EQ(t, copy_nofault((void *)_text, &byte, 1), 1);
	KTEST_EXPECT_EQ(t, *(volatile const char *)_text, before);
}

static void rodata_is_read_only(struct ktest *t)
{
	u64 pte = entry_of(rodata_probe);
	char byte = 'X';

	KTEST_EXPECT_TRUE(t, pte & _PAGE_PRESENT);
	KTEST_EXPECT_FALSE(t, pte & _PAGE_RW);
	KTEST_EXPECT_TRUE(t, pte & _PAGE_NX);
	KTEST_EXPECT_EQ(t, copy_nofault((void *)rodata_probe, &byte, 1), 1);
	KTEST_EXPECT_STREQ(t, rodata_probe, "read-only");
}

static void data_is_writable_not_executable(struct ktest *t)
{
	u64 pte = entry_of(data_probe);
	char byte = 'W';

	KTEST_EXPECT_TRUE(t, pte & _PAGE_RW);
	KTEST_EXPECT_TRUE(t, pte & _PAGE_NX);
	KTEST_EXPECT_EQ(t, copy_nofault(data_probe, &byte, 1), 0);
	KTEST_EXPECT_EQ(t, data_probe[0], 'W');
	data_probe[0] = 'w';
}

static void stack_guard_unmapped(struct ktest *t)
{
	char byte;

	KTEST_EXPECT_FALSE(t, entry_of(boot_stack_guard) & _PAGE_PRESENT);
	KTEST_EXPECT_EQ(t, copy_nofault(&byte, boot_stack_guard + 100, 1), 1);
	/* The page above it is the bottom of the stack, and mapped. */
	KTEST_EXPECT_TRUE(t, entry_of(boot_stack_guard + PAGE_SIZE) &
				     _PAGE_PRESENT);
}

static void no_identity_map(struct ktest *t)
{
	char byte;

	KTEST_EXPECT_FALSE(t,
			   entry_of((void *)KERNEL_PHYS_BASE) & _PAGE_PRESENT);
	KTEST_EXPECT_EQ(t, copy_nofault(&byte, NULL, 1), 1);
}

static void direct_map_rights(struct ktest *t)
{
	void *p = get_zeroed_page();
	u64 pte;

	KTEST_ASSERT_NOT_NULL(t, p);
	pte = entry_of(p);
	KTEST_EXPECT_TRUE(t, pte & _PAGE_RW);
	KTEST_EXPECT_TRUE(t, pte & _PAGE_NX);
	KTEST_EXPECT_FALSE(t, pte & _PAGE_USER);
	KTEST_EXPECT_EQ(
		t, pte & PTE_ADDR_MASK & ~(PMD_SIZE - 1),
		__pa(p) & ~(PMD_SIZE - 1)); /* points at the right frame */
	free_page(p);
}

KTEST_SUITE(kernel_pgtable, KTEST_CASE(text_is_read_only),
	    KTEST_CASE(rodata_is_read_only),
	    KTEST_CASE(data_is_writable_not_executable),
	    KTEST_CASE(stack_guard_unmapped), KTEST_CASE(no_identity_map),
	    KTEST_CASE(direct_map_rights));
