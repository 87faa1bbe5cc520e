/* SPDX-License-Identifier: MIT */
/*
 * Device memory.  The s390-ccw-virtio machine has no PCI devices here and
 * no memory-mapped registers: its devices talk through channel I/O and the
 * SCLP.  ioremap maps memory outside mem_map (the DCSS-like segment) for
 * the kernel; the accessors are plain volatile loads and stores.
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
