// SPDX-License-Identifier: MIT
/*
 * /dev/null and /dev/zero (Linux: drivers/char/mem.c).
 *   null  reads are at end of file at once; writes vanish, all accepted
 *   zero  reads give as many zero bytes as asked; writes vanish; a
 *         mapping is anonymous memory, as Linux's: private, ordinary
 *         anonymous memory (copy-on-write over the zero page); shared,
 *         Pagoda's shared anonymous memory (its pages made at mmap, and
 *         shared with the children that fork inherits it)
 * Neither is seekable here (no llseek: ESPIPE), nor takes an ioctl.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <mm/mmap.h>

static long null_read(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static long null_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t n = iov_iter_count(from);

	iov_iter_advance(from, n);
	return n;
}

static long zero_read(struct kiocb *iocb, struct iov_iter *to)
{
	size_t want = iov_iter_count(to);
	size_t done = iov_iter_zero(want, to);

	return done ? (long)done : -EFAULT;
}

static int zero_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma_set_anonymous(vma);
	return 0;
}

const struct file_operations null_fops = {
	.read_iter = null_read,
	.write_iter = null_write,
};

const struct file_operations zero_fops = {
	.read_iter = zero_read,
	.write_iter = null_write,
	.mmap = zero_mmap,
};
