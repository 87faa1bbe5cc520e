/* SPDX-License-Identifier: MIT */
/*
 * Device access.  Port I/O: the x86 in/out instructions (the UART, the PIC,
 * the PIT, PCI configuration).  Memory-mapped I/O: kernel/mmio.h.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <kernel/mmio.h>
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

#endif
