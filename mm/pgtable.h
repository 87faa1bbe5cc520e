/* SPDX-License-Identifier: MIT */
/*
 * Generic helpers over the arch's page-table levels (Linux's
 * include/linux/pgtable.h): where the span of the entry holding addr ends,
 * clipped to end.  A walk over [addr, end) steps from one such boundary to
 * the next, so each step covers one entry of that level, and a missing
 * table below it is skipped whole.
 */
#ifndef _MM_PGTABLE_H
#define _MM_PGTABLE_H

#include <asm/pgtable.h>

/* end is exclusive and may be 0 (the top of the address space): compare
 * last addresses, so a boundary that wraps to 0 still counts as late. */
static inline unsigned long span_end(unsigned long addr, unsigned long end,
				     unsigned long size)
{
	unsigned long boundary = (addr + size) & ~(size - 1);

	return boundary - 1 < end - 1 ? boundary : end;
}

static inline unsigned long pgd_addr_end(unsigned long addr, unsigned long end)
{
	return span_end(addr, end, PGDIR_SIZE);
}

static inline unsigned long pud_addr_end(unsigned long addr, unsigned long end)
{
	return span_end(addr, end, PUD_SIZE);
}

static inline unsigned long pmd_addr_end(unsigned long addr, unsigned long end)
{
	return span_end(addr, end, PMD_SIZE);
}

/*
 * A level the arch folds away (32-bit ARM's two-level tables fold pud and
 * pmd into the pgd) has no table of its own: its "table" is the entry
 * above, which must never be freed as one.  Linux's macro names.
 */
#ifdef __PAGETABLE_PUD_FOLDED
#define pud_folded() true
#else
#define pud_folded() false
#endif
#ifdef __PAGETABLE_PMD_FOLDED
#define pmd_folded() true
#else
#define pmd_folded() false
#endif

#endif
