/* SPDX-License-Identifier: MIT */
/*
 * The page-table functions every port implements (arch/<arch>/pgtable.c),
 * declared once for all of them (chapter 7.1).  A port's <asm/pgtable.h>
 * includes this after its own types, pgd_t to pte_t and pgprot_t, and
 * keeps only what is its own: the entries' bits and the walk's accessors.
 */
#ifndef _ASM_GENERIC_PGTABLE_H
#define _ASM_GENERIC_PGTABLE_H

struct mm_struct;
struct page;

/*
 * The special bit (seed 000, vm_normal_page): a port with a spare bit in
 * its PTEs defines ARCH_HAS_PTE_SPECIAL and _PAGE_SPECIAL before it
 * includes this.  Without one no PTE is special, and vm_normal_page uses
 * the VMA rules.
 */
#ifdef ARCH_HAS_PTE_SPECIAL
static inline bool pte_special(pte_t pte)
{
	return pte & _PAGE_SPECIAL;
}

static inline pte_t pte_mkspecial(pte_t pte)
{
	return pte | _PAGE_SPECIAL;
}
#else
static inline bool pte_special(pte_t pte)
{
	return false;
}

static inline pte_t pte_mkspecial(pte_t pte)
{
	return pte;
}
#endif

/*
 * Map page at kernel address va (outside the direct map), read-write, not
 * executable; 0 or -ENOMEM.  The unmap returns the page that was there.
 */
int map_kernel_page(unsigned long va, struct page *page);
struct page *unmap_kernel_page(unsigned long va);

/* A process's top table, with the kernel's part filled in; NULL if no memory. */
pgd_t *pgd_alloc(void);
/* Free the page tables of the user part (not the pages they map). */
void pgd_free(pgd_t *pgd);
/*
 * The tables below the top, each made empty; NULL if no memory.  mm/ frees
 * them with the matching *_free.  A folded level's are never asked for.
 */
pud_t *pud_alloc_one(void);
pmd_t *pmd_alloc_one(void);
pte_t *pte_alloc_one(void);
void pud_free(pud_t *pud);
void pmd_free(pmd_t *pmd);
void pte_free(pte_t *pte);
/* Call fn for every user PTE that is not none, in address order (audits). */
void walk_user_ptes(pgd_t *pgd,
		    void (*fn)(unsigned long addr, pte_t pte, void *arg),
		    void *arg);
/*
 * A kernel address for any page frame, RAM with or without struct page or
 * device memory alike, until kunmap_local: the COW of a raw PFN copies
 * from one.  One slot (KMAP_LOCAL_ADDR), with interrupts off in between;
 * never nested.
 */
void *kmap_local_pfn(unsigned long pfn);
void kunmap_local(void *addr);
/* The hardware rights for VM_READ/VM_WRITE/VM_EXEC. */
pgprot_t vm_get_page_prot(unsigned long vm_flags);
/*
 * Load mm's page table (the kernel's alone if mm is NULL); switch_mm
 * (kernel/smp.c) keeps the books around it.
 */
void arch_switch_mm(struct mm_struct *mm);

#endif
