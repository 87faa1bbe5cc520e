/* SPDX-License-Identifier: MIT */
/*
 * Memory-mapped I/O, the part every arch shares (each <asm/io.h> includes
 * it): ioremap() gives a device's physical registers or memory (a PCI BAR)
 * a kernel address, uncached, and readb/w/l and writeb/w/l access it with
 * exactly one load or store each -- volatile, so the compiler neither
 * merges, splits nor drops them.  The arch's pgtable.c implements ioremap.
 */
#ifndef _KERNEL_MMIO_H
#define _KERNEL_MMIO_H

#include <kernel/types.h>

#define __iomem

/*
 * Map size bytes of device memory at physical address phys into the
 * kernel's ioremap area, uncached; NULL if it cannot (out of page tables
 * or of area).  Mappings are never undone: devices stay for the boot.
 */
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
