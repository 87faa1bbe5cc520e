/* SPDX-License-Identifier: MIT */
/*
 * Device access.  Port I/O: the x86 in/out instructions (the UART, the PIC,
 * the PIT, PCI configuration).  Memory-mapped I/O: ioremap() gives a device's
 * physical registers or memory (a PCI BAR) a kernel address, uncached, and
 * readb/w/l and writeb/w/l access it with exactly one load or store each --
 * volatile, so the compiler neither merges, splits nor drops them.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <kernel/types.h>

static inline void outb(u8 val, u16 port)
{
	asm volatile("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 val;

	asm volatile("inb %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

static inline void outw(u16 val, u16 port)
{
	asm volatile("outw %0, %1" : : "a"(val), "Nd"(port));
}

static inline void outl(u32 val, u16 port)
{
	asm volatile("outl %0, %1" : : "a"(val), "Nd"(port));
}

static inline u16 inw(u16 port)
{
	u16 val;

	asm volatile("inw %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

static inline u32 inl(u16 port)
{
	u32 val;

	asm volatile("inl %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

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
