// SPDX-License-Identifier: MIT
/*
 * Opening files: from a path and O_* flags to a struct file.
 *
 *   O_RDONLY, O_WRONLY, O_RDWR  what the file may be used for; read on a
 *                               write-only file (or write on a read-only
 *                               one) is EBADF later; a directory opens
 *                               read-only (EISDIR otherwise)
 *   O_CREAT                     create a regular file if the name is free
 *   O_EXCL                      with O_CREAT: EEXIST if it is not
 *   O_TRUNC                     empty a regular file
 *   O_APPEND                    every write() goes to the end (read_write.c)
 *   O_DIRECTORY                 ENOTDIR unless it is a directory
 *   O_NONBLOCK                  a read or write of a pipe or the console
 *                               that would wait fails with EAGAIN
 *   O_CLOEXEC                   the fd is closed by execve (fcntl.c)
 *
 * Also here: ftruncate, chmod and fchmod (the permission bits, kept but
 * never checked: Pagoda's one user is root), and the first process's
 * stdin/stdout/stderr.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/string.h>

/* Open the inode itself: the checks of the flags against its type. */
struct file *dentry_open(struct inode *inode, int flags)
{
	bool writing = (flags & O_ACCMODE) != O_RDONLY;
	struct file *file;
	int err = 0;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (S_ISDIR(inode->i_mode) && writing)
		return ERR_PTR(-EISDIR);
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return ERR_PTR(-ENOTDIR);
	if (IS_RDONLY(inode) && (writing || (flags & O_TRUNC)))
		return ERR_PTR(-EROFS);

	file = alloc_file(inode, flags, inode->i_fop);
	if (IS_ERR(file))
		return file;
	if (S_ISREG(inode->i_mode) && (writing || (flags & O_TRUNC)))
		err = get_write_access(file);
	if (!err && file->f_op->open)
		err = file->f_op->open(inode, file);
	if (!err && (flags & O_TRUNC) && S_ISREG(inode->i_mode))
		err = ramfs_setsize(inode, 0);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

/* O_CREAT: the existing inode at path, or a new regular file there. */
static struct inode *open_create(const struct fs_struct *fs, const char *path,
				 int flags, unsigned int mode)
{
	char last[NAME_MAX + 1];
	struct inode *dir, *inode;
	bool slash;

	dir = lookup_parent(fs, path, last, &slash);
	if (IS_ERR(dir))
		return dir;
	if (!strcmp(last, ".") || !strcmp(last, "..") || slash)
		inode = ERR_PTR((flags & O_EXCL) ? -EEXIST : -EISDIR);
	else
		inode = ramfs_mknod(dir, last, S_IFREG | (mode & 07777), NULL,
				    flags & O_EXCL);
	iput(dir);
	if (!IS_ERR(inode) && S_ISDIR(inode->i_mode)) {
		iput(inode);
		return ERR_PTR(-EISDIR); /* as Linux: O_CREAT on a directory */
	}
	return inode;
}

struct file *do_filp_open(const struct fs_struct *fs, const char *path,
			  int flags, unsigned int mode)
{
	struct inode *inode;
	struct file *file;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (flags & O_CREAT)
		inode = open_create(fs, path, flags, mode);
	else
		inode = lookup_path(fs, path);
	if (IS_ERR(inode))
		return ERR_PTR(PTR_ERR(inode));
	file = dentry_open(inode, flags);
	iput(inode); /* the file holds its own reference */
	return file;
}

struct file *filp_open(const char *path, int flags)
{
	struct fs_struct fs;

	current_fs(&fs);
	return do_filp_open(&fs, path, flags, 0644);
}

long sys_open(const char __user *path, int flags, int mode)
{
	struct fs_struct fs;
	struct file *file;
	char *name;
	int fd;

	fd = get_unused_fd(); /* EMFILE before creating anything */
	if (fd < 0)
		return fd;
	name = getname(path);
	if (IS_ERR(name)) {
		put_unused_fd(fd);
		return PTR_ERR(name);
	}
	current_fs(&fs);
	file = do_filp_open(&fs, name, flags, mode);
	putname(name);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	if (flags & O_CLOEXEC)
		set_close_on_exec(fd, true);
	return fd;
}

/* As Linux: EINVAL unless a regular file open for writing. */
long sys_ftruncate(int fd, loff_t len)
{
	struct file *f = fget(fd);
	long err = -EINVAL;

	if (!f)
		return -EBADF;
	if (S_ISREG(f->f_inode->i_mode) && (f->f_mode & FMODE_WRITE))
		err = ramfs_setsize(f->f_inode, len);
	fput(f);
	return err;
}

/* fds 0, 1 and 2 of the first process: /dev/console, read-write. */
int files_open_console(struct task_struct *t)
{
	struct fs_struct fs = { vfs_root, vfs_root };
	struct file *file;

	struct files_struct *files = t->files;

	BUG_ON(files->open_fds & 7);
	file = do_filp_open(&fs, "/dev/console", O_RDWR, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	files->fd[0] = file;
	files->fd[1] = get_file(file);
	files->fd[2] = get_file(file);
	files->open_fds |= 7;
	if (!files->cwd)
		files->cwd = igrab(vfs_root);
	return 0;
}

static long chmod_common(struct inode *inode, unsigned long mode)
{
	unsigned long flags;

	if (IS_RDONLY(inode))
		return -EROFS;
	flags = spin_lock_irqsave(&inode->i_lock);
	inode->i_mode = (inode->i_mode & S_IFMT) | (mode & 07777);
	spin_unlock_irqrestore(&inode->i_lock, flags);
	inode_update_time(inode, S_CTIME);
	return 0;
}

long sys_chmod(const char __user *path, unsigned int mode)
{
	return path_inode_op(path, chmod_common, mode);
}

long sys_fchmod(int fd, unsigned int mode)
{
	return fd_inode_op(fd, chmod_common, mode);
}
