/* SPDX-License-Identifier: MIT */
/*
 * Block devices: disks read and written in 512-byte sectors, by requests
 * that a driver starts and its device completes later, with an interrupt
 * (kernel/drivers/blkdev.c; Linux's block layer, much reduced).
 *
 *	struct request       one transfer: sectors, a buffer, a direction;
 *	                     blk_rw() makes one and sleeps until it is done
 *	struct gendisk       a disk: its size, its driver's queue_rq, and the
 *	                     queue of requests the device has no room for yet
 *	add_disk             makes /dev/NAME, a block device file (S_IFBLK)
 *	                     that reads and writes the disk at any byte offset
 *
 * A driver's queue_rq hands a request to its device, or answers -EBUSY
 * when the device has no room: the request then waits on the disk's queue
 * until a completion (blk_mq_end_request, from the driver's interrupt)
 * makes room.  Requests are started in the order they were made.
 *
 * Locking: disk->queue_lock (a spinlock) protects the disk's queue, every
 * request on it or in the device, and the driver's own ring: queue_rq is
 * called with it held, and the driver's interrupt takes it.
 */
#ifndef _KERNEL_DRIVERS_BLKDEV_H
#define _KERNEL_DRIVERS_BLKDEV_H

#include <asm/page.h>
#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>
#include <kernel/wait.h>

#define SECTOR_SHIFT 9
#define SECTOR_SIZE (1 << SECTOR_SHIFT)
#define PAGE_SECTORS (PAGE_SIZE >> SECTOR_SHIFT)

typedef u64 sector_t;

struct request {
	struct list_head queuelist; /* on disk->queue until started */
	sector_t sector;
	unsigned int nr_sectors;
	void *buffer; /* a direct-map address: the device reaches it by DMA */
	bool write;
	bool done;
	int error; /* 0 or -EIO, once done */
};

struct gendisk;
struct inode;

struct block_device_operations {
	/* Start rq (queue_lock held); 0, or -EBUSY if the device is full. */
	int (*queue_rq)(struct gendisk *disk, struct request *rq);
};

struct gendisk {
	char disk_name[8];
	sector_t capacity; /* in sectors */
	const struct block_device_operations *fops;
	void *private_data; /* the driver's */
	struct spinlock queue_lock;
	struct list_head queue; /* struct request, waiting for the device */
	struct wait_queue
		wait; /* blk_rw callers, until their request is done */
	/*
	 * Fault injection (Linux: make-it-fail): the next fail_requests
	 * requests are aimed past the end of the disk, so the device itself
	 * answers with an error, through the driver's real error path.
	 */
	unsigned int fail_requests;
	bool swap_active;      /* in use as swap: writes through /dev refused */
	struct list_head list; /* on the list of disks */
};

/* Register disk (name, capacity, fops set) and make /dev/NAME; 0 or -errno. */
int add_disk(struct gendisk *disk);
/* The disk /dev/NAME stands for, or NULL if inode is not a disk's file. */
struct gendisk *I_BDEV(struct inode *inode);
/* The first disk registered, or NULL (the tests' disk). */
struct gendisk *first_disk(void);

/*
 * Read or write nr_sectors from sector, to or from buf (a direct-map
 * address: a page's, or kmalloc's; never a stack), sleeping until done.
 * 0, -EINVAL past the end of the disk, -EIO if the device failed it.
 */
int blk_rw(struct gendisk *disk, sector_t sector, void *buf,
	   unsigned int nr_sectors, bool write);

/*
 * The same in two steps, for several requests in flight at once: queue rq
 * (0, or -EINVAL past the end), then sleep until it is done (its error).
 * rq stays the caller's until blk_wait returns.
 */
int blk_submit(struct gendisk *disk, struct request *rq);
int blk_wait(struct gendisk *disk, struct request *rq);

/* The driver's completion of rq, queue_lock held (its interrupt). */
void blk_mq_end_request(struct gendisk *disk, struct request *rq, int error);
/* Start waiting requests while the device takes them (queue_lock held). */
void blk_mq_run_hw_queue(struct gendisk *disk);

#endif
