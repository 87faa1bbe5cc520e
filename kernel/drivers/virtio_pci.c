// SPDX-License-Identifier: MIT
/*
 * The virtio PCI transport, legacy interface (Virtio 1.0, section
 * 4.1.4.8), which QEMU's virtio-*-pci devices offer on a PC's PCI bus
 * beside the modern one ("transitional" devices, PCI device ids 0x1000 to
 * 0x103f, vendor 0x1af4; the subsystem device id is the virtio type).
 * Every register is an I/O port in BAR 0:
 *
 *	0x00  device features (32 bits)    0x04  driver features
 *	0x08  queue address: the selected ring's physical page number
 *	0x0c  queue size (the device's; a legacy driver cannot change it)
 *	0x0e  queue select                  0x10  queue notify (write index)
 *	0x12  device status (8 bits)        0x13  ISR status: reading it
 *	      acknowledges the interrupt (bit 0: a queue, bit 1: config)
 *	0x14  the device-specific configuration (no MSI-X vectors before it)
 *
 * Interrupts arrive on the legacy INTx line, which other devices may
 * share: a zero ISR means it was not this one.
 */
#include <asm/io.h>
#include <asm/page.h>
#include <kernel/drivers/pci.h>
#include <kernel/drivers/virtio.h>
#include <kernel/errno.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <mm/slab.h>

#define VIRTIO_PCI_HOST_FEATURES 0x00
#define VIRTIO_PCI_GUEST_FEATURES 0x04
#define VIRTIO_PCI_QUEUE_PFN 0x08
#define VIRTIO_PCI_QUEUE_NUM 0x0c
#define VIRTIO_PCI_QUEUE_SEL 0x0e
#define VIRTIO_PCI_QUEUE_NOTIFY 0x10
#define VIRTIO_PCI_STATUS 0x12
#define VIRTIO_PCI_ISR 0x13
#define VIRTIO_PCI_CONFIG 0x14

#define VIRTIO_PCI_ISR_QUEUE 0x1
#define VIRTIO_PCI_VRING_ALIGN 4096

struct virtio_pci_device {
	struct virtio_device vdev; /* first: container of the device */
	u16 ioaddr;		   /* BAR 0's first port */
};

static struct virtio_pci_device *to_vp(struct virtio_device *vdev)
{
	return container_of(vdev, struct virtio_pci_device, vdev);
}

static u8 vp_get_status(struct virtio_device *vdev)
{
	return inb(to_vp(vdev)->ioaddr + VIRTIO_PCI_STATUS);
}

static void vp_set_status(struct virtio_device *vdev, u8 status)
{
	outb(status, to_vp(vdev)->ioaddr + VIRTIO_PCI_STATUS);
}

static void vp_reset(struct virtio_device *vdev)
{
	vp_set_status(vdev, 0);
}

static u64 vp_get_features(struct virtio_device *vdev)
{
	return inl(to_vp(vdev)->ioaddr + VIRTIO_PCI_HOST_FEATURES);
}

static void vp_finalize_features(struct virtio_device *vdev, u64 features)
{
	outl((u32)features, to_vp(vdev)->ioaddr + VIRTIO_PCI_GUEST_FEATURES);
}

static void vp_get(struct virtio_device *vdev, unsigned int offset, void *buf,
		   unsigned int len)
{
	u16 port = to_vp(vdev)->ioaddr + VIRTIO_PCI_CONFIG + offset;

	for (unsigned int i = 0; i < len; i++)
		((u8 *)buf)[i] = inb(port + i);
}

static void vp_notify(struct virtqueue *vq)
{
	struct virtio_pci_device *vp = virtqueue_priv(vq);

	outw(virtqueue_index(vq), vp->ioaddr + VIRTIO_PCI_QUEUE_NOTIFY);
}

static struct virtqueue *vp_find_vq(struct virtio_device *vdev,
				    unsigned int index, vq_callback_t *callback)
{
	struct virtio_pci_device *vp = to_vp(vdev);
	struct virtqueue *vq;
	u16 num;

	outw(index, vp->ioaddr + VIRTIO_PCI_QUEUE_SEL);
	num = inw(vp->ioaddr + VIRTIO_PCI_QUEUE_NUM);
	if (!num || inl(vp->ioaddr + VIRTIO_PCI_QUEUE_PFN))
		return NULL; /* no such queue, or already in use */
	vq = vring_create_virtqueue(index, num, VIRTIO_PCI_VRING_ALIGN, vdev,
				    vp_notify, callback);
	if (!vq)
		return NULL;
	virtqueue_set_priv(vq, vp);
	outl(virtqueue_get_desc_addr(vq) >> PAGE_SHIFT,
	     vp->ioaddr + VIRTIO_PCI_QUEUE_PFN);
	return vq;
}

static const struct virtio_config_ops virtio_pci_config_ops = {
	.get_status = vp_get_status,
	.set_status = vp_set_status,
	.reset = vp_reset,
	.get_features = vp_get_features,
	.finalize_features = vp_finalize_features,
	.get = vp_get,
	.find_vq = vp_find_vq,
};

static bool vp_interrupt(void *data)
{
	struct virtio_pci_device *vp = data;
	u8 isr = inb(vp->ioaddr + VIRTIO_PCI_ISR); /* lowers the line */

	if (!isr)
		return false;
	if ((isr & VIRTIO_PCI_ISR_QUEUE) && vp->vdev.vq)
		vring_interrupt(vp->vdev.vq);
	return true;
}

static int virtio_pci_probe(struct pci_dev *pdev,
			    const struct pci_device_id *id)
{
	struct virtio_pci_device *vp;
	int err;

	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_IO))
		return -ENODEV; /* a modern-only device: not handled yet */
	err = pci_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);
	vp = kzalloc(sizeof(*vp));
	if (!vp)
		return -ENOMEM;
	vp->ioaddr = pci_resource_start(pdev, 0);
	vp->vdev = (struct virtio_device){
		.id = pdev->subsystem_device,
		.config = &virtio_pci_config_ops,
	};
	vp_reset(&vp->vdev);
	err = request_irq(pdev->irq, vp_interrupt, vp);
	if (!err)
		err = virtio_dev_probe(&vp->vdev);
	if (err) {
		vp_set_status(&vp->vdev, VIRTIO_CONFIG_S_FAILED);
		printk("virtio-pci %02x.%x: type %u not bound: error %d\n",
		       PCI_SLOT(pdev->devfn), PCI_FUNC(pdev->devfn),
		       vp->vdev.id, err);
	}
	return err;
}

/* The transitional block device; more types as their drivers come. */
static const struct pci_device_id virtio_pci_ids[] = {
	{ 0x1af4, 0x1001 },
	{ 0 },
};

static const struct pci_driver virtio_pci_driver = {
	.name = "virtio-pci",
	.id_table = virtio_pci_ids,
	.probe = virtio_pci_probe,
};
PCI_DRIVER(virtio_pci_driver);
