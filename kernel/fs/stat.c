// SPDX-License-Identifier: MIT
/*
 * stat and fstat: an inode's figures in the user's struct stat.
 * st_blocks counts the pages really in the page cache, so a file with
 * holes shows fewer blocks than its size would need.
 *
 * statfs and fstatfs: the figures of the file system a file is on.  There
 * is one, ramfs, whose files live in RAM: its blocks are pages, its size
 * the pages the kernel manages, and its free blocks the free pages (which
 * anything else may take too).  It has no inode table, so f_files and
 * f_ffree are 0, as on Linux's ramfs; a file of /xip says ST_RDONLY.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/string.h>
#include <mm/mm.h>

#define RAMFS_DEV 1 /* st_dev: there is only one file system */

/*
 * A snapshot: the figures are read without the inode lock, each one
 * consistent (a time under i_lock, whole).
 */
void vfs_getattr(struct inode *inode, struct stat *st)
{
	unsigned long flags;

	memset(st, 0, sizeof(*st));
	st->st_dev = RAMFS_DEV;
	st->st_ino = inode->i_ino;
	st->st_mode = inode->i_mode;
	st->st_nlink = inode->i_nlink;
	st->st_size = S_ISREG(inode->i_mode) ? inode->i_size : 0;
	st->st_blksize = PAGE_SIZE;
	st->st_blocks = inode->i_data.nrpages * (PAGE_SIZE / 512);
	flags = spin_lock_irqsave(&inode->i_lock);
	st->st_atim = inode->i_atime;
	st->st_mtim = inode->i_mtime;
	st->st_ctim = inode->i_ctime;
	spin_unlock_irqrestore(&inode->i_lock, flags);
}

/*
 * op(inode, arg) on the file open as fd, or on the file at path: stat,
 * statfs, chmod and their f* twins.
 */
long fd_inode_op(int fd, long (*op)(struct inode *, unsigned long),
		 unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = op(f->f_inode, arg);
	fput(f);
	return ret;
}

long path_inode_op(const char __user *path,
		   long (*op)(struct inode *, unsigned long), unsigned long arg)
{
	struct inode *inode = lookup_user_path(path);
	long ret;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	ret = op(inode, arg);
	iput(inode);
	return ret;
}

static long copy_stat(struct inode *inode, unsigned long ust)
{
	struct stat st;

	vfs_getattr(inode, &st);
	return copy_to_user((void __user *)ust, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat(int fd, void __user *st)
{
	return fd_inode_op(fd, copy_stat, (unsigned long)st);
}

long sys_stat(const char __user *path, void __user *st)
{
	return path_inode_op(path, copy_stat, (unsigned long)st);
}

static long copy_statfs(struct inode *inode, unsigned long ubuf)
{
	struct statfs buf = {
		.f_type = RAMFS_MAGIC,
		.f_bsize = PAGE_SIZE,
		.f_frsize = PAGE_SIZE,
		.f_blocks = nr_managed_pages(),
		.f_bfree = nr_free_pages(),
		.f_bavail = nr_free_pages(),
		.f_fsid = { { RAMFS_DEV, 0 } },
		.f_namelen = NAME_MAX,
		.f_flags = IS_RDONLY(inode) ? ST_RDONLY : 0,
	};

	return copy_to_user((void __user *)ubuf, &buf, sizeof(buf)) ? -EFAULT
								    : 0;
}

long sys_fstatfs(int fd, void __user *buf)
{
	return fd_inode_op(fd, copy_statfs, (unsigned long)buf);
}

long sys_statfs(const char __user *path, void __user *buf)
{
	return path_inode_op(path, copy_statfs, (unsigned long)buf);
}
