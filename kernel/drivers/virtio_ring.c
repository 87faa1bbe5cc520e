// SPDX-License-Identifier: MIT
/*
 * The split virtqueue (Virtio 1.0, section 2.4), shared by every virtio
 * transport and device.  Three arrays in memory the device reads and
 * writes by DMA:
 *
 *   descriptors  num entries { address, length, flags, next }: a request
 *                is a chain of them linked by next (VRING_DESC_F_NEXT);
 *                VRING_DESC_F_WRITE marks a buffer the device fills
 *   avail ring   the driver's: the head descriptor of each request it
 *                offers, and idx, how many it has offered so far
 *   used ring    the device's: { head, bytes written } of each request it
 *                has finished, and its own idx
 *
 * Both idx counters only grow (mod 2^16); a slot is idx % num.  The driver
 * fills a slot, then (virt_wmb) publishes the new avail idx, then notifies;
 * it reads a used entry only after (virt_rmb) it has seen the used idx
 * that covers it.  Free descriptors are chained through next from
 * free_head.  The legacy layout puts the three arrays in one physically
 * contiguous block, the used ring on an `align` boundary (4096 for PCI).
 */
#include <asm/barrier.h>
#include <asm/page.h>
#include <kernel/drivers/virtio.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/slab.h>

#define VRING_DESC_F_NEXT 1
#define VRING_DESC_F_WRITE 2

struct vring_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

struct vring_avail {
	u16 flags;
	u16 idx;
	u16 ring[];
};

struct vring_used_elem {
	u32 id; /* head of the finished chain */
	u32 len;
};

struct vring_used {
	u16 flags;
	u16 idx;
	struct vring_used_elem ring[];
};

struct virtqueue {
	struct virtio_device *vdev;
	unsigned int index, num;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	struct page *pages; /* the block holding the three arrays */
	unsigned int num_free;
	u16 free_head;
	u16 avail_idx;	   /* the driver's copy of avail->idx */
	u16 last_used_idx; /* used entries consumed so far */
	void **data;	   /* per head descriptor: the request's token */
	void (*notify)(struct virtqueue *vq);
	vq_callback_t *callback;
	void *priv;
};

struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned int align,
					 struct virtio_device *vdev,
					 void (*notify)(struct virtqueue *vq),
					 vq_callback_t *callback)
{
	size_t used_offset = ALIGN(sizeof(struct vring_desc) * num +
					   sizeof(struct vring_avail) +
					   sizeof(u16) * (num + 1),
				   align);
	size_t bytes = used_offset + sizeof(struct vring_used) +
		       sizeof(struct vring_used_elem) * num + sizeof(u16);
	struct virtqueue *vq = kzalloc(sizeof(*vq));
	void **data = kzalloc(sizeof(void *) * num);
	unsigned int order = 0;
	struct page *pages;
	void *mem;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	pages = vq && data ? alloc_pages(order) : NULL;
	if (!pages) {
		kfree(data);
		kfree(vq);
		return NULL;
	}
	mem = page_address(pages);
	memset(mem, 0, PAGE_SIZE << order);
	*vq = (struct virtqueue){
		.vdev = vdev,
		.index = index,
		.num = num,
		.desc = mem,
		.avail = mem + sizeof(struct vring_desc) * num,
		.used = mem + used_offset,
		.pages = pages,
		.num_free = num,
		.data = data,
		.notify = notify,
		.callback = callback,
	};
	for (unsigned int i = 0; i + 1 < num; i++)
		vq->desc[i].next = i + 1;
	return vq;
}

phys_addr_t virtqueue_get_desc_addr(const struct virtqueue *vq)
{
	return PFN_PHYS(page_to_pfn(vq->pages));
}

unsigned int virtqueue_index(const struct virtqueue *vq)
{
	return vq->index;
}

unsigned int virtqueue_get_vring_size(const struct virtqueue *vq)
{
	return vq->num;
}

struct virtio_device *virtqueue_vdev(const struct virtqueue *vq)
{
	return vq->vdev;
}

void *virtqueue_priv(const struct virtqueue *vq)
{
	return vq->priv;
}

void virtqueue_set_priv(struct virtqueue *vq, void *priv)
{
	vq->priv = priv;
}

int virtqueue_add_bufs(struct virtqueue *vq, const struct vring_buf *bufs,
		       unsigned int n, void *data)
{
	u16 head = vq->free_head, i = head, last = head;

	if (!n || vq->num_free < n)
		return -ENOSPC;
	for (unsigned int k = 0; k < n; k++) {
		struct vring_desc *d = &vq->desc[i];

		d->addr = bufs[k].addr;
		d->len = bufs[k].len;
		d->flags = (bufs[k].device_writes ? VRING_DESC_F_WRITE : 0) |
			   (k + 1 < n ? VRING_DESC_F_NEXT : 0);
		last = i;
		i = d->next;
	}
	vq->free_head = vq->desc[last].next;
	vq->num_free -= n;
	vq->data[head] = data;
	vq->avail->ring[vq->avail_idx % vq->num] = head;
	virt_wmb(); /* the chain and its slot before the index that shows them */
	vq->avail->idx = ++vq->avail_idx;
	return 0;
}

void virtqueue_kick(struct virtqueue *vq)
{
	virt_mb(); /* the new avail idx is visible before the device looks */
	vq->notify(vq);
}

/* Put a finished chain back on the free list. */
static void detach_buf(struct virtqueue *vq, u16 head)
{
	u16 i = head;

	vq->num_free++;
	while (vq->desc[i].flags & VRING_DESC_F_NEXT) {
		i = vq->desc[i].next;
		vq->num_free++;
	}
	vq->desc[i].next = vq->free_head;
	vq->free_head = head;
}

void *virtqueue_get_buf(struct virtqueue *vq, u32 *len)
{
	struct vring_used_elem *e;
	void *data;

	if (vq->last_used_idx == *(volatile u16 *)&vq->used->idx)
		return NULL;
	virt_rmb(); /* the entry is read after the index that covers it */
	e = &vq->used->ring[vq->last_used_idx % vq->num];
	vq->last_used_idx++;
	if (e->id >= vq->num || !vq->data[e->id])
		return NULL; /* a device bug: never seen under QEMU */
	data = vq->data[e->id];
	vq->data[e->id] = NULL;
	if (len)
		*len = e->len;
	detach_buf(vq, e->id);
	return data;
}

void vring_interrupt(struct virtqueue *vq)
{
	if (vq->last_used_idx != *(volatile u16 *)&vq->used->idx &&
	    vq->callback)
		vq->callback(vq);
}
