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
 * current->files is the fd table: fd n is files->fd[n].  The threads of a
 * process share one table (clone's CLONE_FILES; files->count says how many
 * tasks use it), so a slot is claimed and filled under files->lock: an
 * open first reserves the lowest free fd (open_fds), as POSIX requires,
 * and installs the file once it is made, so that a thread opening a file
 * meanwhile cannot be given the same number.  The table also holds the
 * working directory, which Linux keeps apart (fs_struct): clone accepts
 * CLONE_FS only together with CLONE_FILES, so both are always shared
 * together.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/panic.h>
#include <kernel/resource.h>
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
	struct files_struct *files = current->files;
	unsigned long flags;
	struct file *f;

	if (fd < 0 || fd >= NR_OPEN)
		return NULL;
	flags = spin_lock_irqsave(&files->lock);
	f = files->fd[fd];
	if (f)
		get_file(f);
	spin_unlock_irqrestore(&files->lock, flags);
	return f;
}

int get_unused_fd_from(int start)
{
	struct files_struct *files = current->files;
	unsigned long flags = spin_lock_irqsave(&files->lock);
	/* NR_OPEN <= bits in a long */
	int fd = __builtin_ffsl(~files->open_fds & (~0UL << start)) - 1;

	/* RLIMIT_NOFILE is at most NR_OPEN (kernel/resource.c). */
	if (fd < 0 || (unsigned long)fd >= rlimit(RLIMIT_NOFILE))
		fd = -EMFILE;
	else
		files->open_fds |= 1UL << fd;
	spin_unlock_irqrestore(&files->lock, flags);
	return fd;
}

int get_unused_fd(void)
{
	return get_unused_fd_from(0);
}

void put_unused_fd(int fd)
{
	struct files_struct *files = current->files;
	unsigned long flags = spin_lock_irqsave(&files->lock);

	BUG_ON(files->fd[fd]);
	files->open_fds &= ~(1UL << fd);
	spin_unlock_irqrestore(&files->lock, flags);
}

/* Put file (and the caller's reference to it) in fd, which get_unused_fd gave. */
void fd_install(int fd, struct file *file)
{
	struct files_struct *files = current->files;
	unsigned long flags = spin_lock_irqsave(&files->lock);

	BUG_ON(files->fd[fd] || !(files->open_fds & (1UL << fd)));
	files->fd[fd] = file;
	spin_unlock_irqrestore(&files->lock, flags);
}

/*
 * Empty slot fd and give its file, or NULL if it held none.  (fput, which
 * may release a pipe or an inode, runs later, outside the lock.)
 */
struct file *fd_uninstall(int fd)
{
	struct files_struct *files = current->files;
	unsigned long flags = spin_lock_irqsave(&files->lock);
	struct file *f = files->fd[fd];

	if (f) {
		files->fd[fd] = NULL;
		files->open_fds &= ~(1UL << fd);
		files->close_on_exec &= ~(1UL << fd);
	}
	spin_unlock_irqrestore(&files->lock, flags);
	return f;
}

long sys_close(int fd)
{
	struct file *f;

	if (fd < 0 || fd >= NR_OPEN)
		return -EBADF;
	f = fd_uninstall(fd);
	if (!f)
		return -EBADF;
	filp_close(f, current->files);
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

/* A slot another thread has reserved but not filled yet is EBUSY, as in Linux. */
long sys_dup2(int fd, int newfd)
{
	struct file *f = fget(fd), *old;
	struct files_struct *files = current->files;
	unsigned long flags;

	if (!f)
		return -EBADF;
	if (newfd < 0 || (unsigned long)newfd >= rlimit(RLIMIT_NOFILE)) {
		fput(f);
		return -EBADF;
	}
	if (newfd == fd) {
		fput(f);
		return newfd;
	}
	flags = spin_lock_irqsave(&files->lock);
	old = files->fd[newfd];
	if (!old && (files->open_fds & (1UL << newfd))) {
		spin_unlock_irqrestore(&files->lock, flags);
		fput(f);
		return -EBUSY;
	}
	files->fd[newfd] = f;
	files->open_fds |= 1UL << newfd;
	files->close_on_exec &=
		~(1UL << newfd); /* POSIX: the copy has it clear */
	spin_unlock_irqrestore(&files->lock, flags);
	if (old)
		filp_close(old, files);
	return newfd;
}

void set_close_on_exec(int fd, bool on)
{
	struct files_struct *files = current->files;
	unsigned long flags = spin_lock_irqsave(&files->lock);

	if (on)
		files->close_on_exec |= 1UL << fd;
	else
		files->close_on_exec &= ~(1UL << fd);
	spin_unlock_irqrestore(&files->lock, flags);
}

bool get_close_on_exec(int fd)
{
	return current->files->close_on_exec & (1UL << fd);
}

/*
 * execve, past its point of no return: close the fds marked FD_CLOEXEC.
 * The table is the process's alone by then (de_thread ended the other
 * threads).
 */
void do_close_on_exec(void)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (get_close_on_exec(fd))
			filp_close(fd_uninstall(fd), current->files);
}

/* An empty table, for a new task; NULL if memory is short. */
struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files));

	if (files)
		files->count = 1;
	return files;
}

/*
 * fork: the child's (empty) table becomes a copy of the parent's, each
 * file with one more reference, the cwd too.
 */
void files_fork(struct task_struct *child, const struct task_struct *parent)
{
	struct files_struct *from = parent->files, *to = child->files;
	unsigned long flags = spin_lock_irqsave(&from->lock);

	for (int fd = 0; fd < NR_OPEN; fd++) {
		struct file *f = from->fd[fd];

		to->fd[fd] = f ? get_file(f) : NULL;
		if (f)
			to->open_fds |= 1UL << fd;
	}
	to->close_on_exec = from->close_on_exec;
	to->cwd = from->cwd ? igrab(from->cwd) : NULL;
	spin_unlock_irqrestore(&from->lock, flags);
}

/* clone(CLONE_FILES | CLONE_FS): the child uses the parent's table. */
void files_share(struct task_struct *child, const struct task_struct *parent)
{
	struct files_struct *files = parent->files;
	unsigned long flags = spin_lock_irqsave(&files->lock);

	files->count++;
	spin_unlock_irqrestore(&files->lock, flags);
	files_exit(child);
	child->files = files;
}

/* Drop t's use of its table; the last user closes every file. */
void files_exit(struct task_struct *t)
{
	struct files_struct *files = t->files;
	unsigned long flags;
	bool last;

	if (!files)
		return;
	t->files = NULL;
	flags = spin_lock_irqsave(&files->lock);
	last = --files->count == 0;
	spin_unlock_irqrestore(&files->lock, flags);
	if (!last)
		return;
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd])
			filp_close(files->fd[fd], files);
	if (files->cwd)
		iput(files->cwd);
	kfree(files);
}
