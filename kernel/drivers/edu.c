// SPDX-License-Identifier: MIT
/*
 * QEMU's "edu" educational PCI device (vendor 0x1234, device 0x11e8) as a
 * DMA engine (dma_engine.h), for the mirror device.  Facts from QEMU's
 * docs/specs/edu.rst and hw/misc/edu.c:
 *
 *   BAR0, 1 MiB of registers, 32- or 64-bit accesses:
 *	0x00  identification, 0x010000ed (version 1.0)
 *	0x24  interrupt status (read); 0x64  interrupt acknowledge (write)
 *	0x80  DMA source address       0x88  DMA destination address
 *	0x90  DMA byte count           0x98  DMA command:
 *	      bit 0 start (reads as 1 while the transfer runs), bit 1
 *	      direction (0: RAM to the device, 1: the device to RAM), bit 2
 *	      raise interrupt 0x100 when done
 *   the device's own 4 KiB buffer sits at device address 0x40000: one end
 *   of every transfer is inside it, the other is a bus (here: physical)
 *   address, masked to the device's DMA mask (28 bits unless QEMU's
 *   dma_mask property says otherwise; tools/run.py gives it 32).
 *   QEMU completes a transfer 100 ms of virtual time after the command.
 *
 * So a page is copied in steps, each an interrupt apart: a piece of the
 * source page into the buffer, then the buffer to the destination page.
 * The pieces are half pages: QEMU 7.2 (Debian 12's) rejects a transfer
 * that reaches the buffer's last byte (an off-by-one in edu_check_range,
 * and its hw_error stops the machine).  Addresses go in with 32-bit
 * writes, so the engine reaches the first 4 GiB only.
 */
#include <asm/io.h>
#include <asm/page.h>
#include <kernel/drivers/dma_engine.h>
#include <kernel/drivers/pci.h>
#include <kernel/errno.h>
#include <kernel/irq.h>
#include <kernel/printk.h>

#define EDU_IDENT 0x00
#define EDU_IRQ_STATUS 0x24
#define EDU_IRQ_ACK 0x64
#define EDU_DMA_SRC 0x80
#define EDU_DMA_DST 0x88
#define EDU_DMA_COUNT 0x90
#define EDU_DMA_CMD 0x98

#define EDU_DMA_START 0x1
#define EDU_DMA_TO_RAM 0x2
#define EDU_DMA_IRQ 0x4
#define EDU_IRQ_DMA 0x100

#define EDU_BUFFER 0x40000 /* the device's buffer, in its DMA space */
#define EDU_DMA_LIMIT (1ULL << 32)

#define EDU_PIECE (PAGE_SIZE / 2)
#define EDU_STEPS (2 * PAGE_SIZE / EDU_PIECE)

struct edu {
	struct dma_engine engine; /* first: container of the engine */
	void __iomem *regs;
	u64 src, dst;	   /* the page copy under way */
	unsigned int step; /* even: src piece to buffer; odd: buffer to dst */
};

static struct edu edu;

static void edu_step(struct edu *dev)
{
	u64 offset = dev->step / 2 * EDU_PIECE;
	bool to_ram = dev->step % 2;

	writel(to_ram ? EDU_BUFFER : dev->src + offset,
	       dev->regs + EDU_DMA_SRC);
	writel(to_ram ? dev->dst + offset : EDU_BUFFER,
	       dev->regs + EDU_DMA_DST);
	writel(EDU_PIECE, dev->regs + EDU_DMA_COUNT);
	writel(EDU_DMA_START | EDU_DMA_IRQ | (to_ram ? EDU_DMA_TO_RAM : 0),
	       dev->regs + EDU_DMA_CMD);
}

static void edu_start(struct dma_engine *e, unsigned long dst_pfn,
		      unsigned long src_pfn)
{
	struct edu *dev = container_of(e, struct edu, engine);

	dev->src = PFN_PHYS(src_pfn);
	dev->dst = PFN_PHYS(dst_pfn);
	dev->step = 0;
	edu_step(dev);
}

static bool edu_idle(struct dma_engine *e)
{
	struct edu *dev = container_of(e, struct edu, engine);

	return !(readl(dev->regs + EDU_DMA_CMD) & EDU_DMA_START);
}

/* The line may be shared: the status register says whether it was us. */
static bool edu_interrupt(void *data)
{
	struct edu *dev = data;
	u32 status = readl(dev->regs + EDU_IRQ_STATUS);

	if (!status)
		return false;
	writel(status, dev->regs + EDU_IRQ_ACK); /* lowers the line */
	if (!(status & EDU_IRQ_DMA))
		return true;
	if (++dev->step < EDU_STEPS)
		edu_step(dev);
	else
		dma_engine_complete(&dev->engine);
	return true;
}

static const struct dma_engine_ops edu_ops = {
	.start = edu_start,
	.idle = edu_idle,
};

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = pci_enable_device(pdev);

	if (err)
		return err;
	pci_set_master(pdev);
	edu.regs =
		ioremap(pci_resource_start(pdev, 0), pci_resource_len(pdev, 0));
	if (!edu.regs)
		return -ENOMEM;
	if ((readl(edu.regs + EDU_IDENT) & 0xff) != 0xed)
		return -ENODEV;
	err = request_irq(pdev->irq, edu_interrupt, &edu);
	if (err)
		return err;
	edu.engine = (struct dma_engine){
		.name = "edu",
		.ops = &edu_ops,
		.max_pfn = EDU_DMA_LIMIT >> PAGE_SHIFT,
	};
	dma_engine_register(&edu.engine);
	printk("edu: DMA engine, irq %u\n", pdev->irq);
	return 0;
}

static const struct pci_device_id edu_ids[] = {
	{ 0x1234, 0x11e8 },
	{ 0 },
};

static const struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
};
PCI_DRIVER(edu_driver);
