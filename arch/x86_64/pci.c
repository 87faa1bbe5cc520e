// SPDX-License-Identifier: MIT
/*
 * PCI configuration mechanism #1 through ports 0xCF8 (address) and 0xCFC
 * (data): see <asm/pci.h>.  The data port is 32 bits wide; a byte or word
 * register is reached at 0xCFC plus its offset within the dword.
 */
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/pci.h>
#include <kernel/errno.h>

#define PCI_CONFIG_ADDRESS 0xcf8
#define PCI_CONFIG_DATA 0xcfc

static bool bad_access(unsigned int bus, unsigned int devfn, unsigned int reg,
		       int size)
{
	return bus > 255 || devfn > 255 || reg > 255 ||
	       (size != 1 && size != 2 && size != 4) || reg % size;
}

static void select_register(unsigned int bus, unsigned int devfn,
			    unsigned int reg)
{
	outl(0x80000000u | bus << 16 | devfn << 8 | (reg & 0xfc),
	     PCI_CONFIG_ADDRESS);
}

/* One access: the address to 0xCF8, then the data through 0xCFC. */
static int pci_conf1_access(unsigned int bus, unsigned int devfn,
			    unsigned int reg, int size, u32 *val, bool write)
{
	u16 port = PCI_CONFIG_DATA + (reg & 3);
	unsigned long flags;

	if (bad_access(bus, devfn, reg, size))
		return -EINVAL;
	flags = arch_local_irq_save();
	select_register(bus, devfn, reg);
	if (!write)
		*val = size == 1   ? inb(port)
		       : size == 2 ? inw(port)
				   : inl(port);
	else if (size == 1)
		outb(*val, port);
	else if (size == 2)
		outw(*val, port);
	else
		outl(*val, port);
	arch_local_irq_restore(flags);
	return 0;
}

int raw_pci_read(unsigned int bus, unsigned int devfn, unsigned int reg,
		 int size, u32 *val)
{
	return pci_conf1_access(bus, devfn, reg, size, val, false);
}

int raw_pci_write(unsigned int bus, unsigned int devfn, unsigned int reg,
		  int size, u32 val)
{
	return pci_conf1_access(bus, devfn, reg, size, &val, true);
}
