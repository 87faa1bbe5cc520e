/* SPDX-License-Identifier: MIT */
/*
 * Device memory.  The s390-ccw-virtio machine has no PCI devices here and
 * no memory-mapped registers: its devices talk through channel I/O and the
 * SCLP.  ioremap maps memory outside mem_map (the DCSS-like segment) for
 * the kernel; the accessors are kernel/mmio.h's, as on every arch.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <kernel/mmio.h>
#include <kernel/types.h>

/*
 * Port I/O: s390 has no I/O port space.  PCI drivers written for a PC's
 * I/O BARs (legacy virtio) still compile; with no PCI bus here (see
 * <asm/pci.h>) no device is ever found for them, so these are never
 * reached: reads float high, as from an absent port, writes go nowhere.
 */
#define DEFINE_PORT_IO(sfx, bits)                                              \
	static inline u##bits in##sfx(u16 port)                                \
	{                                                                      \
		return (u##bits) ~0u;                                          \
	}                                                                      \
	static inline void out##sfx(u##bits val, u16 port)                     \
	{                                                                      \
	}
DEFINE_PORT_IO(b, 8)
DEFINE_PORT_IO(w, 16)
DEFINE_PORT_IO(l, 32)
#undef DEFINE_PORT_IO

#endif
