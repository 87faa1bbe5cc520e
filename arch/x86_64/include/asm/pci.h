/* SPDX-License-Identifier: MIT */
/*
 * PCI configuration space, the arch half: how one register of one
 * function's 256-byte configuration space is read or written.  The bus,
 * the BARs and the drivers are generic (kernel/drivers/pci.c); only this
 * access differs between machines.
 *
 * x86 PCs use "configuration mechanism #1": write the address of a
 * register (enable bit 31, bus, device, function, dword offset) to port
 * 0xCF8, then move the data through port 0xCFC..0xCFF.  The two steps
 * must not be interleaved with another access, so each runs with
 * interrupts off.  Linux names these raw_pci_read / raw_pci_write.
 */
#ifndef _ASM_PCI_H
#define _ASM_PCI_H

#include <kernel/types.h>

/* size is 1, 2 or 4 and reg a multiple of it; 0, or -EINVAL. */
int raw_pci_read(unsigned int bus, unsigned int devfn, unsigned int reg,
		 int size, u32 *val);
int raw_pci_write(unsigned int bus, unsigned int devfn, unsigned int reg,
		  int size, u32 val);

#endif
