/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for <asm/pgtable.h>: the PTE format and accessors the
 * host-built parts of mm/ use.  A PTE is pfn << PAGE_SHIFT plus flag bits.
 * Built twice (tests/host/host.mk): with HOST_PTE_SPECIAL the "arch" has a
 * special bit, as x86_64 and s390 do; without, it has none, as 32-bit ARM,
 * and pte_mkspecial() is a no-op -- so vm_normal_page() must use its other
 * form.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/layout.h>
#include <asm/page.h>
#include <kernel/types.h>

typedef u64 pte_t;
typedef u64 pmd_t;
typedef u64 pud_t;
typedef u64 pgd_t;
typedef u64 pgprot_t;

/* Four levels of 512 entries, as on x86_64. */
#define PMD_SHIFT 21
#define PUD_SHIFT 30
#define PGDIR_SHIFT 39
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PUD_SIZE (1UL << PUD_SHIFT)
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PTRS_PER_PTE 512

#define _PAGE_PRESENT 0x1UL
#define _PAGE_RW 0x2UL
#define _PAGE_USER 0x4UL
#define _PAGE_SPECIAL 0x200UL
#define _PAGE_PROTNONE 0x400UL
#define _PAGE_ACCESSED 0x20UL /* set only by tests: no MMU here */
#define _PAGE_PCD 0x10UL      /* a memory type, as x86's: device memory */

#ifdef HOST_PTE_SPECIAL
#define ARCH_HAS_PTE_SPECIAL 1
#endif

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((pte_t)pfn << PAGE_SHIFT) | prot;
}

static inline pgprot_t pgprot_device(pgprot_t prot)
{
	return prot | _PAGE_PCD;
}

/* mprotect keeps the frame, the special mark and the memory type. */
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	pte_t keep = ~(PAGE_SIZE - 1) | _PAGE_SPECIAL | _PAGE_PCD;

	return (pte & keep) | (prot & ~keep);
}

static inline bool pte_none(pte_t pte)
{
	return pte == 0;
}

static inline bool pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

/*
 * A swap entry in a non-present PTE: type in bits 3-7, offset where the
 * frame number goes (a layout of its own, not x86's: mm/ must go through
 * these three).
 */
#define MAX_SWAPFILES_SHIFT 5
#define SWP_OFFSET_BITS 40

static inline pte_t __swp_entry_to_pte(unsigned int type, unsigned long offset)
{
	return ((pte_t)type << 3) | ((pte_t)offset << PAGE_SHIFT);
}

static inline unsigned int __pte_swp_type(pte_t pte)
{
	return (pte >> 3) & 31;
}

static inline unsigned long __pte_swp_offset(pte_t pte)
{
	return pte >> PAGE_SHIFT;
}

static inline bool pte_write(pte_t pte)
{
	return pte & _PAGE_RW;
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return pte & ~_PAGE_RW;
}

static inline pte_t pte_mkwrite(pte_t pte)
{
	return pte | _PAGE_RW;
}

static inline bool pte_young(pte_t pte)
{
	return pte & _PAGE_ACCESSED;
}

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

struct mm_struct;
static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	*ptep = 0;
}

/*
 * The level-by-level walk, the same interface as the arch's; an upper
 * entry is the "physical" address of the table below, plus the present
 * bit.  Table allocation and freeing are in tests/host/vm_host.c.
 */
#define HOST_TABLE_ADDR 0x000ffffffffff000UL

static inline u64 *host_table_entry(u64 entry, unsigned long addr,
				    unsigned int shift)
{
	u64 *table = __va(entry & HOST_TABLE_ADDR);

	return table + ((addr >> shift) & 511);
}

static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long addr)
{
	return pgd + ((addr >> PGDIR_SHIFT) & 511);
}

#define pgd_offset(mm, addr) pgd_offset_pgd((mm)->pgd, (addr))

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return host_table_entry(*pgd, addr, PUD_SHIFT);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return host_table_entry(*pud, addr, PMD_SHIFT);
}

static inline pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr)
{
	return host_table_entry(*pmd, addr, PAGE_SHIFT);
}

static inline bool pgd_none(pgd_t pgd)
{
	return !pgd;
}

static inline bool pud_none(pud_t pud)
{
	return !pud;
}

static inline bool pmd_none(pmd_t pmd)
{
	return !pmd;
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
	*pgd = __pa(pud) | _PAGE_PRESENT;
}

static inline void pud_populate(pud_t *pud, pmd_t *pmd)
{
	*pud = __pa(pmd) | _PAGE_PRESENT;
}

static inline void pmd_populate(pmd_t *pmd, pte_t *pte)
{
	*pmd = __pa(pte) | _PAGE_PRESENT;
}

/*
 * The functions of a port's pgtable.c, those mm/ calls defined in
 * tests/host/vm_host.c (tables from the page allocator, each a zeroed
 * page; kmap_local_pfn reaching every frame of the arena).
 */
#include <asm-generic/pgtable.h>

void switch_mm(struct mm_struct *mm);

#endif
