// SPDX-License-Identifier: MIT
/*
 * read, write, pread, pwrite and lseek: the checks every file shares,
 * then the file's own read_iter or write_iter.
 *
 * read and write use and move the file's position (shared by every fd
 * that refers to the file); pread and pwrite take a position and leave the
 * file's alone, so they need a seekable file (ESPIPE for a pipe or a
 * device, whose llseek is NULL).  O_APPEND makes write() go to the end,
 * decided under the inode lock so that two appenders never overwrite each
 * other; pwrite() writes where it is told, as POSIX says (Linux appends).
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>

/*
 * Is this position and count wrong for a transfer (Linux's rw_verify_area,
 * which says EINVAL)?  For a seekable file the position must not be
 * negative and pos + count must not overflow, whether or not the bytes
 * exist.  A stream (a pipe, a device without llseek) has no position.
 */
static bool rw_verify_area(struct file *file, loff_t pos, size_t count)
{
	if (!file->f_op->llseek)
		return false;
	/* In u64: a count above the largest loff_t (64-bit size_t) fails. */
	return pos < 0 || (u64)count > (~0ULL >> 1) - (u64)pos;
}

/*
 * The checks every read and write makes, in Linux's order: the file's
 * mode (EBADF), an operation to call (EINVAL), the whole buffer against
 * the user address range (EFAULT, before a byte moves: a huge count from a
 * good pointer is refused, not copied until it faults), the position; then
 * the count is cut to MAX_RW_COUNT.
 */
static long rw_checks(struct file *file, struct iov_iter *iter, loff_t pos,
		      unsigned int mode, bool has_op)
{
	if (!(file->f_mode & mode))
		return -EBADF;
	if (!has_op)
		return -EINVAL;
	if (!iov_iter_access_ok(iter))
		return -EFAULT;
	if (rw_verify_area(file, pos, iov_iter_count(iter)))
		return -EINVAL;
	iov_iter_truncate(iter, MAX_RW_COUNT);
	return 0;
}

/* Read at *pos and move it: bytes read, 0 at the end, or -errno. */
long vfs_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos };
	/* A directory has no read_iter, but is EISDIR only after EFAULT. */
	long ret = rw_checks(file, to, *pos, FMODE_READ,
			     file->f_op->read_iter ||
				     S_ISDIR(file->f_inode->i_mode));

	if (ret)
		return ret;
	if (!file->f_op->read_iter)
		return -EISDIR;
	if (!iov_iter_count(to))
		return 0;
	ret = file->f_op->read_iter(&kiocb, to);
	if (ret > 0)
		*pos = kiocb.ki_pos;
	return ret;
}

static long do_write(struct file *file, struct iov_iter *from, loff_t *pos,
		     int ki_flags)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos };
	long ret = rw_checks(file, from, *pos, FMODE_WRITE,
			     file->f_op->write_iter);

	if (ret)
		return ret;
	if (!iov_iter_count(from))
		return 0;
	kiocb.ki_flags = ki_flags;
	ret = file->f_op->write_iter(&kiocb, from);
	if (ret > 0)
		*pos = kiocb.ki_pos;
	return ret;
}

/* Write at *pos (at the end with O_APPEND) and move it past the bytes. */
long vfs_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	return do_write(file, from, pos,
			(file->f_flags & O_APPEND) ? IOCB_APPEND : 0);
}

long kernel_read(struct file *f, void *buf, size_t n, loff_t pos)
{
	struct iov_iter iter;

	iov_iter_kvec(&iter, buf, n);
	return vfs_read(f, &iter, &pos);
}

long sys_read(int fd, void __user *buf, size_t n)
{
	struct file *f = fget(fd);
	struct iov_iter iter;
	long ret;

	if (!f)
		return -EBADF;
	iov_iter_ubuf(&iter, buf, n);
	ret = vfs_read(f, &iter, &f->f_pos);
	fput(f);
	return ret;
}

long sys_write(int fd, const void __user *buf, size_t n)
{
	struct file *f = fget(fd);
	struct iov_iter iter;
	long ret;

	if (!f)
		return -EBADF;
	iov_iter_ubuf(&iter, (void __user *)buf, n);
	ret = vfs_write(f, &iter, &f->f_pos);
	fput(f);
	return ret;
}

/* pwrite's write: at *pos even with O_APPEND, as POSIX says. */
static long write_at(struct file *file, struct iov_iter *from, loff_t *pos)
{
	return do_write(file, from, pos, 0);
}

/*
 * pread and pwrite: rw (vfs_read or write_at) at pos, their own position,
 * which must not be negative (EINVAL, checked first, as Linux does) and
 * needs a seekable file (ESPIPE).
 */
static long rw_at(int fd, void __user *buf, size_t n, loff_t pos,
		  long (*rw)(struct file *, struct iov_iter *, loff_t *))
{
	struct file *f;
	struct iov_iter iter;
	long ret = -ESPIPE;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (f->f_op->llseek) {
		iov_iter_ubuf(&iter, buf, n);
		ret = rw(f, &iter, &pos);
	}
	fput(f);
	return ret;
}

long sys_pread(int fd, void __user *buf, size_t n, loff_t pos)
{
	return rw_at(fd, buf, n, pos, vfs_read);
}

long sys_pwrite(int fd, const void __user *buf, size_t n, loff_t pos)
{
	return rw_at(fd, (void __user *)buf, n, pos, write_at);
}

/*
 * lseek for files with a size: any position from 0 up is allowed, past
 * the end too (a write there leaves a hole).  EINVAL for a bad whence or
 * a position that would be negative or overflow.
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence, file->f_inode->i_size);
}

/* lseek for a file of a given size (a device's memory, say). */
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size)
{
	loff_t base, pos;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = size;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, offset, &pos) || pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

loff_t sys_lseek(int fd, loff_t off, int whence)
{
	struct file *f = fget(fd);
	loff_t ret = -ESPIPE;

	if (!f)
		return -EBADF;
	if (f->f_op->llseek)
		ret = f->f_op->llseek(f, off, whence);
	fput(f);
	return ret;
}
