/* SPDX-License-Identifier: MIT */
/*
 * x86_64 4-level page tables: PML4 -> PDPT -> PD -> PT, 512 8-byte entries
 * each, 9 bits of the virtual address per level above a 12-bit page offset.
 * The VM issue adds the pte_t accessors mm/ uses; for now the bits serve the
 * kernel's own mappings.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <kernel/types.h>

#define _PAGE_PRESENT (1UL << 0)
#define _PAGE_RW (1UL << 1)
#define _PAGE_USER (1UL << 2)
#define _PAGE_PSE (1UL << 7) /* in a PD entry: a 2 MiB page */
#define _PAGE_NX (1UL << 63)

#define PTE_ADDR_MASK 0x000ffffffffff000UL
#define PTRS_PER_TABLE 512
#define PMD_SIZE (1UL << 21)

#define PAGE_KERNEL_TEXT (_PAGE_PRESENT)
#define PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_NX)
#define PAGE_KERNEL (_PAGE_PRESENT | _PAGE_RW | _PAGE_NX)

/*
 * The entry that decides how va is mapped in the kernel page table: the leaf
 * (a 4 KiB PTE or a 2 MiB PD entry), or the first non-present entry on the
 * way down.  Check _PAGE_PRESENT before the other bits.
 */
u64 *lookup_kernel_address(unsigned long va);

#endif
