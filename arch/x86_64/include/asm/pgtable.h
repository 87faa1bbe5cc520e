/* SPDX-License-Identifier: MIT */
/*
 * x86_64 4-level page tables: PML4 -> PDPT -> PD -> PT, 512 8-byte entries
 * each, 9 bits of the virtual address per level above a 12-bit page offset.
 * This is the arch side of the VM: PTE bits and accessors (pte_special and
 * friends), the walks, TLB flushes and switch_mm that mm/ uses.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/layout.h>
#include <asm/page.h>
#include <kernel/types.h>

#define _PAGE_PRESENT (1UL << 0)
#define _PAGE_RW (1UL << 1)
#define _PAGE_USER (1UL << 2)
#define _PAGE_PWT (1UL << 3)	  /* write-through */
#define _PAGE_PCD (1UL << 4)	  /* cache disable */
#define _PAGE_ACCESSED (1UL << 5) /* set by the CPU on any access */
#define _PAGE_DIRTY (1UL << 6)	  /* set by the CPU on a write */
#define _PAGE_PSE (1UL << 7)	  /* in a PD entry: a 2 MiB page */
/*
 * Bit 9 is one the CPU ignores and leaves to software.  Pagoda, as Linux,
 * uses it to mark a "special" PTE: one that maps a page frame the VM must
 * not reference-count (the zero page, device memory).  See vm_normal_page().
 */
#define _PAGE_SPECIAL (1UL << 9)
/*
 * PROT_NONE: x86 cannot map a page yet forbid reading it, so such a PTE has
 * the present bit clear -- every access faults -- and this software bit set
 * to say it still holds a page (Linux's _PAGE_PROTNONE).
 */
#define _PAGE_PROTNONE (1UL << 10)
#define _PAGE_NX (1UL << 63)

/*
 * This arch has a PTE bit for special mappings (seed 003) -- unless built
 * with PTE_SPECIAL=n (NO_PTE_SPECIAL, mm/ only: see the Makefile), which
 * makes the VM run on the VMA-based rules of vm_normal_page, as on 32-bit
 * ARM: no PTE is ever marked, and none reads as special.
 */
#ifndef NO_PTE_SPECIAL
#define ARCH_HAS_PTE_SPECIAL 1
#endif

#define PTE_ADDR_MASK 0x000ffffffffff000UL
#define PTRS_PER_TABLE 512

/*
 * The levels under Linux's names: a pgd entry covers 512 GiB, a pud entry
 * 1 GiB, a pmd entry 2 MiB, a pte 4 KiB.  (Linux has a p4d level between
 * pgd and pud that is folded away with 4-level tables; so it is here.)
 */
#define PMD_SHIFT 21
#define PUD_SHIFT 30
#define PGDIR_SHIFT 39
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PUD_SIZE (1UL << PUD_SHIFT)
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PTRS_PER_PTE PTRS_PER_TABLE

typedef u64 pte_t;
typedef u64 pmd_t;
typedef u64 pud_t;
typedef u64 pgd_t;
typedef u64 pgprot_t;

/* An entry pointing at a user page table: the leaf PTE alone decides the
 * rights, so the levels above allow everything. */
#define _PAGE_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)

#define PAGE_KERNEL_TEXT (_PAGE_PRESENT)
#define PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_NX)
#define PAGE_KERNEL (_PAGE_PRESENT | _PAGE_RW | _PAGE_NX)
/*
 * Device memory is never cached: a store must reach the device, a load
 * must ask it.  (On a PC the firmware's MTRRs also make the PCI hole
 * uncached; the PTE says so itself, as Linux's pgprot_noncached does.)
 */
#define PAGE_KERNEL_IO (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

/* A device's frames in user space, uncached as PAGE_KERNEL_IO maps them. */
static inline pgprot_t pgprot_device(pgprot_t prot)
{
	return prot | _PAGE_PCD | _PAGE_PWT;
}

/*
 * What mprotect's new rights leave as it was: the frame, the special mark,
 * the memory type (Linux's _PAGE_CHG_MASK, less the accessed and dirty
 * bits, which the new rights give afresh).
 */
#define _PAGE_CHG_MASK (PTE_ADDR_MASK | _PAGE_SPECIAL | _PAGE_PCD | _PAGE_PWT)

static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return (pte & _PAGE_CHG_MASK) | (prot & ~_PAGE_CHG_MASK);
}

/*
 * The entry that decides how va is mapped in the kernel page table: the leaf
 * (a 4 KiB PTE or a 2 MiB PD entry), or the first non-present entry on the
 * way down.  Check _PAGE_PRESENT before the other bits.
 */
u64 *lookup_kernel_address(unsigned long va);

/* The functions of pgtable.c every port has; each table is one zeroed page. */
#include <asm-generic/pgtable.h>
/* The physical address of the kernel's own top table (for CR3). */
unsigned long read_kernel_cr3(void);

/*
 * The walk, one level at a time, in Linux's names: pgd_offset gives the top
 * entry for an address, pud_offset/pmd_offset/pte_offset_map the entry in
 * the table the one above points to.  pXd_none says no table is there (the
 * walk skips the whole span of that entry); pXd_populate hangs a fresh,
 * zeroed table under an empty entry.  mm/ walks user addresses only.
 *
 * A virtual address, as the walk (and the MMU) cuts it: 9 + 9 + 9 + 9 + 12.
 *
 *   63       48 47      39 38      30 29      21 20      12 11           0
 *  +-----------+----------+----------+----------+----------+-------------+
 *  | copies of | pgd      | pud      | pmd      | pte      | byte in     |
 *  | bit 47    | index    | index    | index    | index    | the page    |
 *  +-----------+----------+----------+----------+----------+-------------+
 *               PGDIR_SHIFT PUD_SHIFT  PMD_SHIFT  PAGE_SHIFT
 *
 * Each index is table_index(addr, shift): 9 bits, one of 512 entries.  The
 * top 16 bits must repeat bit 47 (a canonical address): the lower half,
 * below 0x0000800000000000, is user space's, the upper half the kernel's.
 */
static inline unsigned int table_index(unsigned long addr, unsigned int shift)
{
	return (addr >> shift) & (PTRS_PER_TABLE - 1);
}

static inline u64 *table_below(u64 entry)
{
	return __va(entry & PTE_ADDR_MASK);
}

static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long addr)
{
	return pgd + table_index(addr, PGDIR_SHIFT);
}

#define pgd_offset(mm, addr) pgd_offset_pgd((mm)->pgd, (addr))

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return table_below(*pgd) + table_index(addr, PUD_SHIFT);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return table_below(*pud) + table_index(addr, PMD_SHIFT);
}

static inline pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr)
{
	return table_below(*pmd) + table_index(addr, PAGE_SHIFT);
}

static inline bool pgd_none(pgd_t pgd)
{
	return pgd == 0;
}

static inline bool pud_none(pud_t pud)
{
	return pud == 0;
}

static inline bool pmd_none(pmd_t pmd)
{
	return pmd == 0;
}

static inline void pgd_clear(pgd_t *pgd)
{
	*pgd = 0;
}

static inline void pud_clear(pud_t *pud)
{
	*pud = 0;
}

static inline void pmd_clear(pmd_t *pmd)
{
	*pmd = 0;
}

static inline void pgd_populate(pgd_t *pgd, pud_t *pud)
{
	*pgd = __pa(pud) | _PAGE_TABLE;
}

static inline void pud_populate(pud_t *pud, pmd_t *pmd)
{
	*pud = __pa(pmd) | _PAGE_TABLE;
}

static inline void pmd_populate(pmd_t *pmd, pte_t *pte)
{
	*pmd = __pa(pte) | _PAGE_TABLE;
}

/* Holds a page, even if the CPU may not touch it (PROT_NONE). */
static inline bool pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline bool pte_write(pte_t pte)
{
	return pte & _PAGE_RW;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((pte_t)pfn << PAGE_SHIFT) | prot;
}

static inline bool pte_none(pte_t pte)
{
	return pte == 0;
}

/*
 * A swap entry in a PTE (reclaim put the page in a swap area): a PTE the
 * MMU ignores, since its present bit is clear, which software reads as
 * "swapped out, at this type (area) and offset (slot)".  The present and
 * PROTNONE bits stay clear so that pte_present is false, and a swap entry
 * is never 0 (slot 0 is the area's header, never handed out), so neither
 * is it pte_none.  Bits 1-5: the type; bits 12-51: the offset (where a
 * frame number would be).  Linux's x86_64 stores the offset inverted, so a
 * speculative access through the entry (L1TF) points at no real memory;
 * a teaching kernel keeps it plain.
 */
#define SWP_TYPE_SHIFT 1
#define MAX_SWAPFILES_SHIFT 5
#define SWP_OFFSET_BITS 40

static inline pte_t __swp_entry_to_pte(unsigned int type, unsigned long offset)
{
	return ((pte_t)type << SWP_TYPE_SHIFT) | ((pte_t)offset << PAGE_SHIFT);
}

static inline unsigned int __pte_swp_type(pte_t pte)
{
	return (pte >> SWP_TYPE_SHIFT) & ((1U << MAX_SWAPFILES_SHIFT) - 1);
}

static inline unsigned long __pte_swp_offset(pte_t pte)
{
	return (pte & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return pte & ~_PAGE_RW;
}

static inline pte_t pte_mkwrite(pte_t pte)
{
	return pte | _PAGE_RW;
}

static inline bool pte_dirty(pte_t pte)
{
	return pte & _PAGE_DIRTY;
}

static inline bool pte_young(pte_t pte)
{
	return pte & _PAGE_ACCESSED;
}

/* Reclaim's second chance: forget the access; the CPU sets it again. */
static inline pte_t pte_mkold(pte_t pte)
{
	return pte & ~_PAGE_ACCESSED;
}

static inline pte_t pte_mkyoung(pte_t pte)
{
	return pte | _PAGE_ACCESSED;
}

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	*ptep = pte;
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	*ptep = 0;
}

#endif
