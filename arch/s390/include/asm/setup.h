/* SPDX-License-Identifier: MIT */
/* Boot-time helpers shared by setup.c and dcss.c. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <kernel/types.h>

/* The DCSS-like XIP segment (dcss.c), mounted on /xip if it is there. */
void dcss_init(void);

#endif
