/* SPDX-License-Identifier: MIT */
/*
 * ARMv7-A short-descriptor page tables (ARM ARM B3.5): a first-level table
 * of 4096 4-byte entries, one per MiB, each a 1 MiB section or a pointer to
 * a second-level table of 256 small-page entries (4 KiB each).  mm/ walks
 * four levels (pgd, pud, pmd, pte); here, as in Linux's 2-level ARM code,
 * the pud and pmd are folded into the pgd: their "tables" are the pgd entry
 * itself, they are never none, and populating or freeing them does nothing
 * (__PAGETABLE_PUD_FOLDED, __PAGETABLE_PMD_FOLDED tell mm/ so).
 *
 * A second-level table is 1 KiB, but mm/ gives every table a page of its
 * own (get_zeroed_page, freed as a page): the rest of that page is unused.
 *
 * The PTE mm/ sees IS the hardware small-page descriptor; there is no
 * software copy beside it (Linux keeps one, in the same page), hence few
 * spare bits:
 *  - no special bit: ARCH_HAS_PTE_SPECIAL is not defined, so vm_normal_page
 *    decides from the VMA (seeds 000 and 003) -- the reason this port is
 *    in the tree;
 *  - no hardware accessed bit (the Access Flag scheme is off, SCTLR.AFE =
 *    0), so young is emulated the way Linux's ARM code does it: an old
 *    page's entry is made a fault entry for the walker (bits 1:0 = 00),
 *    with a software bit, L2_OLD, saying a page is still behind it.  The
 *    next access takes a translation fault; handle_mm_fault finds the PTE
 *    present but old and makes it young again (pte_mkyoung): valid for the
 *    MMU, nothing else changed.  Reclaim's second chance (mm/vmscan.c)
 *    thus sees every access since its last look, as on x86_64;
 *  - no dirty bit: pte_dirty answers "yes" for every mapped page, the safe
 *    answer (reclaim writes every anonymous page it evicts anyway);
 *  - PROT_NONE is a valid small-page entry with AP = 000 (no access at
 *    PL0 or PL1): the MMU refuses every access, kernel's too, while
 *    pte_present still says the entry holds a page, as x86's PROTNONE bit.
 *
 * Access permissions (SCTLR.AFE = 0, ARM ARM table B3-8), AP[2] is bit 9:
 *   AP 001 kernel read-write, user none     (kernel data)
 *   AP 101 kernel read-only, user none      (kernel text and rodata)
 *   AP 011 read-write for both              (user, writable)
 *   AP 111 read-only for both               (user, read-only or COW):
 * the kernel's own writes obey a read-only user page too, so copy_to_user
 * into a COW page faults and copies, as CR0.WP makes x86 do.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/layout.h>
#include <asm/page.h>
#include <kernel/types.h>

/* Second-level small-page descriptor bits. */
#define L2_XN (1UL << 0)
#define L2_SMALL (1UL << 1) /* the type: a 4 KiB page */
#define L2_B (1UL << 2)
#define L2_C (1UL << 3)
#define L2_AP0 (1UL << 4)
#define L2_AP1 (1UL << 5)
#define L2_TEX0 (1UL << 6)
#define L2_APX (1UL << 9) /* AP[2]: read-only */
#define L2_S (1UL << 10)  /* shareable */

/*
 * Software bits of an old entry (bits 1:0 = 00: the walker ignores the
 * rest).  TEX[2:1] are never set in a valid entry here (the memory types
 * below use TEX[0] alone), and a swap entry keeps them clear (its type is
 * in bits 2-6), so L2_OLD tells an old page from a swap entry.  XN moves
 * to L2_OLD_XN while the entry is old: bits 1:0 = 01 would be a valid
 * 64 KiB large-page descriptor.
 */
#define L2_OLD (1UL << 7)
#define L2_OLD_XN (1UL << 8)

/*
 * Memory types with TEX remapping off: normal memory write-back
 * write-allocate (TEX 001, C, B), shareable so that a second core (parked
 * today) would see the same data; device memory (TEX 000, B) for I/O.
 */
#define L2_NORMAL (L2_TEX0 | L2_C | L2_B | L2_S)
#define L2_DEVICE (L2_B)
/* The bits that make the memory type. */
#define L2_TEX (7UL << 6)
#define L2_MEMTYPE (L2_TEX | L2_C | L2_B | L2_S)

/* First-level descriptor types. */
#define L1_TYPE_MASK 3UL
#define L1_TABLE 1UL   /* points to a second-level table (bits 31:10) */
#define L1_SECTION 2UL /* maps 1 MiB (bits 31:20) */
#define L1_TABLE_ADDR_MASK 0xfffffc00UL

#define __PAGETABLE_PUD_FOLDED 1
#define __PAGETABLE_PMD_FOLDED 1

#define PTE_ADDR_MASK 0xfffff000UL
#define PTRS_PER_PGD 4096
#define PTRS_PER_PTE 256
#define PGDIR_SHIFT 20
#define PUD_SHIFT PGDIR_SHIFT
#define PMD_SHIFT PGDIR_SHIFT
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PUD_SIZE PGDIR_SIZE
#define PMD_SIZE PGDIR_SIZE

typedef u32 pte_t;
typedef u32 pmd_t;
typedef u32 pud_t;
typedef u32 pgd_t;
typedef u32 pgprot_t;

#define PAGE_KERNEL (L2_SMALL | L2_NORMAL | L2_AP0 | L2_XN)
#define PAGE_KERNEL_RO (L2_SMALL | L2_NORMAL | L2_APX | L2_AP0 | L2_XN)
#define PAGE_KERNEL_TEXT (L2_SMALL | L2_NORMAL | L2_APX | L2_AP0)
#define PAGE_KERNEL_IO (L2_SMALL | L2_DEVICE | L2_AP0 | L2_XN)

/* The user access bits: both set means "user may at least read". */
#define L2_AP_USER (L2_AP0 | L2_AP1)
#define L2_AP_MASK (L2_APX | L2_AP_USER)

/*
 * The second-level entry that maps va in the kernel's table, or the
 * first-level entry when a section maps it or nothing does.  A section
 * entry has L1_SECTION in its type bits; check those first.
 */
u32 *lookup_kernel_address(unsigned long va);

/*
 * The functions of pgtable.c every port has.  A second-level table gets a
 * page (pte_alloc_one); pud and pmd are folded, so mm/ never asks for
 * theirs (pgd_none and pud_none are false).
 */
#include <asm-generic/pgtable.h>

/* Make the instructions in a page that is being mapped executable visible. */
void flush_icache_pte(pte_t pte);

/* The walk: pud and pmd are the pgd entry itself. */
static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long addr)
{
	return pgd + (addr >> PGDIR_SHIFT);
}

#define pgd_offset(mm, addr) pgd_offset_pgd((mm)->pgd, (addr))

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return pgd;
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return pud;
}

static inline pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr)
{
	pte_t *table = __va(*pmd & L1_TABLE_ADDR_MASK);

	return table + ((addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1));
}

static inline bool pgd_none(pgd_t pgd)
{
	return false;
}

static inline bool pud_none(pud_t pud)
{
	return false;
}

static inline bool pmd_none(pmd_t pmd)
{
	return pmd == 0;
}

static inline void pgd_clear(pgd_t *pgd)
{
}

static inline void pud_clear(pud_t *pud)
{
}

/*
 * Changing a first-level entry: the table walker reads memory through the
 * data cache (TTBR0 says write-back cacheable, ARM ARM B3.3.5), so a dsb
 * makes the store visible to it, and the isb orders what follows.
 */
static inline void pmd_clear(pmd_t *pmd)
{
	*pmd = 0;
	asm volatile("dsb ishst; isb" : : : "memory");
}

static inline void pgd_populate(pgd_t *pgd, pud_t *pud)
{
}

static inline void pud_populate(pud_t *pud, pmd_t *pmd)
{
}

static inline void pmd_populate(pmd_t *pmd, pte_t *pte)
{
	*pmd = __pa(pte) | L1_TABLE;
	asm volatile("dsb ishst; isb" : : : "memory");
}

static inline bool pte_none(pte_t pte)
{
	return pte == 0;
}

/*
 * Holds a page, even one the MMU refuses every access to (PROT_NONE) or
 * an old one (invalid to the MMU until the next access faults).
 */
static inline bool pte_present(pte_t pte)
{
	return pte & (L2_SMALL | L2_OLD);
}

static inline bool pte_write(pte_t pte)
{
	return (pte & L2_AP_MASK) == L2_AP_USER;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((pte_t)pfn << PAGE_SHIFT) | prot;
}

/* Only a user-accessible entry changes: PROT_NONE (AP 000) stays as is. */
static inline pte_t pte_wrprotect(pte_t pte)
{
	return (pte & L2_AP_USER) == L2_AP_USER ? pte | L2_APX : pte;
}

static inline pte_t pte_mkwrite(pte_t pte)
{
	return (pte & L2_AP_USER) == L2_AP_USER ? pte & ~L2_APX : pte;
}

static inline bool pte_dirty(pte_t pte)
{
	return pte_present(pte);
}

/* Young: valid to the MMU, so an access may have happened unseen. */
static inline bool pte_young(pte_t pte)
{
	return pte & L2_SMALL;
}

/*
 * Old: invalid to the MMU, so the next access faults (see above).  The
 * caller flushes the TLB entry, or the MMU would go on using it.
 */
static inline pte_t pte_mkold(pte_t pte)
{
	if (!pte_young(pte))
		return pte;
	pte &= ~L2_SMALL;
	if (pte & L2_XN)
		pte ^= L2_XN | L2_OLD_XN;
	return pte | L2_OLD;
}

/*
 * Valid again.  A TLB never holds an entry that gives a translation
 * fault (ARM ARM B3.10.1), so no flush is needed, only set_pte's dsb.
 */
static inline pte_t pte_mkyoung(pte_t pte)
{
	if (!(pte & L2_OLD))
		return pte;
	pte &= ~L2_OLD;
	if (pte & L2_OLD_XN)
		pte ^= L2_XN | L2_OLD_XN;
	return pte | L2_SMALL;
}

/*
 * Device memory (Device or Strongly-ordered: TEX 000, C 0) is never
 * executed: a fetch from it is UNPREDICTABLE in ARMv7, and XN also keeps
 * the processor's speculative fetches off it.
 */
static inline pgprot_t l2_device_xn(pgprot_t prot)
{
	return prot & (L2_TEX | L2_C) ? prot : prot | L2_XN;
}

/*
 * A device's frames mapped into user space (remap_pfn_range of a PCI BAR):
 * shareable Device memory, as the kernel's ioremap maps them, so that
 * every load and store reaches the device, in order, uncached and
 * unmerged -- not Normal cacheable memory, which may be read ahead,
 * cached and written back late.  Linux's pgprot_device.
 */
static inline pgprot_t pgprot_device(pgprot_t prot)
{
	return l2_device_xn((prot & ~L2_MEMTYPE) | L2_DEVICE);
}

/* mprotect's new rights for a PTE: its frame and memory type stay. */
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	pte = pte_mkyoung(pte) & (PTE_ADDR_MASK | L2_MEMTYPE);
	return l2_device_xn(pte | (prot & ~L2_MEMTYPE));
}

/*
 * A swap entry in a PTE: bits 1:0 = 00 make it a fault entry the walker
 * ignores, L2_OLD clear makes pte_present false, and it is never 0, slot
 * 0 being the area's header.  Bits 2-6: the type; bits 12-31: the offset.
 */
#define MAX_SWAPFILES_SHIFT 5
#define SWP_OFFSET_BITS 20

static inline pte_t __swp_entry_to_pte(unsigned int type, unsigned long offset)
{
	return ((pte_t)type << 2) | ((pte_t)offset << PAGE_SHIFT);
}

static inline unsigned int __pte_swp_type(pte_t pte)
{
	return (pte >> 2) & ((1U << MAX_SWAPFILES_SHIFT) - 1);
}

static inline unsigned long __pte_swp_offset(pte_t pte)
{
	return pte >> PAGE_SHIFT;
}

/*
 * ARM ARM B3.10.1: a changed entry is visible to the walker after a dsb;
 * a page that becomes executable must first reach the instruction side
 * (B2.2.9), as after exec's copy into the page cache or a COW copy.
 */
static inline void set_pte(pte_t *ptep, pte_t pte)
{
	if ((pte & (L2_SMALL | L2_XN)) == L2_SMALL &&
	    (pte & L2_AP_USER) == L2_AP_USER)
		flush_icache_pte(pte);
	*ptep = pte;
	asm volatile("dsb ishst" : : : "memory");
}

/* An unmapped entry (zap): 0, the "none" value; the caller flushes the TLB. */
static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	set_pte(ptep, 0);
}

/*
 * TLBIMVAA (invalidate by address, all ASIDs: no ASIDs are used, see
 * switch_mm), then dsb so it has completed and isb so the next
 * instruction fetch sees it (ARM ARM B3.10.1).
 */
static inline void __flush_tlb_one(unsigned long addr)
{
	asm volatile("mcr p15, 0, %0, c8, c7, 3; dsb; isb"
		     :
		     : "r"(addr & PTE_ADDR_MASK)
		     : "memory");
}

/* TLBIALL: every entry, kernel ones too (they come back from the tables). */
static inline void __flush_tlb_all(void)
{
	asm volatile("mcr p15, 0, %0, c8, c7, 0; dsb; isb"
		     :
		     : "r"(0)
		     : "memory");
}

#endif
