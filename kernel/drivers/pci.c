// SPDX-License-Identifier: MIT
/*
 * The PCI bus, generic half (the interface is in kernel/drivers/pci.h; the
 * arch half, configuration-space access, in <asm/pci.h>).
 *
 * Enumeration: every slot of bus 0, function 0 first; a device whose
 * header type has bit 7 set has functions 1-7 too.  A vendor id of 0xffff
 * means nothing answered.  QEMU's pc machine has no PCI-to-PCI bridges, so
 * bus 0 is the whole tree (bridges are listed, not crossed).
 *
 * BAR sizing, as the PCI spec lays down: with decoding off, write all ones
 * to the BAR and read it back; the address bits that stay zero are the
 * ones the device decodes itself, so the lowest set bit is the size.  A
 * 64-bit memory BAR takes two registers.  The firmware (SeaBIOS) has
 * already placed every BAR; Pagoda keeps its addresses.  Memory BARs lie
 * above RAM, where mem_map has no struct page: pfn_valid() is false there,
 * which is what makes them device memory for the VM (seed 003).
 */
#include <asm/pci.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/drivers/pci.h>
#include <mm/slab.h>

LIST_HEAD(pci_devices);

extern const struct pci_driver *const __start_pci_drivers[];
extern const struct pci_driver *const __stop_pci_drivers[];

#define DEFINE_CONFIG(type, size)                                              \
	int pci_read_config_##type(const struct pci_dev *pdev, int reg,        \
				   u##size *val)                               \
	{                                                                      \
		u32 v = 0;                                                     \
		int err = raw_pci_read(pdev->bus, pdev->devfn, reg, size / 8,  \
				       &v);                                    \
                                                                               \
		*val = v;                                                      \
		return err;                                                    \
	}                                                                      \
	int pci_write_config_##type(const struct pci_dev *pdev, int reg,       \
				    u##size val)                               \
	{                                                                      \
		return raw_pci_write(pdev->bus, pdev->devfn, reg, size / 8,    \
				     val);                                     \
	}
DEFINE_CONFIG(byte, 8)
DEFINE_CONFIG(word, 16)
DEFINE_CONFIG(dword, 32)
#undef DEFINE_CONFIG

static u32 config_read(unsigned int bus, unsigned int devfn, int reg, int size)
{
	u32 v;

	return raw_pci_read(bus, devfn, reg, size, &v) ? ~0u : v;
}

/* Size BAR i (and i + 1 for a 64-bit one); returns the registers used. */
static int size_bar(struct pci_dev *pdev, int i)
{
	int reg = PCI_BASE_ADDRESS_0 + 4 * i;
	struct resource *res = &pdev->resource[i];
	u32 orig, probe, orig_hi = 0, probe_hi = ~0u;
	u64 mask;

	pci_read_config_dword(pdev, reg, &orig);
	pci_write_config_dword(pdev, reg, ~0u);
	pci_read_config_dword(pdev, reg, &probe);
	pci_write_config_dword(pdev, reg, orig);
	if (!probe || probe == ~0u)
		return 1; /* no BAR here */
	if (orig & PCI_BASE_ADDRESS_SPACE_IO) {
		res->flags = IORESOURCE_IO;
		res->start = orig & ~3u;
		res->len = (u16)(~(probe & ~3u) + 1);
		return 1;
	}
	res->flags = IORESOURCE_MEM;
	if (orig & PCI_BASE_ADDRESS_MEM_PREFETCH)
		res->flags |= IORESOURCE_PREFETCH;
	if ((orig & 6) == PCI_BASE_ADDRESS_MEM_TYPE_64 && i < 5) {
		res->flags |= IORESOURCE_MEM_64;
		pci_read_config_dword(pdev, reg + 4, &orig_hi);
		pci_write_config_dword(pdev, reg + 4, ~0u);
		pci_read_config_dword(pdev, reg + 4, &probe_hi);
		pci_write_config_dword(pdev, reg + 4, orig_hi);
	}
	mask = ((u64)probe_hi << 32 | probe) & ~0xfULL;
	res->start = ((u64)orig_hi << 32 | orig) & ~0xfULL;
	res->len = ~mask + 1;
	return res->flags & IORESOURCE_MEM_64 ? 2 : 1;
}

/* Size every BAR with decoding off, so no half-written BAR is ever live. */
static void read_bars(struct pci_dev *pdev)
{
	u16 cmd;

	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	pci_write_config_word(pdev, PCI_COMMAND,
			      cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (int i = 0; i < PCI_NUM_RESOURCES;)
		i += size_bar(pdev, i);
	pci_write_config_word(pdev, PCI_COMMAND, cmd);
}

static struct pci_dev *pci_scan_device(unsigned int bus, unsigned int devfn)
{
	struct pci_dev *pdev;
	u8 irq;

	if ((config_read(bus, devfn, PCI_VENDOR_ID, 2) & 0xffff) == 0xffff)
		return NULL;
	pdev = kzalloc(sizeof(*pdev));
	if (!pdev)
		return NULL;
	pdev->bus = bus;
	pdev->devfn = devfn;
	pci_read_config_word(pdev, PCI_VENDOR_ID, &pdev->vendor);
	pci_read_config_word(pdev, PCI_DEVICE_ID, &pdev->device);
	pdev->class = config_read(bus, devfn, PCI_REVISION_ID, 4) >> 8;
	pci_read_config_byte(pdev, PCI_REVISION_ID, &pdev->revision);
	pci_read_config_byte(pdev, PCI_INTERRUPT_PIN, &pdev->pin);
	pci_read_config_byte(pdev, PCI_INTERRUPT_LINE, &irq);
	pdev->irq = irq;
	if ((config_read(bus, devfn, PCI_HEADER_TYPE, 1) & 0x7f) == 0) {
		pci_read_config_word(pdev, PCI_SUBSYSTEM_VENDOR_ID,
				     &pdev->subsystem_vendor);
		pci_read_config_word(pdev, PCI_SUBSYSTEM_ID,
				     &pdev->subsystem_device);
		read_bars(pdev);
	}
	return pdev;
}

static void pci_scan_bus(unsigned int bus)
{
	for (unsigned int slot = 0; slot < 32; slot++) {
		for (unsigned int fn = 0; fn < 8; fn++) {
			unsigned int devfn = PCI_DEVFN(slot, fn);
			struct pci_dev *pdev = pci_scan_device(bus, devfn);

			if (pdev)
				list_add_tail(&pdev->list, &pci_devices);
			/* Functions 1-7 exist only on a multi-function device. */
			if (fn == 0 &&
			    (!pdev ||
			     !(config_read(bus, devfn, PCI_HEADER_TYPE, 1) &
			       0x80)))
				break;
		}
	}
}

static const char *class_name(u32 class)
{
	static const char *const names[] = {
		[0x01] = "storage",	  [0x02] = "network",
		[0x03] = "display",	  [0x04] = "multimedia",
		[0x05] = "memory",	  [0x06] = "bridge",
		[0x07] = "communication", [0x08] = "system",
		[0x0c] = "serial bus",	  [0xff] = "vendor-specific",
	};
	unsigned int base = class >> 16;

	return base < ARRAY_SIZE(names) && names[base] ? names[base] : "device";
}

static void print_size(u64 len)
{
	if (len >= MiB)
		printk(" [size=%lluM]", (unsigned long long)(len / MiB));
	else if (len >= KiB)
		printk(" [size=%lluK]", (unsigned long long)(len / KiB));
	else
		printk(" [size=%llu]", (unsigned long long)len);
}

/* One device in lspci -v's shape. */
static void pci_print_device(const struct pci_dev *pdev)
{
	printk("pci %02x:%02x.%u %s [%04x]: %04x:%04x (rev %02x)", pdev->bus,
	       PCI_SLOT(pdev->devfn), PCI_FUNC(pdev->devfn),
	       class_name(pdev->class), pdev->class >> 8, pdev->vendor,
	       pdev->device, pdev->revision);
	if (pdev->pin)
		printk(", INT%c irq %u", 'A' + pdev->pin - 1, pdev->irq);
	printk("\n");
	for (int i = 0; i < PCI_NUM_RESOURCES; i++) {
		const struct resource *r = &pdev->resource[i];

		if (!r->len)
			continue;
		if (r->flags & IORESOURCE_IO) {
			printk("    BAR%d: I/O ports at %04llx", i,
			       (unsigned long long)r->start);
		} else {
			printk("    BAR%d: memory at %#llx (%s, %s)", i,
			       (unsigned long long)r->start,
			       r->flags & IORESOURCE_MEM_64 ? "64-bit"
							    : "32-bit",
			       r->flags & IORESOURCE_PREFETCH
				       ? "prefetchable"
				       : "non-prefetchable");
		}
		print_size(r->len);
		printk("\n");
	}
}

static const struct pci_device_id *match_id(const struct pci_driver *drv,
					    const struct pci_dev *pdev)
{
	for (const struct pci_device_id *id = drv->id_table; id->vendor; id++)
		if (id->vendor == pdev->vendor && id->device == pdev->device)
			return id;
	return NULL;
}

static void pci_bind_driver(struct pci_dev *pdev)
{
	for (const struct pci_driver *const *d = __start_pci_drivers;
	     d < __stop_pci_drivers && !pdev->driver; d++) {
		const struct pci_device_id *id = match_id(*d, pdev);
		int err;

		if (!id)
			continue;
		err = (*d)->probe(pdev, id);
		if (err) {
			printk("pci %02x:%02x.%u: %s: probe failed (error "
			       "%d)\n",
			       pdev->bus, PCI_SLOT(pdev->devfn),
			       PCI_FUNC(pdev->devfn), (*d)->name, err);
			continue;
		}
		pdev->driver = *d;
		printk("pci %02x:%02x.%u: bound to %s\n", pdev->bus,
		       PCI_SLOT(pdev->devfn), PCI_FUNC(pdev->devfn),
		       (*d)->name);
	}
}

void pci_init(void)
{
	struct pci_dev *pdev;

	pci_scan_bus(0);
	list_for_each_entry (pdev, &pci_devices, list)
		pci_print_device(pdev);
	list_for_each_entry (pdev, &pci_devices, list)
		pci_bind_driver(pdev);
}

struct pci_dev *pci_get_device(u16 vendor, u16 device, struct pci_dev *from)
{
	struct list_head *pos = from ? from->list.next : pci_devices.next;

	for (; pos != &pci_devices; pos = pos->next) {
		struct pci_dev *pdev = list_entry(pos, struct pci_dev, list);

		if (pdev->vendor == vendor && pdev->device == device)
			return pdev;
	}
	return NULL;
}

int pci_enable_device(struct pci_dev *pdev)
{
	u16 cmd, want = 0;
	int err;

	for (int i = 0; i < PCI_NUM_RESOURCES; i++) {
		if (pdev->resource[i].flags & IORESOURCE_IO)
			want |= PCI_COMMAND_IO;
		if (pdev->resource[i].flags & IORESOURCE_MEM)
			want |= PCI_COMMAND_MEMORY;
	}
	err = pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	if (!err && (cmd & want) != want)
		err = pci_write_config_word(pdev, PCI_COMMAND, cmd | want);
	return err;
}

void pci_set_master(struct pci_dev *pdev)
{
	u16 cmd;

	if (!pci_read_config_word(pdev, PCI_COMMAND, &cmd) &&
	    !(cmd & PCI_COMMAND_MASTER))
		pci_write_config_word(pdev, PCI_COMMAND,
				      cmd | PCI_COMMAND_MASTER);
}
