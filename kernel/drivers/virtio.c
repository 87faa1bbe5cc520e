// SPDX-License-Identifier: MIT
/*
 * The virtio bus: a transport (virtio_pci.c, arch/s390/virtio_ccw.c)
 * hands each device it finds to virtio_dev_probe, which binds
 * the driver of the device's type.  A device with no driver stays unused.
 */
#include <kernel/drivers/virtio.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>

static const struct virtio_driver virtio_drivers[] = {
	{ "virtio_blk", VIRTIO_ID_BLOCK, virtio_blk_probe },
};

int virtio_dev_probe(struct virtio_device *vdev)
{
	for (size_t i = 0; i < ARRAY_SIZE(virtio_drivers); i++)
		if (virtio_drivers[i].id == vdev->id)
			return virtio_drivers[i].probe(vdev);
	return -ENODEV;
}
