/* SPDX-License-Identifier: MIT */
/* Boot-time helpers shared by setup.c, pgtable.c and dcss.c. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <kernel/types.h>

/* The new PSWs' mask: interruptions enter with DAT off, then, once
 * paging_init has switched it on, in the kernel's home space. */
void set_new_psws(u64 mask);
/* The DCSS-like XIP segment (dcss.c), mounted on /xip if it is there. */
void dcss_init(void);

#endif
