/* SPDX-License-Identifier: MIT */
/* Model-specific registers: the few the kernel writes, and the access. */
#ifndef _ASM_MSR_H
#define _ASM_MSR_H

#include <kernel/types.h>

#define MSR_FS_BASE 0xc0000100 /* the base of %fs: user TLS */

static inline void wrmsr(u32 msr, u64 val)
{
	asm volatile("wrmsr"
		     :
		     : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32))
		     : "memory");
}

#endif
