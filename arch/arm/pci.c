// SPDX-License-Identifier: MIT
/*
 * PCI configuration space through the virt board's ECAM window (see
 * asm/pci.h): the window is mapped on first use, then each access is one
 * load or store.  The Pi 2 has no PCI.
 *
 * On a PC the firmware gives every BAR an address and every device its
 * interrupt line before the kernel starts; QEMU's virt board has no
 * firmware, so pci_assign_resources() does it, as Linux's
 * pci_assign_unassigned_resources does there: memory BARs from the MMIO
 * window upwards, each aligned to its size, I/O BARs from the I/O window
 * (ports, reached through PCI_IO_VIRT: asm/io.h), then decoding and bus
 * mastering on.  INTx: the board wires slot s, pin p (1 = INTA) to GIC SPI
 * 3 + (s + p - 1) % 4 (its device tree's interrupt-map).
 */
#include <asm/board.h>
#include <asm/io.h>
#include <asm/pci.h>
#include <kernel/drivers/pci.h>
#include <kernel/errno.h>
#include <kernel/printk.h>

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

/* Where the next BAR of each kind goes. */
static u32 next_mmio = PCI_MMIO_PHYS, next_io = PCI_IO_FIRST_PORT;

static u32 config_read(unsigned int devfn, unsigned int reg)
{
	u32 v;

	return raw_pci_read(0, devfn, reg, 4, &v) ? ~0U : v;
}

/* Give BAR i an address; the BARs it used (2 for a 64-bit one). */
static int assign_bar(unsigned int devfn, int i)
{
	unsigned int reg = PCI_BASE_ADDRESS_0 + 4 * i;
	u32 orig = config_read(devfn, reg), probe, size, *next, limit;

	raw_pci_write(0, devfn, reg, 4, ~0U);
	probe = config_read(devfn, reg);
	if (!probe || probe == ~0U)
		return 1; /* no BAR here */
	if (orig & PCI_BASE_ADDRESS_SPACE_IO) {
		size = ~(probe & ~3U) + 1;
		next = &next_io;
		limit = PCI_IO_SIZE;
	} else {
		size = ~(probe & ~0xfU) + 1;
		next = &next_mmio;
		limit = PCI_MMIO_PHYS + PCI_MMIO_SIZE;
	}
	*next = ALIGN(*next, size);
	if (size > limit - *next) {
		printk("pci 00:%02x.%x: no room for BAR%d [size %#x]\n",
		       PCI_SLOT(devfn), PCI_FUNC(devfn), i, size);
		return 1;
	}
	raw_pci_write(0, devfn, reg, 4, *next);
	*next += size;
	if (!(orig & PCI_BASE_ADDRESS_SPACE_IO) &&
	    (orig & 6) == PCI_BASE_ADDRESS_MEM_TYPE_64) {
		raw_pci_write(0, devfn, reg + 4, 4, 0); /* below 4 GiB */
		return 2;
	}
	return 1;
}

static void assign_device(unsigned int devfn)
{
	u32 pin = (config_read(devfn, PCI_INTERRUPT_LINE) >> 8) & 0xff;

	raw_pci_write(0, devfn, PCI_COMMAND, 2, 0); /* decoding off meanwhile */
	for (int i = 0; i < PCI_NUM_RESOURCES;)
		i += assign_bar(devfn, i);
	if (pin)
		raw_pci_write(0, devfn, PCI_INTERRUPT_LINE, 1,
			      PCI_IRQ_BASE + (PCI_SLOT(devfn) + pin - 1) % 4);
	raw_pci_write(0, devfn, PCI_COMMAND, 2,
		      PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
}

void pci_assign_resources(void)
{
	for (unsigned int devfn = 0; devfn < 256; devfn++)
		if ((config_read(devfn, PCI_VENDOR_ID) & 0xffff) != 0xffff)
			assign_device(devfn);
}
#else
void pci_assign_resources(void)
{
}

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
