// SPDX-License-Identifier: MIT
/*
 * ramfs regular files: their bytes live only in page-cache pages of the
 * inode's address_space (mm/filemap.h).  A read copies out of the cached
 * pages, a write copies into them, creating pages as it goes, and a
 * truncation drops them.  A page that was never written is a hole and
 * reads as zeros without being allocated.
 *
 * Invariant: every cached byte at or beyond i_size is zero.  Truncation
 * zeroes the tail of the page it cuts (truncate_inode_pages), and a write
 * whose copy fails zeroes what it may have left past the end; so growing a
 * file (ftruncate, or a write beyond the end) only has to move i_size.
 * One exception: a shared mapping maps the last page whole and may write
 * past the end; fsync and msync(MS_SYNC) zero that again (vfs_fsync, as
 * writeback does on a disk), but a file grown before either shows it.
 *
 * Times (POSIX): a read sets atime (relatime, inode.c), a write or a
 * truncation mtime and ctime.
 *
 * The inode lock serializes reads, writes and truncations of one file: a
 * write is atomic with respect to other writes, an O_APPEND write finds
 * the true end, and a truncation never races a writer.  It sleeps, so it
 * can be held while copying from user memory, which may fault.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/string.h>
#include <mm/mm.h>

static size_t offset_in_page(loff_t pos)
{
	return pos & (PAGE_SIZE - 1);
}

/* Copy the n bytes at pos (all in one page, below i_size) to the reader. */
static size_t read_one_page(struct inode *inode, loff_t pos, size_t n,
			    struct iov_iter *to)
{
	struct page *page = find_get_page(&inode->i_data, pos >> PAGE_SHIFT);
	size_t copied;

	if (!page)
		return iov_iter_zero(n, to); /* a hole */
	copied = copy_to_iter((char *)page_address(page) + offset_in_page(pos),
			      n, to);
	put_page(page);
	return copied;
}

static long ramfs_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = iocb->ki_filp->f_inode;
	long done = 0, err = inode_lock_killable(inode);

	if (err)
		return err;
	while (iov_iter_count(to) && iocb->ki_pos < inode->i_size) {
		loff_t pos = iocb->ki_pos;
		size_t n = PAGE_SIZE - offset_in_page(pos);
		size_t copied;

		n = min(n, iov_iter_count(to));
		n = min((loff_t)n, inode->i_size - pos);
		copied = read_one_page(inode, pos, n, to);
		iocb->ki_pos += copied;
		done += copied;
		if (copied < n) {
			err = -EFAULT;
			break;
		}
	}
	inode_unlock(inode);
	if (!err)
		file_accessed(iocb->ki_filp);
	return done ? done : err;
}

/*
 * Copy n bytes from the writer into the page at pos.  A copy cut short by a
 * bad user page stores the first bytes only (they count, and i_size moves
 * past them); what lies beyond them and past i_size is zeroed again to
 * keep the invariant.  Returns the bytes copied, or -ENOMEM.
 */
static long write_one_page(struct inode *inode, loff_t pos, size_t n,
			   struct iov_iter *from)
{
	struct page *page =
		find_or_create_page(&inode->i_data, pos >> PAGE_SHIFT);
	char *kaddr;
	size_t copied;

	if (!page)
		return -ENOMEM;
	kaddr = (char *)page_address(page) + offset_in_page(pos);
	copied = copy_from_iter(kaddr, n, from);
	if (copied < n && pos + (loff_t)n > inode->i_size) {
		loff_t from_eof = max(pos + (loff_t)copied, inode->i_size);

		memset(kaddr + (from_eof - pos), 0, pos + n - from_eof);
	}
	put_page(page);
	return copied;
}

static long ramfs_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_inode;
	long done = 0, err = inode_lock_killable(inode);

	if (err)
		return err;
	if (iocb->ki_flags & IOCB_APPEND)
		iocb->ki_pos = inode->i_size;
	while (iov_iter_count(from)) {
		loff_t pos = iocb->ki_pos;
		size_t n = PAGE_SIZE - offset_in_page(pos);
		long copied;

		if (pos >= MAX_FILE_SIZE) {
			err = -EFBIG;
			break;
		}
		n = min(n, iov_iter_count(from));
		copied = write_one_page(inode, pos, n, from);
		if (copied < 0) {
			err = copied;
			break;
		}
		iocb->ki_pos += copied;
		done += copied;
		/* Only bytes written move the end: not a write that failed. */
		if (copied && iocb->ki_pos > inode->i_size)
			inode->i_size = iocb->ki_pos;
		if ((size_t)copied < n) {
			err = -EFAULT;
			break;
		}
	}
	inode_unlock(inode);
	if (done)
		file_update_time(iocb->ki_filp);
	return done ? done : err;
}

/*
 * Set a regular file's size (ftruncate, O_TRUNC).  Growing only moves
 * i_size: the new bytes are a hole.  Shrinking drops the pages past the
 * end, which frees them unless someone else holds one.
 */
int ramfs_setsize(struct inode *inode, loff_t size)
{
	loff_t old_size;
	int err;

	if (size < 0)
		return -EINVAL;
	if (size > MAX_FILE_SIZE)
		return -EFBIG;
	err = inode_lock_killable(inode);
	if (err)
		return err;
	old_size = inode->i_size;
	inode->i_size = size; /* first: from here a fault past it gets SIGBUS */
	if (size < old_size)
		truncate_pagecache(inode, size);
	inode_unlock(inode);
	inode_update_time(inode, S_MTIME | S_CTIME);
	return 0;
}

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = ramfs_read_iter,
	.write_iter = ramfs_write_iter,
};
