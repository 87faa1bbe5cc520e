/* SPDX-License-Identifier: MIT */
/* What an x86_64 program's ELF header says. */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#define ELF_MACHINE 62 /* EM_X86_64 */
#define ELF_CLASS 2    /* ELFCLASS64 */
#define ELF_DATA 1     /* ELFDATA2LSB: little-endian */

#endif
