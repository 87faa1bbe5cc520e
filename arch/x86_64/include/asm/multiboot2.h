/* SPDX-License-Identifier: MIT */
/*
 * The parts of the Multiboot2 specification Pagoda uses: the header GRUB
 * looks for, and the boot-information tags GRUB hands over (all 8-byte
 * aligned, each starting with a type and a size).
 */
#ifndef _ASM_MULTIBOOT2_H
#define _ASM_MULTIBOOT2_H

#define MB2_HEADER_MAGIC 0xe85250d6	/* in the kernel image */
#define MB2_BOOTLOADER_MAGIC 0x36d76289 /* in eax at entry */
#define MB2_HEADER_TAG_FRAMEBUFFER 5	/* a header tag: the mode wished for */
#define MB2_HEADER_TAG_OPTIONAL 1	/* its flags: boot even if refused */

#ifndef __ASSEMBLER__
#include <kernel/types.h>

enum mb2_tag_type {
	MB2_TAG_END = 0,
	MB2_TAG_CMDLINE = 1,
	MB2_TAG_MODULE = 3,
	MB2_TAG_MMAP = 6,
	MB2_TAG_FRAMEBUFFER = 8,
	MB2_TAG_ACPI_OLD = 14, /* a copy of the ACPI 1.0 RSDP */
	MB2_TAG_ACPI_NEW = 15, /* a copy of the ACPI 2.0+ RSDP */
};

struct mb2_info {
	u32 total_size;
	u32 reserved;
};

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_string { /* MB2_TAG_CMDLINE */
	struct mb2_tag tag;
	char string[];
};

struct mb2_tag_module {
	struct mb2_tag tag;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
};

/* MB2_TAG_FRAMEBUFFER: the screen mode GRUB set, if the header asked. */
struct mb2_tag_framebuffer {
	struct mb2_tag tag;
	u64 addr; /* physical */
	u32 pitch;
	u32 width, height; /* pixels; characters in EGA text mode */
	u8 bpp;
	u8 type; /* MB2_FRAMEBUFFER_* */
	u16 reserved;
	/* MB2_FRAMEBUFFER_RGB only: */
	u8 red_shift, red_bits, green_shift, green_bits, blue_shift, blue_bits;
};

#define MB2_FRAMEBUFFER_INDEXED 0
#define MB2_FRAMEBUFFER_RGB 1
#define MB2_FRAMEBUFFER_EGA_TEXT 2

#define MB2_MEMORY_AVAILABLE 1

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
};

struct mb2_tag_mmap {
	struct mb2_tag tag;
	u32 entry_size;
	u32 entry_version;
	struct mb2_mmap_entry entries[];
};
#endif

#endif
