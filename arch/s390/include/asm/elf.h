/* SPDX-License-Identifier: MIT */
/* What an s390x program's ELF header says. */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#define ELF_MACHINE 22 /* EM_S390 */
#define ELF_CLASS 2    /* ELFCLASS64 */
#define ELF_DATA 2     /* ELFDATA2MSB: big-endian */

#endif
