// SPDX-License-Identifier: MIT
/*
 * The virtio-ccw transport: virtio devices of s390 (QEMU's virtio-*-ccw),
 * each behind a subchannel whose control unit says 0x3832 and whose
 * model is the virtio device type.  The same struct virtio_config_ops as
 * virtio_pci.c's, so virtio_ring.c and virtio_blk.c run unchanged on top:
 * where PCI reads and writes registers, this runs one-CCW channel
 * programs (arch/s390/cio.c) with virtio's own command codes:
 *
 *	SET_VIRTIO_REV  0x83  the transport revision (0: legacy, below)
 *	VDEV_RESET      0x33  back to power-on
 *	READ_FEAT       0x12  { features (little-endian, 32 bits), index }
 *	WRITE_FEAT      0x11  the driver's, the same block
 *	READ_CONF       0x22  the device configuration, from offset 0
 *	READ_STATUS     0x72  and WRITE_STATUS 0x31: the status byte
 *	READ_VQ_CONF    0x32  { index, num }: a queue's size
 *	SET_VQ          0x13  { ring address, alignment, index, num }
 *	SET_IND         0x43  the address of a 64-bit indicator word
 *
 * Revision 0, as virtio_pci.c's legacy interface: the ring, the block
 * requests and the configuration are in the guest's byte order (big-
 * endian here); only the feature words are little-endian.  The driver
 * notifies a queue with DIAGNOSE 0x500, subcode 3 (a hypercall QEMU
 * handles under TCG as KVM does); the device notifies the driver by
 * setting bit n of the indicator word for queue n, then making an I/O
 * interruption pending on the subchannel ("classic" indicators; Linux
 * prefers adapter interruptions, one summary bit for many devices).
 *
 * Facts from the OASIS Virtio 1.0 specification, section 4.3 ("Virtio
 * over channel I/O").
 */
#include <asm/cio.h>
#include <asm/page.h>
#include <kernel/byteorder.h>
#include <kernel/drivers/virtio.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/string.h>
#include <mm/slab.h>

#define CCW_CMD_SET_VQ 0x13
#define CCW_CMD_VDEV_RESET 0x33
#define CCW_CMD_SET_IND 0x43
#define CCW_CMD_READ_FEAT 0x12
#define CCW_CMD_WRITE_FEAT 0x11
#define CCW_CMD_READ_CONF 0x22
#define CCW_CMD_WRITE_STATUS 0x31
#define CCW_CMD_READ_VQ_CONF 0x32
#define CCW_CMD_READ_STATUS 0x72
#define CCW_CMD_SET_VIRTIO_REV 0x83

#define VIRTIO_CCW_RING_ALIGN 4096
#define DIAG500_VIRTIO_CCW_NOTIFY 3

struct virtio_feature_desc {
	u32 features; /* little-endian */
	u8 index;     /* which 32 bits */
} __packed;

struct vq_config_block {
	u16 index;
	u16 num;
} __packed;

struct vq_info_block_legacy {
	u64 queue; /* the ring's real address */
	u32 align;
	u16 index;
	u16 num;
} __packed;

struct virtio_rev_info {
	u16 revision;
	u16 length; /* of revision-specific data: none */
} __packed;

/*
 * What the channel programs read and write: by real address, so in the
 * direct map (kzalloc), never on a kernel stack.  One command at a time
 * (probe), so one of each.
 */
struct vcdev_io {
	struct ccw1 ccw;
	u64 indicators; /* the device sets bit n: queue n has news */
	u64 ind_addr;	/* SET_IND's data: &indicators */
	union {
		struct virtio_feature_desc feat;
		struct vq_config_block vq_config;
		struct vq_info_block_legacy vq_info;
		struct virtio_rev_info rev;
		u8 status;
		u8 config[256];
	};
};

struct virtio_ccw_device {
	struct virtio_device vdev; /* first: container of the device */
	struct ccw_device *cdev;
	struct vcdev_io *io;
};

static struct virtio_ccw_device *to_vc_device(struct virtio_device *vdev)
{
	return container_of(vdev, struct virtio_ccw_device, vdev);
}

/* One command, with count bytes of data at data (part of vcdev->io). */
static int ccw_io_helper(struct virtio_ccw_device *vcdev, u8 cmd, void *data,
			 u16 count)
{
	struct ccw1 *ccw = &vcdev->io->ccw;

	*ccw = (struct ccw1){ cmd, 0, count, data ? __pa(data) : 0 };
	return ccw_device_start_wait(vcdev->cdev, ccw);
}

static u8 vc_get_status(struct virtio_device *vdev)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);

	if (ccw_io_helper(vcdev, CCW_CMD_READ_STATUS, &vcdev->io->status, 1))
		return VIRTIO_CONFIG_S_FAILED;
	return vcdev->io->status;
}

static void vc_set_status(struct virtio_device *vdev, u8 status)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);

	vcdev->io->status = status;
	ccw_io_helper(vcdev, CCW_CMD_WRITE_STATUS, &vcdev->io->status, 1);
}

static void vc_reset(struct virtio_device *vdev)
{
	ccw_io_helper(to_vc_device(vdev), CCW_CMD_VDEV_RESET, NULL, 0);
}

/* Legacy devices offer 32 feature bits: the words past index 0 are 0. */
static u64 vc_get_features(struct virtio_device *vdev)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct virtio_feature_desc *feat = &vcdev->io->feat;

	*feat = (struct virtio_feature_desc){ .index = 0 };
	if (ccw_io_helper(vcdev, CCW_CMD_READ_FEAT, feat, sizeof(*feat)))
		return 0;
	return le32_to_cpu(feat->features);
}

static void vc_finalize_features(struct virtio_device *vdev, u64 features)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct virtio_feature_desc *feat = &vcdev->io->feat;

	*feat = (struct virtio_feature_desc){ cpu_to_le32(features), 0 };
	ccw_io_helper(vcdev, CCW_CMD_WRITE_FEAT, feat, sizeof(*feat));
}

/* READ_CONF always starts at offset 0: read up to the end, keep the tail. */
static void vc_get(struct virtio_device *vdev, unsigned int offset, void *buf,
		   unsigned int len)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	u8 *config = vcdev->io->config;

	memset(buf, 0, len);
	if (offset + len > sizeof(vcdev->io->config) ||
	    ccw_io_helper(vcdev, CCW_CMD_READ_CONF, config, offset + len))
		return;
	memcpy(buf, config + offset, len);
}

/*
 * The hypercall's operands in registers 1-4.  The values are computed
 * before the register variables are set: a function call in between
 * would reuse those registers.
 */
static void vc_notify(struct virtqueue *vq)
{
	struct virtio_ccw_device *vcdev = virtqueue_priv(vq);
	unsigned long queue = virtqueue_index(vq);
	register unsigned long nr asm("1") = DIAG500_VIRTIO_CCW_NOTIFY;
	register unsigned long schid asm("2") = vcdev->cdev->schid;
	register unsigned long index asm("3") = queue;
	register unsigned long cookie asm("4") = 0; /* KVM's ioeventfd's */

	asm volatile("diag 2, 4, 0x500"
		     : "+d"(schid)
		     : "d"(nr), "d"(index), "d"(cookie)
		     : "memory", "cc");
}

static int vc_set_vq(struct virtio_ccw_device *vcdev, struct virtqueue *vq)
{
	struct vq_info_block_legacy *info = &vcdev->io->vq_info;

	*info = (struct vq_info_block_legacy){
		.queue = virtqueue_get_desc_addr(vq),
		.align = VIRTIO_CCW_RING_ALIGN,
		.index = virtqueue_index(vq),
		.num = virtqueue_get_vring_size(vq),
	};
	return ccw_io_helper(vcdev, CCW_CMD_SET_VQ, info, sizeof(*info));
}

/*
 * The queue, then the indicator word the device will report it through;
 * both before the driver sets DRIVER_OK.
 */
static struct virtqueue *vc_find_vq(struct virtio_device *vdev,
				    unsigned int index, vq_callback_t *callback)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct vq_config_block *config = &vcdev->io->vq_config;
	struct virtqueue *vq;

	*config = (struct vq_config_block){ .index = index };
	if (ccw_io_helper(vcdev, CCW_CMD_READ_VQ_CONF, config,
			  sizeof(*config)) ||
	    !config->num)
		return NULL;
	vq = vring_create_virtqueue(index, config->num, VIRTIO_CCW_RING_ALIGN,
				    vdev, vc_notify, callback);
	if (!vq)
		return NULL;
	virtqueue_set_priv(vq, vcdev);
	vcdev->io->ind_addr = __pa(&vcdev->io->indicators);
	if (vc_set_vq(vcdev, vq) ||
	    ccw_io_helper(vcdev, CCW_CMD_SET_IND, &vcdev->io->ind_addr,
			  sizeof(vcdev->io->ind_addr)))
		return NULL;
	return vq;
}

static const struct virtio_config_ops virtio_ccw_config_ops = {
	.get_status = vc_get_status,
	.set_status = vc_set_status,
	.reset = vc_reset,
	.get_features = vc_get_features,
	.finalize_features = vc_finalize_features,
	.get = vc_get,
	.find_vq = vc_find_vq,
};

/*
 * The subchannel's I/O interruption (cio.c took its status already):
 * take the indicator bits atomically, since the device sets them from its
 * own thread, and run the queue's callback if its bit was set.
 */
static void virtio_ccw_int_handler(struct ccw_device *cdev)
{
	struct virtio_ccw_device *vcdev = cdev->drvdata;
	u64 news = __atomic_exchange_n(&vcdev->io->indicators, 0,
				       __ATOMIC_SEQ_CST);

	if ((news & 1) && vcdev->vdev.vq)
		vring_interrupt(vcdev->vdev.vq);
}

/* Ask for revision 0 before any other command, as the transport requires. */
static int virtio_ccw_set_transport_rev(struct virtio_ccw_device *vcdev)
{
	vcdev->io->rev = (struct virtio_rev_info){ .revision = 0 };
	return ccw_io_helper(vcdev, CCW_CMD_SET_VIRTIO_REV, &vcdev->io->rev,
			     sizeof(vcdev->io->rev));
}

int virtio_ccw_probe(struct ccw_device *cdev)
{
	struct virtio_ccw_device *vcdev = kzalloc(sizeof(*vcdev));
	int err;

	if (!vcdev)
		return -ENOMEM;
	vcdev->io = kzalloc(sizeof(*vcdev->io));
	if (!vcdev->io) {
		kfree(vcdev);
		return -ENOMEM;
	}
	vcdev->cdev = cdev;
	vcdev->vdev = (struct virtio_device){
		.id = cdev->id.cu_model,
		.config = &virtio_ccw_config_ops,
	};
	cdev->drvdata = vcdev;
	err = virtio_ccw_set_transport_rev(vcdev);
	if (err)
		return err;
	vc_reset(&vcdev->vdev);
	cdev->handler = virtio_ccw_int_handler;
	err = virtio_dev_probe(&vcdev->vdev);
	if (err)
		vc_set_status(&vcdev->vdev, VIRTIO_CONFIG_S_FAILED);
	return err;
}
