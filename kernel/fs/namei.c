// SPDX-License-Identifier: MIT
/*
 * Path lookup: from a string such as "/usr/../tmp//a" to an inode, one
 * component at a time.  An absolute path starts at the root, a relative
 * one at the working directory; "." stays, ".." goes up (and stays at the
 * root), repeated slashes count as one.  Errors, as POSIX names them:
 *   ENOENT        a component does not exist, or the path is empty
 *   ENOTDIR       a component used as a directory is not one
 *   ENAMETOOLONG  a component is longer than NAME_MAX, or the path than
 *                 PATH_MAX
 * Each step holds a reference to the directory it is in, so a directory
 * removed meanwhile stays valid (and empty) until the walk leaves it.
 *
 * Also here: the system calls that work on names (mkdir, unlink, rename,
 * link, chdir, getcwd).
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/slab.h>

/*
 * Copy the component at *pathp into name and move *pathp past it and the
 * slashes after it.  The component is not empty: callers skip slashes.
 */
static int next_component(const char **pathp, char *name)
{
	const char *p = *pathp;
	size_t len = 0;

	while (p[len] && p[len] != '/')
		len++;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(name, p, len);
	name[len] = '\0';
	p += len;
	while (*p == '/')
		p++;
	*pathp = p;
	return 0;
}

static bool is_dot_or_dotdot(const char *name)
{
	return !strcmp(name, ".") || !strcmp(name, "..");
}

/* One step of a walk: name in dir.  Returns the inode referenced. */
static struct inode *lookup_one(const struct fs_struct *fs, struct inode *dir,
				const char *name)
{
	struct inode *inode;

	if (!S_ISDIR(dir->i_mode))
		return ERR_PTR(-ENOTDIR);
	if (!strcmp(name, "."))
		return igrab(dir);
	if (!strcmp(name, ".."))
		inode = ramfs_parent(dir, fs->root);
	else
		inode = ramfs_lookup(dir, name);
	return inode ? inode : ERR_PTR(-ENOENT);
}

/*
 * Walk all of path but its last component, which is copied to last
 * (NAME_MAX + 1 bytes; "." for "/").  Returns the directory it would be in,
 * referenced; *trailing_slash says whether the path ended in a slash (so
 * the last component must be a directory).  The last component need not
 * exist: this is how creation and removal find their directory.
 */
struct inode *lookup_parent(const struct fs_struct *fs, const char *path,
			    char *last, bool *trailing_slash)
{
	struct inode *dir;
	int err;

	if (!*path)
		return ERR_PTR(-ENOENT);
	dir = igrab(*path == '/' ? fs->root : fs->pwd);
	while (*path == '/')
		path++;
	strscpy(last, ".", NAME_MAX + 1);
	*trailing_slash = false;
	while (*path) {
		struct inode *next;

		err = next_component(&path, last);
		if (err)
			goto fail;
		if (!*path) {
			*trailing_slash = path[-1] == '/';
			break;
		}
		next = lookup_one(fs, dir, last);
		iput(dir);
		if (IS_ERR(next))
			return next;
		dir = next;
	}
	if (!S_ISDIR(dir->i_mode)) {
		err = -ENOTDIR;
		goto fail;
	}
	return dir;
fail:
	iput(dir);
	return ERR_PTR(err);
}

/* The inode path names, referenced, or ERR_PTR. */
struct inode *lookup_path(const struct fs_struct *fs, const char *path)
{
	char last[NAME_MAX + 1];
	struct inode *dir, *inode;
	bool slash;

	dir = lookup_parent(fs, path, last, &slash);
	if (IS_ERR(dir))
		return dir;
	inode = lookup_one(fs, dir, last);
	iput(dir);
	if (!IS_ERR(inode) && slash && !S_ISDIR(inode->i_mode)) {
		iput(inode);
		return ERR_PTR(-ENOTDIR);
	}
	return inode;
}

int do_mkdir(const struct fs_struct *fs, const char *path, unsigned int mode)
{
	char last[NAME_MAX + 1];
	struct inode *dir, *inode;
	bool slash;

	dir = lookup_parent(fs, path, last, &slash);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (is_dot_or_dotdot(last))
		inode = ERR_PTR(-EEXIST);
	else
		inode = ramfs_mknod(dir, last, S_IFDIR | (mode & 07777), NULL,
				    true);
	iput(dir);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	iput(inode);
	return 0;
}

/*
 * A trailing slash on name says "a directory": dir_err if it is one (unlink
 * says EISDIR, rename goes on: 0), ENOTDIR if not, ENOENT if it does not
 * exist.
 */
static int slash_error(const struct fs_struct *fs, struct inode *dir,
		       const char *name, int dir_err)
{
	struct inode *inode = lookup_one(fs, dir, name);
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = S_ISDIR(inode->i_mode) ? dir_err : -ENOTDIR;
	iput(inode);
	return err;
}

/*
 * What removing ".", ".." or the root says, as Linux does: unlink calls
 * them all directories (EISDIR); rmdir says "." is an invalid argument,
 * ".." a directory not empty (it holds at least the caller's), and "/"
 * (only slashes) busy: the root is always in use.
 */
static int remove_special_error(const char *path, const char *last, bool is_dir)
{
	while (*path == '/')
		path++;
	if (!is_dir)
		return -EISDIR;
	if (!*path)
		return -EBUSY;
	return strcmp(last, "..") ? -EINVAL : -ENOTEMPTY;
}

/*
 * unlink (is_dir 0) or rmdir (is_dir 1): remove the name at path, which must
 * be a file, or an empty directory.  The unsigned argument gives both the
 * shape of do_mkdir, so one system-call wrapper serves all three.
 */
static int do_remove(const struct fs_struct *fs, const char *path,
		     unsigned int is_dir)
{
	char last[NAME_MAX + 1];
	struct inode *dir;
	bool slash;
	int err;

	dir = lookup_parent(fs, path, last, &slash);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (is_dot_or_dotdot(last))
		err = remove_special_error(path, last, is_dir);
	else if (is_dir)
		err = ramfs_rmdir(dir, last); /* a trailing slash is fine */
	else if (slash)
		err = slash_error(fs, dir, last, -EISDIR);
	else
		err = ramfs_unlink(dir, last);
	iput(dir);
	return err;
}

int do_unlink(const struct fs_struct *fs, const char *path)
{
	return do_remove(fs, path, 0);
}

/*
 * rename(oldpath, newpath).  ".", ".." and the root cannot be renamed nor
 * be renamed onto: EBUSY, as Linux says.
 */
int do_rename(const struct fs_struct *fs, const char *oldpath,
	      const char *newpath)
{
	char old_last[NAME_MAX + 1], new_last[NAME_MAX + 1];
	struct inode *old_dir, *new_dir;
	bool old_slash, new_slash;
	int err = 0;

	old_dir = lookup_parent(fs, oldpath, old_last, &old_slash);
	if (IS_ERR(old_dir))
		return PTR_ERR(old_dir);
	new_dir = lookup_parent(fs, newpath, new_last, &new_slash);
	if (IS_ERR(new_dir)) {
		iput(old_dir);
		return PTR_ERR(new_dir);
	}
	if (is_dot_or_dotdot(old_last) || is_dot_or_dotdot(new_last))
		err = -EBUSY;
	else if (old_slash || new_slash)
		err = slash_error(fs, old_dir, old_last, 0);
	if (!err)
		err = ramfs_rename(old_dir, old_last, new_dir, new_last);
	iput(new_dir);
	iput(old_dir);
	return err;
}

/*
 * link(oldpath, newpath): newpath names a new entry, so ".", ".." and an
 * existing name are EEXIST; with a trailing slash it would be a directory,
 * which a link cannot make: ENOENT (EEXIST if it exists), as Linux says.
 */
int do_link(const struct fs_struct *fs, const char *oldpath,
	    const char *newpath)
{
	char last[NAME_MAX + 1];
	struct inode *inode, *dir, *there;
	bool slash;
	int err;

	inode = lookup_path(fs, oldpath);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	dir = lookup_parent(fs, newpath, last, &slash);
	if (IS_ERR(dir)) {
		iput(inode);
		return PTR_ERR(dir);
	}
	if (is_dot_or_dotdot(last)) {
		err = -EEXIST;
	} else if (slash) {
		there = lookup_one(fs, dir, last);
		err = IS_ERR(there) ? -ENOENT : -EEXIST;
		if (!IS_ERR(there))
			iput(there);
	} else {
		err = ramfs_link(inode, dir, last);
	}
	iput(dir);
	iput(inode);
	return err;
}

/* Copy a path from user memory: EFAULT, ENAMETOOLONG, or a kmalloc'd copy. */
char *getname(const char __user *path)
{
	char *name = kmalloc(PATH_MAX);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, path, PATH_MAX);
	if (len < 0) {
		kfree(name);
		return ERR_PTR(len);
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}

/*
 * lookup_path for a system call: the inode a path in user memory names,
 * from the calling task's root and working directory.
 */
/*
 * path from user space, relative to the directory open as dfd, or to the
 * cwd if dfd is AT_FDCWD (an absolute path ignores dfd): Linux's *at()
 * calls.  The inode with a reference, or an ERR_PTR.
 */
struct inode *user_path_at(int dfd, const char __user *path)
{
	struct file *dir = NULL;
	struct fs_struct fs;
	struct inode *inode = NULL;
	char *name = getname(path);

	if (IS_ERR(name))
		return ERR_PTR(PTR_ERR(name));
	current_fs(&fs);
	if (name[0] != '/' && dfd != AT_FDCWD) {
		dir = fget(dfd);
		if (!dir)
			inode = ERR_PTR(-EBADF);
		else if (!S_ISDIR(dir->f_inode->i_mode))
			inode = ERR_PTR(-ENOTDIR);
		else
			fs.pwd = dir->f_inode;
	}
	if (!inode)
		inode = lookup_path(&fs, name);
	if (dir)
		fput(dir);
	putname(name);
	return inode;
}

struct inode *lookup_user_path(const char __user *path)
{
	return user_path_at(AT_FDCWD, path);
}

/* A system call on one user path: copy the path in, apply op with arg. */
static long path_syscall(const char __user *path,
			 int (*op)(const struct fs_struct *, const char *,
				   unsigned int),
			 unsigned int arg)
{
	struct fs_struct fs;
	char *name = getname(path);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	current_fs(&fs);
	err = op(&fs, name, arg);
	putname(name);
	return err;
}

long sys_mkdir(const char __user *path, int mode)
{
	return path_syscall(path, do_mkdir, mode);
}

long sys_unlink(const char __user *path)
{
	return path_syscall(path, do_remove, 0);
}

long sys_rmdir(const char __user *path)
{
	return path_syscall(path, do_remove, 1);
}

/* A system call on two user paths: copy both in, apply op. */
static long two_path_syscall(const char __user *old, const char __user *new,
			     int (*op)(const struct fs_struct *, const char *,
				       const char *))
{
	struct fs_struct fs;
	char *oldname = getname(old), *newname;
	int err;

	if (IS_ERR(oldname))
		return PTR_ERR(oldname);
	newname = getname(new);
	if (IS_ERR(newname)) {
		putname(oldname);
		return PTR_ERR(newname);
	}
	current_fs(&fs);
	err = op(&fs, oldname, newname);
	putname(newname);
	putname(oldname);
	return err;
}

long sys_rename(const char __user *oldpath, const char __user *newpath)
{
	return two_path_syscall(oldpath, newpath, do_rename);
}

long sys_link(const char __user *oldpath, const char __user *newpath)
{
	return two_path_syscall(oldpath, newpath, do_link);
}

long sys_chdir(const char __user *path)
{
	struct inode *inode = lookup_user_path(path);
	struct files_struct *files = current->files;
	unsigned long flags;
	struct inode *old;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	if (!S_ISDIR(inode->i_mode)) {
		iput(inode);
		return -ENOTDIR;
	}
	flags = spin_lock_irqsave(&files->lock);
	old = files->cwd;
	files->cwd = inode;
	spin_unlock_irqrestore(&files->lock, flags);
	if (old)
		iput(old);
	return 0;
}

/* Returns the length of the path with its NUL, as Linux's system call does. */
long sys_getcwd(char __user *buf, size_t size)
{
	struct fs_struct fs;
	char *path = kmalloc(PATH_MAX);
	long len;

	if (!path)
		return -ENOMEM;
	current_fs(&fs);
	len = ramfs_path(fs.root, fs.pwd, path, PATH_MAX);
	if (len > 0 && (size_t)len > size)
		len = -ERANGE;
	if (len > 0 && copy_to_user(buf, path, len))
		len = -EFAULT;
	kfree(path);
	return len;
}
