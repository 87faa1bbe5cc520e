/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the file-system tests (kernel/fs/, kernel/drivers/): each test works
 * in a private ramfs tree made by ramfs_new_root() and removed with
 * ramfs_kill_tree(), and reads and writes through kernel buffers.
 */
#ifndef _KERNEL_FS_TESTING_H
#define _KERNEL_FS_TESTING_H

#include <kernel/fs/vfs.h>

static inline struct file *test_open(struct inode *root, const char *path,
				     int flags)
{
	struct fs_struct fs = { root, root };

	return do_filp_open(&fs, path, flags, 0644);
}

static inline struct inode *test_lookup(struct inode *root, const char *path)
{
	struct fs_struct fs = { root, root };

	return lookup_path(&fs, path);
}

/* Read or write at *pos (the file's f_pos for read()/write()). */
static inline long kread(struct file *f, void *buf, size_t n, loff_t *pos)
{
	struct iov_iter to;

	iov_iter_kvec(&to, buf, n);
	return vfs_read(f, &to, pos);
}

static inline long kwrite(struct file *f, const void *buf, size_t n,
			  loff_t *pos)
{
	struct iov_iter from;

	iov_iter_kvec(&from, (void *)buf, n);
	return vfs_write(f, &from, pos);
}

#endif
