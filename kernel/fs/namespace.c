// SPDX-License-Identifier: MIT
/*
 * The root of the tree: vfs_init builds it at boot as a ramfs holding the
 * standard directories and the device nodes, and current_fs() tells path
 * lookup where "/" and "." are for the calling task.
 */
#include <kernel/err.h>
#include <kernel/fs/vfs.h>
#include <kernel/panic.h>
#include <kernel/sched.h>

struct inode *vfs_root;

/* Make name in dir at boot; running out of memory this early is fatal. */
struct inode *boot_mknod(struct inode *dir, const char *name, unsigned int mode,
			 const struct file_operations *fops)
{
	struct inode *inode = ramfs_mknod(dir, name, mode, fops, true);

	if (IS_ERR(inode))
		panic("vfs_init: cannot create %s: error %ld", name,
		      PTR_ERR(inode));
	return inode;
}

void vfs_init(void)
{
	static const char *const dirs[] = { "bin", "etc", "tests" };
	struct inode *dev;

	BUG_ON(vfs_root);
	vfs_root = ramfs_new_root();
	if (!vfs_root)
		panic("vfs_init: out of memory");
	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++)
		iput(boot_mknod(vfs_root, dirs[i], S_IFDIR | 0755, NULL));
	iput(boot_mknod(vfs_root, "tmp", S_IFDIR | 01777, NULL));
	proc_init(vfs_root);

	dev = boot_mknod(vfs_root, "dev", S_IFDIR | 0755, NULL);
	iput(boot_mknod(dev, "console", S_IFCHR | 0600, &console_fops));
	iput(boot_mknod(dev, "null", S_IFCHR | 0666, &null_fops));
	iput(boot_mknod(dev, "zero", S_IFCHR | 0666, &zero_fops));
	iput(boot_mknod(dev, "random", S_IFCHR | 0666, &random_fops));
	iput(boot_mknod(dev, "urandom", S_IFCHR | 0666, &random_fops));
	iput(boot_mknod(dev, "kmsg", S_IFCHR | 0644, &kmsg_fops));
	iput(boot_mknod(dev, "fb0", S_IFCHR | 0666, &fb_fops));
	iput(boot_mknod(dev, "xipmem", S_IFCHR | 0444, &xipmem_fops));
	iput(boot_mknod(dev, "hmm_dmirror0", S_IFCHR | 0666,
			&hmm_dmirror_fops[0]));
	iput(boot_mknod(dev, "hmm_dmirror1", S_IFCHR | 0666,
			&hmm_dmirror_fops[1]));
	/* POSIX shared memory objects' files (user/lib/shm.c). */
	iput(boot_mknod(dev, "shm", S_IFDIR | 01777, NULL));
	iput(dev);
}

/*
 * The calling task's root and working directory.  No references are
 * taken: only the process itself changes its cwd (chdir), so it cannot go
 * away during the task's own system call -- unless another thread of the
 * process changes directory meanwhile and the old one, removed, loses its
 * last reference (a known gap: Linux takes a reference here, path_get).
 * Kernel threads, and a process before it has a cwd, work from the root.
 */
void current_fs(struct fs_struct *fs)
{
	BUG_ON(!vfs_root); /* a file system call before vfs_init */
	fs->root = vfs_root;
	fs->pwd = current && current->files && current->files->cwd
			  ? current->files->cwd
			  : vfs_root;
}
