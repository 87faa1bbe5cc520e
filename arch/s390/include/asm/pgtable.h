/* SPDX-License-Identifier: MIT */
/*
 * s390x dynamic address translation (DAT), the arch side of the VM.
 *
 * z/Architecture splits a 64-bit address into five indexes: region-first,
 * region-second, region-third (11 bits each), segment (11 bits: 1 MiB a
 * segment), page (8 bits) and a 12-bit byte index.  A table of the first
 * four kinds has 2048 8-byte entries (16 KiB; its designating entry may
 * declare it shorter, in quarters), a page table has 256 (2 KiB).  Unused
 * entries are not 0 but have their invalid bit set: a zero segment entry
 * is a valid one, pointing at a page table at address 0.
 *
 * A user address space (TASK_SIZE, 128 TiB) starts at a region-second
 * table: its address-space-control element (ASCE, in CR1) says the table
 * is one quarter long (512 entries, 2 PiB), so the top table is one page.
 * Under Linux's names:
 *
 *	pgd  region-second table   4 KiB    4 TiB an entry
 *	pud  region-third table   16 KiB    2 GiB an entry
 *	pmd  segment table        16 KiB    2 MiB a pmd_t: a PAIR of entries
 *	pte  page table pair       4 KiB    4 KiB an entry
 *
 * The last line is how Pagoda allocates the 2 KiB page tables: one page
 * holds the two tables of two neighbouring segments, and a pmd_t is those
 * two segment entries (Linux did the same until 2.6.27).  So to mm/ a PTE
 * page has 512 entries over 2 MiB, as on x86_64, while the hardware sees
 * two 256-entry tables.
 *
 * There is no user/supervisor bit: the kernel is kept out of user space by
 * being in another address space (<asm/layout.h>).  Nor are there
 * accessed and dirty bits: the hardware records reference and change per
 * frame in its storage key, not per mapping.  Young is kept per PTE in
 * software, as Linux on s390 does: an old page is mapped invalid, so the
 * next access faults, and the fault makes it young and valid again
 * (pte_mkold, pte_mkyoung).  Dirty only says what the mapping was made
 * for (dirty when made writable): nothing here writes back a page that
 * has an older copy elsewhere.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/layout.h>
#include <asm/page.h>
#include <kernel/types.h>

/* Page-table entry: the hardware's bits, then the software's (56-63). */
#define _PAGE_INVALID 0x400UL /* the CPU may not use the entry */
#define _PAGE_PROTECT 0x200UL /* stores are refused */
#define _PAGE_NOEXEC 0x100UL  /* instruction fetches are refused (IEP) */
#define _PAGE_PRESENT 0x001UL /* holds a page, even if invalid (PROT_NONE) */
#define _PAGE_WRITE 0x002UL   /* the mapping allows writes */
#define _PAGE_SPECIAL 0x004UL /* no struct page to count: vm_normal_page */
#define _PAGE_YOUNG 0x008UL
#define _PAGE_DIRTY 0x010UL
#define _PAGE_READ 0x020UL /* accessible (not PROT_NONE): valid when young */
#define PTE_ADDR_MASK (~0xfffUL)

/* Region and segment entries: invalid bit, table type, table length. */
#define _REGION_ENTRY_INVALID 0x20UL
#define _REGION2_ENTRY 0x08UL	    /* type 10 */
#define _REGION3_ENTRY 0x04UL	    /* type 01 */
#define _REGION_ENTRY_LENGTH 0x03UL /* 4 quarters: the full 2048 entries */
#define _SEGMENT_ENTRY_INVALID 0x20UL
#define _SEGMENT_ENTRY_PROTECT 0x200UL
#define _SEGMENT_ORIGIN_MASK (~0x7ffUL)
#define _REGION_ORIGIN_MASK (~0xfffUL)

#define _REGION2_EMPTY (_REGION2_ENTRY | _REGION_ENTRY_INVALID)
#define _REGION3_EMPTY (_REGION3_ENTRY | _REGION_ENTRY_INVALID)

/* ASCE: table origin, designation type (region-second 10, -third 01), length. */
#define _ASCE_TYPE_REGION2 0x08UL
#define _ASCE_TYPE_REGION3 0x04UL

#ifndef NO_PTE_SPECIAL
#define ARCH_HAS_PTE_SPECIAL 1
#endif

#define CRST_ENTRIES 2048 /* region and segment tables */
#define CRST_ALLOC_ORDER 2
#define PT_HW_ENTRIES 256    /* one hardware page table */
#define USER_PGD_ENTRIES 512 /* the user ASCE's length: one quarter */

#define PMD_SHIFT 21
#define PUD_SHIFT 31
#define PGDIR_SHIFT 42
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PUD_SIZE (1UL << PUD_SHIFT)
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PTRS_PER_PTE 512
#define SEGMENT_SHIFT 20

typedef u64 pte_t;
typedef struct {
	u64 seg[2];
} pmd_t;
typedef u64 pud_t;
typedef u64 pgd_t;
typedef u64 pgprot_t;

/*
 * The kernel's own mappings: read-write, or read-only (text, rodata);
 * s390 has no no-execute bit without the instruction-execution-protection
 * facility, nor cache attributes (device memory needs none).
 */
#define PAGE_KERNEL                                                            \
	(_PAGE_PRESENT | _PAGE_READ | _PAGE_WRITE | _PAGE_YOUNG | _PAGE_DIRTY)
#define PAGE_KERNEL_RO                                                         \
	(_PAGE_PRESENT | _PAGE_READ | _PAGE_YOUNG | _PAGE_PROTECT)
#define PAGE_KERNEL_TEXT PAGE_KERNEL_RO
#define PAGE_KERNEL_IO PAGE_KERNEL

/* The kernel's PTE for va, or NULL if no page table covers it. */
u64 *lookup_kernel_address(unsigned long va);
/*
 * The functions of pgtable.c every port has.  An empty table's entries
 * are all invalid, not 0; arch_switch_mm loads mm's ASCE as the primary
 * space (CR1), or a space with no pages.
 */
#include <asm-generic/pgtable.h>

static inline unsigned int table_index(unsigned long addr, unsigned int shift,
				       unsigned int entries)
{
	return (addr >> shift) & (entries - 1);
}

static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long addr)
{
	return pgd + table_index(addr, PGDIR_SHIFT, CRST_ENTRIES);
}

#define pgd_offset(mm, addr) pgd_offset_pgd((mm)->pgd, (addr))

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return (pud_t *)__va(*pgd & _REGION_ORIGIN_MASK) +
	       table_index(addr, PUD_SHIFT, CRST_ENTRIES);
}

/* Segment entries come in pairs: the pmd_t's index counts pairs. */
static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return (pmd_t *)__va(*pud & _REGION_ORIGIN_MASK) +
	       table_index(addr, PMD_SHIFT, CRST_ENTRIES / 2);
}

static inline pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)__va(pmd->seg[0] & _SEGMENT_ORIGIN_MASK) +
	       table_index(addr, PAGE_SHIFT, PTRS_PER_PTE);
}

static inline bool pgd_none(pgd_t pgd)
{
	return pgd & _REGION_ENTRY_INVALID;
}

static inline bool pud_none(pud_t pud)
{
	return pud & _REGION_ENTRY_INVALID;
}

static inline bool pmd_none(pmd_t pmd)
{
	return pmd.seg[0] & _SEGMENT_ENTRY_INVALID;
}

static inline void pgd_clear(pgd_t *pgd)
{
	*pgd = _REGION2_EMPTY;
}

static inline void pud_clear(pud_t *pud)
{
	*pud = _REGION3_EMPTY;
}

static inline void pmd_clear(pmd_t *pmd)
{
	pmd->seg[0] = _SEGMENT_ENTRY_INVALID;
	pmd->seg[1] = _SEGMENT_ENTRY_INVALID;
}

static inline void pgd_populate(pgd_t *pgd, pud_t *pud)
{
	*pgd = __pa(pud) | _REGION2_ENTRY | _REGION_ENTRY_LENGTH;
}

static inline void pud_populate(pud_t *pud, pmd_t *pmd)
{
	*pud = __pa(pmd) | _REGION3_ENTRY | _REGION_ENTRY_LENGTH;
}

/* The page's first 2 KiB are the even segment's table, the rest the odd's. */
static inline void pmd_populate(pmd_t *pmd, pte_t *pte)
{
	pmd->seg[0] = __pa(pte);
	pmd->seg[1] = __pa(pte + PT_HW_ENTRIES);
}

static inline bool pte_present(pte_t pte)
{
	return pte & _PAGE_PRESENT;
}

static inline bool pte_write(pte_t pte)
{
	return pte & _PAGE_WRITE;
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
	return pte == _PAGE_INVALID;
}

/*
 * No memory types: s390 reaches a PCI device's memory through its PCI
 * load and store instructions, never through a mapping.
 */
static inline pgprot_t pgprot_device(pgprot_t prot)
{
	return prot;
}

/* mprotect's new rights for a PTE: the frame and the special mark stay. */
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return (pte & (PTE_ADDR_MASK | _PAGE_SPECIAL)) | prot;
}

/* The hardware's protection bit follows the software write bit. */
static inline pte_t pte_wrprotect(pte_t pte)
{
	return (pte & ~_PAGE_WRITE) | _PAGE_PROTECT;
}

static inline pte_t pte_mkwrite(pte_t pte)
{
	return (pte & ~_PAGE_PROTECT) | _PAGE_WRITE | _PAGE_DIRTY;
}

static inline bool pte_dirty(pte_t pte)
{
	return pte & _PAGE_DIRTY;
}

static inline bool pte_young(pte_t pte)
{
	return pte & _PAGE_YOUNG;
}

/*
 * Reclaim's second chance forgets the access.  The CPU has no bit to set
 * on the next one (its reference bit is the frame's, in the storage key),
 * so an old page is made invalid: the access faults, and handle_mm_fault
 * makes the PTE young again, which re-arms the second chance each scan.
 */
static inline pte_t pte_mkold(pte_t pte)
{
	return (pte & ~_PAGE_YOUNG) | _PAGE_INVALID;
}

/* Valid again, unless the mapping is PROT_NONE (invalid for its own sake). */
static inline pte_t pte_mkyoung(pte_t pte)
{
	pte |= _PAGE_YOUNG;
	return pte & _PAGE_READ ? pte & ~_PAGE_INVALID : pte;
}

/*
 * A swap entry in a PTE (reclaim put the page in a swap area): invalid to
 * the CPU (_PAGE_INVALID), not present to the VM (_PAGE_PRESENT clear),
 * and never the empty PTE (which is _PAGE_INVALID alone: slot 0, the
 * area's header, is never handed out).  Bits 1-5: the type; the offset
 * where the frame's address goes.
 */
#define MAX_SWAPFILES_SHIFT 5
#define SWP_OFFSET_BITS 40

static inline pte_t __swp_entry_to_pte(unsigned int type, unsigned long offset)
{
	return _PAGE_INVALID | ((pte_t)type << 1) |
	       ((pte_t)offset << PAGE_SHIFT);
}

static inline unsigned int __pte_swp_type(pte_t pte)
{
	return (pte >> 1) & ((1U << MAX_SWAPFILES_SHIFT) - 1);
}

static inline unsigned long __pte_swp_offset(pte_t pte)
{
	return (pte & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	*ptep = pte;
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	*ptep = _PAGE_INVALID;
}

/* PURGE TLB: this CPU forgets every translation, of every space. */
static inline void __tlb_flush_local(void)
{
	asm volatile("ptlb" : : : "memory");
}

/*
 * INVALIDATE PAGE TABLE ENTRY: set the entry's invalid bit and purge the
 * translations made from it, as one operation, which is how s390 wants an
 * entry the TLB may hold to be changed.  Its operands are the origin of
 * the 2 KiB hardware page table holding the entry and the virtual address
 * (QEMU uses the whole address, not only its page index).
 */
static inline void __ptep_ipte(unsigned long addr, pte_t *ptep)
{
	unsigned long pto = __pa(ptep) & ~(PT_HW_ENTRIES * sizeof(pte_t) - 1);

	asm volatile("ipte %0, %1" : : "a"(pto), "a"(addr) : "memory");
}

/*
 * The TLB forgets the one page at addr, whose entry the caller has just
 * changed (mm/ stores first, then flushes): IPTE purges it, and the new
 * entry, which IPTE made invalid, is stored again.
 */
static inline void flush_tlb_pte(unsigned long addr, pte_t *ptep)
{
	pte_t entry = *ptep;

	__ptep_ipte(addr, ptep);
	set_pte(ptep, entry);
}

#endif
