// SPDX-License-Identifier: MIT
/*
 * PCI configuration space through the virt board's ECAM window (see
 * asm/pci.h): the window is mapped on first use, then each access is one
 * load or store.  The Pi 2 has no PCI.
 */
#include <asm/board.h>
#include <asm/io.h>
#include <asm/pci.h>
#include <kernel/errno.h>

#ifdef PCI_ECAM_PHYS
static void __iomem *ecam;

static void __iomem *config_address(unsigned int bus, unsigned int devfn,
				    unsigned int reg, int size)
{
	if ((size != 1 && size != 2 && size != 4) || reg % size ||
	    reg >= 4096 || devfn > 0xff ||
	    ((unsigned long)bus << 20) >= PCI_ECAM_SIZE)
		return NULL;
	if (!ecam)
		ecam = ioremap(PCI_ECAM_PHYS, PCI_ECAM_SIZE);
	if (!ecam)
		return NULL;
	return ecam + (bus << 20 | devfn << 12 | reg);
}

int raw_pci_read(unsigned int bus, unsigned int devfn, unsigned int reg,
		 int size, u32 *val)
{
	void __iomem *addr = config_address(bus, devfn, reg, size);

	if (!addr)
		return -EINVAL;
	*val = size == 1 ? readb(addr) : size == 2 ? readw(addr) : readl(addr);
	return 0;
}

int raw_pci_write(unsigned int bus, unsigned int devfn, unsigned int reg,
		  int size, u32 val)
{
	void __iomem *addr = config_address(bus, devfn, reg, size);

	if (!addr)
		return -EINVAL;
	if (size == 1)
		writeb(val, addr);
	else if (size == 2)
		writew(val, addr);
	else
		writel(val, addr);
	return 0;
}
#else
int raw_pci_read(unsigned int bus, unsigned int devfn, unsigned int reg,
		 int size, u32 *val)
{
	*val = ~0U; /* what a read from an absent function gives */
	return -ENODEV;
}

int raw_pci_write(unsigned int bus, unsigned int devfn, unsigned int reg,
		  int size, u32 val)
{
	return -ENODEV;
}
#endif
