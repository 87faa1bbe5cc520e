// SPDX-License-Identifier: MIT
/*
 * memfd_create, as Linux's mm/memfd.c: an anonymous file, a ramfs inode
 * that no directory names, opened read-write.  Its pages are its page
 * cache, so it can be sized (ftruncate), read, written and mapped, shared
 * with a child by fork, and it goes with its last reference.  Linux's
 * memfd is a shmem (tmpfs) file; ramfs is Pagoda's only memory file
 * system, and a file without a name is what makes it anonymous.
 *
 * The name is checked (Linux's length limit) but kept nowhere: maps shows
 * such a mapping as "(deleted)", where Linux shows "/memfd:NAME (deleted)".
 * File sealing (MFD_ALLOW_SEALING, fcntl's F_ADD_SEALS) is not there, so
 * MFD_ALLOW_SEALING is EINVAL, as is MFD_HUGETLB (no huge pages).
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/uaccess.h>
#include <mm/mmap.h>

/* Linux's limit: NAME_MAX (255) less the "memfd:" prefix it adds. */
#define MFD_NAME_MAX_LEN 249

long sys_memfd_create(const char __user *uname, unsigned int flags)
{
	char name[MFD_NAME_MAX_LEN + 1];
	struct inode *inode;
	struct file *file;
	long len;
	int fd;

	if (flags & ~MFD_CLOEXEC)
		return -EINVAL;
	len = strncpy_from_user(name, uname, sizeof(name));
	if (len < 0)
		return len == -ENAMETOOLONG ? -EINVAL : len;
	fd = get_unused_fd();
	if (fd < 0)
		return fd;
	inode = new_inode(S_IFREG | 0777);
	if (!inode) {
		put_unused_fd(fd);
		return -ENOMEM;
	}
	inode->i_fop = &ramfs_file_operations;
	file = dentry_open(inode, O_RDWR);
	iput(inode); /* the file holds it now, or nothing does */
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	if (flags & MFD_CLOEXEC)
		set_close_on_exec(fd, true);
	return fd;
}
