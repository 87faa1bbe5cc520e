// SPDX-License-Identifier: MIT
/*
 * ARM boot: read what the boot loader handed over -- a device tree, or on
 * a Raspberry Pi started without one, ATAGs -- (memory, command line,
 * initrd) into memblock and boot_command_line.
 *
 * What is reserved, and why:
 *  - RAM below the image (QEMU and the Pi's firmware leave the boot
 *    loader's stub and, on the Pi, the ATAGs there);
 *  - the kernel image, from its load address to _end (bss included);
 *  - the device tree itself, the initrd, and every range in the tree's
 *    reserved-memory map (the Pi's firmware keeps some for itself).
 * RAM above LOWMEM_SIZE is left out: it would have no kernel address.
 */
#include <asm/board.h>
#include <asm/fdt.h>
#include <asm/page.h>
#include <asm/pci.h>
#include <asm/serial.h>
#include <asm/traps.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/setup.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <mm/memblock.h>

extern const char _end[];

phys_addr_t initrd_start, initrd_end;
static phys_addr_t fdt_pa;

struct fdt_cells {
	unsigned int address, size;
};

static void add_memory(u64 base, u64 size)
{
	u64 end = min(base + size, (u64)PHYS_OFFSET + LOWMEM_SIZE);

	printk("  [mem 0x%012llx-0x%012llx] usable\n", base, base + size - 1);
	if (base < end)
		memblock_add(base, end - base);
}

static void parse_memory_reg(const u8 *p, u32 len, struct fdt_cells *cells)
{
	const u8 *end = p + len;
	unsigned int entry = 4 * (cells->address + cells->size);

	while (p + entry <= end) {
		u64 base = fdt_read_cells(&p, cells->address);

		add_memory(base, fdt_read_cells(&p, cells->size));
	}
}

static u64 read_number(const u8 *p, u32 len)
{
	return fdt_read_cells(&p, len / 4);
}

static void parse_property(int depth, const char *node, const char *name,
			   const u8 *value, u32 len, void *arg)
{
	struct fdt_cells *cells = arg;

	if (depth == 0 && !strcmp(name, "#address-cells"))
		cells->address = fdt32(value);
	else if (depth == 0 && !strcmp(name, "#size-cells"))
		cells->size = fdt32(value);
	else if (depth == 1 && !strncmp(node, "memory", 6) &&
		 !strcmp(name, "reg"))
		parse_memory_reg(value, len, cells);
	else if (depth == 1 && !strcmp(node, "chosen")) {
		if (!strcmp(name, "bootargs"))
			strscpy(boot_command_line, (const char *)value,
				min((size_t)len + 1,
				    sizeof(boot_command_line)));
		else if (!strcmp(name, "linux,initrd-start"))
			initrd_start = read_number(value, len);
		else if (!strcmp(name, "linux,initrd-end"))
			initrd_end = read_number(value, len);
	}
}

static void reserve_range(u64 base, u64 size, void *arg)
{
	memblock_reserve(base, size);
}

/*
 * ATAGs, the boot protocol before device trees (Linux's
 * Documentation/arm/booting), which the Pi's firmware and QEMU's raspi
 * boards use when given no tree: tags of {size in words, tag, data},
 * the first ATAG_CORE, the last of size 0.
 */
#define ATAG_CORE 0x54410001
#define ATAG_MEM 0x54410002
#define ATAG_CMDLINE 0x54410009
#define ATAG_INITRD2 0x54420005
#define ATAG_MAX 64 /* tags read at most: a broken list ends there */

static bool parse_atags(const u32 *tag)
{
	if (tag[1] != ATAG_CORE)
		return false;
	printk("Physical memory map (from the ATAGs):\n");
	for (int n = 0; tag[0] >= 2 && n < ATAG_MAX; n++, tag += tag[0]) {
		if (tag[1] == ATAG_MEM)
			add_memory(tag[3], tag[2]);
		else if (tag[1] == ATAG_INITRD2) {
			initrd_start = tag[2];
			initrd_end = (u64)tag[2] + tag[3];
		} else if (tag[1] == ATAG_CMDLINE)
			strscpy(boot_command_line, (const char *)&tag[2],
				sizeof(boot_command_line));
	}
	return true;
}

/* The initrd must have a direct-map address (paging_init maps it there). */
static void reserve_initrd(void)
{
	if (initrd_end > initrd_start &&
	    initrd_end - PHYS_OFFSET > LOWMEM_SIZE) {
		printk("initrd at %#llx: outside the direct map, ignored\n",
		       (unsigned long long)initrd_start);
		initrd_end = 0;
	}
	if (initrd_end > initrd_start)
		memblock_reserve(initrd_start, initrd_end - initrd_start);
	else
		initrd_start = initrd_end = 0;
}

static void parse_fdt(void)
{
	const void *fdt = __va(fdt_pa);
	struct fdt_cells cells = { 2, 1 }; /* the specification's defaults */
	u32 size = fdt_totalsize(fdt);

	if (!size) {
		if (!parse_atags(fdt))
			panic("neither a device tree nor ATAGs at %#llx",
			      (unsigned long long)fdt_pa);
		return;
	}
	printk("Physical memory map (from the device tree):\n");
	fdt_for_each_property(fdt, parse_property, &cells);
	memblock_reserve(fdt_pa, size);
	fdt_for_each_reserved(fdt, reserve_range, NULL);
}

void setup_arch(void)
{
	printk("Board: %s, boot information at %#llx\n", BOARD_NAME,
	       (unsigned long long)fdt_pa);
	parse_fdt();
	reserve_initrd();
	memblock_reserve(PHYS_OFFSET, __pa_symbol(_end) - PHYS_OFFSET);
}

void arch_console_enable_input(void)
{
	serial_enable_input();
}

/* virt's devices are all found on the PCI bus; the Pi 2's are fixed. */
void arch_device_init(void)
{
}

/* Before kernel_init's pci_init: the BARs it reads must hold addresses. */
void arch_late_setup(void)
{
	pci_assign_resources();
}

/*
 * Called by boot.S with the MMU on, on the boot stack, with the device
 * tree's physical address from r2.  The tree must lie in the direct map
 * boot.S made (the first LOWMEM_SIZE of RAM), as QEMU and the Pi's
 * firmware place it.
 */
void __noreturn arm_start_kernel(unsigned long dtb)
{
	smp_prepare_boot_cpu(); /* current and the per-CPU data, first */
	serial_init();
	trap_init();
	if (dtb - PHYS_OFFSET >= LOWMEM_SIZE)
		panic("boot information at %#lx: outside the direct map "
		      "(r2 from the boot loader)",
		      dtb);
	fdt_pa = dtb;
	start_kernel();
}
