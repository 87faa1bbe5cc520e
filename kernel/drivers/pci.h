/* SPDX-License-Identifier: MIT */
/*
 * The PCI bus: what a driver of a PCI device uses (kernel/drivers/pci.c).
 *
 * At boot pci_init() scans bus 0 through the arch's configuration-space
 * access (<asm/pci.h>: ports 0xCF8/0xCFC on x86), sizes every base address
 * register (BAR), prints an lspci-like line per function, and offers each
 * device to the drivers whose id table names its vendor and device id.
 *
 * A driver:
 *
 *	static const struct pci_device_id edu_ids[] = {
 *		{ 0x1234, 0x11e8 }, { 0 }
 *	};
 *	static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
 *	{
 *		void __iomem *regs;
 *		int err = pci_enable_device(pdev);       // decode its BARs
 *
 *		if (err)
 *			return err;
 *		pci_set_master(pdev);                    // it may do DMA
 *		regs = ioremap(pci_resource_start(pdev, 0),
 *			       pci_resource_len(pdev, 0)); // <asm/io.h>
 *		...readl(regs + 4)... pdev->irq ...      // legacy INTx line
 *		return 0;                                // bound: pdev->driver set
 *	}
 *	static const struct pci_driver edu_driver = {
 *		.name = "edu", .id_table = edu_ids, .probe = edu_probe,
 *	};
 *	PCI_DRIVER(edu_driver);
 *
 * PCI_DRIVER puts the driver in a linker-section table (as KTEST_SUITE
 * does for tests), so adding a driver touches no other file.  Probes run
 * from kernel_init, after the root file system exists and before the
 * first process; a probe may sleep, allocate and ioremap.  Outside a
 * probe, pci_get_device() finds a device by id.
 *
 * Configuration registers: pci_read_config_{byte,word,dword} and the
 * write forms, Linux's names, returning 0 or -errno.
 */
#ifndef _KERNEL_DRIVERS_PCI_H
#define _KERNEL_DRIVERS_PCI_H

#include <kernel/kernel.h>
#include <kernel/list.h>

/* Standard configuration-space header (type 0) registers. */
#define PCI_VENDOR_ID 0x00
#define PCI_DEVICE_ID 0x02
#define PCI_COMMAND 0x04
#define PCI_COMMAND_IO 0x1     /* decode its I/O-port BARs */
#define PCI_COMMAND_MEMORY 0x2 /* decode its memory BARs */
#define PCI_COMMAND_MASTER 0x4 /* it may start bus cycles itself (DMA) */
#define PCI_STATUS 0x06
#define PCI_REVISION_ID 0x08
#define PCI_CLASS_PROG 0x09
#define PCI_CLASS_DEVICE 0x0a /* class << 8 | subclass */
#define PCI_HEADER_TYPE 0x0e
#define PCI_BASE_ADDRESS_0 0x10
#define PCI_SUBSYSTEM_VENDOR_ID 0x2c
#define PCI_SUBSYSTEM_ID 0x2e
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_INTERRUPT_PIN 0x3d

#define PCI_BASE_ADDRESS_SPACE_IO 0x1
#define PCI_BASE_ADDRESS_MEM_TYPE_64 0x4
#define PCI_BASE_ADDRESS_MEM_PREFETCH 0x8

#define PCI_DEVFN(slot, fn) ((((slot)&0x1f) << 3) | ((fn)&0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn)&0x07)

#define PCI_NUM_RESOURCES 6

/* What one BAR decodes (Linux's struct resource, reduced). */
#define IORESOURCE_IO 0x1
#define IORESOURCE_MEM 0x2
#define IORESOURCE_PREFETCH 0x4
#define IORESOURCE_MEM_64 0x8

struct resource {
	u64 start; /* bus address = physical address on a PC */
	u64 len;   /* 0: no BAR here */
	unsigned int flags;
};

struct pci_driver;

struct pci_dev {
	struct list_head list; /* on the bus's device list */
	unsigned int bus, devfn;
	u16 vendor, device;
	u16 subsystem_vendor, subsystem_device;
	u32 class; /* class << 16 | subclass << 8 | prog-if */
	u8 revision;
	u8 pin;		  /* interrupt pin, 1 = INTA#; 0: none */
	unsigned int irq; /* legacy interrupt line the firmware routed */
	struct resource resource[PCI_NUM_RESOURCES];
	const struct pci_driver *driver; /* bound driver, or NULL */
};

struct pci_device_id {
	u16 vendor, device; /* a table ends with a zero vendor */
};

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	/* 0: the device is the driver's; -errno: left unbound. */
	int (*probe)(struct pci_dev *pdev, const struct pci_device_id *id);
};

#define PCI_DRIVER(drv)                                                        \
	static const struct pci_driver *const __pci_driver_##drv __section(    \
		"pci_drivers") __used = &drv

/* Scan bus 0, print it, bind drivers.  Once, from kernel_init. */
void pci_init(void);

/*
 * The next device with this vendor and device id after from (NULL: the
 * first), or NULL.  Devices are never removed, so no reference is taken.
 */
struct pci_dev *pci_get_device(u16 vendor, u16 device, struct pci_dev *from);

static inline u64 pci_resource_start(const struct pci_dev *pdev, int bar)
{
	return pdev->resource[bar].start;
}

static inline u64 pci_resource_len(const struct pci_dev *pdev, int bar)
{
	return pdev->resource[bar].len;
}

static inline unsigned int pci_resource_flags(const struct pci_dev *pdev,
					      int bar)
{
	return pdev->resource[bar].flags;
}

int pci_read_config_byte(const struct pci_dev *pdev, int reg, u8 *val);
int pci_read_config_word(const struct pci_dev *pdev, int reg, u16 *val);
int pci_read_config_dword(const struct pci_dev *pdev, int reg, u32 *val);
int pci_write_config_byte(const struct pci_dev *pdev, int reg, u8 val);
int pci_write_config_word(const struct pci_dev *pdev, int reg, u16 val);
int pci_write_config_dword(const struct pci_dev *pdev, int reg, u32 val);

/* Turn on decoding of the BARs the device has (I/O, memory); 0 or -errno. */
int pci_enable_device(struct pci_dev *pdev);
/* Let the device master the bus (DMA). */
void pci_set_master(struct pci_dev *pdev);

/* Bus 0's devices, in slot and function order (for tests and listings). */
extern struct list_head pci_devices;

#endif
