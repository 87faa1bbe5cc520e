/* SPDX-License-Identifier: MIT */
/*
 * The parts of the ELF format the program loader reads: the file header
 * and the program headers (the "segments" to load).  Field names are the
 * specification's.  Both classes are here; the arch's <asm/elf.h> says
 * which its programs use (ELF_CLASS), and elfhdr and elf_phdr name that
 * class's structures, as in Linux.
 */
#ifndef _KERNEL_ELF_H
#define _KERNEL_ELF_H

#include <asm/elf.h>
#include <asm/page.h>
#include <kernel/types.h>

#define EI_NIDENT 16
#define ELFCLASS32 1
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define PT_LOAD 1
#define PT_NOTE 4
#define PF_X 1
#define PF_W 2
#define PF_R 4

struct elf32_hdr {
	unsigned char e_ident[EI_NIDENT];
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u32 e_entry;
	u32 e_phoff;
	u32 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize;
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
};

/* The same fields as in elf64_phdr, in another order. */
struct elf32_phdr {
	u32 p_type;
	u32 p_offset;
	u32 p_vaddr;
	u32 p_paddr;
	u32 p_filesz;
	u32 p_memsz;
	u32 p_flags;
	u32 p_align;
};

struct elf64_hdr {
	unsigned char e_ident[EI_NIDENT]; /* "\177ELF", class, data, version */
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u64 e_entry;
	u64 e_phoff;
	u64 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize;
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
};

struct elf64_phdr {
	u32 p_type;
	u32 p_flags;
	u64 p_offset;
	u64 p_vaddr;
	u64 p_paddr;
	u64 p_filesz;
	u64 p_memsz;
	u64 p_align;
};

#if ELF_CLASS == ELFCLASS64
#define elfhdr elf64_hdr
#define elf_phdr elf64_phdr
#else
#define elfhdr elf32_hdr
#define elf_phdr elf32_phdr
#endif

/*
 * The program headers must fit in one page, as Linux's load_elf_phdrs
 * demands: 73 of them, far more than a linker makes (a PT_LOAD per
 * segment, and PT_NOTE, PT_GNU_STACK, PT_TLS ...).  A bound keeps a forged
 * e_phnum from costing a large allocation.
 */
#define ELF_MAX_PHDRS (PAGE_SIZE / sizeof(struct elf_phdr))

/*
 * Is this a program this kernel can load?  Checks the header and every
 * PT_LOAD segment (inside user space, file and memory sizes consistent, the
 * entry point in an executable segment); 0 or -ENOEXEC.  Nothing is mapped
 * before an image has passed.
 */
int elf_check(const struct elfhdr *eh, const struct elf_phdr *ph);

struct file;
struct mm_struct;

/* Check, then map the program in f into mm; its entry point in *entry. */
int load_elf_binary(struct mm_struct *mm, struct file *f, unsigned long *entry);

#endif
