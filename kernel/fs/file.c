// SPDX-License-Identifier: MIT
/*
 * Open files and the per-process file descriptor table.
 *
 * A struct file is one open(): an inode, a position, the open flags.  It
 * is reference counted: each fd-table slot pointing at it holds a
 * reference (dup and fork add slots, so the position is shared between
 * them, as POSIX wants), and so does each system call using it meanwhile
 * (fget).  The last fput releases it: a pipe learns that a reader or
 * writer has gone, and the inode reference is dropped, which frees an
 * unlinked file's data.
 *
 * current->files[] is the fd table: fd n is files[n].  Only the task
 * itself changes its table (there are no threads; fork copies the parent's
 * table while the parent runs fork), so it needs no lock.  New fds are the
 * lowest free ones, as POSIX requires.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <mm/slab.h>

/* Guards every file's f_count, and nr_files. */
static struct spinlock files_lock = SPINLOCK_INIT;
static unsigned long nr_files; /* struct files in the system */

static unsigned int open_fmode(unsigned int flags)
{
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		return FMODE_READ;
	case O_WRONLY:
		return FMODE_WRITE;
	default:
		return FMODE_READ | FMODE_WRITE;
	}
}

/* A new open file on inode (which it references), or ENFILE/ENOMEM. */
struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fops)
{
	unsigned long irqflags = spin_lock_irqsave(&files_lock);
	bool full = nr_files >= NR_FILE;
	struct file *file;

	if (!full)
		nr_files++;
	spin_unlock_irqrestore(&files_lock, irqflags);
	if (full)
		return ERR_PTR(-ENFILE);

	file = kzalloc(sizeof(*file));
	if (!file) {
		irqflags = spin_lock_irqsave(&files_lock);
		nr_files--;
		spin_unlock_irqrestore(&files_lock, irqflags);
		return ERR_PTR(-ENOMEM);
	}
	file->f_inode = igrab(inode);
	file->f_mapping = &inode->i_data;
	file->f_op = fops;
	file->f_flags = flags;
	file->f_mode = open_fmode(flags);
	file->f_count = 1;
	return file;
}

struct file *get_file(struct file *f)
{
	unsigned long flags = spin_lock_irqsave(&files_lock);

	BUG_ON(f->f_count <= 0);
	f->f_count++;
	spin_unlock_irqrestore(&files_lock, flags);
	return f;
}

/*
 * i_writecount as Linux keeps it: +1 for each file open to write or
 * truncate a regular file, -1 for each address space running it.  Taking
 * one kind fails (ETXTBSY) while the other kind is held; giving back
 * (undo) never fails.
 */
static int writecount_add(struct inode *inode, int delta, bool undo)
{
	unsigned long flags = spin_lock_irqsave(&inode->i_lock);
	int err = 0;

	if (undo)
		inode->i_writecount -= delta;
	else if (inode->i_writecount * delta < 0)
		err = -ETXTBSY;
	else
		inode->i_writecount += delta;
	spin_unlock_irqrestore(&inode->i_lock, flags);
	return err;
}

int get_write_access(struct file *f)
{
	int err = writecount_add(f->f_inode, 1, false);

	if (!err)
		f->f_mode |= FMODE_WRITER;
	return err;
}

int deny_write_access(struct file *f)
{
	return writecount_add(f->f_inode, -1, false);
}

void allow_write_access(struct file *f)
{
	writecount_add(f->f_inode, -1, true);
}

void fput(struct file *f)
{
	unsigned long flags = spin_lock_irqsave(&files_lock);
	bool last;

	BUG_ON(f->f_count <= 0);
	last = --f->f_count == 0;
	if (last)
		nr_files--;
	spin_unlock_irqrestore(&files_lock, flags);
	if (!last)
		return;
	if (f->f_op->release)
		f->f_op->release(f->f_inode, f);
	if (f->f_mode & FMODE_WRITER)
		writecount_add(f->f_inode, 1, true);
	iput(f->f_inode);
	kfree(f);
}

bool file_is_regular(const struct file *f)
{
	return S_ISREG(f->f_inode->i_mode);
}

/* The file open as fd in the current task, with a reference, or NULL. */
struct file *fget(int fd)
{
	struct file *f;

	if (fd < 0 || fd >= NR_OPEN)
		return NULL;
	f = current->files[fd];
	return f ? get_file(f) : NULL;
}

int get_unused_fd(void)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (!current->files[fd])
			return fd;
	return -EMFILE;
}

/* Put file (and the caller's reference to it) in the free slot fd. */
void fd_install(int fd, struct file *file)
{
	BUG_ON(current->files[fd]);
	current->files[fd] = file;
}

long sys_close(int fd)
{
	struct file *f;

	if (fd < 0 || fd >= NR_OPEN || !current->files[fd])
		return -EBADF;
	f = current->files[fd];
	current->files[fd] = NULL;
	fput(f);
	return 0;
}

long sys_dup(int fd)
{
	struct file *f = fget(fd);
	int newfd;

	if (!f)
		return -EBADF;
	newfd = get_unused_fd();
	if (newfd < 0) {
		fput(f);
		return newfd;
	}
	fd_install(newfd, f);
	return newfd;
}

long sys_dup2(int fd, int newfd)
{
	struct file *f = fget(fd), *old;

	if (!f)
		return -EBADF;
	if (newfd < 0 || newfd >= NR_OPEN) {
		fput(f);
		return -EBADF;
	}
	if (newfd == fd) {
		fput(f);
		return newfd;
	}
	old = current->files[newfd];
	current->files[newfd] = f;
	if (old)
		fput(old);
	return newfd;
}

void files_fork(struct task_struct *child, const struct task_struct *parent)
{
	for (int fd = 0; fd < NR_OPEN; fd++) {
		struct file *f = parent->files[fd];

		child->files[fd] = f ? get_file(f) : NULL;
	}
	child->cwd = parent->cwd ? igrab(parent->cwd) : NULL;
}

void files_exit(struct task_struct *t)
{
	for (int fd = 0; fd < NR_OPEN; fd++) {
		struct file *f = t->files[fd];

		t->files[fd] = NULL;
		if (f)
			fput(f);
	}
	if (t->cwd) {
		iput(t->cwd);
		t->cwd = NULL;
	}
}
