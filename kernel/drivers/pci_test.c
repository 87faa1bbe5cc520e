// SPDX-License-Identifier: MIT
/*
 * Tests of the PCI scan (kernel/drivers/pci.c) on QEMU's pc machine (and,
 * where it applies, its ARM virt board), whose bus 0 is fixed: the i440FX host bridge at 00:00.0, the PIIX3 ISA bridge
 * at 00:01.0 with its IDE and ACPI functions, and the devices tools/run.py
 * adds (a bochs-display, whose BARs are checked here; edu, ivshmem-plain,
 * virtio-blk).  A device the machine lacks is a skip, never a pass.
 */
#include <asm/pci.h>
#include <kernel/drivers/pci.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <mm/mm.h>

#define BOCHS_VENDOR 0x1234
#define BOCHS_DEVICE 0x1111

/*
 * The host bridges the machines have at 00:00.0: the PC's i440FX, or the
 * generic PCIe host bridge of QEMU's ARM virt board.
 */
static const u16 host_bridges[][2] = { { 0x8086, 0x1237 }, { 0x1b36, 0x0008 } };

/* A machine without PCI (s390x: channel I/O) answers every access -ENODEV. */
static bool pci_bus_or_skip(struct ktest *t)
{
	u32 v;

	if (raw_pci_read(0, PCI_DEVFN(0, 0), PCI_VENDOR_ID, 2, &v) != -ENODEV)
		return true;
	ktest_skip(t, "no PCI bus on this machine");
	return false;
}

static void host_bridge_at_slot_0(struct ktest *t)
{
	struct pci_dev *pdev = NULL;

	if (!pci_bus_or_skip(t))
		return;
	for (size_t i = 0; !pdev && i < ARRAY_SIZE(host_bridges); i++)
		pdev = pci_get_device(host_bridges[i][0], host_bridges[i][1],
				      NULL);
	KTEST_ASSERT_NOT_NULL(t, pdev);
	KTEST_EXPECT_EQ(t, pdev->devfn, PCI_DEVFN(0, 0));
	KTEST_EXPECT_EQ(t, pdev->class >> 8, 0x0600); /* host bridge */
}

/* The PC's PIIX3 is multi-function: its functions 1 and 3 are found too. */
static void multifunction_device(struct ktest *t)
{
	struct pci_dev *isa = pci_get_device(0x8086, 0x7000, NULL);
	struct pci_dev *ide = pci_get_device(0x8086, 0x7010, NULL);

	if (!pci_bus_or_skip(t))
		return;
	if (!isa && !pci_get_device(0x8086, 0x1237, NULL)) {
		ktest_skip(t, "not a PC: no PIIX3 multi-function device");
		return;
	}
	KTEST_ASSERT_NOT_NULL(t, isa);
	KTEST_ASSERT_NOT_NULL(t, ide);
	KTEST_EXPECT_EQ(t, PCI_SLOT(ide->devfn), PCI_SLOT(isa->devfn));
	KTEST_EXPECT_EQ(t, PCI_FUNC(ide->devfn), 1);
}

static void empty_slot_reads_all_ones(struct ktest *t)
{
	u32 v = 0;

	if (!pci_bus_or_skip(t))
		return;
	KTEST_EXPECT_EQ(
		t, raw_pci_read(0, PCI_DEVFN(31, 0), PCI_VENDOR_ID, 2, &v), 0);
	KTEST_EXPECT_EQ(t, v, 0xffff);
}

static void bad_access_is_einval(struct ktest *t)
{
	u32 v;

	if (!pci_bus_or_skip(t))
		return;
	KTEST_EXPECT_EQ(t, raw_pci_read(0, 0, PCI_VENDOR_ID, 3, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, raw_pci_read(0, 0, 1, 2, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, raw_pci_write(0, 256, 0, 4, 0), -EINVAL);
}

static struct pci_dev *bochs_or_skip(struct ktest *t)
{
	struct pci_dev *pdev = pci_get_device(BOCHS_VENDOR, BOCHS_DEVICE, NULL);

	if (!pdev)
		ktest_skip(t, "no bochs-display (1234:1111) on this machine");
	return pdev;
}

/*
 * The bochs-display has a 16 MiB prefetchable framebuffer at BAR0 and 4 KiB
 * of registers at BAR2.  Each is aligned to its size, lies where mem_map
 * has no struct page, and the BAR register still holds the firmware's
 * address after sizing wrote all ones to it.
 */
static void bar_sizes(struct ktest *t)
{
	struct pci_dev *pdev = bochs_or_skip(t);
	u32 bar0;

	if (!pdev)
		return;
	KTEST_EXPECT_EQ(t, pci_resource_len(pdev, 0), 16 * MiB);
	KTEST_EXPECT_EQ(t, pci_resource_flags(pdev, 0),
			IORESOURCE_MEM | IORESOURCE_PREFETCH);
	KTEST_EXPECT_EQ(t, pci_resource_len(pdev, 1), 0);
	KTEST_EXPECT_EQ(t, pci_resource_len(pdev, 2), 4 * KiB);
	KTEST_EXPECT_EQ(t, pci_resource_flags(pdev, 2), IORESOURCE_MEM);
	for (int i = 0; i < 3; i += 2) {
		KTEST_EXPECT_TRUE(t, IS_ALIGNED(pci_resource_start(pdev, i),
						pci_resource_len(pdev, i)));
		KTEST_EXPECT_FALSE(
			t, pfn_valid(PHYS_PFN(pci_resource_start(pdev, i))));
	}
	KTEST_EXPECT_EQ(
		t, pci_read_config_dword(pdev, PCI_BASE_ADDRESS_0, &bar0), 0);
	KTEST_EXPECT_EQ(t, bar0 & ~0xfu, pci_resource_start(pdev, 0));
}

/* The interrupt-line register is scratch space for software: it sticks. */
static void config_write_read_back(struct ktest *t)
{
	struct pci_dev *pdev = bochs_or_skip(t);
	u8 orig, v;

	if (!pdev)
		return;
	KTEST_ASSERT_EQ(
		t, pci_read_config_byte(pdev, PCI_INTERRUPT_LINE, &orig), 0);
	pci_write_config_byte(pdev, PCI_INTERRUPT_LINE, 0x5a);
	pci_read_config_byte(pdev, PCI_INTERRUPT_LINE, &v);
	pci_write_config_byte(pdev, PCI_INTERRUPT_LINE, orig);
	KTEST_EXPECT_EQ(t, v, 0x5a);
	pci_read_config_byte(pdev, PCI_INTERRUPT_LINE, &v);
	KTEST_EXPECT_EQ(t, v, orig);
}

static void enable_sets_decode_bits(struct ktest *t)
{
	struct pci_dev *pdev = bochs_or_skip(t);
	u16 cmd;

	if (!pdev)
		return;
	KTEST_EXPECT_EQ(t, pci_enable_device(pdev), 0);
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	KTEST_EXPECT_TRUE(t, cmd & PCI_COMMAND_MEMORY);
}

KTEST_SUITE(pci, KTEST_CASE(host_bridge_at_slot_0),
	    KTEST_CASE(multifunction_device),
	    KTEST_CASE(empty_slot_reads_all_ones),
	    KTEST_CASE(bad_access_is_einval), KTEST_CASE(bar_sizes),
	    KTEST_CASE(config_write_read_back),
	    KTEST_CASE(enable_sets_decode_bits));
