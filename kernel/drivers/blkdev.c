// SPDX-License-Identifier: MIT
/*
 * The block layer (interface and locking in kernel/drivers/blkdev.h):
 * requests queued in order, started while the device has room, completed
 * by its interrupt; and /dev/NAME, the block device file of each disk.
 *
 * The file reads and writes at any byte offset: each piece goes through a
 * page-sized bounce buffer, read from the disk first where a write covers
 * a page only in part (Linux goes through a page cache of the device
 * instead; a teaching kernel's disk is read rarely enough without one).
 */
#include <kernel/drivers/blkdev.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/mm.h>

static LIST_HEAD(disks);

void blk_mq_run_hw_queue(struct gendisk *disk)
{
	struct request *rq;

	while (!list_empty(&disk->queue)) {
		rq = list_first_entry(&disk->queue, struct request, queuelist);
		if (disk->fops->queue_rq(disk, rq) == -EBUSY)
			return;
		list_del(&rq->queuelist);
	}
}

void blk_mq_end_request(struct gendisk *disk, struct request *rq, int error)
{
	rq->error = error;
	rq->done = true;
	wake_up(&disk->wait);
}

int blk_submit(struct gendisk *disk, struct request *rq)
{
	unsigned long flags;

	if (!rq->nr_sectors || rq->sector >= disk->capacity ||
	    rq->nr_sectors > disk->capacity - rq->sector)
		return -EINVAL;
	rq->done = false;
	rq->error = 0;
	flags = spin_lock_irqsave(&disk->queue_lock);
	if (disk->fail_requests) {
		disk->fail_requests--;
		rq->sector = disk->capacity;
	}
	list_add_tail(&rq->queuelist, &disk->queue);
	blk_mq_run_hw_queue(disk);
	spin_unlock_irqrestore(&disk->queue_lock, flags);
	return 0;
}

int blk_wait(struct gendisk *disk, struct request *rq)
{
	wait_event_uninterruptible(&disk->wait, rq->done);
	return rq->error;
}

int blk_rw(struct gendisk *disk, sector_t sector, void *buf,
	   unsigned int nr_sectors, bool write)
{
	struct request rq = {
		.sector = sector,
		.nr_sectors = nr_sectors,
		.buffer = buf,
		.write = write,
	};
	int err = blk_submit(disk, &rq);

	/* The driver completes rq, on this stack, before blk_wait returns. */
	return err ? err : blk_wait(disk, &rq);
}

struct gendisk *I_BDEV(struct inode *inode)
{
	return S_ISBLK(inode->i_mode) ? inode->i_private : NULL;
}

struct gendisk *first_disk(void)
{
	return list_empty(&disks)
		       ? NULL
		       : list_first_entry(&disks, struct gendisk, list);
}

static loff_t disk_bytes(struct gendisk *disk)
{
	return (loff_t)disk->capacity << SECTOR_SHIFT;
}

/*
 * One piece of a read or write at pos, inside one page of the disk:
 * bytes moved, or -errno.
 */
static long blkdev_rw_piece(struct gendisk *disk, void *bounce, loff_t pos,
			    struct iov_iter *iter, bool write)
{
	size_t offset = pos & (PAGE_SIZE - 1);
	loff_t page_pos = pos - offset;
	size_t n = min((size_t)(PAGE_SIZE - offset), iov_iter_count(iter));
	unsigned int sectors =
		min((loff_t)PAGE_SIZE, disk_bytes(disk) - page_pos) >>
		SECTOR_SHIFT;
	size_t done;
	int err = 0;

	n = min((loff_t)n, disk_bytes(disk) - pos);
	if (!write || n < PAGE_SIZE)
		err = blk_rw(disk, page_pos >> SECTOR_SHIFT, bounce, sectors,
			     false);
	if (err)
		return err;
	if (!write)
		return copy_to_iter(bounce + offset, n, iter);
	done = copy_from_iter(bounce + offset, n, iter);
	if (done)
		err = blk_rw(disk, page_pos >> SECTOR_SHIFT, bounce, sectors,
			     true);
	return err ? err : (long)done;
}

static long blkdev_rw(struct kiocb *iocb, struct iov_iter *iter, bool write)
{
	struct gendisk *disk = I_BDEV(iocb->ki_filp->f_inode);
	void *bounce;
	long total = 0, n = 0;

	if (write && disk->swap_active)
		return -EBUSY; /* the swap code owns every sector now */
	if (!iov_iter_count(iter))
		return 0;
	if (iocb->ki_pos >= disk_bytes(disk))
		return write ? -ENOSPC : 0;
	bounce = get_zeroed_page();
	if (!bounce)
		return -ENOMEM;
	while (iov_iter_count(iter) && iocb->ki_pos < disk_bytes(disk)) {
		size_t want = min(
			(size_t)(PAGE_SIZE - (iocb->ki_pos & (PAGE_SIZE - 1))),
			iov_iter_count(iter));

		n = blkdev_rw_piece(disk, bounce, iocb->ki_pos, iter, write);
		if (n <= 0)
			break;
		total += n;
		iocb->ki_pos += n;
		if ((size_t)n < want)
			break;
	}
	free_page(bounce);
	if (total)
		return total;
	return n < 0 ? n : -EFAULT; /* nothing copied: a bad user buffer */
}

static long blkdev_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return blkdev_rw(iocb, to, false);
}

static long blkdev_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return blkdev_rw(iocb, from, true);
}

static loff_t blkdev_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence,
				 disk_bytes(I_BDEV(file->f_inode)));
}

static const struct file_operations blkdev_fops = {
	.read_iter = blkdev_read_iter,
	.write_iter = blkdev_write_iter,
	.llseek = blkdev_llseek,
};

int add_disk(struct gendisk *disk)
{
	struct inode *dev = ramfs_lookup(vfs_root, "dev"), *inode;

	if (!dev)
		return -ENOENT;
	inode = ramfs_mknod(dev, disk->disk_name, S_IFBLK | 0660, &blkdev_fops,
			    true);
	iput(dev);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_private = disk;
	iput(inode);
	INIT_LIST_HEAD(&disk->queue);
	init_wait_queue(&disk->wait);
	list_add_tail(&disk->list, &disks);
	printk("%s: %llu sectors (%llu MiB)\n", disk->disk_name,
	       (unsigned long long)disk->capacity,
	       (unsigned long long)(disk->capacity >> (20 - SECTOR_SHIFT)));
	return 0;
}
