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
