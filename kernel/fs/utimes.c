// SPDX-License-Identifier: MIT
/*
 * Setting a file's times: utimensat (Linux's fs/utimes.c).  The C library
 * builds futimens, utimes and utime on it (user/lib/utime.c).
 *
 * Each of atime and mtime is given as a timespec whose tv_nsec may instead
 * say UTIME_NOW (the current time) or UTIME_OMIT (leave it); no times at
 * all means both now.  Any change also sets ctime to now, since ctime is
 * when the inode last changed, which only the kernel may say; a call that
 * omits both changes nothing, not even ctime.  Pagoda has one user, root,
 * so there is no permission check; a read-only store (/xip) is EROFS.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/time.h>

static bool valid_time(const struct timespec *t)
{
	return t->tv_nsec == UTIME_NOW || t->tv_nsec == UTIME_OMIT ||
	       (t->tv_nsec >= 0 && t->tv_nsec < NSEC_PER_SEC);
}

static void set_time(struct timespec *field, const struct timespec *t,
		     const struct timespec *now)
{
	if (t->tv_nsec == UTIME_NOW)
		*field = *now;
	else if (t->tv_nsec != UTIME_OMIT)
		*field = *t;
}

int vfs_utimes(struct inode *inode, const struct timespec *times)
{
	struct timespec now = current_time();
	unsigned long flags;

	if (times[0].tv_nsec == UTIME_OMIT && times[1].tv_nsec == UTIME_OMIT)
		return 0;
	if (IS_RDONLY(inode))
		return -EROFS;
	flags = spin_lock_irqsave(&inode->i_lock);
	set_time(&inode->i_atime, &times[0], &now);
	set_time(&inode->i_mtime, &times[1], &now);
	inode->i_ctime = now;
	spin_unlock_irqrestore(&inode->i_lock, flags);
	return 0;
}

/* A NULL path is the file open as dfd itself (futimens). */
long sys_utimensat(int dfd, const char __user *path,
		   const struct timespec __user *utimes, int flags)
{
	struct timespec times[2] = { { .tv_nsec = UTIME_NOW },
				     { .tv_nsec = UTIME_NOW } };
	struct inode *inode;
	long err;

	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	if (utimes) {
		if (copy_from_user(times, utimes, sizeof(times)))
			return -EFAULT;
		if (!valid_time(&times[0]) || !valid_time(&times[1]))
			return -EINVAL;
	}
	if (path) {
		inode = user_path_at(dfd, path);
	} else {
		struct file *f = fget(dfd);

		if (!f)
			return -EBADF;
		inode = igrab(f->f_inode);
		fput(f);
	}
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = vfs_utimes(inode, times);
	iput(inode);
	return err;
}
