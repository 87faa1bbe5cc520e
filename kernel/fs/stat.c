// SPDX-License-Identifier: MIT
/*
 * stat and fstat: an inode's figures in the user's struct stat.
 * st_blocks counts the pages really in the page cache, so a file with
 * holes shows fewer blocks than its size would need.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/string.h>
#include <mm/mm.h>

#define RAMFS_DEV 1 /* st_dev: there is only one file system */

/* A snapshot: the figures are read without locks, each one consistent. */
void vfs_getattr(struct inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = RAMFS_DEV;
	st->st_ino = inode->i_ino;
	st->st_mode = inode->i_mode;
	st->st_nlink = inode->i_nlink;
	st->st_size = S_ISREG(inode->i_mode) ? inode->i_size : 0;
	st->st_blksize = PAGE_SIZE;
	st->st_blocks = inode->i_data.nrpages * (PAGE_SIZE / 512);
}

static long copy_stat(void __user *ust, struct inode *inode)
{
	struct stat st;

	vfs_getattr(inode, &st);
	return copy_to_user(ust, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat(int fd, void __user *st)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = copy_stat(st, f->f_inode);
	fput(f);
	return ret;
}

long sys_stat(const char __user *path, void __user *st)
{
	struct inode *inode = lookup_user_path(path);
	long ret;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	ret = copy_stat(st, inode);
	iput(inode);
	return ret;
}
