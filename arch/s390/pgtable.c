// SPDX-License-Identifier: MIT
/*
 * s390x page tables (see <asm/pgtable.h> for the levels and entries).
 *
 * The kernel's own address space, built by paging_init() and loaded as
 * the home space (CR13): a region-third table (4 TiB) over segment tables
 * and page-table pairs, holding
 *  - the direct map: every RAM range memblock knows, at its own address,
 *    read-write, except the image's text and rodata, read-only, and the
 *    guard page below the boot stack, left out;
 *  - the kernel stacks (KSTACK_AREA) and the ioremap area, mapped later.
 * Tables made before mem_map exists come from memblock and stay.
 *
 * User address spaces (pgd_alloc) start at a region-second table of one
 * page; mm/ hangs tables below it with pud/pmd/pte_alloc_one.  Every table
 * is filled with its level's empty (invalid) entry before use.
 */
#include <asm/ctlreg.h>
#include <asm/facility.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/lowcore.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/setup.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/mm.h>
#include <mm/mmap.h>

extern const char _text[], _etext[], _rodata[], _erodata[], _end[];
extern const char boot_stack_guard[];

static pud_t *kernel_pud; /* the home space's region-third table */
static unsigned long kernel_asce;
static pgd_t *empty_pgd; /* the primary space of tasks without an mm */
static bool noexec;	 /* instruction-execution protection is on */

static void fill(u64 *table, u64 entry, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		table[i] = entry;
}

/* A table of 2^order pages from memblock (boot) or the page allocator. */
static void *boot_alloc(unsigned int order)
{
	phys_addr_t pa = memblock_alloc(PAGE_SIZE << order, PAGE_SIZE << order);

	if (!pa)
		panic("paging_init: out of memory for page tables");
	return __va(pa);
}

static void *page_alloc(unsigned int order)
{
	struct page *page = alloc_pages(order);

	return page ? page_address(page) : NULL;
}

static void *crst_alloc(void *(*alloc)(unsigned int), u64 empty)
{
	u64 *table = alloc(CRST_ALLOC_ORDER);

	if (table)
		fill(table, empty, CRST_ENTRIES);
	return table;
}

static void *pte_table_alloc(void *(*alloc)(unsigned int))
{
	u64 *table = alloc(0);

	if (table)
		fill(table, _PAGE_INVALID, PTRS_PER_PTE);
	return table;
}

pud_t *pud_alloc_one(void)
{
	return crst_alloc(page_alloc, _REGION3_EMPTY);
}

pmd_t *pmd_alloc_one(void)
{
	return crst_alloc(page_alloc, _SEGMENT_ENTRY_INVALID);
}

pte_t *pte_alloc_one(void)
{
	return pte_table_alloc(page_alloc);
}

void pud_free(pud_t *pud)
{
	free_pages(virt_to_page(pud), CRST_ALLOC_ORDER);
}

void pmd_free(pmd_t *pmd)
{
	free_pages(virt_to_page(pmd), CRST_ALLOC_ORDER);
}

void pte_free(pte_t *pte)
{
	free_page(pte);
}

/* The kernel PTE for va, making tables with alloc if it is not NULL. */
static pte_t *kernel_walk(unsigned long va, void *(*alloc)(unsigned int))
{
	pud_t *pud = kernel_pud + table_index(va, PUD_SHIFT, CRST_ENTRIES);
	pmd_t *pmd;
	void *table;

	if (pud_none(*pud)) {
		table = alloc ? crst_alloc(alloc, _SEGMENT_ENTRY_INVALID)
			      : NULL;
		if (!table)
			return NULL;
		pud_populate(pud, table);
	}
	pmd = pmd_offset(pud, va);
	if (pmd_none(*pmd)) {
		table = alloc ? pte_table_alloc(alloc) : NULL;
		if (!table)
			return NULL;
		pmd_populate(pmd, table);
	}
	return pte_offset_map(pmd, va);
}

static bool in_range(unsigned long pa, const char *start, const char *end)
{
	return pa >= (unsigned long)start && pa < (unsigned long)end;
}

/* The rights of the direct map's page at pa (the image is part of it). */
static pte_t direct_map_prot(unsigned long pa)
{
	if (in_range(pa, _text, _etext) || in_range(pa, _rodata, _erodata))
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

static void map_direct(void)
{
	unsigned long guard = (unsigned long)boot_stack_guard;

	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		phys_addr_t pa = ALIGN(r->base, PAGE_SIZE);
		phys_addr_t end = ALIGN_DOWN(r->base + r->size, PAGE_SIZE);

		for (pa = max(pa, LOWCORE_SIZE); pa < end; pa += PAGE_SIZE)
			if (pa != guard)
				*kernel_walk(pa, boot_alloc) =
					pa | direct_map_prot(pa);
	}
}

/*
 * The lowcore away from 0 (<asm/lowcore.h>): map_direct left virtual page
 * 0 invalid, so a kernel NULL pointer faults.
 */
static void map_lowcore_alias(void)
{
	for (unsigned long off = 0; off < LOWCORE_SIZE; off += PAGE_SIZE)
		*kernel_walk(LOWCORE_ALIAS + off, boot_alloc) =
			off | PAGE_KERNEL;
}

static void load_control(int cr, unsigned long value)
{
	/* lctlg takes its register numbers as immediates: one case each. */
	switch (cr) {
	case 1:
		asm volatile("lctlg %%c1, %%c1, %0" : : "Q"(value) : "memory");
		break;
	case 7:
		asm volatile("lctlg %%c7, %%c7, %0" : : "Q"(value) : "memory");
		break;
	case 13:
		asm volatile("lctlg %%c13, %%c13, %0"
			     :
			     : "Q"(value)
			     : "memory");
		break;
	}
}

static unsigned long user_asce(pgd_t *pgd)
{
	return __pa(pgd) | _ASCE_TYPE_REGION2; /* length 0: one quarter */
}

void arch_switch_mm(struct mm_struct *mm)
{
	unsigned long asce = user_asce(mm ? mm->pgd : empty_pgd);

	*(unsigned long *)lowcore_ptr(__LC_USER_ASCE) = asce;
	load_control(1, asce);
	load_control(7, asce);
}

/* Switch translation on: the rest of the kernel runs in the home space. */
static void enable_dat(void)
{
	struct {
		unsigned long mask, addr;
	} psw __attribute__((aligned(8)));

	load_control(13, kernel_asce);
	arch_switch_mm(NULL);
	psw.mask = PSW_KERNEL_BITS;
	asm volatile("larl %%r1, 0f\n"
		     "	stg %%r1, %0\n"
		     "	lpswe %1\n"
		     "0:"
		     : "=Q"(psw.addr)
		     : "Q"(psw)
		     : "r1", "memory");
	lowcore_view = (struct lowcore_view){ LOWCORE_ALIAS, PSW_BYTE0_DAT };
}

#define CR0_IEP CR_BIT(43)

/*
 * Instruction-execution protection, where the CPU has it: a PTE bit that
 * refuses instruction fetches, so mappings without PROT_EXEC cannot run.
 * Without it (older machines), every readable page is executable.
 */
static void enable_noexec(void)
{
	if (!test_facility(FACILITY_IEP)) {
		printk("DAT: no instruction-execution protection: every "
		       "readable page is executable\n");
		return;
	}
	ctl_set_bits(0, CR0_IEP);
	noexec = true;
}

void paging_init(void)
{
	kernel_pud = crst_alloc(boot_alloc, _REGION3_EMPTY);
	kernel_asce =
		__pa(kernel_pud) | _ASCE_TYPE_REGION3 | _REGION_ENTRY_LENGTH;
	empty_pgd = boot_alloc(0);
	fill(empty_pgd, _REGION2_EMPTY, USER_PGD_ENTRIES);
	map_direct();
	map_lowcore_alias();
	/* The ioremap area's tables, down to kmap_local_pfn's slot. */
	kernel_walk(KMAP_LOCAL_ADDR, boot_alloc);
	enable_dat();
	enable_noexec();
}

u64 *lookup_kernel_address(unsigned long va)
{
	return kernel_walk(va, NULL);
}

int map_kernel_page(unsigned long va, struct page *page)
{
	pte_t *pte = kernel_walk(va, page_alloc);

	if (!pte)
		return -ENOMEM;
	set_pte(pte, PFN_PHYS(page_to_pfn(page)) | PAGE_KERNEL);
	return 0;
}

struct page *unmap_kernel_page(unsigned long va)
{
	pte_t *pte = kernel_walk(va, NULL);
	struct page *page;

	if (!pte || pte_none(*pte))
		return NULL;
	page = pfn_to_page(pte_pfn(*pte));
	__ptep_ipte(va, pte);
	pte_clear(NULL, va, pte);
	return page;
}

/* ioremap: memory outside mem_map gets kernel addresses, page by page. */
static unsigned long ioremap_next = IOREMAP_START;

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	unsigned long len = ALIGN(phys + size, PAGE_SIZE) - base;
	unsigned long va = ioremap_next;

	if (!size || len > KMAP_LOCAL_ADDR - va)
		return NULL;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *pte = kernel_walk(va + off, page_alloc);

		if (!pte)
			return NULL;
		set_pte(pte, (base + off) | PAGE_KERNEL_IO);
	}
	ioremap_next += len;
	return (void __iomem *)(va + (phys - base));
}

static unsigned long kmap_flags;

void *kmap_local_pfn(unsigned long pfn)
{
	unsigned long flags = arch_local_irq_save();
	pte_t *pte = kernel_walk(KMAP_LOCAL_ADDR, NULL);

	BUG_ON(!pte_none(*pte)); /* nested */
	set_pte(pte, PFN_PHYS(pfn) | PAGE_KERNEL);
	kmap_flags = flags;
	return (void *)KMAP_LOCAL_ADDR;
}

void kunmap_local(void *addr)
{
	pte_t *pte = kernel_walk(KMAP_LOCAL_ADDR, NULL);

	BUG_ON(addr != (void *)KMAP_LOCAL_ADDR);
	__ptep_ipte(KMAP_LOCAL_ADDR, pte);
	pte_clear(NULL, KMAP_LOCAL_ADDR, pte);
	arch_local_irq_restore(kmap_flags);
}

pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = get_zeroed_page();

	if (pgd)
		fill(pgd, _REGION2_EMPTY, USER_PGD_ENTRIES);
	return pgd;
}

static void free_pmd_table(pmd_t *pmd)
{
	for (unsigned int i = 0; i < CRST_ENTRIES / 2; i++)
		if (!pmd_none(pmd[i]))
			pte_free(pte_offset_map(&pmd[i], 0));
	pmd_free(pmd);
}

void pgd_free(pgd_t *pgd)
{
	for (unsigned int i = 0; i < USER_PGD_ENTRIES; i++) {
		pud_t *pud;

		if (pgd_none(pgd[i]))
			continue;
		pud = pud_offset(&pgd[i], 0);
		for (unsigned int j = 0; j < CRST_ENTRIES; j++)
			if (!pud_none(pud[j]))
				free_pmd_table(pmd_offset(&pud[j], 0));
		pud_free(pud);
	}
	free_page(pgd);
}

static void walk_pte_page(pte_t *pte, unsigned long addr,
			  void (*fn)(unsigned long, pte_t, void *), void *arg)
{
	for (unsigned long i = 0; i < PTRS_PER_PTE; i++, addr += PAGE_SIZE)
		if (!pte_none(pte[i]))
			fn(addr, pte[i], arg);
}

static void walk_pmd_table(pmd_t *pmd, unsigned long base,
			   void (*fn)(unsigned long, pte_t, void *), void *arg)
{
	for (unsigned long i = 0; i < CRST_ENTRIES / 2; i++)
		if (!pmd_none(pmd[i]))
			walk_pte_page(pte_offset_map(&pmd[i], 0),
				      base + i * PMD_SIZE, fn, arg);
}

/* Every user PTE that is not none, in address order, table by table. */
void walk_user_ptes(pgd_t *pgd, void (*fn)(unsigned long, pte_t, void *),
		    void *arg)
{
	for (unsigned long i = 0; i < USER_PGD_ENTRIES; i++) {
		pud_t *pud;

		if (pgd_none(pgd[i]))
			continue;
		pud = pud_offset(&pgd[i], 0);
		for (unsigned long j = 0; j < CRST_ENTRIES; j++)
			if (!pud_none(pud[j]))
				walk_pmd_table(pmd_offset(&pud[j], 0),
					       i * PGDIR_SIZE + j * PUD_SIZE,
					       fn, arg);
	}
}

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_YOUNG;

	if (noexec && !(vm_flags & VM_EXEC))
		prot |= _PAGE_NOEXEC;
	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return prot | _PAGE_INVALID; /* PROT_NONE: held, not usable */
	prot |= _PAGE_READ;
	if (vm_flags & VM_WRITE)
		return prot | _PAGE_WRITE | _PAGE_DIRTY;
	return prot | _PAGE_PROTECT;
}
