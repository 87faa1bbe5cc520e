/* SPDX-License-Identifier: MIT */
/* What an ARM program's ELF header says. */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#define ELF_MACHINE 40 /* EM_ARM */
#define ELF_CLASS 1    /* ELFCLASS32 */
#define ELF_DATA 1     /* ELFDATA2LSB: little-endian */

#endif
