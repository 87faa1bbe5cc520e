// SPDX-License-Identifier: MIT
/*
 * The kernel's own first-level table, built once at boot by paging_init(),
 * and the per-process tables (see asm/pgtable.h for the formats):
 *
 *  - the direct map: every RAM range memblock knows, at PAGE_OFFSET +
 *    (pa - PHYS_OFFSET), read-write and never executable, with 1 MiB
 *    sections where alignment allows and 4 KiB pages at the ragged edges;
 *  - the initrd at its direct-map address even when mem= cut it out of
 *    memblock's RAM (QEMU's virt puts it 128 MiB up), for load_initrd;
 *  - the kernel image, inside the direct map, in 4 KiB pages with each
 *    part's rights: text read-only and executable, rodata read-only, data
 *    and bss read-write -- except the guard page below the boot stack,
 *    left unmapped;
 *  - the console UART's MiB at EARLY_UART_VIRT (boot.S's mapping, kept),
 *    and on virt the PCI I/O window's at PCI_IO_VIRT;
 *  - second-level tables for the task stacks and the ioremap area, empty,
 *    made now so that every process's table, which copies the kernel's
 *    entries above PAGE_OFFSET, shares the mappings made there later.
 *
 * Nothing maps the low addresses, so a NULL dereference in the kernel
 * faults.  Tables made at boot come from memblock and stay reserved.
 */
#include <asm/board.h>
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

#define SECTION_MASK (PGDIR_SIZE - 1)
#define L2_TABLE_SIZE (PTRS_PER_PTE * sizeof(pte_t))
/* Section bits: C B, TEX 001, shareable, XN; AP 001; device: B, XN. */
#define SECTION_KERNEL 0x1141eUL
#define SECTION_DEVICE 0x00416UL
/* TTBR0's walk attributes (boot.S uses the same). */
#define TTB_FLAGS 0x6aUL
#define KERNEL_PTRS (PAGE_OFFSET >> PGDIR_SHIFT)

static pgd_t *kernel_pgd;

static void *boot_alloc(phys_addr_t size)
{
	phys_addr_t pa = memblock_alloc(size, size);

	if (!pa)
		panic("paging_init: out of memory for page tables");
	return memset(__va(pa), 0, size);
}

/* The second-level entry for va, making its table with alloc if missing. */
static pte_t *walk(pgd_t *pgd, unsigned long va, void *(*alloc)(void))
{
	pgd_t *entry = pgd_offset_pgd(pgd, va);

	if ((*entry & L1_TYPE_MASK) != L1_TABLE) {
		void *table = alloc && !*entry ? alloc() : NULL;

		if (!table)
			return NULL;
		pmd_populate(entry, table);
	}
	return pte_offset_map(entry, va);
}

static void *boot_alloc_l2(void)
{
	return boot_alloc(L2_TABLE_SIZE);
}

static void map_range(unsigned long va, phys_addr_t pa, unsigned long size,
		      pte_t prot)
{
	BUG_ON(!IS_ALIGNED(va | pa | size, PAGE_SIZE));
	while (size) {
		pgd_t *entry = pgd_offset_pgd(kernel_pgd, va);

		if (!((va | pa) & SECTION_MASK) && size >= PGDIR_SIZE &&
		    !*entry) {
			*entry = pa | SECTION_KERNEL;
			va += PGDIR_SIZE;
			pa += PGDIR_SIZE;
			size -= PGDIR_SIZE;
			continue;
		}
		*walk(kernel_pgd, va, boot_alloc_l2) = pa | prot;
		va += PAGE_SIZE;
		pa += PAGE_SIZE;
		size -= PAGE_SIZE;
	}
}

static void map_kernel_section(const char *start, const char *end, pte_t prot)
{
	map_range((unsigned long)start, __pa_symbol(start),
		  ALIGN((unsigned long)(end - start), PAGE_SIZE), prot);
}

/* RAM in [start, end), less the image's pages (mapped with their rights). */
static void map_direct_range(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t image = __pa_symbol(_text), image_end = __pa_symbol(_end);

	if (start < image && end > image) {
		map_direct_range(start, image);
		map_direct_range(image_end, end);
		return;
	}
	if (start >= image && start < image_end)
		start = image_end;
	if (start < end)
		map_range((unsigned long)__va(start), start, end - start,
			  PAGE_KERNEL);
}

static void map_direct(void)
{
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		map_direct_range(ALIGN(r->base, PAGE_SIZE),
				 ALIGN_DOWN(r->base + r->size, PAGE_SIZE));
	}
}

/*
 * The part of the initrd above the end of RAM that mem= left: it has no
 * struct page and is never freed, but load_initrd reads it through __va.
 */
static void map_initrd(void)
{
	phys_addr_t start = ALIGN_DOWN(initrd_start, PAGE_SIZE);
	phys_addr_t end = ALIGN(initrd_end, PAGE_SIZE);

	start = max(start, memblock_end_of_ram());
	if (start < end)
		map_range((unsigned long)__va(start), start, end - start,
			  PAGE_KERNEL);
}

static void load_pgd(pgd_t *pgd)
{
	asm volatile("mcr p15, 0, %0, c2, c0, 0; isb" /* TTBR0 */
		     :
		     : "r"((unsigned long)__pa(pgd) | TTB_FLAGS)
		     : "memory");
	__flush_tlb_all();
}

void paging_init(void)
{
	kernel_pgd = boot_alloc(PTRS_PER_PGD * sizeof(pgd_t));
	map_kernel_section(_text, _etext, PAGE_KERNEL_TEXT);
	map_kernel_section(_rodata, _erodata, PAGE_KERNEL_RO);
	map_kernel_section(_data, boot_stack_guard, PAGE_KERNEL);
	map_kernel_section(boot_stack_guard + PAGE_SIZE, _end, PAGE_KERNEL);
	map_direct();
	map_initrd();
	*pgd_offset_pgd(kernel_pgd, EARLY_UART_VIRT) =
		(EARLY_UART_PHYS & ~SECTION_MASK) | SECTION_DEVICE;
#ifdef PCI_IO_VIRT
	*pgd_offset_pgd(kernel_pgd, PCI_IO_VIRT) =
		(PCI_IO_PHYS & ~SECTION_MASK) | SECTION_DEVICE;
#endif
	for (unsigned long va = KSTACK_AREA; va < IOREMAP_END; va += PGDIR_SIZE)
		walk(kernel_pgd, va, boot_alloc_l2);
	load_pgd(kernel_pgd);
}

u32 *lookup_kernel_address(unsigned long va)
{
	pgd_t *entry = pgd_offset_pgd(kernel_pgd, va);

	if ((*entry & L1_TYPE_MASK) != L1_TABLE)
		return entry;
	return pte_offset_map(entry, va);
}

/* Task stacks: their tables exist since boot (paging_init). */
int map_kernel_page(unsigned long va, struct page *page)
{
	pte_t *pte = walk(kernel_pgd, va, NULL);

	if (!pte)
		return -ENOMEM;
	set_pte(pte, pfn_pte(page_to_pfn(page), PAGE_KERNEL));
	return 0;
}

struct page *unmap_kernel_page(unsigned long va)
{
	pte_t *pte = walk(kernel_pgd, va, NULL);
	struct page *page;

	if (!pte || !pte_present(*pte))
		return NULL;
	page = pfn_to_page(pte_pfn(*pte));
	set_pte(pte, 0);
	__flush_tlb_one(va);
	return page;
}

/* ioremap: device memory, page by page, in an area that only grows. */
static unsigned long ioremap_next = IOREMAP_START;

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	unsigned long len = ALIGN(phys + size, PAGE_SIZE) - base;
	unsigned long va = ioremap_next;

	if (!size || len > KMAP_LOCAL_ADDR - va)
		return NULL;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE)
		set_pte(walk(kernel_pgd, va + off, NULL),
			(base + off) | PAGE_KERNEL_IO);
	ioremap_next += len;
	return (void __iomem *)(va + (unsigned long)(phys - base));
}

static unsigned long kmap_flags;

void *kmap_local_pfn(unsigned long pfn)
{
	unsigned long flags = arch_local_irq_save();
	pte_t *pte = walk(kernel_pgd, KMAP_LOCAL_ADDR, NULL);

	BUG_ON(pte_present(*pte)); /* nested */
	set_pte(pte, pfn_pte(pfn, PAGE_KERNEL));
	kmap_flags = flags;
	return (void *)KMAP_LOCAL_ADDR;
}

void kunmap_local(void *addr)
{
	pte_t *pte = walk(kernel_pgd, KMAP_LOCAL_ADDR, NULL);

	BUG_ON(addr != (void *)KMAP_LOCAL_ADDR);
	set_pte(pte, 0);
	__flush_tlb_one(KMAP_LOCAL_ADDR);
	arch_local_irq_restore(kmap_flags);
}

/*
 * User page tables.  A first-level table is 16 KiB and must be 16 KiB
 * aligned (the TTBR's base, ARM ARM B4.1.154): an order-2 block, which the
 * buddy allocator aligns to its size.  Its entries above PAGE_OFFSET are
 * the kernel's, copied; those below are the process's, one page-sized
 * second-level table each, made by mm/ as pages are mapped.
 */
#define PGD_ORDER 2

pgd_t *pgd_alloc(void)
{
	struct page *page = alloc_pages(PGD_ORDER);
	pgd_t *pgd;

	if (!page)
		return NULL;
	pgd = page_address(page);
	memset(pgd, 0, KERNEL_PTRS * sizeof(pgd_t));
	memcpy(pgd + KERNEL_PTRS, kernel_pgd + KERNEL_PTRS,
	       (PTRS_PER_PGD - KERNEL_PTRS) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(pgd_t *pgd)
{
	for (unsigned int i = 0; i < KERNEL_PTRS; i++)
		if ((pgd[i] & L1_TYPE_MASK) == L1_TABLE)
			free_page(__va(pgd[i] & L1_TABLE_ADDR_MASK));
	free_pages(virt_to_page(pgd), PGD_ORDER);
}

/*
 * A second-level table in a page of its own (1 KiB used).  The pud and
 * pmd levels are folded into the pgd: mm/ never allocates or frees one
 * (pgd_none and pud_none are false), so doing it is a bug.
 */
pte_t *pte_alloc_one(void)
{
	return get_zeroed_page();
}

void pte_free(pte_t *pte)
{
	free_page(pte);
}

pud_t *pud_alloc_one(void)
{
	BUG_ON(true);
	return NULL;
}

pmd_t *pmd_alloc_one(void)
{
	BUG_ON(true);
	return NULL;
}

void pud_free(pud_t *pud)
{
	BUG_ON(true);
}

void pmd_free(pmd_t *pmd)
{
	BUG_ON(true);
}

/* What the MMU would find, table by table (audits: mm/vm_audit.c). */
void walk_user_ptes(pgd_t *pgd, void (*fn)(unsigned long, pte_t, void *),
		    void *arg)
{
	for (unsigned int i = 0; i < KERNEL_PTRS; i++) {
		pte_t *table;

		if ((pgd[i] & L1_TYPE_MASK) != L1_TABLE)
			continue;
		table = __va(pgd[i] & L1_TABLE_ADDR_MASK);
		for (unsigned int j = 0; j < PTRS_PER_PTE; j++)
			if (table[j])
				fn((i << PGDIR_SHIFT) + (j << PAGE_SHIFT),
				   table[j], arg);
	}
}

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = L2_SMALL | L2_NORMAL | L2_AP_USER;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return L2_SMALL | L2_NORMAL | L2_XN; /* AP 000: no access */
	if (!(vm_flags & VM_WRITE))
		prot |= L2_APX;
	if (!(vm_flags & VM_EXEC))
		prot |= L2_XN;
	return prot;
}

/*
 * No ASIDs: every switch loads TTBR0 and then invalidates the whole TLB
 * (ARM ARM B3.10.4 allows this simple order when no ASIDs are in use:
 * the old entries are all thrown away after the new table is in force).
 */
void arch_switch_mm(struct mm_struct *mm)
{
	load_pgd(mm ? mm->pgd : kernel_pgd);
}

/*
 * A page about to be mapped executable: clean its data-cache lines to the
 * point of unification (DCCMVAU) through the direct map, so the
 * instruction side reads what was written there, then invalidate the
 * instruction cache and the branch predictor (ICIALLU, BPIALL), ARM ARM
 * B2.2.9.  A frame without struct page (XIP flash) was never written by
 * the CPU: only the invalidation applies.
 */
void flush_icache_pte(pte_t pte)
{
	unsigned long pfn = pte_pfn(pte), ctr, line;

	if (pfn_valid(pfn)) {
		char *p = __va(PFN_PHYS(pfn));

		asm volatile("mrc p15, 0, %0, c0, c0, 1" : "=r"(ctr));
		line = 4UL << ((ctr >> 16) & 0xf);
		for (unsigned long off = 0; off < PAGE_SIZE; off += line)
			asm volatile("mcr p15, 0, %0, c7, c11, 1"
				     :
				     : "r"(p + off)
				     : "memory");
		asm volatile("dsb ish" : : : "memory");
	}
	asm volatile("mcr p15, 0, %0, c7, c5, 0; mcr p15, 0, %0, c7, c5, 6; "
		     "dsb ish; isb"
		     :
		     : "r"(0)
		     : "memory");
}
