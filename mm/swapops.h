/* SPDX-License-Identifier: MIT */
/*
 * Swap entries: where a swapped-out page is, as (type, offset): the swap
 * area (its index in swap_info[]) and the slot (a page-sized block of the
 * area, counted from its header at slot 0).  In memory an entry is a word,
 * the type above the offset (Linux's swp_entry_t); in a page table it is
 * a non-present PTE whose layout the arch chooses (<asm/pgtable.h>:
 * __swp_entry_to_pte, __pte_swp_type, __pte_swp_offset), since only the
 * arch knows which bits of a non-present PTE its MMU leaves alone.
 *
 * A PTE is one of three things: none (never touched, or zapped), present
 * (a page, or PROT_NONE's page), or a swap entry: anything else.
 */
#ifndef _MM_SWAPOPS_H
#define _MM_SWAPOPS_H

#include <asm/pgtable.h>
#include <kernel/types.h>

typedef struct {
	unsigned long val;
} swp_entry_t;

#define SWP_TYPE_SHIFT_WORD (sizeof(unsigned long) * 8 - MAX_SWAPFILES_SHIFT)
#define SWP_OFFSET_MASK ((1UL << SWP_TYPE_SHIFT_WORD) - 1)

static inline swp_entry_t swp_entry(unsigned int type, unsigned long offset)
{
	return (swp_entry_t){ ((unsigned long)type << SWP_TYPE_SHIFT_WORD) |
			      (offset & SWP_OFFSET_MASK) };
}

static inline unsigned int swp_type(swp_entry_t entry)
{
	return entry.val >> SWP_TYPE_SHIFT_WORD;
}

static inline unsigned long swp_offset(swp_entry_t entry)
{
	return entry.val & SWP_OFFSET_MASK;
}

static inline bool is_swap_pte(pte_t pte)
{
	return !pte_none(pte) && !pte_present(pte);
}

static inline swp_entry_t pte_to_swp_entry(pte_t pte)
{
	return swp_entry(__pte_swp_type(pte), __pte_swp_offset(pte));
}

static inline pte_t swp_entry_to_pte(swp_entry_t entry)
{
	return __swp_entry_to_pte(swp_type(entry), swp_offset(entry));
}

#endif
