// SPDX-License-Identifier: MIT
/*
 * The kernel's own page table, built once at boot by paging_init():
 *
 *  - the direct map: every RAM range memblock knows, at PAGE_OFFSET + pa,
 *    read-write and never executable, with 2 MiB pages where alignment
 *    allows and 4 KiB pages at the ragged edges;
 *  - the kernel image at KERNEL_VIRT_BASE in 4 KiB pages, each section with
 *    its own rights: text read-only and executable, rodata read-only, data
 *    and bss read-write and not executable -- except the guard page below
 *    the boot stack, which is left unmapped.
 *
 * Nothing maps the low identity range any more, so a NULL dereference in the
 * kernel faults.  Page-table pages come from memblock: they exist before
 * mem_map does and stay reserved for good.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/panic.h>
#include <kernel/setup.h>
#include <kernel/string.h>
#include <mm/memblock.h>

extern const char _text[], _etext[], _rodata[], _erodata[], _data[], _end[];
extern const char boot_stack_guard[];

static u64 *kernel_pml4;

static u64 *alloc_table(void)
{
	phys_addr_t pa = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!pa)
		panic("paging_init: out of memory for page tables");
	return memset(__va(pa), 0, PAGE_SIZE);
}

static unsigned int table_index(unsigned long va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (PTRS_PER_TABLE - 1);
}

/*
 * The table below *entry, made on demand.  Upper levels allow everything;
 * the leaf entry alone decides the rights.
 */
static u64 *next_table(u64 *entry)
{
	if (!(*entry & _PAGE_PRESENT))
		*entry = __pa(alloc_table()) | _PAGE_PRESENT | _PAGE_RW;
	return __va(*entry & PTE_ADDR_MASK);
}

/* Map one page: level 0 is a 4 KiB page, level 1 a 2 MiB page. */
static void map_one(unsigned long va, phys_addr_t pa, u64 prot, int level)
{
	u64 *table = kernel_pml4;

	for (int l = 3; l > level; l--)
		table = next_table(&table[table_index(va, l)]);
	table[table_index(va, level)] = pa | prot | (level ? _PAGE_PSE : 0);
}

static void map_range(unsigned long va, phys_addr_t pa, unsigned long size,
		      u64 prot)
{
	BUG_ON(!IS_ALIGNED(va | pa | size, PAGE_SIZE));
	while (size) {
		bool huge = IS_ALIGNED(va | pa, PMD_SIZE) && size >= PMD_SIZE;
		unsigned long step = huge ? PMD_SIZE : PAGE_SIZE;

		map_one(va, pa, prot, huge);
		va += step;
		pa += step;
		size -= step;
	}
}

/* Sections start on a page boundary (linker.ld); the last page may be partial. */
static void map_kernel_section(const char *start, const char *end, u64 prot)
{
	map_range((unsigned long)start, __pa_symbol(start),
		  ALIGN((unsigned long)(end - start), PAGE_SIZE), prot);
}

static void map_direct(void)
{
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		phys_addr_t start = ALIGN(r->base, PAGE_SIZE);
		phys_addr_t end = ALIGN_DOWN(r->base + r->size, PAGE_SIZE);

		if (start < end)
			map_range((unsigned long)__va(start), start,
				  end - start, PAGE_KERNEL);
	}
}

void paging_init(void)
{
	kernel_pml4 = alloc_table();
	map_direct();
	map_kernel_section(_text, _etext, PAGE_KERNEL_TEXT);
	map_kernel_section(_rodata, _erodata, PAGE_KERNEL_RO);
	map_kernel_section(_data, boot_stack_guard, PAGE_KERNEL);
	map_kernel_section(boot_stack_guard + PAGE_SIZE, _end, PAGE_KERNEL);
	asm volatile("mov %0, %%cr3" : : "r"(__pa(kernel_pml4)) : "memory");
}

u64 *lookup_kernel_address(unsigned long va)
{
	u64 *table = kernel_pml4;

	for (int level = 3; level > 0; level--) {
		u64 *entry = &table[table_index(va, level)];

		if (!(*entry & _PAGE_PRESENT) || (*entry & _PAGE_PSE))
			return entry;
		table = __va(*entry & PTE_ADDR_MASK);
	}
	return &table[table_index(va, 0)];
}
