// SPDX-License-Identifier: MIT
/*
 * x86_64 boot: read what GRUB handed over in the Multiboot2 information
 * (command line, memory map, modules) into boot_command_line and memblock.
 *
 * What is reserved, and why:
 *  - the first 1 MiB: BIOS data, the EBDA and option ROMs live there, and
 *    pfn 0 is best never handed out (a NULL-looking physical address);
 *  - the kernel image, from its load address to _end (bss included);
 *  - the Multiboot2 information itself (GRUB puts it just above the
 *    image, where an allocator starting at _end would overwrite it),
 *    and every boot module (the initrd, later).
 */
#include <asm/acpi.h>
#include <asm/multiboot2.h>
#include <asm/page.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/keyboard.h>
#include <asm/serial.h>
#include <kernel/drivers/fbcon.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/setup.h>
#include <kernel/string.h>
#include <mm/memblock.h>

extern const char _end[];

static u32 mb2_info_pa;
phys_addr_t initrd_start, initrd_end;

static const char *const mmap_type_names[] = {
	[1] = "usable",	  [2] = "reserved", [3] = "ACPI data",
	[4] = "ACPI NVS", [5] = "bad RAM",
};

static void parse_mmap(const struct mb2_tag_mmap *tag)
{
	const char *p = (const char *)tag->entries;
	const char *end = (const char *)tag + tag->tag.size;

	printk("Physical memory map (from the boot loader):\n");
	for (; p + tag->entry_size <= end; p += tag->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;
		const char *type = e->type < ARRAY_SIZE(mmap_type_names)
					   ? mmap_type_names[e->type]
					   : NULL;

		printk("  [mem 0x%012llx-0x%012llx] %s\n",
		       (unsigned long long)e->addr,
		       (unsigned long long)(e->addr + e->len - 1),
		       type ? type : "unknown");
		if (e->type == MB2_MEMORY_AVAILABLE)
			memblock_add(e->addr, e->len);
	}
}

/*
 * The screen GRUB set up: the console starts at once (keeping text until
 * arch_late_setup maps the framebuffer, which needs the page allocator).
 */
static phys_addr_t fb_addr;
static size_t fb_size;

static void parse_framebuffer(const struct mb2_tag_framebuffer *tag)
{
	struct fb_screen screen = {
		.width = tag->width,
		.height = tag->height,
		.pitch = tag->pitch,
		.bpp = tag->bpp,
		.text = tag->type == MB2_FRAMEBUFFER_EGA_TEXT,
	};

	if (tag->type == MB2_FRAMEBUFFER_RGB) {
		screen.red_shift = tag->red_shift;
		screen.red_bits = tag->red_bits;
		screen.green_shift = tag->green_shift;
		screen.green_bits = tag->green_bits;
		screen.blue_shift = tag->blue_shift;
		screen.blue_bits = tag->blue_bits;
	} else if (!screen.text) {
		return; /* a palette mode: not drawn */
	}
	if (fbcon_init(&screen)) {
		fb_addr = tag->addr;
		fb_size = (size_t)tag->pitch * tag->height;
	}
}

static void parse_tag(const struct mb2_tag *tag)
{
	const struct mb2_tag_module *mod;

	switch (tag->type) {
	case MB2_TAG_CMDLINE:
		strscpy(boot_command_line,
			((const struct mb2_tag_string *)tag)->string,
			sizeof(boot_command_line));
		break;
	case MB2_TAG_MMAP:
		parse_mmap((const struct mb2_tag_mmap *)tag);
		break;
	case MB2_TAG_MODULE: /* the first module is the initrd */
		mod = (const struct mb2_tag_module *)tag;
		memblock_reserve(mod->mod_start, mod->mod_end - mod->mod_start);
		if (!initrd_end) {
			initrd_start = mod->mod_start;
			initrd_end = mod->mod_end;
		}
		break;
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		acpi_set_rsdp(tag + 1, tag->size - sizeof(*tag));
		break;
	}
}

/*
 * The first tag of a type, or with type MB2_TAG_END, each tag in turn
 * passed to fn.  The information is in low memory, mapped by the boot
 * page tables' direct map.
 */
static const struct mb2_tag *walk_tags(u32 type,
				       void (*fn)(const struct mb2_tag *))
{
	const struct mb2_info *info = __va(mb2_info_pa);
	const char *p = (const char *)(info + 1);
	const char *end = (const char *)info + info->total_size;

	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *tag = (const void *)p;

		if (tag->type == MB2_TAG_END)
			break;
		if (tag->type == type)
			return tag;
		if (fn)
			fn(tag);
		p += ALIGN(tag->size, 8);
	}
	return NULL;
}

static void parse_multiboot2(void)
{
	const struct mb2_info *info = __va(mb2_info_pa);

	memblock_reserve(mb2_info_pa, info->total_size);
	walk_tags(MB2_TAG_END, parse_tag);
}

void setup_arch(void)
{
	parse_multiboot2();
	memblock_reserve(0, 1 * MiB);
	memblock_reserve(KERNEL_PHYS_BASE,
			 __pa_symbol(_end) - KERNEL_PHYS_BASE);
	desc_init();
}

/* Console input: the serial port and the keyboard feed the same tty. */
void arch_console_enable_input(void)
{
	serial_enable_input();
	i8042_init();
}

/* A PC's devices are all found on the PCI bus. */
void arch_device_init(void)
{
}

void arch_late_setup(void)
{
	void *fb = fb_size ? ioremap(fb_addr, fb_size) : NULL;

	if (fb)
		fbcon_map(fb);
	acpi_init();
}

/* Called by boot.S, in long mode, on the boot stack, with the loader's eax/ebx. */
void __noreturn x86_64_start_kernel(u32 magic, u32 info_pa)
{
	const struct mb2_tag *tag;

	serial_init();
	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("not started by a Multiboot2 boot loader (magic %#x)",
		      magic);
	mb2_info_pa = info_pa;
	/* The screen first, so it shows the whole boot log. */
	tag = walk_tags(MB2_TAG_FRAMEBUFFER, NULL);
	if (tag)
		parse_framebuffer((const struct mb2_tag_framebuffer *)tag);
	start_kernel();
}
