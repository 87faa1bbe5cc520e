/* SPDX-License-Identifier: MIT */
/*
 * PCI configuration space, the arch half.  On QEMU's virt board the host
 * bridge is a generic ECAM one: each function's 4 KiB of configuration
 * space is memory-mapped at ECAM base + (bus << 20 | devfn << 12)
 * (arch/arm/pci.c).  The Pi 2 has no PCI: every access fails.
 */
#ifndef _ASM_PCI_H
#define _ASM_PCI_H

#include <kernel/types.h>

/* size is 1, 2 or 4 and reg a multiple of it; 0, or -EINVAL / -ENODEV. */
int raw_pci_read(unsigned int bus, unsigned int devfn, unsigned int reg,
		 int size, u32 *val);
int raw_pci_write(unsigned int bus, unsigned int devfn, unsigned int reg,
		  int size, u32 val);
/* virt: what firmware does on a PC, BAR addresses and INTx lines. */
void pci_assign_resources(void);

#endif
