/* SPDX-License-Identifier: MIT */
/*
 * The file-system interface the rest of the kernel uses: open files, the
 * per-process file table, the boot-time root file system, and the system
 * calls on files.  Implemented in kernel/fs/ (VFS, ramfs, pipes, /proc, the
 * initrd), with console_receive in kernel/drivers/console.c and
 * pagecache_pages in mm/filemap.c; the device files' own operations are
 * the drivers' (kernel/drivers/).
 */
#ifndef _KERNEL_FS_FS_H
#define _KERNEL_FS_FS_H

#include <kernel/types.h>
#include <kernel/uaccess.h>
#include <pagoda/abi.h>

typedef long long loff_t;

struct file;
struct inode;
struct task_struct;

/* Build the root: a ramfs with /bin /dev /etc /tmp and the device nodes. */
void vfs_init(void);
/* Unpack a cpio "newc" archive into the root; 0 or -errno. */
int initrd_unpack(const void *data, size_t size);

/* Reference counting of open files (the fd table holds references). */
struct file *get_file(struct file *f);
void fput(struct file *f);
/*
 * A program's file cannot change while a process runs it (ETXTBSY), since
 * exec maps its pages from the page cache: execve denies write access for
 * as long as an address space runs the file, and opening it to write or
 * truncate fails meanwhile (and execve of a file open for writing fails).
 */
int deny_write_access(struct file *f);
void allow_write_access(struct file *f);

/* The file's data changed (a write, a shared mapping's write fault). */
void file_update_time(struct file *file);
/* The file's data was read (a read, an mmap): atime, relatime-style. */
void file_accessed(struct file *file);
/* fsync's work on an open file (kernel/fs/fcntl.c): 0 or -errno. */
int vfs_fsync(struct file *file);

/* For the kernel itself (the ELF loader): open by path, read at pos. */
struct file *filp_open(const char *path, int flags); /* ERR_PTR on error */
long kernel_read(struct file *f, void *buf, size_t n, loff_t pos);
/* Is the file executable as a program (a regular file)? */
bool file_is_regular(const struct file *f);
/*
 * Number of entries in the directory at path (. and .. not counted) that
 * want() accepts (all, if want is NULL), or -errno.
 */
int vfs_dir_entries(const char *path, bool (*want)(const char *name));

/*
 * Process life: a task starts with an empty table (files_alloc); fork
 * copies the parent's table and cwd into it, clone of a thread shares the
 * parent's instead; exit drops the task's use.
 */
struct files_struct *files_alloc(void);
void files_fork(struct task_struct *child, const struct task_struct *parent);
void files_share(struct task_struct *child, const struct task_struct *parent);
void files_exit(struct task_struct *t);
/* execve: close the files marked FD_CLOEXEC. */
void do_close_on_exec(void);
/* The first process's stdin, stdout and stderr: /dev/console. */
int files_open_console(struct task_struct *t);

/* Console input, from the UART's receive interrupt. */
void console_receive(char c);

/* Pages held by the page cache (for sysinfo). */
unsigned long pagecache_pages(void);

/* System calls on files: each returns the result or -errno. */
long sys_open(const char __user *path, int flags, int mode);
long sys_close(int fd);
long sys_read(int fd, void __user *buf, size_t n);
long sys_write(int fd, const void __user *buf, size_t n);
long sys_pread(int fd, void __user *buf, size_t n, loff_t pos);
long sys_pwrite(int fd, const void __user *buf, size_t n, loff_t pos);
loff_t sys_lseek(int fd, loff_t off, int whence);
long sys_fstat(int fd, void __user *st);
long sys_stat(const char __user *path, void __user *st);
long sys_unlink(const char __user *path);
long sys_mkdir(const char __user *path, int mode);
long sys_rmdir(const char __user *path);
long sys_rename(const char __user *oldpath, const char __user *newpath);
long sys_link(const char __user *oldpath, const char __user *newpath);
long sys_dup(int fd);
long sys_dup2(int fd, int newfd);
long sys_pipe(int __user *fds);
long sys_ftruncate(int fd, loff_t len);
long sys_ioctl(int fd, unsigned long cmd, unsigned long arg);
long sys_getdents(int fd, void __user *dirents, size_t count);
long sys_chdir(const char __user *path);
long sys_getcwd(char __user *buf, size_t size);
long sys_fcntl(int fd, int cmd, unsigned long arg);
long sys_fsync(int fd);
long sys_utimensat(int dfd, const char __user *path,
		   const struct timespec __user *utimes, int flags);
long sys_statfs(const char __user *path, void __user *buf);
long sys_fstatfs(int fd, void __user *buf);
long sys_chmod(const char __user *path, unsigned int mode);
long sys_fchmod(int fd, unsigned int mode);
long sys_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
		  unsigned long __user *exp, struct timespec __user *tsp,
		  const sigset_t __user *sigmask);
long sys_ppoll(struct pollfd __user *fds, unsigned int n,
	       struct timespec __user *tsp, const sigset_t __user *sigmask);

#endif
