/* SPDX-License-Identifier: MIT */
/* Boot-time helpers shared by setup.c and pgtable.c. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <kernel/types.h>

/* The new PSWs' mask: interruptions enter with DAT off, then, once
 * paging_init has switched it on, in the kernel's home space. */
void set_new_psws(u64 mask);

#endif
