/* SPDX-License-Identifier: MIT */
/*
 * Device access: memory-mapped only (ARM has no I/O ports).  ioremap()
 * gives a device's physical registers or memory a kernel address, mapped
 * as Device memory (uncached, accesses neither merged nor reordered
 * among themselves), and readb/w/l and writeb/w/l access it with exactly
 * one load or store each.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <kernel/types.h>

#define __iomem

void __iomem *ioremap(phys_addr_t phys, size_t size);

#define DEFINE_MMIO(sfx, bits)                                                 \
	static inline u##bits read##sfx(const volatile void __iomem *addr)     \
	{                                                                      \
		return *(const volatile u##bits *)addr;                        \
	}                                                                      \
	static inline void write##sfx(u##bits val,                             \
				      volatile void __iomem *addr)             \
	{                                                                      \
		*(volatile u##bits *)addr = val;                               \
	}
DEFINE_MMIO(b, 8)
DEFINE_MMIO(w, 16)
DEFINE_MMIO(l, 32)
#undef DEFINE_MMIO

#endif
