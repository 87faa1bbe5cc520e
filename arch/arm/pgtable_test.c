// SPDX-License-Identifier: MIT
/*
 * The ARM short-descriptor PTEs that mm/ makes through the arch door
 * (asm/pgtable.h), checked bit by bit against the ARM ARM: the memory type
 * of an ordinary user page and of a device's frames (pgprot_device, which
 * drivers pass to remap_pfn_range), and the form of an old PTE (the
 * emulated accessed bit), which the MMU must refuse.
 */
#include <asm/pgtable.h>
#include <kernel/ktest.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/swap.h>

#define PFN 0x12345UL

/* TEX remapping off (SCTLR.TRE = 0): the types of ARM ARM table B3-10. */
static void memory_types(struct ktest *t)
{
	pgprot_t normal =
		vm_get_page_prot(VM_READ | VM_WRITE | VM_EXEC | VM_SHARED);
	pgprot_t device = pgprot_device(normal);

	/* Normal, write-back write-allocate (TEX 001, C, B), shareable. */
	KTEST_EXPECT_EQ(t, normal & L2_MEMTYPE, L2_TEX0 | L2_C | L2_B | L2_S);
	KTEST_EXPECT_FALSE(t, normal & L2_XN);
	/* Shareable Device (TEX 000, C 0, B 1), never executed. */
	KTEST_EXPECT_EQ(t, device & (L2_TEX | L2_C | L2_B), L2_B);
	KTEST_EXPECT_TRUE(t, device & L2_XN);
	KTEST_EXPECT_EQ(t, device & L2_AP_MASK, normal & L2_AP_MASK);
	/* mprotect keeps the type, and XN with it, whatever it grants. */
	KTEST_EXPECT_EQ(t,
			pte_modify(pfn_pte(PFN, device),
				   vm_get_page_prot(VM_READ | VM_EXEC)),
			pfn_pte(PFN, pgprot_device(vm_get_page_prot(VM_READ |
								    VM_EXEC))));
}

/* An old PTE is a fault entry for the walker, and no swap entry for mm/. */
static void old_pte_faults(struct ktest *t)
{
	pte_t young = pfn_pte(PFN, vm_get_page_prot(VM_READ));
	pte_t old = pte_mkold(young);

	KTEST_EXPECT_EQ(t, old & 3, 0); /* bits 1:0 = 00: translation fault */
	KTEST_EXPECT_TRUE(t, old & L2_OLD);
	KTEST_EXPECT_TRUE(t, old & L2_OLD_XN); /* XN, kept aside */
	KTEST_EXPECT_FALSE(t, is_swap_pte(old));
	KTEST_EXPECT_EQ(t, pte_mkyoung(old), young);
	KTEST_EXPECT_FALSE(t, swp_entry_to_pte(swp_entry(3, 7)) & L2_OLD);
}

KTEST_SUITE(arm_pgtable, KTEST_CASE(memory_types), KTEST_CASE(old_pte_faults));
