/* SPDX-License-Identifier: MIT */
/*
 * Inside the file layer: inodes, directory entries, open files and the
 * operations on them, shared by kernel/fs/ and the drivers in
 * kernel/drivers/.  The rest of the kernel sees only kernel/fs/fs.h.
 *
 * The objects, as in Linux:
 *   struct inode   a file itself: type, size, data (a regular file's pages
 *                  in its address_space), a directory's entries
 *   struct dentry  one name in a directory, pointing to an inode
 *   struct file    an open file: an inode, a position and the open flags;
 *                  fd tables point to files, and fork shares them
 *
 * There is one file system, ramfs, so where Linux calls a file system
 * through inode->i_op, Pagoda calls the ramfs functions directly.  Devices
 * and pipes differ only in their file operations (inode->i_fop, copied to
 * file->f_op at open).
 *
 * Locks:
 *   the inode lock    sleeping (inode_lock_killable): a regular file's size
 *                     and contents, a pipe's buffer.  Held while copying to
 *                     and from user memory, which may fault or sleep, so it
 *                     is taken with no spinlock held; spinlocks may be
 *                     taken inside it.
 *   dcache_lock       spinlock (dir.c): every directory's entries and
 *                     i_parent; inode->i_lock nests inside it.
 *   inode->i_lock     spinlock: i_count, i_nlink and the three times.
 *   files_lock        spinlock (file.c): every file's f_count.
 *   file_lock_lock    spinlock (locks.c): every inode's record locks and
 *                     the F_SETLKW sleepers; innermost, nothing nests in it.
 *   page_cache_lock   spinlock (mm/filemap.c): the page-cache arrays.
 */
#ifndef _KERNEL_FS_VFS_H
#define _KERNEL_FS_VFS_H

#include <kernel/fs/fs.h>
#include <kernel/fs/uio.h>
#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <kernel/wait.h>
#include <mm/filemap.h>
#include <pagoda/abi.h>

#define NAME_MAX PAGODA_NAME_MAX /* bytes in a path component */
#define PATH_MAX PAGODA_PATH_MAX /* bytes in a path, with its NUL */
#define NR_FILE 1024		 /* open files in the system (ENFILE) */
/* Largest read or write in one call (Linux's MAX_RW_COUNT). */
#define MAX_RW_COUNT 0x7ffff000L
/* Largest regular file: its page array is at most 2 MiB (mm/filemap.h). */
#define MAX_FILE_SIZE (1LL << 30)

struct file;
struct kiocb;
struct vm_area_struct;
struct pipe_inode_info;

struct inode {
	unsigned long i_ino;
	unsigned int i_mode;  /* S_IF* type and permission bits */
	unsigned int i_nlink; /* names for it in directories (i_lock) */
	int i_count;	      /* references: files, cwds, lookups (i_lock) */
	struct spinlock i_lock;
	bool i_locked; /* the inode lock (Linux: i_rwsem) */
	struct wait_queue i_lock_wait;
	loff_t i_size; /* bytes; a regular file's under the inode lock */
	/* CLOCK_REALTIME: last read, data change, data or inode change (i_lock) */
	struct timespec i_atime, i_mtime, i_ctime;
	struct address_space i_data; /* a regular file's pages */
	const struct file_operations *i_fop;

	/* Directories (under dcache_lock). */
	struct list_head i_entries; /* struct dentry, by d_child */
	struct inode *i_parent; /* "..": itself for a root, NULL once removed */

	struct pipe_inode_info *i_pipe; /* S_IFIFO */
	struct list_head i_flock; /* record locks, struct file_lock (locks.c) */
	unsigned int i_flags;	  /* S_RDONLY */
	/*
	 * Writers (> 0: files open to write or truncate it) or running
	 * programs (< 0: address spaces executing it), never both: see
	 * deny_write_access (i_lock).
	 */
	int i_writecount;

	/*
	 * A directory whose entries are made on demand (/proc): asked for a
	 * name its fixed entries lack; a new inode (one reference) or NULL.
	 */
	struct inode *(*i_lookup)(struct inode *dir, const char *name);
	void *i_private; /* the maker's own (/proc: a pid; /xip: its entry) */
};

/*
 * A file or directory of a read-only store (/xip): no writes, no new or
 * removed names -- EROFS.  Linux asks the superblock (SB_RDONLY); Pagoda
 * has none, so each inode says it.
 */
#define S_RDONLY 0x1
#define IS_RDONLY(inode) ((inode)->i_flags & S_RDONLY)

/* One entry of a directory: a name for an inode, which holds a link. */
struct dentry {
	struct list_head d_child; /* on the directory's i_entries */
	struct inode *d_inode;
	char d_name[NAME_MAX + 1];
};

/* file->f_mode: what the file was opened for (from the O_ACCMODE bits). */
#define FMODE_READ 1
#define FMODE_WRITE 2
#define FMODE_WRITER 4 /* holds write access to a regular file's inode */

struct file {
	struct inode *f_inode;
	struct address_space *f_mapping; /* &f_inode->i_data */
	const struct file_operations *f_op;
	unsigned int f_flags; /* O_* flags given to open */
	unsigned int f_mode;  /* FMODE_* */
	loff_t f_pos;
	int f_count;	    /* fd-table slots and calls in progress using it */
	void *private_data; /* the driver's, for a device file */
};

/* One read or write: the file, where, and how (Linux's struct kiocb). */
#define IOCB_APPEND 1 /* write at the end of the file, whatever ki_pos says */

struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos; /* updated past the bytes transferred */
	int ki_flags;
};

/* What an open file does; a NULL operation answers with the errno noted. */
struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	/* The last reference to the file is gone. */
	void (*release)(struct inode *inode, struct file *file);
	/* Bytes transferred or -errno (NULL: EINVAL, EISDIR for a directory). */
	long (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	long (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	/* New position or -errno (NULL: ESPIPE, and no pread/pwrite). */
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	/* Linux: unlocked_ioctl (NULL: ENOTTY). */
	long (*ioctl)(struct file *file, unsigned long cmd, unsigned long arg);
	/*
	 * Map the file into vma (vm_file already set; vm_pgoff is the page
	 * offset asked for): set up vm_ops or map the frames, adjust vm_flags;
	 * 0 or -errno (NULL: a regular file's page cache, else ENODEV).
	 */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	/* Entry number pos into *d: 1, or 0 past the last (NULL: ENOTDIR). */
	int (*readdir)(struct file *file, loff_t pos, struct pagoda_dirent *d);
	/*
	 * POLLIN, POLLOUT ... as a read or write would find the file now
	 * (NULL: always ready, as a regular file is); whoever changes that
	 * calls poll_notify (select.c), since select sleeps on one queue.
	 */
	unsigned int (*poll)(struct file *file);
};

/*
 * A process's open files (kernel/fs/file.c), shared by its threads: fd n
 * is fd[n]; a bit of open_fds is set while fd n is installed or reserved by
 * an open still under way.  lock guards fd, open_fds and cwd.
 */
#define NR_OPEN PAGODA_OPEN_MAX /* per process (at most bits in a long) */

struct files_struct {
	int count; /* tasks using the table */
	struct spinlock lock;
	unsigned long open_fds;
	unsigned long close_on_exec; /* bit n: fd n has FD_CLOEXEC */
	struct file *fd[NR_OPEN];
	struct inode *cwd;
};

/* A task's view of the tree: where "/" and relative paths start. */
struct fs_struct {
	struct inode *root;
	struct inode *pwd;
};

/* inode.c: lifetime and locking of inodes. */
struct inode *new_inode(unsigned int mode); /* i_count 1, no links */
struct inode *igrab(struct inode *inode);
void iput(struct inode *inode);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
int inode_lock_killable(struct inode *inode); /* 0 or -ERESTARTSYS */
void inode_unlock(struct inode *inode);
/* The file times: set to now those flags name (Linux's S_ATIME ...). */
#define S_ATIME 1
#define S_MTIME 2
#define S_CTIME 4
struct timespec current_time(void);
void inode_update_time(struct inode *inode, int flags);

/* dir.c: directories, the tree and its lock. */
extern struct spinlock dcache_lock;
struct inode *ramfs_new_root(void);
void ramfs_kill_tree(struct inode *root);
struct inode *ramfs_lookup(struct inode *dir, const char *name);
struct inode *ramfs_mknod(struct inode *dir, const char *name,
			  unsigned int mode, const struct file_operations *fops,
			  bool excl);
int ramfs_unlink(struct inode *dir, const char *name);
int ramfs_rmdir(struct inode *dir, const char *name);
int ramfs_link(struct inode *inode, struct inode *dir, const char *name);
int ramfs_rename(struct inode *old_dir, const char *old_name,
		 struct inode *new_dir, const char *new_name);
struct inode *ramfs_parent(struct inode *dir, struct inode *root);
int ramfs_path(struct inode *root, struct inode *inode, char *buf, size_t size);
extern const struct file_operations ramfs_dir_operations;

/* ramfs.c: regular files, whose data is their page cache. */
extern const struct file_operations ramfs_file_operations;
int ramfs_setsize(struct inode *inode, loff_t size);

/* namespace.c: the root, and the calling task's view of the tree. */
extern struct inode *vfs_root;
void current_fs(struct fs_struct *fs);
/* A node made at boot (vfs_init, proc_init): panics if it cannot be. */
struct inode *boot_mknod(struct inode *dir, const char *name, unsigned int mode,
			 const struct file_operations *fops);

/* namei.c: from paths to inodes. */
struct inode *lookup_path(const struct fs_struct *fs, const char *path);
struct inode *lookup_parent(const struct fs_struct *fs, const char *path,
			    char *last, bool *trailing_slash);
int do_mkdir(const struct fs_struct *fs, const char *path, unsigned int mode);
int do_unlink(const struct fs_struct *fs, const char *path);
int do_rename(const struct fs_struct *fs, const char *oldpath,
	      const char *newpath);
int do_link(const struct fs_struct *fs, const char *oldpath,
	    const char *newpath);
char *getname(const char __user *path); /* kmalloc'd copy, or ERR_PTR */
void putname(char *name);
struct inode *lookup_user_path(const char __user *path); /* or ERR_PTR */
struct inode *user_path_at(int dfd, const char __user *path);

/* file.c: open files and the fd table. */
/* Write access to a regular file's inode for f (FMODE_WRITER), or ETXTBSY. */
int get_write_access(struct file *f);
struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fops); /* or ERR_PTR */
struct file *fget(int fd); /* with a reference, or NULL */
int get_unused_fd(void);   /* lowest free fd of current, reserved, or -EMFILE */
int get_unused_fd_from(int start); /* the same, from start up */
void put_unused_fd(int fd);	   /* give back a reserved fd never installed */
void fd_install(int fd, struct file *file);
struct file *fd_uninstall(int fd);	 /* empty fd: its file, or NULL */
void set_close_on_exec(int fd, bool on); /* FD_CLOEXEC of an installed fd */
bool get_close_on_exec(int fd);

/* open.c */
struct file *do_filp_open(const struct fs_struct *fs, const char *path,
			  int flags, unsigned int mode);
struct file *dentry_open(struct inode *inode, int flags);

/* read_write.c */
long vfs_read(struct file *file, struct iov_iter *to, loff_t *pos);
long vfs_write(struct file *file, struct iov_iter *from, loff_t *pos);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size);

/* stat.c */
void vfs_getattr(struct inode *inode, struct stat *st);
/* op(inode, arg) on the file open as fd, or at a user path: 0 or -errno */
long fd_inode_op(int fd, long (*op)(struct inode *, unsigned long),
		 unsigned long arg);
long path_inode_op(const char __user *path,
		   long (*op)(struct inode *, unsigned long),
		   unsigned long arg);
/* utimes.c: times[0] atime, times[1] mtime (UTIME_NOW, UTIME_OMIT) */
int vfs_utimes(struct inode *inode, const struct timespec *times);

/*
 * locks.c: POSIX record locks.  filp_close is close(2)'s end of an fd: the
 * closing process's locks on the file go (all of them, whichever fd made
 * them, as POSIX says), then its reference.
 */
long fcntl_getlk(struct file *f, struct flock __user *ufl);
long fcntl_setlk(struct file *f, int cmd, struct flock __user *ufl);
void locks_remove_posix(struct file *f, struct files_struct *owner);
void filp_close(struct file *f, struct files_struct *owner);

/* select.c: wake the tasks in select, something's readiness changed. */
void poll_notify(void);

/* pipe.c */
int create_pipe_files(struct file *res[2]);
void free_pipe_info(struct pipe_inode_info *pipe);

/* proc.c: /proc under root, made at boot. */
void proc_init(struct inode *root);

/* kernel/drivers/: the character devices vfs_init puts in /dev. */
extern const struct file_operations null_fops;
extern const struct file_operations zero_fops;
extern const struct file_operations random_fops; /* /dev/[u]random */
extern const struct file_operations console_fops;
extern const struct file_operations kmsg_fops;
extern const struct file_operations fb_fops;
extern const struct file_operations xipmem_fops;
extern const struct file_operations hmm_dmirror_fops[2];

/* initrd.c: unpack into a given directory (the tests use their own). */
int cpio_unpack(struct inode *root, const void *data, size_t size);

#endif
