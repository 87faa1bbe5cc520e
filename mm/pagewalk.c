// SPDX-License-Identifier: MIT
/*
 * The page-table walk that fork (copy_page_range), munmap and exit
 * (zap_page_range), mprotect (change_protection) and pmap's page counts
 * (vma_info, mm/task_mmu.c) share: pgd -> pud -> pmd, each level one loop
 * of the same shape, stepping from one entry's span to the next
 * (pXd_addr_end) and skipping an entry with no table below it (pXd_none)
 * without looking at the addresses it spans.  The cost of a walk thus
 * follows what is mapped, not the length of the range: an untouched 64 MiB
 * costs a handful of steps, not 16384 lookups from the top table.
 *
 * Linux writes these loops out once per operation (copy_pud_range,
 * zap_pmd_range, change_pmd_range ...) and has this shared form in
 * mm/pagewalk.c (walk_page_range with struct mm_walk_ops); Pagoda uses the
 * shared form for all of them, so each operation is only its PTE-level
 * loop: copy_pte_range, zap_pte_range, change_pte_range.
 *
 * The arch's level helpers (asm/pgtable.h) are the only door to the
 * tables' format; x86_64's draws there how an address splits into the four
 * indexes and the page offset (9 + 9 + 9 + 9 + 12 bits), beside the
 * pgd_offset/pud_offset/pmd_offset/pte_offset_map the loops below call.
 * Locking: as in mm/memory.c, not interrupts off (a fault may be
 * preempted half-way, chapter 10, section 10.6).  The caller keeps the
 * tables the walk passes through from being freed: it holds mm's
 * mmap_lock, or, zapping another process's mapping of a truncated file,
 * the file's i_mmap lock.  Each PTE-level loop takes the page-table lock
 * around the PTEs it changes.
 */
#include <mm/pagewalk.h>
#include <mm/pgtable.h>

static int walk_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;
	int err;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		err = walk->ops->pmd_entry(pmd, addr, next, walk);
		if (err)
			return err;
	} while (pmd++, addr = next, addr != end);
	return 0;
}

static int walk_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;
	int err;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		err = walk_pmd_range(pud, addr, next, walk);
		if (err)
			return err;
	} while (pud++, addr = next, addr != end);
	return 0;
}

int walk_page_range(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = {
		.ops = ops, .mm = mm, .vma = vma, .private = private
	};
	pgd_t *pgd = pgd_offset(mm, start);
	unsigned long addr = start, next;
	int err;

	if (start >= end)
		return 0;
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		err = walk_pud_range(pgd, addr, next, &walk);
		if (err)
			return err;
	} while (pgd++, addr = next, addr != end);
	return 0;
}
