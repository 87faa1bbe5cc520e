// SPDX-License-Identifier: MIT
/*
 * User page tables: the walk to a PTE (making the tables on the way for a
 * fault), freeing the tables munmap leaves empty (free_pgd_range), freeing
 * them all with the address space (pgd_free), and a walk over every PTE in
 * use for audits (walk_user_ptes).  The top table's lower half is the
 * process's; its upper half, the kernel's, is set up by pgd_alloc in
 * arch/x86_64/pgtable.c.
 *
 * Hardware-free on purpose: the host tests build this very file (with
 * tests/host/include/asm/ for <asm/...>), so the fuzzers there run the
 * real pruning, not a stand-in.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <mm/mm.h>

/*
 * Walk from the top table towards va, down to the entry at the given level
 * (0 = the 4 KiB PTE), making missing tables with alloc (none if NULL: the
 * walk then fails).  Upper-level entries allow everything their table_flags
 * allow; the leaf entry alone decides the rights.
 */
u64 *pgtable_walk(u64 *top, unsigned long va, int level, void *(*alloc)(void),
		  u64 table_flags)
{
	u64 *table = top;

	for (int l = 3; l > level; l--) {
		u64 *entry = &table[pgtable_index(va, l)];

		if (!(*entry & _PAGE_PRESENT)) {
			void *new = alloc ? alloc() : NULL;

			if (!new)
				return NULL;
			*entry = __pa(new) | table_flags;
		}
		table = __va(*entry & PTE_ADDR_MASK);
	}
	return &table[pgtable_index(va, level)];
}

static void free_table(u64 *table, int level, unsigned int entries)
{
	for (unsigned int i = 0; level > 0 && i < entries; i++)
		if (table[i] & _PAGE_PRESENT)
			free_table(__va(table[i] & PTE_ADDR_MASK), level - 1,
				   PTRS_PER_TABLE);
	free_page(table);
}

void pgd_free(pgd_t *pgd)
{
	free_table(pgd, 3, USER_PTRS_PER_PGD);
}

/*
 * Free the tables below table (a table of the given level, its first entry
 * mapping base) that hold nothing, where they lie in [start, end).  True if
 * table itself is now empty.  Only present tables are visited, so the cost
 * follows what is mapped, not the size of the range.
 */
static bool prune_tables(u64 *table, int level, unsigned long base,
			 unsigned long start, unsigned long end, bool *freed)
{
	unsigned long span = 1UL << (PAGE_SHIFT + 9 * level);
	bool empty = true;

	for (unsigned int i = 0; i < PTRS_PER_TABLE; i++) {
		unsigned long lo = base + i * span;
		u64 *e = &table[i];

		if (!*e)
			continue;
		if (level > 0 && lo < end && lo + span > start &&
		    prune_tables(__va(*e & PTE_ADDR_MASK), level - 1, lo, start,
				 end, freed)) {
			free_page(__va(*e & PTE_ADDR_MASK));
			*e = 0;
			*freed = true;
			continue;
		}
		empty = false;
	}
	return empty;
}

void free_pgd_range(pgd_t *pgd, unsigned long start, unsigned long end)
{
	unsigned long span = 1UL << (PAGE_SHIFT + 9 * 3);
	bool freed = false;

	for (unsigned int i = 0; i < USER_PTRS_PER_PGD; i++) {
		unsigned long lo = i * span;

		if (pgd[i] && lo < end && lo + span > start &&
		    prune_tables(__va(pgd[i] & PTE_ADDR_MASK), 2, lo, start,
				 end, &freed)) {
			free_page(__va(pgd[i] & PTE_ADDR_MASK));
			pgd[i] = 0;
		}
	}
	/* The CPU may cache upper-level entries: drop them. */
	if (freed)
		flush_tlb_all();
}

static void walk_table(u64 *table, int level, unsigned long base,
		       void (*fn)(unsigned long, pte_t, void *), void *arg)
{
	unsigned long span = 1UL << (PAGE_SHIFT + 9 * level);

	for (unsigned int i = 0; i < PTRS_PER_TABLE; i++) {
		if (!table[i])
			continue;
		if (level)
			walk_table(__va(table[i] & PTE_ADDR_MASK), level - 1,
				   base + i * span, fn, arg);
		else
			fn(base + i * span, table[i], arg);
	}
}

/*
 * What the MMU would find, table by table, rather than VMA by VMA: an audit
 * (mm/vm_audit.c) must also see a PTE that no VMA covers.
 */
void walk_user_ptes(pgd_t *pgd, void (*fn)(unsigned long, pte_t, void *),
		    void *arg)
{
	unsigned long span = 1UL << (PAGE_SHIFT + 9 * 3);

	for (unsigned int i = 0; i < USER_PTRS_PER_PGD; i++)
		if (pgd[i])
			walk_table(__va(pgd[i] & PTE_ADDR_MASK), 2, i * span,
				   fn, arg);
}

pte_t *pte_offset(pgd_t *pgd, unsigned long addr)
{
	return pgtable_walk(pgd, addr, 0, NULL, 0);
}

pte_t *pte_offset_alloc(pgd_t *pgd, unsigned long addr)
{
	return pgtable_walk(pgd, addr, 0, get_zeroed_page,
			    _PAGE_PRESENT | _PAGE_RW | _PAGE_USER);
}
