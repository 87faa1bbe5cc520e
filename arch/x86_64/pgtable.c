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
 *    the boot stack, which is left unmapped;
 *  - the page tables of the ioremap area, empty (see <asm/layout.h>).
 *
 * Nothing maps the low identity range any more, so a NULL dereference in the
 * kernel faults.  Page-table pages come from memblock: they exist before
 * mem_map does and stay reserved for good.
 */
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/setup.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/mm.h>
#include <mm/mmap.h>

extern const char _text[], _etext[], _rodata[], _erodata[], _data[], _end[];
extern const char boot_stack_guard[];

static u64 *kernel_pml4;

static void *boot_alloc_table(void)
{
	phys_addr_t pa = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!pa)
		panic("paging_init: out of memory for page tables");
	return memset(__va(pa), 0, PAGE_SIZE);
}

static unsigned int level_index(unsigned long va, int level)
{
	return table_index(va, PAGE_SHIFT + 9 * level);
}

/*
 * Walk from the top table towards va, down to the entry at the given level
 * (0 = the 4 KiB PTE), making missing tables with alloc (none if NULL: the
 * walk then fails).  Upper-level entries allow everything their table_flags
 * allow; the leaf entry alone decides the rights.
 */
static u64 *walk(u64 *top, unsigned long va, int level, void *(*alloc)(void),
		 u64 table_flags)
{
	u64 *table = top;

	for (int l = 3; l > level; l--) {
		u64 *entry = &table[level_index(va, l)];

		if (!(*entry & _PAGE_PRESENT)) {
			void *new = alloc ? alloc() : NULL;

			if (!new)
				return NULL;
			*entry = __pa(new) | table_flags;
		}
		table = __va(*entry & PTE_ADDR_MASK);
	}
	return &table[level_index(va, level)];
}

/* Map one page: level 0 is a 4 KiB page, level 1 a 2 MiB page. */
static void map_one(unsigned long va, phys_addr_t pa, u64 prot, int level)
{
	u64 *entry = walk(kernel_pml4, va, level, boot_alloc_table,
			  _PAGE_PRESENT | _PAGE_RW);

	*entry = pa | prot | (level ? _PAGE_PSE : 0);
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
	kernel_pml4 = boot_alloc_table();
	map_direct();
	map_kernel_section(_text, _etext, PAGE_KERNEL_TEXT);
	map_kernel_section(_rodata, _erodata, PAGE_KERNEL_RO);
	map_kernel_section(_data, boot_stack_guard, PAGE_KERNEL);
	map_kernel_section(boot_stack_guard + PAGE_SIZE, _end, PAGE_KERNEL);
	/* The ioremap area's tables, down to kmap_local_pfn's slot. */
	walk(kernel_pml4, KMAP_LOCAL_ADDR, 0, boot_alloc_table,
	     _PAGE_PRESENT | _PAGE_RW);
	asm volatile("mov %0, %%cr3" : : "r"(__pa(kernel_pml4)) : "memory");
}

u64 *lookup_kernel_address(unsigned long va)
{
	u64 *table = kernel_pml4;

	for (int level = 3; level > 0; level--) {
		u64 *entry = &table[level_index(va, level)];

		if (!(*entry & _PAGE_PRESENT) || (*entry & _PAGE_PSE))
			return entry;
		table = __va(*entry & PTE_ADDR_MASK);
	}
	return &table[level_index(va, 0)];
}

/*
 * Kernel mappings made after boot (task stacks).  Their page tables come from
 * the page allocator and stay: every address space shares them through the
 * kernel half of its top table.
 */
int map_kernel_page(unsigned long va, struct page *page)
{
	u64 *pte = walk(kernel_pml4, va, 0, get_zeroed_page,
			_PAGE_PRESENT | _PAGE_RW);

	if (!pte)
		return -ENOMEM;
	*pte = PFN_PHYS(page_to_pfn(page)) | PAGE_KERNEL;
	return 0;
}

struct page *unmap_kernel_page(unsigned long va)
{
	u64 *pte = walk(kernel_pml4, va, 0, NULL, 0);
	struct page *page;

	if (!pte || !(*pte & _PAGE_PRESENT))
		return NULL;
	page = pfn_to_page(PHYS_PFN(*pte & PTE_ADDR_MASK));
	*pte = 0;
	flush_tlb_page(va);
	return page;
}

/*
 * ioremap: device memory gets kernel addresses in its own area, page by
 * page, uncached.  The area only grows; devices are found once, at boot.
 */
static unsigned long ioremap_next = IOREMAP_START;

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	unsigned long len = ALIGN(phys + size, PAGE_SIZE) - base;
	unsigned long va = ioremap_next;

	if (!size || len > KMAP_LOCAL_ADDR - va)
		return NULL;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		u64 *pte = walk(kernel_pml4, va + off, 0, get_zeroed_page,
				_PAGE_PRESENT | _PAGE_RW);

		if (!pte)
			return NULL;
		*pte = (base + off) | PAGE_KERNEL_IO;
	}
	ioremap_next += len;
	return (void __iomem *)(va + (phys - base));
}

static unsigned long kmap_flags;

void *kmap_local_pfn(unsigned long pfn)
{
	unsigned long flags = arch_local_irq_save();
	u64 *pte = walk(kernel_pml4, KMAP_LOCAL_ADDR, 0, NULL, 0);

	BUG_ON(*pte & _PAGE_PRESENT); /* nested */
	*pte = PFN_PHYS(pfn) | PAGE_KERNEL;
	kmap_flags = flags;
	return (void *)KMAP_LOCAL_ADDR;
}

void kunmap_local(void *addr)
{
	u64 *pte = walk(kernel_pml4, KMAP_LOCAL_ADDR, 0, NULL, 0);

	BUG_ON(addr != (void *)KMAP_LOCAL_ADDR);
	*pte = 0;
	flush_tlb_page(KMAP_LOCAL_ADDR);
	arch_local_irq_restore(kmap_flags);
}

/*
 * User page tables.  The top table's upper half (the kernel) is copied from
 * the kernel's own table, so every address space maps the kernel the same
 * way; the lower half is the process's, made table by table from the page
 * allocator as pages are mapped.
 */
#define USER_PTRS (PTRS_PER_TABLE / 2)

pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = get_zeroed_page();

	if (pgd)
		memcpy(pgd + USER_PTRS, kernel_pml4 + USER_PTRS,
		       USER_PTRS * sizeof(pgd_t));
	return pgd;
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
	free_table(pgd, 3, USER_PTRS);
}

pud_t *pud_alloc_one(void)
{
	return get_zeroed_page();
}

pmd_t *pmd_alloc_one(void)
{
	return get_zeroed_page();
}

pte_t *pte_alloc_one(void)
{
	return get_zeroed_page();
}

void pud_free(pud_t *pud)
{
	free_page(pud);
}

void pmd_free(pmd_t *pmd)
{
	free_page(pmd);
}

void pte_free(pte_t *pte)
{
	free_page(pte);
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

	for (unsigned int i = 0; i < USER_PTRS; i++)
		if (pgd[i])
			walk_table(__va(pgd[i] & PTE_ADDR_MASK), 2, i * span,
				   fn, arg);
}

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_USER;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return _PAGE_PROTNONE | _PAGE_USER | _PAGE_NX;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot;
}

void switch_mm(struct mm_struct *mm)
{
	asm volatile("mov %0, %%cr3"
		     :
		     : "r"(__pa(mm ? mm->pgd : kernel_pml4))
		     : "memory");
}
