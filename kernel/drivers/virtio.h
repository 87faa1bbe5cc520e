/* SPDX-License-Identifier: MIT */
/*
 * Virtio: a device that a hypervisor (QEMU) emulates and a driver talks to
 * through rings of buffer descriptors in shared memory (the virtqueues),
 * rather than through register-by-register emulation.  As in Linux, three
 * layers, each in its own file:
 *
 *   a transport      finds the device and reaches its status, features,
 *                    configuration and queue registers: PCI here
 *                    (virtio_pci.c); channel I/O on s390
 *                    (arch/s390/virtio_ccw.c), behind the same
 *                    virtio_config_ops
 *   the ring         virtio_ring.c: the split virtqueue, whatever the
 *                    transport
 *   a device driver  virtio_blk.c: knows what the buffers mean, nothing
 *                    about PCI
 *
 * Facts from the OASIS Virtio 1.0 specification (sections 2, 3, 4.1.4.8
 * "legacy interfaces", 5.2 "block device").
 */
#ifndef _KERNEL_DRIVERS_VIRTIO_H
#define _KERNEL_DRIVERS_VIRTIO_H

#include <kernel/types.h>

/* Device status bits, written by the driver as it brings the device up. */
#define VIRTIO_CONFIG_S_ACKNOWLEDGE 1 /* a driver has seen the device */
#define VIRTIO_CONFIG_S_DRIVER 2      /* ... and knows how to drive it */
#define VIRTIO_CONFIG_S_DRIVER_OK 4   /* ... and it is ready */
#define VIRTIO_CONFIG_S_FAILED 0x80   /* the driver gave up on it */

/* Device types (the spec's device ids). */
#define VIRTIO_ID_BLOCK 2

struct virtio_device;
struct virtqueue;

typedef void vq_callback_t(struct virtqueue *vq);

/* What a transport does for the drivers (Linux's struct virtio_config_ops). */
struct virtio_config_ops {
	u8 (*get_status)(struct virtio_device *vdev);
	void (*set_status)(struct virtio_device *vdev, u8 status);
	/* Back to the state at power-on: no queues, status 0. */
	void (*reset)(struct virtio_device *vdev);
	u64 (*get_features)(struct virtio_device *vdev);
	/* Tell the device which of its features the driver uses. */
	void (*finalize_features)(struct virtio_device *vdev, u64 features);
	/* len bytes of the device-specific configuration at offset. */
	void (*get)(struct virtio_device *vdev, unsigned int offset, void *buf,
		    unsigned int len);
	/* Set up queue index, its callback run on each interrupt; or NULL. */
	struct virtqueue *(*find_vq)(struct virtio_device *vdev,
				     unsigned int index,
				     vq_callback_t *callback);
};

struct virtio_device {
	u32 id; /* VIRTIO_ID_* */
	const struct virtio_config_ops *config;
	void *priv;	      /* the device driver's */
	struct virtqueue *vq; /* one queue is all virtio-blk needs */
};

/*
 * A virtio device driver: probe binds a device of its id (0 or -errno).
 * virtio_dev_probe, called by a transport for each device it finds, goes
 * through the table in virtio.c.
 */
struct virtio_driver {
	const char *name;
	u32 id;
	int (*probe)(struct virtio_device *vdev);
};

int virtio_dev_probe(struct virtio_device *vdev);
int virtio_blk_probe(struct virtio_device *vdev);

/* One buffer of a request, in physical memory, as the device sees it. */
struct vring_buf {
	phys_addr_t addr;
	u32 len;
	bool device_writes; /* the device fills it (a read's data, a status) */
};

/*
 * The ring (virtio_ring.c).  The caller serializes calls on one queue (its
 * driver's lock, taken with interrupts off, since the callback runs from
 * the interrupt).
 */
/*
 * Queue the chain bufs[0..n) as one request, identified by data (returned
 * by virtqueue_get_buf when the device is done); -ENOSPC if fewer than n
 * descriptors are free.  The device sees it after virtqueue_kick.
 */
int virtqueue_add_bufs(struct virtqueue *vq, const struct vring_buf *bufs,
		       unsigned int n, void *data);
void virtqueue_kick(struct virtqueue *vq);
/* The next request the device has finished, or NULL; *len bytes written. */
void *virtqueue_get_buf(struct virtqueue *vq, u32 *len);
unsigned int virtqueue_get_vring_size(const struct virtqueue *vq);
struct virtio_device *virtqueue_vdev(const struct virtqueue *vq);
void *virtqueue_priv(const struct virtqueue *vq);
void virtqueue_set_priv(struct virtqueue *vq, void *priv);

/* For transports: a ring of num entries laid out as the legacy
 * interface requires (used ring aligned to align), or NULL. */
struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned int align,
					 struct virtio_device *vdev,
					 void (*notify)(struct virtqueue *vq),
					 vq_callback_t *callback);
/* Its first byte's physical address (what the device is given). */
phys_addr_t virtqueue_get_desc_addr(const struct virtqueue *vq);
unsigned int virtqueue_index(const struct virtqueue *vq);
/* The device interrupted: run the callback if it used any buffer. */
void vring_interrupt(struct virtqueue *vq);

#endif
