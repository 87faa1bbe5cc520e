/* SPDX-License-Identifier: MIT */
/*
 * Device access: memory-mapped (kernel/mmio.h), PCI I/O ports included.
 * ioremap maps as Device memory: uncached, and accesses to it are neither
 * merged nor reordered among themselves (ARM ARM A3.5.5).
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <asm/board.h>
#include <kernel/mmio.h>

/*
 * I/O ports: ARM has no port instructions, but a PCI host bridge offers
 * the I/O space as a window of memory; port p is byte p of the window,
 * which paging_init maps at PCI_IO_VIRT (Linux's PCI_IOBASE).  Without
 * PCI (the Pi 2) no device has ports: reads give all ones.
 */
#ifdef PCI_IO_VIRT
#define PORT(p) ((volatile void __iomem *)(PCI_IO_VIRT + (p)))
#define DEFINE_PORT_IO(sfx, bits)                                              \
	static inline u##bits in##sfx(u16 port)                                \
	{                                                                      \
		return read##sfx(PORT(port));                                  \
	}                                                                      \
	static inline void out##sfx(u##bits val, u16 port)                     \
	{                                                                      \
		write##sfx(val, PORT(port));                                   \
	}
#else
#define DEFINE_PORT_IO(sfx, bits)                                              \
	static inline u##bits in##sfx(u16 port)                                \
	{                                                                      \
		return (u##bits) ~0U;                                          \
	}                                                                      \
	static inline void out##sfx(u##bits val, u16 port)                     \
	{                                                                      \
	}
#endif
DEFINE_PORT_IO(b, 8)
DEFINE_PORT_IO(w, 16)
DEFINE_PORT_IO(l, 32)
#undef DEFINE_PORT_IO

#endif
