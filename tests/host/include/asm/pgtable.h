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
typedef u64 pgd_t;
typedef u64 pgprot_t;

/* x86_64's table geometry: arch/x86_64/pgtable_user.c is built here too. */
#define PTE_ADDR_MASK 0x000ffffffffff000UL
#define PTRS_PER_TABLE 512
#define USER_PTRS_PER_PGD (PTRS_PER_TABLE / 2)

static inline unsigned int pgtable_index(unsigned long va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (PTRS_PER_TABLE - 1);
}

u64 *pgtable_walk(u64 *top, unsigned long va, int level, void *(*alloc)(void),
		  u64 table_flags);

#define _PAGE_PRESENT 0x1UL
#define _PAGE_RW 0x2UL
#define _PAGE_USER 0x4UL
#define _PAGE_SPECIAL 0x200UL
#define _PAGE_PROTNONE 0x400UL

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

static inline bool pte_special(pte_t pte)
{
#ifdef ARCH_HAS_PTE_SPECIAL
	return pte & _PAGE_SPECIAL;
#else
	return false;
#endif
}

static inline pte_t pte_mkspecial(pte_t pte)
{
#ifdef ARCH_HAS_PTE_SPECIAL
	return pte | _PAGE_SPECIAL;
#else
	return pte;
#endif
}

static inline bool pte_none(pte_t pte)
{
	return pte == 0;
}

static inline bool pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
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

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	*ptep = pte;
}

static inline void flush_tlb_page(unsigned long addr)
{
	(void)addr;
}

static inline void flush_tlb_all(void)
{
}

/* Every frame of the arena, with struct page or not, is in reach. */
static inline void *kmap_local_pfn(unsigned long pfn)
{
	return (void *)((pfn << PAGE_SHIFT) + host_phys_offset);
}

static inline void kunmap_local(void *addr)
{
	(void)addr;
}

/*
 * x86_64's own user page tables (arch/x86_64/pgtable_user.c); pgd_alloc,
 * vm_get_page_prot and switch_mm are stand-ins in tests/host/vm_host.c.
 */
struct mm_struct;
pgd_t *pgd_alloc(void);
void pgd_free(pgd_t *pgd);
pte_t *pte_offset(pgd_t *pgd, unsigned long addr);
pte_t *pte_offset_alloc(pgd_t *pgd, unsigned long addr);
void free_pgd_range(pgd_t *pgd, unsigned long start, unsigned long end);
void walk_user_ptes(pgd_t *pgd,
		    void (*fn)(unsigned long addr, pte_t pte, void *arg),
		    void *arg);
pgprot_t vm_get_page_prot(unsigned long vm_flags);
void switch_mm(struct mm_struct *mm);

#endif
