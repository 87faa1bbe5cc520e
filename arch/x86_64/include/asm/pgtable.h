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

/* This arch has a PTE bit for special mappings (seed 003). */
#define ARCH_HAS_PTE_SPECIAL 1

#define PTE_ADDR_MASK 0x000ffffffffff000UL
#define PTRS_PER_TABLE 512
#define PMD_SIZE (1UL << 21)
/* The top table's lower half maps user space, its upper half the kernel. */
#define USER_PTRS_PER_PGD (PTRS_PER_TABLE / 2)

typedef u64 pte_t;
typedef u64 pgd_t;
typedef u64 pgprot_t;

/* The index of va's entry in its table of the given level (0: PTEs). */
static inline unsigned int pgtable_index(unsigned long va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (PTRS_PER_TABLE - 1);
}

/*
 * The entry for va at level in the tables under top, making missing tables
 * with alloc (with table_flags) if it is not NULL; NULL if one is missing.
 */
u64 *pgtable_walk(u64 *top, unsigned long va, int level, void *(*alloc)(void),
		  u64 table_flags);

#define PAGE_KERNEL_TEXT (_PAGE_PRESENT)
#define PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_NX)
#define PAGE_KERNEL (_PAGE_PRESENT | _PAGE_RW | _PAGE_NX)
/*
 * Device memory is never cached: a store must reach the device, a load
 * must ask it.  (On a PC the firmware's MTRRs also make the PCI hole
 * uncached; the PTE says so itself, as Linux's pgprot_noncached does.)
 */
#define PAGE_KERNEL_IO (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

/*
 * The entry that decides how va is mapped in the kernel page table: the leaf
 * (a 4 KiB PTE or a 2 MiB PD entry), or the first non-present entry on the
 * way down.  Check _PAGE_PRESENT before the other bits.
 */
u64 *lookup_kernel_address(unsigned long va);

struct mm_struct;
struct page;

/*
 * Map page at kernel address va (outside the direct map), read-write, not
 * executable; 0 or -ENOMEM.  The unmap returns the page that was there.
 */
int map_kernel_page(unsigned long va, struct page *page);
struct page *unmap_kernel_page(unsigned long va);

/* A process's top table, with the kernel half filled in; NULL if no memory. */
pgd_t *pgd_alloc(void);
/* Free the page tables of the user half (not the pages they map). */
void pgd_free(pgd_t *pgd);
/* The PTE for a user address: NULL if a table is missing (or, for the
 * _alloc form, could not be allocated). */
pte_t *pte_offset(pgd_t *pgd, unsigned long addr);
pte_t *pte_offset_alloc(pgd_t *pgd, unsigned long addr);
/* Free the page tables of [start, end) left empty (after an munmap). */
void free_pgd_range(pgd_t *pgd, unsigned long start, unsigned long end);
/* Call fn for every user PTE that is not none, in address order (audits). */
void walk_user_ptes(pgd_t *pgd,
		    void (*fn)(unsigned long addr, pte_t pte, void *arg),
		    void *arg);
/*
 * A kernel address for any page frame, RAM with or without struct page or
 * device memory alike, until kunmap_local: the COW of a raw PFN copies
 * from one.  One slot, with interrupts off in between; never nested.
 */
void *kmap_local_pfn(unsigned long pfn);
void kunmap_local(void *addr);
/* The hardware rights for VM_READ/VM_WRITE/VM_EXEC. */
pgprot_t vm_get_page_prot(unsigned long vm_flags);
/* Load mm's page table (the kernel's alone if mm is NULL). */
void switch_mm(struct mm_struct *mm);

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

static inline bool pte_special(pte_t pte)
{
	return pte & _PAGE_SPECIAL;
}

static inline pte_t pte_mkspecial(pte_t pte)
{
	return pte | _PAGE_SPECIAL;
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

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	*ptep = pte;
}

static inline void flush_tlb_page(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Every non-global TLB entry, and the cached upper-level entries: reload CR3. */
static inline void flush_tlb_all(void)
{
	asm volatile("mov %%cr3, %%rax; mov %%rax, %%cr3"
		     :
		     :
		     : "rax", "memory");
}

#endif
