/* SPDX-License-Identifier: MIT */
/*
 * A walk over the page tables under a range of one VMA, level by level
 * (mm/pagewalk.c).  The walk's user says what to do with each PTE table.
 */
#ifndef _MM_PAGEWALK_H
#define _MM_PAGEWALK_H

#include <mm/mmap.h>

struct mm_walk;

struct mm_walk_ops {
	/*
	 * Called for each pmd entry that holds a PTE table, with the part
	 * [addr, end) of the range that this table maps.  Non-zero stops the
	 * walk and is what walk_page_range returns.
	 */
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long end,
			 struct mm_walk *walk);
};

struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	void *private; /* the walk's user's own */
};

/* Walk [start, end) of vma in mm; 0, or the first non-zero pmd_entry. */
int walk_page_range(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private);

#endif
