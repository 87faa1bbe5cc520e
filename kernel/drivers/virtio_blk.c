// SPDX-License-Identifier: MIT
/*
 * virtio-blk (Virtio 1.0, section 5.2): a disk behind one virtqueue.  The
 * device-specific configuration starts with the capacity, a 64-bit count
 * of 512-byte sectors.  A request is a chain of three buffers:
 *
 *	header  { type (0: read, 1: write), reserved, sector }, device reads
 *	data    the sectors; the device writes it for a read
 *	status  one byte the device writes: 0 done, 1 I/O error, 2 unsupported
 *
 * The header and status must be reachable by DMA, so they live in a pool
 * of struct virtblk_req allocated at probe, one per request the ring can
 * hold (three descriptors each).  A request that finds the pool empty
 * waits on the disk's queue (the block layer retries it from the
 * completion interrupt).  The disks are /dev/vda, /dev/vdb, ...
 */
#include <asm/page.h>
#include <kernel/drivers/blkdev.h>
#include <kernel/drivers/virtio.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/string.h>
#include <mm/slab.h>

#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_S_OK 0

#define VIRTIO_BLK_CONFIG_CAPACITY 0

struct virtio_blk_outhdr {
	u32 type;
	u32 ioprio;
	u64 sector;
};

struct virtblk_req {
	struct virtio_blk_outhdr out_hdr; /* read by the device */
	u8 status;			  /* written by the device */
	struct request *rq;		  /* NULL: free, on the pool */
	struct list_head free_link;
};

struct virtio_blk {
	struct virtio_device *vdev;
	struct gendisk disk;
	struct virtblk_req *reqs; /* the pool (disk.queue_lock) */
	struct list_head free_reqs;
};

static int virtblk_queue_rq(struct gendisk *disk, struct request *rq)
{
	struct virtio_blk *vblk = disk->private_data;
	struct virtblk_req *vbr;
	struct vring_buf bufs[3];
	int err;

	if (list_empty(&vblk->free_reqs))
		return -EBUSY;
	vbr = list_first_entry(&vblk->free_reqs, struct virtblk_req, free_link);
	vbr->out_hdr = (struct virtio_blk_outhdr){
		.type = rq->write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN,
		.sector = rq->sector,
	};
	vbr->status = 0xff; /* a device that never answers leaves this */
	vbr->rq = rq;
	bufs[0] = (struct vring_buf){ __pa(&vbr->out_hdr), sizeof(vbr->out_hdr),
				      false };
	bufs[1] = (struct vring_buf){ __pa(rq->buffer),
				      rq->nr_sectors << SECTOR_SHIFT,
				      !rq->write };
	bufs[2] = (struct vring_buf){ __pa(&vbr->status), 1, true };
	err = virtqueue_add_bufs(vblk->vdev->vq, bufs, ARRAY_SIZE(bufs), vbr);
	if (err)
		return -EBUSY;
	list_del(&vbr->free_link);
	virtqueue_kick(vblk->vdev->vq);
	return 0;
}

/* The interrupt: complete what the device has finished, start the rest. */
static void virtblk_done(struct virtqueue *vq)
{
	struct virtio_blk *vblk = virtqueue_vdev(vq)->priv;
	struct gendisk *disk = &vblk->disk;
	unsigned long flags = spin_lock_irqsave(&disk->queue_lock);
	struct virtblk_req *vbr;

	while ((vbr = virtqueue_get_buf(vq, NULL))) {
		blk_mq_end_request(disk, vbr->rq,
				   vbr->status == VIRTIO_BLK_S_OK ? 0 : -EIO);
		vbr->rq = NULL;
		list_add(&vbr->free_link, &vblk->free_reqs);
	}
	blk_mq_run_hw_queue(disk);
	spin_unlock_irqrestore(&disk->queue_lock, flags);
}

static const struct block_device_operations virtblk_fops = {
	.queue_rq = virtblk_queue_rq,
};

/* vda, vdb, ... in the order the transports find them. */
static char next_name = 'a';

int virtio_blk_probe(struct virtio_device *vdev)
{
	struct virtio_blk *vblk = kzalloc(sizeof(*vblk));
	unsigned int nr_reqs;
	u64 capacity;

	if (!vblk)
		return -ENOMEM;
	vdev->config->set_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE |
					       VIRTIO_CONFIG_S_DRIVER);
	vdev->config->finalize_features(vdev, 0); /* none needed */
	vdev->vq = vdev->config->find_vq(vdev, 0, virtblk_done);
	if (!vdev->vq)
		return -ENOMEM;
	nr_reqs = virtqueue_get_vring_size(vdev->vq) / 3;
	vblk->reqs = kzalloc(sizeof(*vblk->reqs) * nr_reqs);
	if (!vblk->reqs)
		return -ENOMEM;
	INIT_LIST_HEAD(&vblk->free_reqs);
	for (unsigned int i = 0; i < nr_reqs; i++)
		list_add_tail(&vblk->reqs[i].free_link, &vblk->free_reqs);
	vdev->config->get(vdev, VIRTIO_BLK_CONFIG_CAPACITY, &capacity,
			  sizeof(capacity));
	vblk->vdev = vdev;
	vdev->priv = vblk;
	vblk->disk = (struct gendisk){
		.disk_name = { 'v', 'd', next_name++ },
		.capacity = capacity,
		.fops = &virtblk_fops,
		.private_data = vblk,
		.queue_lock = SPINLOCK_INIT,
	};
	vdev->config->set_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE |
					       VIRTIO_CONFIG_S_DRIVER |
					       VIRTIO_CONFIG_S_DRIVER_OK);
	return add_disk(&vblk->disk);
}
