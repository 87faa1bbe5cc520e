// SPDX-License-Identifier: MIT
/*
 * getdents: a directory's entries, as an array of struct pagoda_dirent.
 * The file position counts entries ("." is 0, ".." is 1, then the
 * directory's own), so successive calls continue where the last stopped
 * and lseek(fd, 0, SEEK_SET) starts over.  Returns the bytes filled (a
 * multiple of the record size), 0 at the end.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>

long sys_getdents(int fd, void __user *dirents, size_t count)
{
	struct pagoda_dirent __user *out = dirents;
	struct file *f = fget(fd);
	size_t n = 0, max = count / sizeof(struct pagoda_dirent);
	long ret = 0;

	if (!f)
		return -EBADF;
	if (!f->f_op->readdir)
		ret = -ENOTDIR;
	else if (!max)
		ret = -EINVAL;
	while (!ret && n < max) {
		struct pagoda_dirent de;

		if (!f->f_op->readdir(f, f->f_pos, &de))
			break;
		if (copy_to_user(&out[n], &de, sizeof(de))) {
			ret = -EFAULT;
			break;
		}
		f->f_pos++;
		n++;
	}
	fput(f);
	return n ? (long)(n * sizeof(struct pagoda_dirent)) : ret;
}
